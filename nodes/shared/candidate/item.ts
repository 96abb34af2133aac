import type { IDataObject } from 'n8n-workflow';

import { compact, isRecord } from '../values';
import type { CandidateKey } from './schema';

/**
 * The item contract between every trigger and every export node. A trigger item is
 * `{...candidate, ...envelope}`: the candidate's fields (CANDIDATE_KEYS, schema.ts) at the top
 * level, so an export node needs no mapping step, then the envelope that says what happened, then
 * `raw`. Every key of an item is one or the other; a unit test drives every trigger with its
 * fixtures and fails on any key this file does not name.
 */

/** Keys a trigger adds around the candidate; they describe the event, not the person. */
export const ENVELOPE_KEYS = [
	// Every trigger.
	'event',
	'eventId',
	'receivedAt',
	'candidateErrors',
	'raw',
	// Outreach Trigger.
	'isReply',
	'isInterested',
	'tool',
	'toolEvent',
	'occurredAt',
	'campaign',
	'sequence',
	'reply',
	'interested',
	'missing',
	'enrichment',
	// Greenhouse and Pinpoint Triggers.
	'application',
	'job',
	'stage',
	'positionTitle',
	'startDate',
	'offer',
	'candidateId',
	'applicationId',
	'profileUrl',
	// An export node's own output, so a second export after a first one does not read them as
	// candidate fields; and the nested form, `{candidate: {...}}`.
	'ats',
	'status',
	'matchedBy',
	'candidate',
] as const;

export type EnvelopeKey = (typeof ENVELOPE_KEYS)[number];
export type CandidateFields = Partial<Record<CandidateKey, unknown>>;
export type Envelope = Partial<Record<EnvelopeKey, unknown>>;

const ENVELOPE = new Set<string>(ENVELOPE_KEYS);

/**
 * Builds a trigger item: the candidate fields as given, then the envelope without its empty
 * values, then `raw` (the payload as received) last, so the item reads top-down.
 */
export function triggerItem(candidate: CandidateFields, envelope: Envelope): IDataObject {
	const { raw, ...event } = envelope;
	const item = { ...candidate, ...compact(event) } as IDataObject;
	if ('raw' in envelope) item.raw = raw as IDataObject['raw'];
	return item;
}

/**
 * The candidate an export node reads from an input item: a nested `candidate` object when there is
 * one, else the item without its envelope (what is left are candidate fields, or loose names for
 * them such as `email`, which parseCandidate understands).
 */
export function candidateOf(json: IDataObject): IDataObject {
	if (isRecord(json.candidate)) return json.candidate as IDataObject;
	const copy: IDataObject = {};
	for (const [key, value] of Object.entries(json)) if (!ENVELOPE.has(key)) copy[key] = value;
	return copy;
}

/** The envelope of a trigger item, in the item's order: what triggerItem was given besides the candidate. */
export function envelopeOf(item: IDataObject): Envelope {
	const envelope: Envelope = {};
	for (const [key, value] of Object.entries(item))
		if (ENVELOPE.has(key)) envelope[key as EnvelopeKey] = value;
	return envelope;
}
