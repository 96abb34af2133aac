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

type Parsed<T> = { ok: true; body: T } | { ok: false; reason: string };

/** The raw bytes are what was signed, so they are parsed rather than n8n's already-parsed body. */
export function parseBody(delivery: Delivery): Parsed<Rec>;
export function parseBody(delivery: Delivery, opts: { allowArray: true }): Parsed<unknown>;
export function parseBody(
	delivery: Delivery,
	opts: { allowArray?: boolean } = {},
): Parsed<unknown> {
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
	if (isRecord(body) || (opts.allowArray && Array.isArray(body))) return { ok: true, body };
	return {
		ok: false,
		reason: opts.allowArray
			? 'the body must be a JSON object or array'
			: 'the body must be a JSON object',
	};
}
