import type { IDataObject } from 'n8n-workflow';

import { compact, isRecord, type Rec, str } from '../values';
import { capIssues, capMessage } from './caps';
import { normalizeLinkedinUrl } from './linkedin';
import { parseLocation } from './location';
import {
	CANDIDATE_KEYS,
	type Candidate,
	type CandidateEmail,
	type CandidatePhone,
	type CandidateKey,
	candidateSchema,
	emailSchema,
	phoneSchema,
} from './schema';

/**
 * Loose → strict. `parseCandidate` reads anything that looks like a candidate (a Set node, a CSV
 * row, a trigger item) and returns the strict shape or every problem at once; `normalizeLoose` is
 * the triggers' gentler variant, which drops one bad email or phone instead of the whole candidate.
 */

export interface CandidateIssue {
	field: string;
	message: string;
}

export type ParseResult =
	{ ok: true; candidate: Candidate } | { ok: false; issues: CandidateIssue[] };

/** Other names a field may arrive under, tried after the field's own name, in this order. */
const ALIASES: Partial<Record<CandidateKey, string[]>> = {
	fullName: ['name'],
	firstName: ['first_name'],
	lastName: ['last_name'],
	emails: ['email'],
	phones: ['phone'],
	linkedinUrl: ['linkedin_url', 'linkedin'],
	currentTitle: ['title'],
	currentCompany: ['company'],
};
/** A location may also arrive as flat fields. */
const FLAT_LOCATION = ['city', 'state', 'country'] as const;

/** Keys parseCandidate reads; anything else is kept under `extra`. */
const KNOWN_KEYS = new Set<string>([
	...CANDIDATE_KEYS,
	...Object.values(ALIASES).flat(),
	...FLAT_LOCATION,
]);

/**
 * Parses anything that looks like a candidate. Accepts the strict shape and common loose forms:
 * `email`/`emails` as string(s), `phone`/`phones` as string(s), `name`, `linkedin`, flat
 * city/state/country, `title`/`company`. Unknown keys are kept under `extra`.
 */
export function parseCandidate(input: unknown): ParseResult {
	if (!isRecord(input)) {
		return {
			ok: false,
			issues: [
				{ field: 'candidate', message: 'must be an object with at least a name and an email' },
			],
		};
	}
	const loose = loosen(input);
	// Caps first (caps.ts): one linear pass, so no pattern ever runs on an over-long value.
	const tooLong = capIssues(loose);
	if (tooLong.length)
		return {
			ok: false,
			issues: tooLong.map((issue) => ({ field: issue.field, message: capMessage(issue) })),
		};
	const result = candidateSchema.safeParse(loose);
	if (result.success) return { ok: true, candidate: result.data };
	return {
		ok: false,
		issues: result.error.issues.map((issue) => ({
			field: formatPath(issue.path),
			message: issue.message,
		})),
	};
}

function loosen(raw: Rec): Rec {
	const pick = (field: CandidateKey) =>
		[field, ...(ALIASES[field] ?? [])]
			.map((k) => raw[k])
			.find((v) => v !== undefined && v !== null && v !== '');
	const extra: Rec = { ...(isRecord(raw.extra) ? raw.extra : {}) };
	for (const [k, v] of Object.entries(raw)) if (!KNOWN_KEYS.has(k)) extra[k] = v;
	const location = isRecord(raw.location)
		? raw.location
		: typeof raw.location === 'string'
			? parseLocation(raw.location)
			: { city: raw.city, state: raw.state, country: raw.country };
	return {
		fullName: pick('fullName'),
		firstName: pick('firstName'),
		lastName: pick('lastName'),
		emails: toList(pick('emails')).map((e) => (typeof e === 'string' ? { value: e } : e)),
		phones: toList(pick('phones')).map((p) =>
			typeof p === 'string' || typeof p === 'number' ? { value: String(p) } : p,
		),
		linkedinUrl: pick('linkedinUrl'),
		location,
		currentTitle: pick('currentTitle'),
		currentCompany: pick('currentCompany'),
		previousJobs: toList(raw.previousJobs),
		resume:
			typeof raw.resume === 'string' ? { binaryProperty: raw.resume } : (raw.resume ?? undefined),
		source: raw.source,
		tags: typeof raw.tags === 'string' ? raw.tags.split(',') : toList(raw.tags),
		extra,
	};
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

export interface LooseEntry {
	value: unknown;
	type?: string;
	/** Where it came from, for the message when it is left out, e.g. "email_addresses[0]". */
	from?: string;
}

export type LooseCandidate = Rec & { emails?: LooseEntry[]; phones?: LooseEntry[] };

/**
 * A candidate read from a webhook payload or an API lookup, through parseCandidate. Emails and
 * phones the schema rejects (an address with a space, a 3-digit phone) are left out one by one and
 * reported, so one odd entry never costs the whole candidate; so is a link that is not a LinkedIn
 * profile. Without a name the candidate cannot be normalized: the loose fields are passed on as
 * they came, so the user sees what arrived, and `errors` says why (an export node will refuse it).
 */
export function normalizeLoose(loose: LooseCandidate): { fields: IDataObject; errors: string[] } {
	const errors: string[] = [];
	const linkedin = str(loose.linkedinUrl);
	const linkedinUrl = linkedin ? normalizeLinkedinUrl(linkedin) : undefined;
	if (linkedin && !linkedinUrl)
		errors.push(`linkedin "${shorten(linkedin)}" left out: not a LinkedIn profile URL`);
	// What is left out is left out of both paths below: reported, never also passed on.
	const cleaned: Rec = {
		...loose,
		linkedinUrl,
		location:
			isRecord(loose.location) || typeof loose.location === 'string'
				? parseLocation(loose.location)
				: loose.location,
		emails: keepValid<CandidateEmail>(loose.emails, emailSchema, 'emails', errors),
		phones: keepValid<CandidatePhone>(loose.phones, phoneSchema, 'phones', errors),
	};
	const parsed = parseCandidate(cleaned);
	if (parsed.ok)
		return {
			fields: Object.fromEntries(
				Object.entries(parsed.candidate).filter(([, v]) => v !== undefined),
			) as IDataObject,
			errors,
		};
	return {
		fields: compact(cleaned as IDataObject),
		errors: [
			...errors,
			...parsed.issues.map((i) => `candidate not normalized: ${i.field} ${i.message}`),
		],
	};
}

/** The entries the schema accepts; each one it refuses is reported in `errors`. */
function keepValid<T>(
	entries: LooseEntry[] = [],
	schema: typeof emailSchema | typeof phoneSchema,
	field: string,
	errors: string[],
): T[] {
	return entries.flatMap((e, i) => {
		const value = str(e.value) ?? '';
		const parsed = schema.safeParse(e.type ? { value, type: e.type } : { value });
		if (parsed.success) return [parsed.data as T];
		errors.push(
			`${e.from ?? `${field}[${i}]`} "${shorten(value)}" left out: ${parsed.error.issues[0]?.message}`,
		);
		return [];
	});
}

/** A refused value in a message: enough to recognise it, never a megabyte. */
function shorten(value: string): string {
	return value.length > 100 ? `${value.slice(0, 100)}…` : value;
}
