import { createHash } from 'crypto';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { type CandidateEmail, type CandidatePhone, emailSchema, normalizeLinkedinUrl, parseCandidate, phoneSchema } from '../shared/candidate';

/**
 * What the ATS webhook triggers (Greenhouse, Pinpoint) have in common: read the raw body once,
 * drop redeliveries with a bounded list of recent ids, and answer the HTTP request.
 * Everything here except `answer` is pure. Used by both ATS triggers; it belongs in nodes/shared.
 */

export type Rec = Record<string, unknown>;

export function isRecord(v: unknown): v is Rec {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function rec(v: unknown): Rec {
	return isRecord(v) ? v : {};
}

/** A non-empty trimmed string, or undefined. Numbers become strings (ids are often numeric). */
export function str(v: unknown): string | undefined {
	if (typeof v === 'number' && Number.isFinite(v)) return String(v);
	if (typeof v !== 'string') return undefined;
	const t = v.trim();
	return t === '' ? undefined : t;
}

/** An id as the API sent it: numbers stay numbers, numeric-looking strings stay strings. */
export function id(v: unknown): string | number | undefined {
	if (typeof v === 'number' && Number.isFinite(v)) return v;
	return str(v);
}

/** Keeps only the keys whose value is set, so outputs stay small and predictable. */
export function compact<T extends Rec>(obj: T): T {
	const out: Rec = {};
	for (const [k, v] of Object.entries(obj)) {
		if (v === undefined || v === null || v === '') continue;
		if (Array.isArray(v) && v.length === 0) continue;
		if (isRecord(v) && Object.keys(v).length === 0) continue;
		out[k] = v;
	}
	return out as T;
}

export interface LooseEntry {
	value: unknown;
	type: string;
	/** Where it came from, for the message when it is left out, e.g. "email_addresses[0]". */
	from: string;
}

/**
 * A candidate read from an ATS payload, through the shared parser. Emails and phones the shared
 * schema rejects (an address with a space, a 3-digit phone) are left out one by one and reported,
 * so one odd entry never costs the whole candidate; so is a link that is not a LinkedIn profile.
 * Without a name there is no candidate: the fields are left out and `errors` says why.
 */
export function normalizeLoose(
	loose: Rec & { emails: LooseEntry[]; phones: LooseEntry[] },
): { fields: IDataObject; errors: string[] } {
	const errors: string[] = [];
	const keep = <T>(entries: LooseEntry[], schema: typeof emailSchema | typeof phoneSchema): T[] =>
		entries.flatMap((e) => {
			const value = str(e.value) ?? '';
			const parsed = schema.safeParse({ value, type: e.type });
			if (parsed.success) return [parsed.data as T];
			errors.push(`${e.from} "${value}" left out: ${parsed.error.issues[0]?.message}`);
			return [];
		});
	const linkedin = str(loose.linkedinUrl);
	const linkedinUrl = linkedin ? normalizeLinkedinUrl(linkedin) : undefined;
	if (linkedin && !linkedinUrl) errors.push(`linkedin "${linkedin}" left out: not a LinkedIn profile URL`);
	const parsed = parseCandidate({ ...loose, linkedinUrl, emails: keep<CandidateEmail>(loose.emails, emailSchema), phones: keep<CandidatePhone>(loose.phones, phoneSchema) });
	if (parsed.ok) return { fields: Object.fromEntries(Object.entries(parsed.candidate).filter(([, v]) => v !== undefined)) as IDataObject, errors };
	return { fields: {}, errors: [...errors, ...parsed.issues.map((i) => `candidate not normalized: ${i.field} ${i.message}`)] };
}

export interface Delivery {
	/** The bytes exactly as received: what the sender signed. */
	rawBody?: Buffer;
	/** The body n8n parsed; used only when the raw bytes are not available. */
	body?: unknown;
	/** Header names in lower case. */
	headers: Record<string, string | string[] | undefined>;
}

export function header(delivery: Delivery, name: string): string | undefined {
	const v = delivery.headers[name.toLowerCase()];
	return Array.isArray(v) ? v[0] : v;
}

/** The raw bytes are what was signed, so they are parsed rather than n8n's already-parsed body. */
export function parseBody(delivery: Delivery): { ok: true; body: Rec } | { ok: false; reason: string } {
	let body = delivery.body;
	if (delivery.rawBody !== undefined) {
		const text = delivery.rawBody.toString('utf8').replace(/^\uFEFF/, '');
		if (!text.trim()) return { ok: false, reason: 'the body is empty' };
		try {
			body = JSON.parse(text);
		} catch {
			return { ok: false, reason: 'the body is not valid JSON' };
		}
	}
	return isRecord(body) ? { ok: true, body } : { ok: false, reason: 'the body must be a JSON object' };
}

/** A stable id for a delivery without one: a redelivery of the same bytes hashes the same. */
export function contentKey(prefix: string, delivery: Delivery): string {
	const bytes = delivery.rawBody ?? Buffer.from(JSON.stringify(delivery.body ?? null));
	return `${prefix}:sha256:${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}`;
}

export const DEFAULT_DEDUPE_SIZE = 1000;

/** Appends new ids and keeps only the newest `size` (first in, first out), so the store stays bounded. */
export function remember(seen: string[], ids: string[], size = DEFAULT_DEDUPE_SIZE): string[] {
	const limit = Math.max(1, Math.floor(size) || DEFAULT_DEDUPE_SIZE);
	return [...seen, ...ids].slice(-limit);
}

export type Outcome =
	| { status: 400 | 401 | 500 | 503; message: string }
	/** 200 with items starts the workflow; 200 without items only answers (ping, ignored, duplicate). */
	| { status: 200; message: string; items: IDataObject[]; seen?: string[] };

const SEEN_KEY = 'recentDeliveryIds';

export function recentDeliveries(ctx: IWebhookFunctions): string[] {
	const stored = ctx.getWorkflowStaticData('node')[SEEN_KEY];
	return Array.isArray(stored) ? stored.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Writes the HTTP answer. Errors are answered here and end the request, so nothing runs; a 200
 * with items starts the workflow and stores the delivery ids, so a redelivery is recognized.
 */
export function answer(ctx: IWebhookFunctions, outcome: Outcome, system: string): IWebhookResponseData {
	if (outcome.status !== 200) {
		ctx.logger.warn(`${system} Trigger answered HTTP ${outcome.status}: ${outcome.message}`);
		ctx.getResponseObject().status(outcome.status).send(outcome.message).end();
		return { noWebhookResponse: true };
	}
	if (!outcome.items.length) return { webhookResponse: { received: true, message: outcome.message } };
	if (outcome.seen) ctx.getWorkflowStaticData('node')[SEEN_KEY] = outcome.seen;
	return { workflowData: [ctx.helpers.returnJsonArray(outcome.items)] };
}
