import { z } from 'zod';
import { isRecord } from './values';

/**
 * The normalized Candidate: the contract between every trigger and every export node.
 * Triggers emit it; export nodes read it from `$json` (or `$json.candidate`) with no mapping step.
 * Input is parsed leniently (strings or arrays, any casing) and output is always the strict shape,
 * so a Set node or a CSV row can feed an export node directly.
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
		.refine((v) => EMAIL_RE.test(v), {
			message: 'is not a valid email address (expected e.g. jane@example.com)',
		}),
	type: z.enum(EMAIL_TYPES).default('other'),
});

export const phoneSchema = z.object({
	value: z
		.string()
		.trim()
		.refine((v) => /^\+?[\d\s().\-/]+(?:\s*(?:x|ext\.?)\s*\d+)?$/i.test(v), {
			message: 'has characters a phone number cannot contain (use digits, spaces, + - ( ) only)',
		})
		.refine((v) => countDigits(v) >= 6 && countDigits(v) <= 18, {
			message: 'must have between 6 and 18 digits',
		}),
	type: z.enum(PHONE_TYPES).default('other'),
});

export const previousJobSchema = z.object({
	title: optionalText,
	company: optionalText,
	startDate: optionalText,
	endDate: optionalText,
});

export const locationSchema = z.object({
	city: optionalText,
	state: optionalText,
	country: optionalText,
});

export const candidateSchema = z
	.object({
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
	})
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
export type PreviousJob = z.output<typeof previousJobSchema>;

export interface CandidateIssue {
	field: string;
	message: string;
}

export type ParseResult =
	{ ok: true; candidate: Candidate } | { ok: false; issues: CandidateIssue[] };

/**
 * Parses anything that looks like a candidate. Accepts the strict shape and common loose forms:
 * `email`/`emails` as string(s), `phone`/`phones` as string(s), `name`, `linkedin`, flat
 * city/state/country, `title`/`company`. Unknown keys are kept under `extra`.
 */
export function parseCandidate(input: unknown): ParseResult {
	if (input === null || typeof input !== 'object' || Array.isArray(input)) {
		return {
			ok: false,
			issues: [
				{ field: 'candidate', message: 'must be an object with at least a name and an email' },
			],
		};
	}
	const result = candidateSchema.safeParse(loosen(input as Record<string, unknown>));
	if (result.success) return { ok: true, candidate: result.data };
	return {
		ok: false,
		issues: result.error.issues.map((issue) => ({
			field: formatPath(issue.path),
			message: issue.message,
		})),
	};
}

const KNOWN_KEYS = new Set([
	'fullName',
	'name',
	'firstName',
	'lastName',
	'first_name',
	'last_name',
	'emails',
	'email',
	'phones',
	'phone',
	'linkedinUrl',
	'linkedin',
	'linkedin_url',
	'location',
	'city',
	'state',
	'country',
	'currentTitle',
	'title',
	'currentCompany',
	'company',
	'previousJobs',
	'resume',
	'source',
	'tags',
	'extra',
]);

function loosen(raw: Record<string, unknown>): Record<string, unknown> {
	const pick = (...keys: string[]) =>
		keys.map((k) => raw[k]).find((v) => v !== undefined && v !== null && v !== '');
	const extra: Record<string, unknown> = { ...(isRecord(raw.extra) ? raw.extra : {}) };
	for (const [k, v] of Object.entries(raw)) if (!KNOWN_KEYS.has(k)) extra[k] = v;
	const location = isRecord(raw.location)
		? raw.location
		: typeof raw.location === 'string'
			? splitLocation(raw.location)
			: { city: raw.city, state: raw.state, country: raw.country };
	return {
		fullName: pick('fullName', 'name'),
		firstName: pick('firstName', 'first_name'),
		lastName: pick('lastName', 'last_name'),
		emails: toList(pick('emails', 'email')).map((e) => (typeof e === 'string' ? { value: e } : e)),
		phones: toList(pick('phones', 'phone')).map((p) =>
			typeof p === 'string' || typeof p === 'number' ? { value: String(p) } : p,
		),
		linkedinUrl: pick('linkedinUrl', 'linkedin_url', 'linkedin'),
		location,
		currentTitle: pick('currentTitle', 'title'),
		currentCompany: pick('currentCompany', 'company'),
		previousJobs: toList(raw.previousJobs),
		resume:
			typeof raw.resume === 'string' ? { binaryProperty: raw.resume } : (raw.resume ?? undefined),
		source: raw.source,
		tags: typeof raw.tags === 'string' ? raw.tags.split(',') : toList(raw.tags),
		extra,
	};
}

/** "Austin, Texas, United States" → city/state/country; 2 parts → city/country. */
export function splitLocation(value: string): { city?: string; state?: string; country?: string } {
	const parts = value
		.split(',')
		.map((p) => p.trim())
		.filter(Boolean);
	if (parts.length >= 3)
		return { city: parts[0], state: parts[1], country: parts.slice(2).join(', ') };
	if (parts.length === 2) return { city: parts[0], country: parts[1] };
	return parts.length === 1 ? { city: parts[0] } : {};
}

export function formatLocation(location: Candidate['location']): string | undefined {
	const parts = [location.city, location.state, location.country].filter(Boolean);
	return parts.length ? parts.join(', ') : undefined;
}

/**
 * Returns `https://www.linkedin.com/in/<slug>` for any common spelling of a LinkedIn profile URL
 * (with or without scheme, www, country subdomain, trailing slash, query), or undefined.
 */
export function normalizeLinkedinUrl(value: string): string | undefined {
	const slug = linkedinSlug(value);
	return slug ? `https://www.linkedin.com/in/${slug}` : undefined;
}

export function linkedinSlug(value: string | undefined): string | undefined {
	if (!value) return undefined;
	const m =
		/^(?:https?:\/\/)?(?:[a-z]{2,3}\.|www\.)?linkedin\.com\/(?:in|pub)\/([^/?#\s]+)\/?(?:[?#].*)?$/i.exec(
			value.trim(),
		);
	if (!m) return undefined;
	let slug: string;
	try {
		slug = decodeURIComponent(m[1]);
	} catch {
		return undefined;
	}
	return /^[\p{L}\p{N}_-]{2,100}$/u.test(slug) ? slug.toLowerCase() : undefined;
}

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

function countDigits(v: string): number {
	return (v.replace(/(?:x|ext\.?)\s*\d+$/i, '').match(/\d/g) ?? []).length;
}

function dedupeBy<T>(list: T[], key: (v: T) => string): T[] {
	const seen = new Set<string>();
	return list.filter((v) => (seen.has(key(v)) ? false : (seen.add(key(v)), true)));
}

function toList(v: unknown): unknown[] {
	if (v === undefined || v === null || v === '') return [];
	if (Array.isArray(v)) return v;
	if (typeof v === 'string' && v.includes(',') && v.includes('@'))
		return v.split(',').map((s) => s.trim());
	return [v];
}

function formatPath(path: Array<string | number>): string {
	return (
		path.reduce<string>(
			(acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p),
			'',
		) || 'candidate'
	);
}
