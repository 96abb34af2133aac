import { z } from 'zod';

import { normalizeLinkedinUrl } from './linkedin';

/**
 * The normalized Candidate, in its strict shape: what every trigger emits and every export node
 * reads. `parseCandidate` (normalize.ts) accepts looser input and always returns this shape.
 */

export const EMAIL_TYPES = ['personal', 'work', 'other'] as const;
export const PHONE_TYPES = ['mobile', 'home', 'work', 'other'] as const;

const text = z
	.string()
	.trim()
	.transform((v) => (v === '' ? undefined : v));
const optionalText = z.preprocess((v) => (v === null ? undefined : v), text.optional());

// Deliberately stricter than RFC 5322: one @, a dot in the domain, no spaces. ATS APIs reject the rest.
const EMAIL_RE =
	/^[^\s@"(),:;<>[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;

export const emailSchema = z.object({
	value: z
		.string()
		.trim()
		.toLowerCase()
		// Length first: no address is longer, and the pattern then never runs on a long input.
		.refine((v) => v.length <= 254 && EMAIL_RE.test(v), {
			message: 'is not a valid email address (expected e.g. jane@example.com)',
		}),
	type: z.enum(EMAIL_TYPES).default('other'),
});

export const phoneSchema = z.object({
	value: z
		.string()
		.trim()
		// No \s before the extension: the class already takes spaces, and two places that could take
		// the same space made this pattern quadratic on long runs of spaces.
		.refine((v) => v.length <= 60 && /^\+?[\d\s().\-/]+(?:(?:x|ext\.?)\s*\d+)?$/i.test(v), {
			message: 'has characters a phone number cannot contain (use digits, spaces, + - ( ) only)',
		})
		.refine((v) => countDigits(v) >= 6 && countDigits(v) <= 18, {
			message: 'must have between 6 and 18 digits',
		}),
	type: z.enum(PHONE_TYPES).default('other'),
});

const previousJobSchema = z.object({
	title: optionalText,
	company: optionalText,
	startDate: optionalText,
	endDate: optionalText,
});

const locationSchema = z.object({
	city: optionalText,
	state: optionalText,
	country: optionalText,
});

/** The fields of a candidate. Their names are the candidate half of the item contract (item.ts). */
const candidateFields = z.object({
	fullName: optionalText,
	firstName: optionalText,
	lastName: optionalText,
	emails: z.array(emailSchema).default([]),
	phones: z.array(phoneSchema).default([]),
	linkedinUrl: optionalText,
	location: locationSchema.default({}),
	currentTitle: optionalText,
	currentCompany: optionalText,
	previousJobs: z.array(previousJobSchema).default([]),
	resume: z.object({ binaryProperty: z.string().trim().min(1) }).optional(),
	source: optionalText,
	tags: z.array(z.string().trim().min(1)).default([]),
	extra: z.record(z.unknown()).default({}),
});

export type CandidateKey = keyof typeof candidateFields.shape;

/** Every key a candidate may have, read from the schema itself so the two never drift apart. */
export const CANDIDATE_KEYS = Object.keys(candidateFields.shape) as CandidateKey[];

export const candidateSchema = candidateFields
	.superRefine((c, ctx) => {
		if (!c.fullName && !(c.firstName && c.lastName)) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['fullName'],
				message: 'is missing: set fullName, or both firstName and lastName',
			});
		}
		if (c.linkedinUrl !== undefined && normalizeLinkedinUrl(c.linkedinUrl) === undefined) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['linkedinUrl'],
				message: `"${c.linkedinUrl}" is not a LinkedIn profile URL (expected https://www.linkedin.com/in/<name>)`,
			});
		}
	})
	.transform((c) => {
		const names = completeNames(c.fullName, c.firstName, c.lastName);
		return {
			...c,
			...names,
			emails: dedupeBy(c.emails, (e) => e.value),
			phones: dedupeBy(c.phones, (p) => p.value),
			linkedinUrl: c.linkedinUrl === undefined ? undefined : normalizeLinkedinUrl(c.linkedinUrl),
			tags: [...new Set(c.tags)],
		};
	});

export type Candidate = z.output<typeof candidateSchema>;
export type CandidateEmail = z.output<typeof emailSchema>;
export type CandidatePhone = z.output<typeof phoneSchema>;

function completeNames(fullName?: string, firstName?: string, lastName?: string) {
	if (fullName && (!firstName || !lastName)) {
		const parts = fullName.split(/\s+/);
		const first = firstName ?? parts[0];
		// A one-word name still needs a last name for ATSes that require one; repeat nothing, use "-".
		const last = lastName ?? (parts.length > 1 ? parts.slice(1).join(' ') : '-');
		return { fullName, firstName: first, lastName: last };
	}
	return {
		fullName: fullName ?? `${firstName} ${lastName}`,
		firstName: firstName as string,
		lastName: lastName as string,
	};
}

/** Digits before an extension ("x12", "ext. 12"); one pass, stopping early on a long value. */
function countDigits(v: string): number {
	let n = 0;
	for (const c of v) {
		if (c === 'x' || c === 'X' || c === 'e' || c === 'E') break;
		if (c >= '0' && c <= '9' && ++n > 18) break;
	}
	return n;
}

function dedupeBy<T>(list: T[], key: (v: T) => string): T[] {
	const seen = new Set<string>();
	return list.filter((v) => (seen.has(key(v)) ? false : (seen.add(key(v)), true)));
}
