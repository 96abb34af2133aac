import { createHash } from 'crypto';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { isRecord, type Rec } from './values';

/**
 * What every webhook trigger (Outreach, Greenhouse, Pinpoint) has in common: read the raw body
 * once, normalize a loose candidate, drop redeliveries with a bounded list of recent ids, and
 * answer the HTTP request. Everything here except `readDelivery`, `recentDeliveries` and `answer` is pure.
 */

export interface Delivery {
	/** The bytes exactly as received: what the sender signed. */
	rawBody?: Buffer;
	/** The body n8n parsed; used only when the raw bytes are not available. */
	body?: unknown;
	/** Header names in lower case. */
	headers: Record<string, string | string[] | undefined>;
	query?: Record<string, unknown>;
}

/** The request as every trigger needs it: raw bytes (what was signed), lower-case headers, query. */
export async function readDelivery(
	ctx: IWebhookFunctions,
): Promise<Delivery & { headers: Record<string, string>; query: Record<string, unknown> }> {
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
	const v = delivery.headers[name.toLowerCase()];
	return Array.isArray(v) ? v[0] : v;
}

/** The raw bytes are what was signed, so they are parsed rather than n8n's already-parsed body. */
export function parseBody(
	delivery: Delivery,
): { ok: true; body: Rec } | { ok: false; reason: string };
export function parseBody(
	delivery: Delivery,
	opts: { allowArray: true },
): { ok: true; body: unknown } | { ok: false; reason: string };
export function parseBody(
	delivery: Delivery,
	opts: { allowArray?: boolean } = {},
): { ok: true; body: unknown } | { ok: false; reason: string } {
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

export function recentDeliveries(ctx: IWebhookFunctions | IExecuteFunctions): string[] {
	const stored = ctx.getWorkflowStaticData('node')[SEEN_KEY];
	return Array.isArray(stored) ? stored.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The trigger's execute(): passes the delivered items on and records their event ids in the
 * workflow's static data. Why here and not only in webhook(): n8n 2.41 wraps the workflow's static
 * data again when the run starts, which clears its "changed" mark, so ids written by webhook() are
 * not saved once the workflow has any static data. What a node writes during the run is saved with
 * the execution. webhook() still writes them too, for n8n versions without that behaviour.
 */
export function recordDeliveries(
	ctx: IExecuteFunctions,
	size = DEFAULT_DEDUPE_SIZE,
): INodeExecutionData[][] {
	const items = ctx.getInputData();
	const seen = recentDeliveries(ctx);
	const fresh = items
		.map((i) => i.json.eventId)
		.filter((v): v is string => typeof v === 'string' && !seen.includes(v));
	// Assigned, not mutated, so n8n notices the change and saves it.
	if (fresh.length) ctx.getWorkflowStaticData('node')[SEEN_KEY] = remember(seen, fresh, size);
	return [items.map((item, i) => ({ ...item, pairedItem: { item: i } }))];
}

/**
 * Writes the HTTP answer. Errors are answered here and end the request, so nothing runs; a 200
 * with items starts the workflow and stores the delivery ids, so a redelivery is recognized.
 */
export function answer(
	ctx: IWebhookFunctions,
	outcome: Outcome,
	system: string,
): IWebhookResponseData {
	if (outcome.status !== 200) {
		ctx.logger.warn(`${system} Trigger answered HTTP ${outcome.status}: ${outcome.message}`);
		ctx.getResponseObject().status(outcome.status).send(outcome.message).end();
		return { noWebhookResponse: true };
	}
	if (!outcome.items.length)
		return { webhookResponse: { received: true, message: outcome.message } };
	if (outcome.seen) ctx.getWorkflowStaticData('node')[SEEN_KEY] = outcome.seen;
	return { workflowData: [ctx.helpers.returnJsonArray(outcome.items)] };
}
