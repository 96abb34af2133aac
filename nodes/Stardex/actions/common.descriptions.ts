import type { INodeProperties } from 'n8n-workflow';

import {
	jobLocator as sharedJobLocator,
	type JobLocatorSpec,
} from '../../shared/descriptions/jobLocator';

/**
 * Job id from a Stardex job page URL. Stardex documents no app URL pattern, so any host is
 * accepted (a custom App URL works too) as long as the path ends in /jobs/<id> or /job/<id>.
 */
export const JOB_URL_REGEX = 'https?://[^/]+/(?:[^?#]*/)?jobs?/([A-Za-z0-9][A-Za-z0-9_-]*)';
const UUID_REGEX = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

export const STARDEX_JOB: JobLocatorSpec = {
	system: 'Stardex',
	description:
		'The Stardex job to add the person to as a candidate. Leave empty to create the person with no job.',
	urlRegex: JOB_URL_REGEX,
	urlPlaceholder: 'e.g. https://app.stardex.ai/jobs/123e4567-e89b-12d3-a456-426614174000',
	urlError: 'Not a Stardex job URL (expected …/jobs/<job ID>)',
	idRegex: UUID_REGEX,
	idPlaceholder: 'e.g. 123e4567-e89b-12d3-a456-426614174000',
	idError: 'A Stardex job ID is a UUID, e.g. 123e4567-e89b-12d3-a456-426614174000',
	idPattern: /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
	idHint: 'its ID (a UUID) or its URL',
};

export function jobLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return sharedJobLocator(STARDEX_JOB, overrides);
}
