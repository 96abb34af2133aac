import { GENERIC_CONTACT_FIELDS, GENERIC_EVENT_VALUES } from './genericSchema';
import type { Adapter, Channel, OutreachEvent, OutreachEventName } from './types';
import { MalformedBodyError } from './types';
import { isRecord, rec, type Rec, str } from '../../shared/values';
import { contentKey } from '../../shared/trigger/dedupe';
import { normalizeEventName } from '../../shared/trigger/events';
import { elements, emails, finish, first, isoDate, num, phones, tagList } from './util';

/** Our own documented format (adapters/genericSchema.ts); dotted event names (contact.replied) are accepted too. */

const EVENTS: Record<string, OutreachEventName> = {
	added_to_sequence: 'addedToSequence',
	replied: 'replied',
	interested: 'interested',
	other: 'other',
};

const CHANNELS: Channel[] = ['email', 'linkedin', 'sms', 'whatsapp', 'call', 'other'];

function labelOf(v: unknown): OutreachEvent['label'] {
	if (typeof v === 'string') return str(v) ? { raw: v.trim() } : undefined;
	if (!isRecord(v) || !str(v.raw)) return undefined;
	const s = str(v.sentiment)?.toLowerCase();
	return {
		raw: str(v.raw) as string,
		sentiment: s === 'positive' || s === 'negative' || s === 'neutral' ? s : undefined,
	};
}

/** `contact` as the schema names its fields (plus `name` for fullName); other keys go to extra. */
const CONTACT_FIELDS = new Set([...GENERIC_CONTACT_FIELDS, 'name']);

function contactOf(el: Rec): OutreachEvent['candidate'] {
	const c = rec(el.contact);
	const extra: Rec = { ...rec(el.data) };
	for (const [k, v] of Object.entries(c)) if (!CONTACT_FIELDS.has(k)) extra[k] = v;
	return {
		fullName: first(c.fullName, c.name),
		firstName: str(c.firstName),
		lastName: str(c.lastName),
		emails: emails(c.email, ...(Array.isArray(c.emails) ? c.emails : [])),
		phones: phones(c.phone, ...(Array.isArray(c.phones) ? c.phones : [])),
		linkedinUrl: str(c.linkedinUrl),
		currentTitle: str(c.title),
		currentCompany: str(c.company),
		location: isRecord(c.location)
			? {
					city: str(c.location.city),
					state: str(c.location.state),
					country: str(c.location.country),
				}
			: str(c.location),
		tags: tagList(c.tags),
		source:
			str(el.tool) &&
			`${str(el.tool)}${str(rec(el.campaign).name) ? `: ${str(rec(el.campaign).name)}` : ''}`,
		extra,
	};
}

function replyOf(reply: Rec): OutreachEvent['reply'] {
	if (Object.keys(reply).length === 0) return undefined;
	const channel = str(reply.channel)?.toLowerCase() as Channel | undefined;
	return {
		text: str(reply.text),
		subject: str(reply.subject),
		date: isoDate(reply.date),
		channel: channel && CHANNELS.includes(channel) ? channel : undefined,
	};
}

function toEvent(el: Rec, index: number): OutreachEvent {
	const given = str(el.event);
	const event = EVENTS[(normalizeEventName(given) ?? '').replace(/^contact_/, '')];
	const where = index > 0 ? ` (element ${index})` : '';
	if (!event) {
		throw new MalformedBodyError(
			`"event"${where} must be one of ${GENERIC_EVENT_VALUES.join(', ')}; got ${given ? `"${given.slice(0, 40)}"` : 'nothing'}`,
		);
	}
	if (el.contact !== undefined && !isRecord(el.contact))
		throw new MalformedBodyError(`"contact"${where} must be an object`);
	return finish({
		event,
		tool: 'generic',
		toolEvent: given as string,
		eventId: str(el.eventId) ? `generic:${str(el.eventId)}` : contentKey('generic', el),
		occurredAt: isoDate(el.occurredAt),
		candidate: contactOf(el),
		campaign: { id: str(rec(el.campaign).id), name: str(rec(el.campaign).name) },
		sequence: {
			id: str(rec(el.sequence).id),
			name: str(rec(el.sequence).name),
			step: num(rec(el.sequence).step),
		},
		reply: replyOf(rec(el.reply)),
		label: labelOf(el.label),
		enrichmentHint:
			'Send contact.fullName and contact.email (or contact.linkedinUrl) with every event.',
		raw: el,
	});
}

export const generic: Adapter = (body) => elements(body).map(toEvent);
