import type { Adapter, OutreachEvent, OutreachEventName } from './types';
import { MalformedBodyError } from './types';
import { rec, type Rec, str } from '../../shared/values';
import { contentKey, deliveryKey } from '../../shared/trigger/dedupe';
import { normalizeEventName } from '../../shared/trigger/events';
import { leadEmails } from '../../shared/candidate/contact';
import { elements, finish, first, isoDate, num, phones, tagList } from './util';

/*
 * Woodpecker `method` → our events (https://developers.woodpecker.co/docs/webhooks). Bodies are JSON arrays of up to 100 events;
 * each element becomes one event. Method names arrive as prospect_replied, PROSPECT_REPLIED (v2
 * listing) or prospect-replied (Pipedream), all read alike.
 * - addedToSequence: Woodpecker documents no such event, so it never fires for Woodpecker.
 * - replied: prospect_replied (fires again on later replies; each reply has its own email.id).
 * - interested: prospect_interested. A reply whose prospect.interested is "INTERESTED" is
 *   interested too (the classifier reads that label).
 * - prospect_not_interested, prospect_maybe_later, prospect_autoreplied, …: `other`.
 */

function kindOf(method: string): OutreachEventName {
	if (method === 'prospect_replied') return 'replied';
	if (method === 'prospect_interested') return 'interested';
	return 'other';
}

function labelOf(method: string, interested: string | undefined): OutreachEvent['label'] {
	if (method === 'prospect_interested')
		return { raw: interested ?? 'INTERESTED', sentiment: 'positive' };
	if (!interested)
		return method === 'prospect_not_interested'
			? { raw: 'NOT_INTERESTED', sentiment: 'negative' }
			: undefined;
	const key = interested.toUpperCase();
	const sentiment =
		key === 'INTERESTED' ? 'positive' : key.includes('NOT') ? 'negative' : 'neutral';
	return { raw: interested, sentiment };
}

function toEvent(el: Rec): OutreachEvent {
	const toolEvent = first(el.method, el.event, el.type);
	if (!toolEvent)
		throw new MalformedBodyError('Woodpecker events carry a "method" field, and this one has none');
	const method = normalizeEventName(toolEvent) as string;
	const event = kindOf(method);
	const p = rec(el.prospect);
	const email = rec(el.email);
	// email.sender is who replied: a colleague's address never becomes a second email of the lead.
	const lead = leadEmails([p.email], email.sender);
	return finish({
		event,
		tool: 'woodpecker',
		toolEvent,
		eventId:
			deliveryKey('woodpecker', method, email.id, p.id) ??
			deliveryKey('woodpecker', method, p.id, el.timestamp) ??
			contentKey('woodpecker', el),
		occurredAt: isoDate(el.timestamp),
		candidate: {
			firstName: str(p.first_name),
			lastName: str(p.last_name),
			emails: lead.emails.map((value) => ({ value })),
			phones: phones(p.phone),
			linkedinUrl: str(p.linkedin_url),
			currentCompany: str(p.company),
			currentTitle: str(p.title),
			location: { city: str(p.city), state: str(p.state), country: str(p.country) },
			tags: tagList(p.tags),
			extra: {
				woodpeckerProspectId: str(p.id),
				website: str(p.website),
				industry: str(p.industry),
				status: str(p.status),
			},
		},
		campaign: { id: str(p.campaign_id), name: str(p.campaign_name) },
		sequence: { step: num(p.step) },
		reply:
			event === 'replied' || event === 'interested'
				? {
						text: str(email.message),
						subject: str(email.subject),
						date: isoDate(email.date),
						channel: 'email',
						from: lead.from,
					}
				: undefined,
		label: labelOf(method, str(p.interested)),
		enrichmentHint:
			'Woodpecker sent no prospect details. Add an HTTP Request node that reads the prospect from the Woodpecker API by extra.woodpeckerProspectId.',
		raw: el,
	});
}

export const woodpecker: Adapter = (body) => elements(body).map(toEvent);
