import type { INodeProperties } from 'n8n-workflow';

import {
	jobLocator as sharedJobLocator,
	type JobLocatorSpec,
} from '../../shared/descriptions/jobLocator';

/** Numeric Greenhouse job id from a job page URL: /plans/<id>, /sdash/<id> or /jobs/<id>. */
export const JOB_URL_REGEX = 'https?://[^/]*greenhouse\\.io/(?:plans|sdash|jobs)/(\\d+)';

export const GREENHOUSE_JOB: JobLocatorSpec = {
	system: 'Greenhouse',
	description:
		'The job to apply the candidate to. Leave empty to add them as a prospect with no job.',
	urlRegex: JOB_URL_REGEX,
	urlPlaceholder: 'e.g. https://app.greenhouse.io/sdash/4012345',
	urlError: 'Not a Greenhouse job URL',
	idRegex: '\\d+',
	idPlaceholder: 'e.g. 4012345',
	idError: 'A job ID is a number',
	idPattern: /^\d+$/,
	idHint: 'its numeric ID or its URL',
};

export function jobLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return sharedJobLocator(GREENHOUSE_JOB, overrides);
}
