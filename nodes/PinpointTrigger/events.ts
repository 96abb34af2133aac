import type { INodePropertyOptions } from 'n8n-workflow';

import { str } from '../shared/values';

/**
 * Pinpoint webhook events. Only `application_hired` is a confirmed slug (reference §3.2); Pinpoint's
 * catalogue names "new application, application moved, applicant hired, job created/updated/
 * deleted, offer accepted, interview scheduled", so each option also accepts the spellings such an
 * event is likely to have. Matching ignores case and treats ".", "-", spaces and camelCase as "_".
 */
export const PINPOINT_EVENTS: Array<{
	value: string;
	name: string;
	description: string;
	aliases: string[];
}> = [
	{
		value: 'application_hired',
		name: 'Application Hired',
		description: 'A candidate was hired (documented slug application_hired)',
		aliases: ['applicant_hired', 'candidate_hired'],
	},
	{
		value: 'application_moved',
		name: 'Application Moved to Another Stage',
		description:
			'The application changed stage (slug unconfirmed; also matches application_stage_changed)',
		aliases: [
			'application_stage_changed',
			'application_stage_change',
			'application_moved_stage',
			'application_status_changed',
		],
	},
	{
		value: 'application_created',
		name: 'New Application',
		description:
			'A candidate applied or was added (slug unconfirmed; also matches application_submitted, new_application)',
		aliases: ['application_submitted', 'new_application', 'application_received'],
	},
	{
		value: 'offer_accepted',
		name: 'Offer Accepted',
		description: 'An offer was accepted (slug unconfirmed)',
		aliases: [],
	},
	{
		value: 'interview_scheduled',
		name: 'Interview Scheduled',
		description: 'An interview was scheduled (slug unconfirmed)',
		aliases: [],
	},
	{
		value: 'job_created',
		name: 'Job Created',
		description: 'A job was created (slug unconfirmed)',
		aliases: [],
	},
	{
		value: 'job_updated',
		name: 'Job Updated',
		description: 'A job was updated (slug unconfirmed)',
		aliases: [],
	},
	{
		value: 'job_deleted',
		name: 'Job Deleted',
		description: 'A job was deleted (slug unconfirmed)',
		aliases: [],
	},
];

export const ANY_EVENT = '*';

export const pinpointEventOptions: INodePropertyOptions[] = [
	{ name: 'Any Event', value: ANY_EVENT, description: 'Every event Pinpoint sends to this URL' },
	...PINPOINT_EVENTS.map((e) => ({ name: e.name, value: e.value, description: e.description })),
].sort((a, b) =>
	a.value === ANY_EVENT ? -1 : b.value === ANY_EVENT ? 1 : a.name.localeCompare(b.name),
);

/** "Application.Hired", "application-hired" and "applicationHired" all become "application_hired". */
export function eventKey(v: unknown): string | undefined {
	return str(v)
		?.replace(/([a-z0-9])([A-Z])/g, '$1_$2')
		.replace(/[\s.-]+/g, '_')
		.toLowerCase();
}

/** Our option value for a slug Pinpoint sent: the option it is an alias of, else the slug itself. */
export function canonicalEvent(slug: unknown): string | undefined {
	const key = eventKey(slug);
	if (!key) return undefined;
	return PINPOINT_EVENTS.find((e) => e.value === key || e.aliases.includes(key))?.value ?? key;
}

/** `selected` holds option values plus any slugs typed under Other Event Names. */
export function isSelected(selected: string[], slug: unknown): boolean {
	const event = canonicalEvent(slug);
	if (!event) return false;
	if (selected.includes(ANY_EVENT)) return true;
	return selected.some((s) => canonicalEvent(s) === event);
}
