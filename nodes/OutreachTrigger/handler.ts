import type { IDataObject } from 'n8n-workflow';

import { adapterFor } from './adapters';
import { MalformedBodyError, type Tool } from './adapters/types';
import { type AuthSettings, checkBodySecret, checkRequestAuth, type RequestParts } from './auth';
import { classifyReply } from './classifier';
import { type Combine, type ConditionRule, evaluateConditions } from './conditions';
import { buildItem, conditionContext, effectiveEvent, isSelected, type SelectableEvent } from './output';

/**
 * The whole webhook as one pure function: auth → parse → adapt → classify → filter → dedupe.
 * The node only reads parameters and the request, calls this and writes the answer.
 */

export interface TriggerSettings {
	source: Tool;
	events: SelectableEvent[];
	auth: AuthSettings;
	conditions: ConditionRule[];
	combine: Combine;
	extraInterested: string[];
	extraNotInterested: string[];
	/** How many recent event ids are remembered to drop redeliveries. */
	dedupeSize: number;
}

export interface Delivery extends RequestParts {
	/** The body n8n parsed; used only when the raw bytes are not available. */
	body?: unknown;
}

export type Outcome =
	| { status: 400 | 401 | 500; message: string }
	| { status: 200; items: IDataObject[]; seen: string[]; skipped: number };

export const DEFAULT_DEDUPE_SIZE = 1000;

export function handleDelivery(delivery: Delivery, settings: TriggerSettings, seen: string[], receivedAt: string): Outcome {
	const auth = checkRequestAuth(delivery, settings.source, settings.auth);
	if (!auth.ok) return { status: 401, message: `Unauthorized: ${auth.reason}` };

	const parsed = parseBody(delivery);
	if (!parsed.ok) return { status: 400, message: `Bad request: ${parsed.reason}` };
	const bodySecret = checkBodySecret(Array.isArray(parsed.body) ? parsed.body : [parsed.body], settings.source, settings.auth);
	if (!bodySecret.ok) return { status: 401, message: `Unauthorized: ${bodySecret.reason}` };

	let events;
	try {
		events = adapterFor(settings.source)(parsed.body, delivery.headers);
	} catch (error) {
		const reason = error instanceof MalformedBodyError ? error.message : 'the body could not be read';
		return { status: 400, message: `Bad request: ${reason}` };
	}

	const items: IDataObject[] = [];
	const taken = new Set(seen);
	let skipped = 0;
	for (const event of events) {
		const isReply = event.event === 'replied' || event.event === 'interested';
		const classification = isReply
			? classifyReply(
					{ text: event.reply?.text, subject: event.reply?.subject, label: event.label, toolSaysInterested: event.event === 'interested' },
					{ extraInterested: settings.extraInterested, extraNotInterested: settings.extraNotInterested },
				)
			: undefined;
		if (!isSelected(settings.events, effectiveEvent(event, classification))) {
			skipped++;
			continue;
		}
		const item = buildItem(event, classification, receivedAt);
		const conditions = evaluateConditions(conditionContext(item), settings.conditions, settings.combine);
		if (conditions.problems.length) return { status: 500, message: `Trigger settings: ${conditions.problems.join('; ')}` };
		if (!conditions.pass || taken.has(event.eventId)) {
			skipped++;
			continue;
		}
		taken.add(event.eventId);
		items.push(item);
	}
	const fresh = items.map((i) => i.eventId as string);
	return { status: 200, items, seen: remember(seen, fresh, settings.dedupeSize), skipped };
}

/** Appends new ids and keeps only the newest `size` (first in, first out), so the store stays bounded. */
export function remember(seen: string[], ids: string[], size = DEFAULT_DEDUPE_SIZE): string[] {
	const limit = Math.max(1, Math.floor(size) || DEFAULT_DEDUPE_SIZE);
	return [...seen, ...ids].slice(-limit);
}

/** The raw bytes are what was signed, so they are parsed rather than n8n's already-parsed body. */
function parseBody(delivery: Delivery): { ok: true; body: unknown } | { ok: false; reason: string } {
	let body = delivery.body;
	if (delivery.rawBody !== undefined) {
		const text = delivery.rawBody.toString('utf8').replace(/^\uFEFF/, '');
		if (!text.trim()) return { ok: false, reason: 'the body is empty; send a JSON object or array' };
		try {
			body = JSON.parse(text);
		} catch {
			return { ok: false, reason: 'the body is not valid JSON' };
		}
	}
	if (typeof body !== 'object' || body === null) return { ok: false, reason: 'the body must be a JSON object or array' };
	return { ok: true, body };
}
