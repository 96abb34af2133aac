import type { Adapter, OutreachEvent, OutreachEventName } from './types';
import { MalformedBodyError } from './types';
import { rec, type Rec, str } from '../../shared/values';
import { contentKey, deliveryKey } from '../../shared/trigger/dedupe';
import { leadEmails } from '../../shared/candidate/contact';
import { pick, pickAll } from '../../shared/candidate/fieldMap';
import { SMARTLEAD_FIELDS } from '../fields/smartlead';
import { elements, finish, first, htmlToText, isoDate, num, phones } from './util';

/*
 * Smartlead → our events (https://api.smartlead.ai/guides/webhook-integration). The docs disagree on the shape, so both are read:
 * help-center pages send flat fields with `event_type: "EMAIL_REPLY"`; api.smartlead.ai/core/webhooks
 * shows `event: "EMAIL_REPLIED"` with a nested `lead{}` object.
 * - addedToSequence: no "lead added" event. Stand-in: FIRST_EMAIL_SENT (sequence step 1 was sent).
 * - replied: EMAIL_REPLY / EMAIL_REPLIED.
 * - interested: LEAD_CATEGORY_UPDATED whose new category is Interested / Meeting Request / Meeting
 *   Booked, or whose sentiment is positive (the sentiment field name on webhooks is UNCONFIRMED).
 *   Other category changes are `other`, with the category kept as label.
 * Dedupe: reply_message.message_id for replies, stats_id otherwise.
 */

const POSITIVE_CATEGORIES = new Set([
	'interested',
	'meeting request',
	'meeting booked',
	'meeting_request',
	'meeting_booked',
]);
const NEGATIVE_CATEGORIES = new Set([
	'not interested',
	'do not contact',
	'not_interested',
	'do_not_contact',
	'out of office',
	'wrong person',
]);

function categoryOf(el: Rec): { name?: string; sentiment?: 'positive' | 'negative' | 'neutral' } {
	const cat = { ...rec(el.lead_category), ...rec(el.leadCategory) };
	const name = first(
		cat.new_name,
		cat.name,
		el.category,
		el.lead_category_name,
		typeof el.lead_category === 'string' ? el.lead_category : undefined,
	);
	const rawSentiment = first(
		cat.new_sentiment,
		cat.sentiment,
		cat.sentiment_type,
		el.sentiment,
	)?.toLowerCase();
	const sentiment =
		rawSentiment === 'positive' || rawSentiment === 'negative' || rawSentiment === 'neutral'
			? rawSentiment
			: undefined;
	const known = name?.toLowerCase();
	if (sentiment) return { name, sentiment };
	if (known && POSITIVE_CATEGORIES.has(known)) return { name, sentiment: 'positive' };
	if (known && NEGATIVE_CATEGORIES.has(known)) return { name, sentiment: 'negative' };
	return { name };
}

function kindOf(type: string, el: Rec): OutreachEventName {
	if (type === 'FIRST_EMAIL_SENT') return 'addedToSequence';
	if (type === 'EMAIL_REPLY' || type === 'EMAIL_REPLIED') return 'replied';
	if (type === 'LEAD_CATEGORY_UPDATED' && categoryOf(el).sentiment === 'positive')
		return 'interested';
	return 'other';
}

/** Added: campaign + lead; category changes: lead + category + time; replies: the message id. */
function eventIdOf(
	event: OutreachEventName,
	type: string,
	el: Rec,
	lead: Rec,
	category: string | undefined,
): string | undefined {
	const leadId = first(el.sl_email_lead_id, el.lead_id, lead.id);
	if (event === 'addedToSequence')
		return deliveryKey(
			'smartlead',
			'added',
			el.campaign_id,
			leadId ?? first(el.sl_lead_email, lead.email),
		);
	if (type === 'LEAD_CATEGORY_UPDATED')
		return deliveryKey('smartlead', 'category', leadId, category, timestampOf(el));
	return (
		deliveryKey('smartlead', rec(el.reply_message).message_id) ??
		deliveryKey('smartlead', el.message_id) ??
		deliveryKey('smartlead', type, el.stats_id)
	);
}

