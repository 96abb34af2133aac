import type { Adapter, OutreachEvent, OutreachEventName } from './types';
import { MalformedBodyError } from './types';
import { rec, type Rec, str } from '../../shared/values';
import { contentKey, deliveryKey } from '../../shared/trigger/dedupe';
import { elements, finish, first, isoDate } from './util';

/*
 * Outreach.io (JSON:API) `meta.eventName` → our events (https://developers.outreach.io/api/webhooks/):
 * - addedToSequence: sequenceState.created, the only native "added to sequence" event of all tools.
 * - replied: mailing.replied.
 * - interested: Outreach.io has no such event, and its payloads carry no reply text to classify,
 *   so "Replied and Interested" never fires for Outreach.io.
 * Payloads hold ids and changed attributes only: no name, email or sequence name. Every event says
 * so in `missing`, and the relationship ids are kept so an HTTP Request node can fetch the rest.
 * Relationship key names (prospect, sequence, mailbox) are UNCONFIRMED; they follow JSON:API usage.
 */

const ALWAYS_MISSING = [
	'name',
	'email',
	'linkedinUrl',
	'currentTitle',
	'currentCompany',
	'sequence.name',
];

function relId(relationships: Rec, key: string): string | undefined {
	return str(rec(rec(relationships[key]).data).id);
}

function kindOf(eventName: string): OutreachEventName {
	if (eventName === 'sequencestate.created') return 'addedToSequence';
	if (eventName === 'mailing.replied') return 'replied';
	return 'other';
}

function toEvent(el: Rec): OutreachEvent {
	const meta = rec(el.meta);
	const data = rec(el.data);
	const toolEvent = first(meta.eventName, el.eventName);
	if (!toolEvent)
		throw new MalformedBodyError(
			'Outreach.io payloads carry "meta.eventName", and this one has none',
		);
	const event = kindOf(toolEvent.toLowerCase());
	const attributes = rec(data.attributes);
	const relationships = rec(data.relationships);
	const prospectId = data.type === 'prospect' ? str(data.id) : relId(relationships, 'prospect');
	const sequenceId = data.type === 'sequence' ? str(data.id) : relId(relationships, 'sequence');
	return finish({
		event,
		tool: 'outreachIo',
		toolEvent,
		eventId: deliveryKey('outreachIo', toolEvent, data.id) ?? contentKey('outreachIo', el),
		occurredAt: isoDate(first(meta.deliveredAt, attributes.createdAt, attributes.updatedAt)),
		candidate: {
			extra: {
				outreachProspectId: prospectId,
				outreachMailingId: data.type === 'mailing' ? str(data.id) : undefined,
			},
		},
		sequence: { id: sequenceId },
		reply:
			event === 'replied'
				? {
						date: isoDate(attributes.repliedAt),
						subject: str(attributes.subject),
						channel: 'email',
					}
				: undefined,
		missing: ALWAYS_MISSING,
		enrichmentHint:
			'Outreach.io sends only ids. Add an HTTP Request node with an Outreach.io OAuth2 credential: GET https://api.outreach.io/api/v2/prospects/<extra.outreachProspectId> returns name, emails, title, company and LinkedIn URL; GET /api/v2/sequences/<sequence.id> returns the sequence name.',
		raw: el,
	});
}

export const outreachIo: Adapter = (body) => elements(body).map(toEvent);
