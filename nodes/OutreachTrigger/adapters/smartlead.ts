import type { Adapter, OutreachEvent, OutreachEventName } from './types';
import { MalformedBodyError } from './types';
import { rec, type Rec, str } from '../../shared/values';
import { contentKey, deliveryKey } from '../../shared/trigger/dedupe';
import { elements, emails, finish, first, htmlToText, isoDate, num, phones } from './util';

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
	const cat = rec(el.lead_category);
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
		deliveryKey('smartlead', type, el.stats_id)
	);
}

function timestampOf(el: Rec): string | undefined {
	return first(el.event_timestamp, el.timestamp, el.time);
}

function contactOf(el: Rec, lead: Rec): OutreachEvent['candidate'] {
	return {
		// to_name is "the lead that replies OR alias": only a fallback.
		fullName: first(lead.full_name, lead.name, el.to_name),
		firstName: first(lead.first_name),
		lastName: first(lead.last_name),
		emails: emails(el.sl_lead_email, lead.email, el.lead_email, el.to_email),
		phones: phones(lead.phone_number, lead.phone),
		linkedinUrl: first(lead.linkedin_profile, lead.linkedin_url, lead.linkedin),
		currentCompany: first(lead.company_name),
		currentTitle: first(lead.title, lead.job_title),
		location: first(lead.location),
		extra: {
			smartleadLeadId: first(el.sl_email_lead_id, el.lead_id, lead.id),
			website: first(lead.website, lead.company_url),
			customFields: lead.custom_fields,
			smartleadAppUrl: str(el.app_url),
		},
	};
}

function replyOf(el: Rec): OutreachEvent['reply'] {
	const reply = rec(el.reply_message);
	const lastReply = rec(el.last_reply);
	return {
		text:
			first(reply.text, el.reply_body, el.preview_text) ??
			htmlToText(reply.html) ??
			htmlToText(lastReply.email_body),
		subject: str(el.subject),
		date: isoDate(first(reply.time, lastReply.time, el.time_replied, timestampOf(el))),
		channel: 'email',
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
	return finish({
		event,
		tool: 'smartlead',
		toolEvent,
		eventId: eventIdOf(event, type, el, lead, category.name) ?? contentKey('smartlead', el),
		occurredAt: isoDate(timestampOf(el)),
		candidate: contactOf(el, lead),
		campaign: { id: str(el.campaign_id), name: str(el.campaign_name) },
		sequence: { step: num(el.sequence_number) },
		reply: event === 'replied' || event === 'interested' ? replyOf(el) : undefined,
		label: category.name ? { raw: category.name, sentiment: category.sentiment } : undefined,
		enrichmentHint:
			'Smartlead reply webhooks carry the lead email only; LEAD_CATEGORY_UPDATED carries the full lead_data. Add an HTTP Request node that reads the lead from the Smartlead API by raw.sl_email_lead_id.',
		raw: el,
	});
}

export const smartlead: Adapter = (body) => elements(body).map(toEvent);