function timestampOf(el: Rec): string | undefined {
	return first(el.event_timestamp, el.timestamp, el.time);
}

const F = SMARTLEAD_FIELDS;
const get = (el: Rec, target: string) => pick(el, F, target);

/** The lead's own fields; the reply's sender only when the lead has no address (see leadEmails). */
function contactOf(el: Rec): {
	candidate: OutreachEvent['candidate'];
	from?: string;
	fromName?: string;
} {
	const sender = get(el, 'emails|reply.from');
	const { emails, from } = leadEmails(pickAll(el, F, 'emails'), sender);
	// to_name names whoever replied: the lead's name only when the lead replied itself.
	const replierName = first(get(el, 'fullName|reply.fromName'));
	return {
		candidate: {
			fullName: first(get(el, 'fullName')) ?? (from ? undefined : replierName),
			firstName: first(get(el, 'firstName')),
			lastName: first(get(el, 'lastName')),
			emails: emails.map((value) => ({ value })),
			phones: phones(...pickAll(el, F, 'phones')),
			linkedinUrl: first(get(el, 'linkedinUrl')),
			currentCompany: first(get(el, 'currentCompany')),
			currentTitle: first(get(el, 'currentTitle')),
			location: first(get(el, 'location')),
			extra: {
				smartleadLeadId: first(get(el, 'extra.smartleadLeadId')),
				smartleadLeadMapId: first(get(el, 'extra.smartleadLeadMapId')),
				website: first(get(el, 'extra.website')),
				customFields: {
					...rec(rec(el.lead_data).custom_fields),
					...rec(rec(el.lead).custom_fields),
				},
				smartleadAppUrl: first(get(el, 'extra.smartleadAppUrl')),
			},
		},
		from,
		fromName: from ? replierName : undefined,
	};
}

/** The first reply text present: plain text first, then HTML read as text (linear). */
function replyTextOf(el: Rec): string | undefined {
	for (const v of pickAll(el, F, 'reply.text')) {
		const text = htmlToText(v);
		if (text) return text;
	}
	return undefined;
}

function replyOf(el: Rec, from?: string, fromName?: string): OutreachEvent['reply'] {
	return {
		text: replyTextOf(el),
		subject: first(get(el, 'reply.subject')),
		date: isoDate(first(get(el, 'reply.date'), get(el, 'occurredAt'))),
		channel: 'email',
		from,
		fromName,
	};
}

function toEvent(el: Rec): OutreachEvent {
	const toolEvent = first(el.event_type, el.event, el.eventType, el.type);
	if (!toolEvent)
		throw new MalformedBodyError(
			'Smartlead payloads carry an "event_type" (or "event") field, and this one has none',
		);
	const type = toolEvent.toUpperCase();
	const event = kindOf(type, el);
	const lead = { ...rec(el.lead), ...rec(el.lead_data) };
	const category = type === 'LEAD_CATEGORY_UPDATED' ? categoryOf(el) : {};
	const contact = contactOf(el);
	return finish({
		event,
		tool: 'smartlead',
		toolEvent,
		eventId: eventIdOf(event, type, el, lead, category.name) ?? contentKey('smartlead', el),
		occurredAt: isoDate(get(el, 'occurredAt')),
		candidate: contact.candidate,
		campaign: { id: str(el.campaign_id), name: str(el.campaign_name) },
		sequence: { step: num(el.sequence_number) },
		reply:
			event === 'replied' || event === 'interested'
				? replyOf(el, contact.from, contact.fromName)
				: undefined,
		label: category.name ? { raw: category.name, sentiment: category.sentiment } : undefined,
		enrichmentHint:
			'Smartlead reply webhooks carry the lead email only; LEAD_CATEGORY_UPDATED carries the full lead_data. Add an HTTP Request node that reads the lead from the Smartlead API by raw.sl_email_lead_id.',
		raw: el,
	});
}

export const smartlead: Adapter = (body) => elements(body).map(toEvent);
