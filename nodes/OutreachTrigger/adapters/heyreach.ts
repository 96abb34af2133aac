import type { Adapter, OutreachEvent, OutreachEventName } from './types';
import { MalformedBodyError } from './types';
import { isRecord, rec, type Rec, str } from '../../shared/values';
import { contentKey, deliveryKey } from '../../shared/trigger/dedupe';
import { elements, emails, finish, first, isoDate, tagList } from './util';

/*
 * HeyReach (LinkedIn) → our events (payload fields come from third-party receivers such as
 * https://docs.opennous.cloud/webhooks/heyreach
 * and are UNCONFIRMED). The type key is `eventType` or `event_type`; some payloads have none, and
 * then a body with `recent_messages` is read as a reply.
 * - addedToSequence: no such event. Stand-in: the first CONNECTION_REQUEST_SENT or MESSAGE_SENT for a
 *   lead in a campaign (keyed by campaign + lead, so later messages to the same lead are duplicates).
 * - replied: MESSAGE_REPLY_RECEIVED, INMAIL_REPLY_RECEIVED, EVERY_MESSAGE_REPLY_RECEIVED. The last one
 *   repeats replies the others also send; replies are keyed by conversation + reply time, so a reply
 *   delivered by both triggers once.
 * - interested: LEAD_AUTO_TAGGED_INTERESTED (UNCONFIRMED), or LEAD_TAG_UPDATED with an "Interested" tag.
 */

const REPLIES = new Set([
	'MESSAGE_REPLY_RECEIVED',
	'INMAIL_REPLY_RECEIVED',
	'EVERY_MESSAGE_REPLY_RECEIVED',
]);
const FIRST_TOUCH = new Set(['CONNECTION_REQUEST_SENT', 'MESSAGE_SENT']);

function tagsOf(el: Rec, lead: Rec): string[] {
	return [...tagList(el.tags), ...tagList(el.tag), ...tagList(lead.tags)];
}

function kindOf(type: string, tags: string[]): OutreachEventName {
	if (FIRST_TOUCH.has(type)) return 'addedToSequence';
	if (REPLIES.has(type)) return 'replied';
	if (type === 'LEAD_AUTO_TAGGED_INTERESTED') return 'interested';
	if (type === 'LEAD_TAG_UPDATED' && tags.some((t) => /^interested$/i.test(t))) return 'interested';
	return 'other';
}

/** The newest message the lead sent. */
function latestReply(el: Rec): Rec | undefined {
	const messages = Array.isArray(el.recent_messages) ? el.recent_messages.filter(isRecord) : [];
	const replies = messages.filter((m) => m.is_reply === true);
	return replies
		.sort((a, b) => String(a.creation_time ?? '').localeCompare(String(b.creation_time ?? '')))
		.pop();
}

/** Added: campaign + lead; replies: conversation + reply time; the rest: HeyReach's correlation id. */
function eventIdOf(
	event: OutreachEventName,
	type: string,
	el: Rec,
	reply: Rec | undefined,
): string | undefined {
	const lead = rec(el.lead);
	const leadKey = first(lead.id, lead.profile_url, lead.email_address);
	if (event === 'addedToSequence')
		return deliveryKey('heyreach', 'added', rec(el.campaign).id, leadKey);
	if (event === 'replied')
		return (
			deliveryKey('heyreach', 'reply', el.conversation_id, reply?.creation_time) ??
			deliveryKey('heyreach', type, el.correlation_id)
		);
	return (
		deliveryKey('heyreach', type, el.correlation_id) ??
		deliveryKey('heyreach', type, leadKey, el.timestamp)
	);
}

function labelOf(
	type: string,
	toolEvent: string,
	tags: string[],
	event: OutreachEventName,
): OutreachEvent['label'] {
	if (type === 'LEAD_AUTO_TAGGED_INTERESTED') return { raw: toolEvent, sentiment: 'positive' };
	if (type === 'LEAD_AUTO_TAGGED_NOT_INTERESTED') return { raw: toolEvent, sentiment: 'negative' };
	if (type === 'LEAD_TAG_UPDATED' && tags.length)
		return { raw: tags.join(', '), sentiment: event === 'interested' ? 'positive' : undefined };
	return undefined;
}

function toEvent(el: Rec): OutreachEvent {
	const given = first(el.eventType, el.event_type, el.event, el.type);
	if (!given && !Array.isArray(el.recent_messages)) {
		throw new MalformedBodyError(
			'HeyReach payloads carry "eventType" (or "event_type") or "recent_messages", and this one has neither',
		);
	}
	const toolEvent = given ?? 'MESSAGE_REPLY_RECEIVED';
	const type = toolEvent.toUpperCase();
	const lead = rec(el.lead);
	const campaign = rec(el.campaign);
	const tags = tagsOf(el, lead);
	const event = kindOf(type, tags);
	const reply = latestReply(el);
	return finish({
		event,
		tool: 'heyreach',
		toolEvent,
		eventId: eventIdOf(event, type, el, reply) ?? contentKey('heyreach', el),
		occurredAt: isoDate(el.timestamp),
		candidate: {
			fullName: str(lead.full_name),
			firstName: str(lead.first_name),
			lastName: str(lead.last_name),
			emails: emails(lead.email_address, lead.email, lead.enriched_email),
			linkedinUrl: first(lead.profile_url, lead.linkedin_url),
			currentCompany: str(lead.company_name),
			currentTitle: first(lead.position, lead.title),
			location: first(lead.location),
			tags,
			extra: { heyreachLeadId: str(lead.id) },
		},
		campaign: { id: str(campaign.id), name: str(campaign.name) },
		reply:
			event === 'replied' || event === 'interested'
				? {
						text: str(reply?.message),
						date: isoDate(reply?.creation_time) ?? isoDate(el.timestamp),
						channel: 'linkedin',
					}
				: undefined,
		label: labelOf(type, toolEvent, tags, event),
		enrichmentHint:
			'HeyReach is a LinkedIn tool and rarely knows the email address. Add an HTTP Request node that reads the lead from the HeyReach API by extra.heyreachLeadId, or an email-finder step, if your ATS needs an email.',
		raw: el,
	});
}

export const heyreach: Adapter = (body) => elements(body).map(toEvent);
