import { createHash } from 'crypto';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

import { isRecord, str } from '../values';

/**
 * Redeliveries start nothing. Every item carries an `eventId` that is the same each time the
 * sender delivers the same event: the sender's own id, a key made of the event's ids
 * (`deliveryKey`), or a hash of the content (`contentKey`). The ids of recent deliveries are kept
 * in the workflow's static data, newest last, bounded in number.
 */

export const DEFAULT_DEDUPE_SIZE = 1000;
export const SEEN_KEY = 'recentDeliveryIds';

/** Joins id parts into an event key, e.g. "smartlead:added:12:34", or undefined when any part is missing. */
export function deliveryKey(prefix: string, ...parts: unknown[]): string | undefined {
	const values = parts.map(str);
	return values.every((v) => v !== undefined) ? [prefix, ...values].join(':') : undefined;
}

/**
 * A stable id for an event without one: the hash of a parsed value (a body, or one element of a
 * batch) written as canonical JSON, keys sorted at every level, so a redelivery of the same content
 * hashes alike however the sender spaced, ordered or escaped it. Bytes are hashed as given; no
 * trigger passes them any more, because a re-serialized redelivery would start again.
 */
export function contentKey(prefix: string, content: unknown): string {
	const bytes = Buffer.isBuffer(content) ? content : stableJson(content);
	return `${prefix}:sha256:${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}`;
}

function stableJson(v: unknown): string {
	if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
	if (isRecord(v)) {
		return `{${Object.keys(v)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`)
			.join(',')}}`;
	}
	return JSON.stringify(v) ?? 'null';
}

/** Longer event ids are stored as a prefix and a hash, so the recent-deliveries store stays small. */
export const MAX_EVENT_ID_LENGTH = 200;

/**
 * An event id of bounded length: ids a sender chose can be any size (30 deliveries with 1 MB ids
 * would otherwise keep 30 MB in the workflow's static data). The same id always maps alike.
 */
export function boundedEventId(id: string): string {
	if (id.length <= MAX_EVENT_ID_LENGTH) return id;
	const digest = createHash('sha256').update(id).digest('hex').slice(0, 32);
	return `${id.slice(0, 64)}…sha256:${digest}`;
}

/** Appends new ids and keeps only the newest `size` (first in, first out), so the store stays bounded. */
export function remember(seen: string[], ids: string[], size = DEFAULT_DEDUPE_SIZE): string[] {
	const limit = Math.max(1, Math.floor(size) || DEFAULT_DEDUPE_SIZE);
	return [...seen, ...ids].slice(-limit);
}

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
 * Deliveries this n8n process is handling or has just handled, claimed BEFORE any API call. n8n
 * gives each webhook call its own copy of the workflow's static data, so two deliveries of one event
 * that arrive while the first is still reading the API (Pinpoint's fetch, the Outreach enrich) would
 * both pass the static-data check; the claim makes the second one "already received". A claim is
 * released when its delivery fails (so the sender's retry is taken), and forgotten after
 * CLAIM_TTL_MS, by then the static data has the id. Bounded in number and age.
 */
const claims = new Map<string, number>();
export const CLAIM_TTL_MS = 10 * 60_000;
const MAX_CLAIMS = 10_000;

export interface DeliveryClaims {
	/** True when this call may handle the event; false when another call has it or just had it. */
	claim(eventId: string): boolean;
	release(eventId: string): void;
}

/** Claims for one trigger node of one workflow (scope: workflow id and node id). */
export function deliveryClaims(scope: string, now: () => number = Date.now): DeliveryClaims {
	const key = (eventId: string) => `${scope}\u0000${eventId}`;
	return {
		claim(eventId) {
			forgetOld(now());
			if (claims.has(key(eventId))) return false;
			claims.set(key(eventId), now());
			return true;
		},
		release(eventId) {
			claims.delete(key(eventId));
		},
	};
}

/** The claims of the trigger node running in this webhook call. */
export function claimsOf(ctx: IWebhookFunctions): DeliveryClaims {
	const node = ctx.getNode();
	return deliveryClaims(`${ctx.getWorkflow().id ?? ''}:${node.id ?? node.name}`);
}

// The map is in claim order, so the oldest entries are first.
function forgetOld(now: number): void {
	for (const [k, at] of claims) {
		if (now - at < CLAIM_TTL_MS && claims.size < MAX_CLAIMS) return;
		claims.delete(k);
	}
}

/**
 * Claims the event ids of the items a delivery would start; items whose event another call has
 * claimed are dropped. `release` gives the kept claims back when the delivery fails after all.
 */
export function claimItems(
	claimsFor: DeliveryClaims,
	items: IDataObject[],
): { items: IDataObject[]; release: () => void } {
	const kept: IDataObject[] = [];
	const taken: string[] = [];
	for (const item of items) {
		const id = typeof item.eventId === 'string' ? item.eventId : undefined;
		if (id === undefined) kept.push(item);
		else if (claimsFor.claim(id)) {
			kept.push(item);
			taken.push(id);
		}
	}
	return { items: kept, release: () => taken.forEach((id) => claimsFor.release(id)) };
}
