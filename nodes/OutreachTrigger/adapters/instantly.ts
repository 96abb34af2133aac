import type { Adapter, OutreachEvent, OutreachEventName } from './types';
import { MalformedBodyError } from './types';
import { type Rec, str } from '../../shared/values';
import { markerVariables } from '../../shared/export/marker';
import { contentKey, deliveryKey } from '../../shared/trigger/dedupe';
import { elements, emails, finish, first, htmlToText, isoDate, num, phones } from './util';

/*
 * Instantly (API v2) `event_type` → our events
 * (https://developer.instantly.ai/guides/webhook-events):
 * - addedToSequence: Instantly has no such event. Stand-in: `email_sent` for step 1 (or is_first true),
 *   keyed by campaign + lead so each lead counts once per campaign.
 * - replied: reply_received. auto_reply_received is `other` (never a real reply).
 * - interested: lead_interested and lead_meeting_booked (Instantly's own labels).
 * - lead_not_interested, lead_out_of_office, lead_wrong_person, lead_neutral, … and custom labels
 *   (sent as the raw label string): `other`, with the label kept.
 * Lead fields beyond lead_email arrive as extra keys whose names are UNCONFIRMED; common spellings
 * are tried. Dedupe key: email_id + event_type, as Instantly sends no idempotency key.
 */

const INTERESTED = new Set(['lead_interested', 'lead_meeting_booked']);
const NEGATIVE = new Set([
	'lead_not_interested',
	'lead_wrong_person',
	'lead_unsubscribed',
	'lead_out_of_office',
	'lead_no_show',
]);

function kindOf(type: string, el: Rec): OutreachEventName {
	if (type === 'email_sent' && (num(el.step) === 1 || el.is_first === true))
		return 'addedToSequence';
	if (type === 'reply_received') return 'replied';
	if (INTERESTED.has(type)) return 'interested';
	return 'other';
}

function toEvent(el: Rec): OutreachEvent {
	const toolEvent = first(el.event_type, el.eventType);
	if (!toolEvent)
		throw new MalformedBodyError(
			'Instantly payloads carry an "event_type" field, and this one has none',
		);
	const type = toolEvent.toLowerCase();
	const event = kindOf(type, el);
	const isLabel = type.startsWith('lead_') || !/^[a-z_]+$/.test(type);
	return finish({
		event,
		tool: 'instantly',
		toolEvent,
		eventId:
			(event === 'addedToSequence'
				? deliveryKey('instantly', 'added', el.campaign_id, el.lead_email)
				: deliveryKey('instantly', el.email_id, type)) ?? contentKey('instantly', el),
		occurredAt: isoDate(el.timestamp),
		candidate: {
			fullName: first(el.full_name, el.fullName, el.name),
			firstName: first(el.first_name, el.firstName),
			lastName: first(el.last_name, el.lastName),
			emails: emails(el.lead_email, el.email),
			phones: phones(el.phone, el.phone_number),
			linkedinUrl: first(el.linkedin_url, el.linkedinUrl, el.linkedIn, el.linkedin),
			currentCompany: first(el.company_name, el.companyName),
			currentTitle: first(el.job_title, el.jobTitle, el.title),
			location: first(el.location),
			extra: {
				website: str(el.website),
				instantlyUniboxUrl: str(el.unibox_url),
				// A lead's custom variables come as top-level keys (or under payload): Mark as Synced's
				// marker is kept (shared/export/marker.ts).
				variables: markerVariables(el, el.payload),
			},
		},
		campaign: { id: str(el.campaign_id), name: str(el.campaign_name) },
		sequence: { step: num(el.step) },
		reply:
			event === 'replied' || event === 'interested'
				? {
						text: first(el.reply_text, el.reply_text_snippet) ?? htmlToText(el.reply_html),
						subject: first(el.reply_subject, el.email_subject),
						date: isoDate(el.timestamp),
						channel: 'email',
					}
				: undefined,
		label: isLabel
			? {
					raw: toolEvent,
					sentiment: INTERESTED.has(type)
						? 'positive'
						: NEGATIVE.has(type)
							? 'negative'
							: undefined,
				}
			: undefined,
		enrichmentHint:
			'Instantly sends the lead email; other lead fields only when they exist in your workspace. Add an HTTP Request node that reads the lead from the Instantly API (v2 leads) by raw.lead_email to get name, company or LinkedIn URL.',
		raw: el,
	});
}

export const instantly: Adapter = (body) => elements(body).map(toEvent);
