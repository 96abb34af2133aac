import type { IDataObject } from 'n8n-workflow';

import { adapterFor } from './adapters';
import { MalformedBodyError, type Tool } from './adapters/types';
import { type AuthSettings, checkBodySecret, checkRequestAuth, type RequestParts } from './auth';
import { classifyReply } from './classifier';
import { type Combine, type ConditionRule, evaluateConditions } from './conditions';
import {
	buildItem,
	conditionContext,
	effectiveEvent,
	isSelected,
	type SelectableEvent,
} from './output';
import { DEFAULT_DEDUPE_SIZE, type Outcome, parseBody, remember } from '../shared/webhook';

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

export { DEFAULT_DEDUPE_SIZE };

export function handleDelivery(
	delivery: Delivery,
	settings: TriggerSettings,
	seen: string[],
	receivedAt: string,
): Outcome & { skipped?: number } {
	const auth = checkRequestAuth(delivery, settings.source, settings.auth);
	if (!auth.ok) return { status: 401, message: `Unauthorized: ${auth.reason}` };

	const parsed = parseBody(delivery, { allowArray: true });
	if (!parsed.ok) return { status: 400, message: `Bad request: ${parsed.reason}` };
	const bodySecret = checkBodySecret(
		Array.isArray(parsed.body) ? parsed.body : [parsed.body],
		settings.source,
		settings.auth,
	);
	if (!bodySecret.ok) return { status: 401, message: `Unauthorized: ${bodySecret.reason}` };

	let events;
	try {
		events = adapterFor(settings.source)(parsed.body, delivery.headers);
	} catch (error) {
		const reason =
			error instanceof MalformedBodyError ? error.message : 'the body could not be read';
		return { status: 400, message: `Bad request: ${reason}` };
	}

	const items: IDataObject[] = [];
	const taken = new Set(seen);
	let skipped = 0;
	for (const event of events) {
		const isReply = event.event === 'replied' || event.event === 'interested';
		const classification = isReply
			? classifyReply(
					{
						text: event.reply?.text,
						subject: event.reply?.subject,
						label: event.label,
						toolSaysInterested: event.event === 'interested',
					},
					{
						extraInterested: settings.extraInterested,
						extraNotInterested: settings.extraNotInterested,
					},
				)
			: undefined;
		if (!isSelected(settings.events, effectiveEvent(event, classification))) {
			skipped++;
			continue;
		}
		const item = buildItem(event, classification, receivedAt);
		const conditions = evaluateConditions(
			conditionContext(item),
			settings.conditions,
			settings.combine,
		);
		if (conditions.problems.length)
			return { status: 500, message: `Trigger settings: ${conditions.problems.join('; ')}` };
		if (!conditions.pass || taken.has(event.eventId)) {
			skipped++;
			continue;
		}
		taken.add(event.eventId);
		items.push(item);
	}
	const fresh = items.map((i) => i.eventId as string);
	const message = items.length
		? `${items.length} event(s) started the workflow`
		: `nothing to start: ${skipped} event(s) not selected, filtered out or already seen`;
	return { status: 200, message, items, seen: remember(seen, fresh, settings.dedupeSize), skipped };
}
