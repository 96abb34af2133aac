import type { IDataObject } from 'n8n-workflow';

import { type Outcome, started } from '../shared/trigger/answer';
import { boundedEventId } from '../shared/trigger/dedupe';
import { DELIVERY_LIMITS, type Delivery, parseBody } from '../shared/trigger/delivery';
import { adapterFor } from './adapters';
import { MalformedBodyError, type OutreachEvent } from './adapters/types';
import { checkBodySecret, checkRequestAuth } from './auth';
import { type Classification, classifyReply } from './classifier';
import { evaluateConditions } from './conditions';
import { buildItem, conditionContext, effectiveEvent, isSelected } from './output';
import type { TriggerSettings } from './settings';

/**
 * The whole webhook as one pure function: auth → parse → adapt → classify → filter → dedupe.
 * The node only reads parameters and the request, calls this and writes the answer.
 */
export function handleDelivery(
	delivery: Delivery,
	settings: TriggerSettings,
	seen: string[],
	receivedAt: string,
): Outcome & { skipped?: number } {
	const auth = checkRequestAuth(delivery, settings.source, settings.auth);
	if (!auth.ok) return { status: 401, message: `Unauthorized: ${auth.reason}` };

	const parsed = parseBody(delivery, { allowArray: true });
	if (!parsed.ok)
		return {
			status: parsed.status,
			message: `${parsed.status === 413 ? 'Payload too large' : 'Bad request'}: ${parsed.reason}`,
		};
	if (Array.isArray(parsed.body) && parsed.body.length > DELIVERY_LIMITS.events)
		return tooManyEvents(parsed.body.length);
	const bodySecret = checkBodySecret(
		Array.isArray(parsed.body) ? parsed.body : [parsed.body],
		settings.source,
		settings.auth,
	);
	if (!bodySecret.ok) return { status: 401, message: `Unauthorized: ${bodySecret.reason}` };

	let events: OutreachEvent[];
	try {
		events = adapterFor(settings.source)(parsed.body, delivery.headers);
	} catch (error) {
		const reason =
			error instanceof MalformedBodyError ? error.message : 'the body could not be read';
		return { status: 400, message: `Bad request: ${reason}` };
	}
	if (events.length > DELIVERY_LIMITS.events) return tooManyEvents(events.length);
	for (const event of events) event.eventId = boundedEventId(event.eventId);
	return choose(events, settings, seen, receivedAt);
}

function tooManyEvents(count: number): Outcome {
	return {
		status: 413,
		message: `Payload too large: the delivery holds ${count} events; at most ${DELIVERY_LIMITS.events} are accepted per delivery, nothing was started. Send smaller batches`,
	};
}

/** The events that start the workflow: selected, passing the conditions, and not seen before. */
function choose(
	events: OutreachEvent[],
	settings: TriggerSettings,
	seen: string[],
	receivedAt: string,
): Outcome & { skipped?: number } {
	const items: IDataObject[] = [];
	const taken = new Set(seen);
	let skipped = 0;
	for (const event of events) {
		const classification = classify(event, settings);
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
	const message = items.length
		? `${items.length} event(s) started the workflow`
		: `nothing to start: ${skipped} event(s) not selected, filtered out or already seen`;
	return { ...started(items, seen, settings.dedupeSize, message), skipped };
}

/** Replies (and a tool's own interested events) are classified; other events are not. */
function classify(event: OutreachEvent, settings: TriggerSettings): Classification | undefined {
	if (event.event !== 'replied' && event.event !== 'interested') return undefined;
	return classifyReply(
		{
			text: event.reply?.text,
			subject: event.reply?.subject,
			label: event.label,
			toolSaysInterested: event.event === 'interested',
			// Every reply this trigger receives answers an outreach message, so a bare "Yes", "Sure",
			// "Ok" or 👍 counts as interested (the classifier only infers that from "Re:" or quotes).
			inReplyToOutreach: true,
		},
		{
			extraInterested: settings.extraInterested,
			extraNotInterested: settings.extraNotInterested,
		},
	);
}
