import type { INodeProperties } from 'n8n-workflow';

/** Numeric Greenhouse job id from a job page URL: /plans/<id>, /sdash/<id> or /jobs/<id>. */
export const JOB_URL_REGEX = 'https?://[^/]*greenhouse\\.io/(?:plans|sdash|jobs)/(\\d+)';

export function jobLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Job',
		name: 'job',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'The job to apply the candidate to. Leave empty to add them as a prospect with no job.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a job...',
				typeOptions: { searchListMethod: 'searchJobs', searchable: true },
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://app.greenhouse.io/sdash/4012345',
				extractValue: { type: 'regex', regex: JOB_URL_REGEX },
				validation: [
					{ type: 'regex', properties: { regex: `${JOB_URL_REGEX}.*`, errorMessage: 'Not a Greenhouse job URL' } },
				],
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 4012345',
				validation: [{ type: 'regex', properties: { regex: '\\d+', errorMessage: 'A job ID is a number' } }],
			},
		],
		...overrides,
	};
}
