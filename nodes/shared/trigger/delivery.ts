import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { isRecord, type Rec } from '../values';

/** One webhook request as every trigger reads it. */
export interface Delivery {
	/** The bytes exactly as received: what the sender signed. */
	rawBody?: Buffer;
	/** The body n8n parsed; used only when the raw bytes are not available. */
	body?: unknown;
	/** Header names in lower case; a repeated header keeps its first value. */
	headers: Record<string, string>;
	query?: Record<string, unknown>;
}

/** Reads the request once: raw bytes (what was signed), lower-case headers, query. */
export async function readDelivery(ctx: IWebhookFunctions): Promise<Delivery> {
	const request = ctx.getRequestObject();
	if (request.rawBody === undefined && typeof request.readRawBody === 'function')
		await request.readRawBody();
	const headers: Record<string, string> = {};
	for (const [key, value] of Object.entries((ctx.getHeaderData() ?? {}) as IDataObject)) {
		const v = Array.isArray(value) ? value[0] : value;
		if (typeof v === 'string') headers[key.toLowerCase()] = v;
	}
	return {
		rawBody: request.rawBody,
		body: ctx.getBodyData(),
		headers,
		query: (ctx.getQueryData() ?? {}) as Record<string, unknown>,
	};
}

export function header(delivery: Delivery, name: string): string | undefined {
	return delivery.headers[name.toLowerCase()];
}

type Parsed<T> = { ok: true; body: T } | { ok: false; reason: string; status: 400 | 413 };

/**
 * What one delivery may hold. A trigger runs on n8n's single thread and its items are stored with
 * the execution, so a body, a text field or a batch past these is answered 413 and starts nothing.
 */
export const DELIVERY_LIMITS = {
	bodyBytes: 2 * 1024 * 1024,
	/** One string anywhere in the body (a reply's text or HTML, a note). */
	fieldChars: 200_000,
	/** Events in one delivery (a batch). */
	events: 500,
} as const;

/** The raw bytes are what was signed, so they are parsed rather than n8n's already-parsed body. */
export function parseBody(delivery: Delivery): Parsed<Rec>;
export function parseBody(delivery: Delivery, opts: { allowArray: true }): Parsed<unknown>;
export function parseBody(
	delivery: Delivery,
	opts: { allowArray?: boolean } = {},
): Parsed<unknown> {
	let body = delivery.body;
	if (delivery.rawBody !== undefined) {
		if (delivery.rawBody.length > DELIVERY_LIMITS.bodyBytes)
			return tooLarge(
				`the body is ${delivery.rawBody.length} bytes; at most ${DELIVERY_LIMITS.bodyBytes} are accepted`,
			);
		const text = delivery.rawBody.toString('utf8').replace(/^\uFEFF/, '');
		if (!text.trim()) return { ok: false, reason: 'the body is empty', status: 400 };
		try {
			body = JSON.parse(text);
		} catch {
			return { ok: false, reason: 'the body is not valid JSON', status: 400 };
		}
	}
	if (!isRecord(body) && !(opts.allowArray && Array.isArray(body)))
		return {
			ok: false,
			reason: opts.allowArray
				? 'the body must be a JSON object or array'
				: 'the body must be a JSON object',
			status: 400,
		};
	const long = longField(body, '', 0);
	return long
		? tooLarge(
				`the field "${long.path.slice(0, 100)}" is ${long.length} characters; at most ${DELIVERY_LIMITS.fieldChars} are accepted`,
			)
		: { ok: true, body };
}

function tooLarge(reason: string): { ok: false; reason: string; status: 413 } {
	return { ok: false, reason, status: 413 };
}

/** The first string (or key) over the field limit, with where it is; nesting past 64 levels is not searched. */
function longField(
	v: unknown,
	path: string,
	depth: number,
): { path: string; length: number } | undefined {
	if (typeof v === 'string')
		return v.length > DELIVERY_LIMITS.fieldChars
			? { path: path || '(body)', length: v.length }
			: undefined;
	if (depth > 64 || typeof v !== 'object' || v === null) return undefined;
	for (const [k, child] of Object.entries(v)) {
		const at = path ? `${path}.${k}` : k;
		if (k.length > DELIVERY_LIMITS.fieldChars) return { path: '(a key)', length: k.length };
		const found = longField(child, at, depth + 1);
		if (found) return found;
	}
	return undefined;
}
