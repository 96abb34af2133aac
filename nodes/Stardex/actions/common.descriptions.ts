import type { INodeProperties } from 'n8n-workflow';

/**
 * Job id from a Stardex job page URL. Stardex documents no app URL pattern, so any host is
 * accepted (a custom App URL works too) as long as the path ends in /jobs/<id> or /job/<id>.
 */
export const JOB_URL_REGEX = 'https?://[^/]+/(?:[^?#]*/)?jobs?/([A-Za-z0-9][A-Za-z0-9_-]*)';
const UUID_REGEX = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

export function jobLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Job',
		name: 'job',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'The Stardex job to add the person to as a candidate. Leave empty to create the person with no job.',
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
				placeholder: 'e.g. https://app.stardex.ai/jobs/123e4567-e89b-12d3-a456-426614174000',
				extractValue: { type: 'regex', regex: JOB_URL_REGEX },
				validation: [{ type: 'regex', properties: { regex: `${JOB_URL_REGEX}.*`, errorMessage: 'Not a Stardex job URL (expected …/jobs/<job ID>)' } }],
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 123e4567-e89b-12d3-a456-426614174000',
				validation: [{ type: 'regex', properties: { regex: UUID_REGEX, errorMessage: 'A Stardex job ID is a UUID, e.g. 123e4567-e89b-12d3-a456-426614174000' } }],
			},
		],
		...overrides,
	};
}
