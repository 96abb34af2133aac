import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../shared/values';
import { triggerItem } from '../shared/candidate/item';
import { normalizeLoose } from '../shared/candidate/normalize';
import { type OutreachEvent, TOOL_NAMES } from './adapters/types';
import type { Classification } from './classifier';

/** What the Events parameter offers; an interested reply is also a reply. */
export type SelectableEvent = 'addedToSequence' | 'replied' | 'interested';
export type EffectiveEvent = SelectableEvent | 'other';

/** Secrets some tools echo in the body (lemlist `secret`, Smartlead `secret_key`) never reach the output. */
const SECRET_KEYS = new Set(['secret', 'secret_key', 'secretKey', 'webhook_secret']);

/**
 * The event as the user sees it: a reply (or a tool's interested event) is `interested` when the
 * classifier says so, `replied` otherwise.
 */
export function effectiveEvent(
	event: OutreachEvent,
	classification: Classification | undefined,
): EffectiveEvent {
	if (event.event !== 'replied' && event.event !== 'interested') return event.event;
	return classification?.interested ? 'interested' : 'replied';
}

/**
 * "Replied" fires for every reply, interested or not; "Replied and Interested" only for interested
 * ones; "Added to Sequence" only for that event. `other` never fires.
 */
export function isSelected(selected: SelectableEvent[], event: EffectiveEvent): boolean {
	if (event === 'other') return false;
	if (event === 'interested')
		return selected.includes('interested') || selected.includes('replied');
	return selected.includes(event);
}

export function defaultSource(event: OutreachEvent): string {
	const name = event.campaign?.name ?? event.sequence?.name;
	return name ? `${TOOL_NAMES[event.tool]}: ${name}` : TOOL_NAMES[event.tool];
}

/** One output item: the normalized candidate's fields at the top level, then the event envelope. */
export function buildItem(
	event: OutreachEvent,
	classification: Classification | undefined,
	receivedAt: string,
): IDataObject {
	const loose = { ...event.candidate, source: event.candidate.source ?? defaultSource(event) };
	const { fields, errors } = normalizeLoose(loose);
	const needsEnrichment =
		event.missing.includes('name') || (event.missing.includes('email') && !fields.linkedinUrl);
	const effective = effectiveEvent(event, classification);
	return triggerItem(fields, {
		event: effective,
		// Explicit flags, so a workflow branching on "is a reply" need not know that an interested
		// reply says `event: "interested"`.
		isReply: effective === 'replied' || effective === 'interested',
		isInterested: effective === 'interested',
		tool: event.tool,
		toolEvent: event.toolEvent,
		eventId: event.eventId,
		occurredAt: event.occurredAt,
		receivedAt,
		campaign: event.campaign,
		sequence: event.sequence,
		reply: event.reply,
		interested: classification
			? {
					value: classification.interested,
					label: classification.label,
					reason: classification.reason,
					toolLabel: event.label?.raw,
				}
			: undefined,
		missing: event.missing,
		enrichment: needsEnrichment
			? { needed: true, missing: event.missing, hint: event.enrichmentHint }
			: undefined,
		candidateErrors: errors,
		raw: withoutSecrets(event.raw),
	});
}

function withoutSecrets(raw: unknown): unknown {
	if (Array.isArray(raw)) return raw.map(withoutSecrets);
	if (!isRecord(raw)) return raw;
	return Object.fromEntries(Object.entries(raw).filter(([k]) => !SECRET_KEYS.has(k)));
}

/** The item plus fields that only conditions need: the first email and every email's domain. */
export function conditionContext(item: IDataObject): IDataObject {
	const emails = Array.isArray(item.emails)
		? item.emails.map((e) => (isRecord(e) ? String(e.value ?? '') : String(e)))
		: [];
	return {
		...item,
		email: emails[0],
		emailDomain: emails.map((e) => e.split('@')[1]).filter(Boolean),
	};
}
