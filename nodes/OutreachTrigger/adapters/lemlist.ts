import type { Adapter, Channel, OutreachEvent, OutreachEventName } from './types';
import { MalformedBodyError } from './types';
import { pick, pickAll } from '../../shared/candidate/fieldMap';
import { rec, type Rec, str } from '../../shared/values';
import { markerVariables } from '../../shared/export/marker';
import { LEMLIST_FIELDS } from '../fields/lemlist';
import { contentKey, deliveryKey } from '../../shared/trigger/dedupe';
import { elements, emails, finish, first, htmlToText, isoDate, num, phones } from './util';

/*
 * lemlist webhook `type` → our events
 * (https://developer.lemlist.com/api-reference/objects-definitions/webhook):
 * - addedToSequence: lemlist has no "lead added" webhook. Stand-ins: `contacted` (first contact on any
 *   channel) and `emailsSent` when it is the first step (sequenceStep 0 or isFirst true). Their id is
 *   campaign + lead, so a lead counts as "added" once per campaign however many steps follow.
 * - replied: emailsReplied, linkedinReplied, whatsappReplied, smsReplied, warmed (replied on any channel).
 * - interested: interested (any channel), emailsInterested, linkedinInterested, aircallInterested,
 *   apiInterested, manualInterested. The type itself is lemlist's label.
 * - *NotInterested: `other`, carrying lemlist's negative label. Everything else is `other`.
 * The reply-text field is UNCONFIRMED in lemlist's docs, so several likely names are tried.
 */

const REPLIED: Record<string, Channel | undefined> = {
	emailsreplied: 'email',
	linkedinreplied: 'linkedin',
	whatsappreplied: 'whatsapp',
	smsreplied: 'sms',
	warmed: undefined,
};

const INTERESTED: Record<string, Channel | undefined> = {
	interested: undefined,
	emailsinterested: 'email',
	linkedininterested: 'linkedin',
	aircallinterested: 'call',
	apiinterested: undefined,
	manualinterested: undefined,
};

function kindOf(type: string, el: Rec): OutreachEventName {
	const t = type.toLowerCase();
	if (t === 'contacted') return 'addedToSequence';
	if (t === 'emailssent' && (num(el.sequenceStep) === 0 || el.isFirst === true))
		return 'addedToSequence';
	if (t in REPLIED) return 'replied';
	if (t in INTERESTED) return 'interested';
	return 'other';
}

function toEvent(el: Rec): OutreachEvent {
	const type = str(el.type);
	if (!type)
		throw new MalformedBodyError('lemlist payloads carry a "type" field, and this one has none');
	const event = kindOf(type, el);
	const lower = type.toLowerCase();
	const leadKey = first(get(el, 'extra.lemlistLeadId'), get(el, 'emails'));
	const step = num(el.sequenceStep);
	const campaign = { id: first(get(el, 'campaign.id')), name: str(el.campaignName) };
	return finish({
		event,
		tool: 'lemlist',
		toolEvent: type,
		eventId:
			(event === 'addedToSequence'
				? deliveryKey('lemlist', 'added', el.campaignId, leadKey)
				: deliveryKey('lemlist', el._id)) ?? contentKey('lemlist', el),
		occurredAt: isoDate(el.createdAt),
		candidate: candidateOf(el),
		campaign,
		// sequenceStep is 0-based in lemlist; our step is 1-based like the other tools.
		sequence: { id: str(el.sequenceId), step: step === undefined ? undefined : step + 1 },
		reply:
			event === 'replied' || event === 'interested'
				? {
						text: pickAll(el, F, 'reply.text').map(htmlToText).find(Boolean),
						subject: str(el.subject),
						date: isoDate(el.createdAt),
						channel: REPLIED[lower] ?? INTERESTED[lower] ?? channelOf(el),
					}
				: undefined,
		label:
			event === 'interested'
				? { raw: type, sentiment: 'positive' }
				: /notinterested$/i.test(type)
					? { raw: type, sentiment: 'negative' }
					: undefined,
		enrichmentHint:
			'lemlist webhooks carry the lead email and name only. To get LinkedIn URL, company or phone, add an HTTP Request node that reads the lead from the lemlist API using raw.leadId or raw.leadEmail.',
		raw: el,
	});
}

const F = LEMLIST_FIELDS;
const get = (el: Rec, target: string) => pick(el, F, target);
/** lead.variables keys read into a candidate field; the others are kept as extra.variables. */
const KNOWN_VARIABLES = new Set(
	Object.keys(F.mapped)
		.filter((p) => p.startsWith('lead.variables.') && !p.endsWith('*'))
		.map((p) => p.slice('lead.variables.'.length)),
);

/** The lead wherever lemlist put it: top level (webhooks), `lead` or `lead.variables` (activities). */
function candidateOf(el: Rec): OutreachEvent['candidate'] {
	const variables = rec(rec(el.lead).variables);
	const custom = Object.fromEntries(
		Object.entries(variables).filter(([k]) => !KNOWN_VARIABLES.has(k)),
	);
	return {
		firstName: first(get(el, 'firstName')),
		lastName: first(get(el, 'lastName')),
		emails: emails(...pickAll(el, F, 'emails')),
		phones: phones(...pickAll(el, F, 'phones')),
		linkedinUrl: first(get(el, 'linkedinUrl')),
		currentCompany: first(get(el, 'currentCompany')),
		currentTitle: first(get(el, 'currentTitle')),
		location: first(get(el, 'location')),
		extra: {
			lemlistLeadId: first(get(el, 'extra.lemlistLeadId')),
			lemlistContactId: first(get(el, 'extra.lemlistContactId')),
			companyDomain: first(get(el, 'extra.companyDomain')),
			linkedinSalesNavUrl: first(get(el, 'extra.linkedinSalesNavUrl')),
			// lemlist webhooks put the lead's custom variables at the top level: Mark as Synced's marker
			// is kept from there too (shared/export/marker.ts).
			variables: withMarker(custom, el),
		},
	};
}

function withMarker(custom: Rec, el: Rec): Rec | undefined {
	const all = { ...markerVariables(el), ...custom };
	return Object.keys(all).length ? all : undefined;
}

function channelOf(el: Rec): Channel | undefined {
	const c = str(el.channel)?.toLowerCase();
	if (!c) return undefined;
	return (
		(['email', 'linkedin', 'sms', 'whatsapp', 'call'] as const).find((v) => c.includes(v)) ??
		'other'
	);
}

export const lemlist: Adapter = (body) => elements(body).map(toEvent);
