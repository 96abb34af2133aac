import type { Adapter, OutreachEvent, OutreachEventName } from './types';
import { MalformedBodyError } from './types';
import { isRecord, rec, type Rec, str } from '../../shared/values';
import { contentKey, deliveryKey } from '../../shared/trigger/dedupe';
import { normalizeEventName } from '../../shared/trigger/events';
import { elements, emails, finish, first, isoDate, num, phones } from './util';

/*
 * Reply.io → our events (https://docs.reply.io/essentials/webhook-events). Three shapes are read: the v3 payload (`event{id,type,date}`
 * with snake_case `contact_fields`, `sequence_fields`), the event-log shape (`payload.contact` in
 * camelCase, `sequence.stepNumber`, `data.replyDate`) and legacy v2 (`event` as a plain string).
 * - addedToSequence: no contact-level event is documented (sequence_* events are about the
 *   sequence itself), so it never fires for Reply.io.
 * - replied: email_replied, linkedin_message_replied. auto_reply_received is `other`.
 * - interested: meeting_booked, and "Response Classification" events, whose names are UNCONFIRMED:
 *   any event type containing "interested" (not "not_interested"), or a classification event whose
 *   classification/category reads Interested or Meeting.
 */

function classificationOf(el: Rec, data: Rec): string | undefined {
	return first(
		el.classification,
		el.response_classification,
		el.category,
		data.classification,
		data.category,
	);
}

function kindOf(type: string, label: string | undefined): OutreachEventName {
	if (type === 'email_replied' || type === 'linkedin_message_replied') return 'replied';
	if (type === 'meeting_booked') return 'interested';
	if (type.includes('not_interested')) return 'other';
	if (type.includes('interested')) return 'interested';
	if (type.includes('classif') && label && /^(interested|meeting)/i.test(label))
		return 'interested';
	return 'other';
}

function labelOf(
	type: string,
	toolEvent: string,
	classification: string | undefined,
): OutreachEvent['label'] {
	if (type === 'meeting_booked') return { raw: toolEvent, sentiment: 'positive' };
	if (classification) return { raw: classification };
	if (!type.includes('interested')) return undefined;
	return { raw: toolEvent, sentiment: type.includes('not_interested') ? 'negative' : 'positive' };
}

function contactOf(c: Rec, el: Rec): OutreachEvent['candidate'] {
	return {
		fullName: first(c.full_name, c.fullName, c.name),
		firstName: first(c.first_name, c.firstName),
		lastName: first(c.last_name, c.lastName),
		emails: emails(c.email, el.email),
		phones: phones(c.phone, c.phone_number),
		linkedinUrl: first(
			c.linkedin_url,
			c.linkedinUrl,
			c.linkedInUrl,
			c.linkedin_profile_url,
			c.linkedInProfile,
			c.linkedin,
		),
		currentCompany: first(c.company, c.company_name, c.companyName, c.organization),
		currentTitle: first(c.title, c.job_title, c.jobTitle),
		location: { city: str(c.city), state: str(c.state), country: str(c.country) },
		extra: {
			replyIoContactId: str(c.id),
			customFields: el.contact_custom_fields,
			replyReason: str(el.reply_reason),
		},
	};
}

function replyOf(el: Rec, data: Rec, envelope: Rec, type: string): OutreachEvent['reply'] {
	return {
		text: first(
			el.email_text,
			el.emailText,
			el.reply_text,
			el.text,
			el.message,
			data.replyText,
			data.text,
		),
		subject: first(el.email_subject, el.subject, data.subject),
		date: isoDate(first(data.replyDate, envelope.date)),
		channel: type.startsWith('linkedin') ? 'linkedin' : 'email',
	};
}

function toEvent(outer: Rec): OutreachEvent {
	// Event-log entries wrap the delivery in `payload`; read both levels.
	const el: Rec = isRecord(outer.payload) ? { ...outer, ...outer.payload } : outer;
	const envelope = rec(el.event);
	const toolEvent = first(envelope.type, el.event, el.eventType, el.event_type, el.type);
	if (!toolEvent)
		throw new MalformedBodyError(
			'Reply.io payloads carry "event.type" (or "event"), and this one has none',
		);
	const type = normalizeEventName(toolEvent) as string;
	const data = rec(el.data);
	const classification = classificationOf(el, data);
	const event = kindOf(type, classification);
	const seq = { ...rec(el.sequence), ...rec(el.sequence_fields) };
	return finish({
		event,
		tool: 'replyIo',
		toolEvent,
		eventId:
			deliveryKey('replyIo', envelope.id) ??
			deliveryKey('replyIo', outer.id) ??
			contentKey('replyIo', outer),
		occurredAt: isoDate(first(envelope.date, data.replyDate, outer.createdAt, el.date)),
		candidate: contactOf({ ...rec(el.contact), ...rec(el.contact_fields) }, el),
		campaign: { id: str(seq.id), name: first(seq.name, seq.title) },
		sequence: {
			id: str(seq.id),
			name: first(seq.name, seq.title),
			step: num(first(seq.step_number, seq.stepNumber, seq.step)),
		},
		reply:
			event === 'replied' || event === 'interested' ? replyOf(el, data, envelope, type) : undefined,
		label: labelOf(type, toolEvent, classification),
		enrichmentHint:
			'Reply.io sent no contact details. Add an HTTP Request node that reads the contact from the Reply.io API by extra.replyIoContactId; for reply text, enable "includeEmailText" on the webhook.',
		raw: outer,
	});
}

export const replyIo: Adapter = (body) => elements(body).map(toEvent);
