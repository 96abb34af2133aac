import type { INodePropertyOptions } from 'n8n-workflow';

import {
	eventOptions,
	isSelected as selectedEvent,
	normalizeEventName,
} from '../shared/trigger/events';

/**
 * Pinpoint webhook events. Only `application_hired` is a confirmed slug; Pinpoint's
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

export const pinpointEventOptions: INodePropertyOptions[] = eventOptions(
	'Every event Pinpoint sends to this URL',
	PINPOINT_EVENTS.map((e) => ({ name: e.name, value: e.value, description: e.description })),
);

/** Our option value for a slug Pinpoint sent: the option it is an alias of, else the slug itself. */
export function canonicalEvent(slug: unknown): string | undefined {
	const key = normalizeEventName(slug);
	if (!key) return undefined;
	return PINPOINT_EVENTS.find((e) => e.value === key || e.aliases.includes(key))?.value ?? key;
}

/** `selected` holds option values plus any slugs typed under Other Event Names. */
export function isSelected(selected: string[], slug: unknown): boolean {
	return selectedEvent(selected, canonicalEvent(slug), canonicalEvent);
}
