import type { INodeProperties } from 'n8n-workflow';

/** Retry and rate-limit bounds, shown on every operation of every action node. */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	description: 'How hard to retry when the API is slow, failing or rate-limiting',
	options: [
		{
			displayName: 'Max Rate-Limit Retries',
			name: 'maxRateLimitRetries',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 20,
			description: 'How many HTTP 429 answers to wait out for one request before failing the item',
		},
		{
			displayName: 'Max Rate-Limit Wait (Seconds)',
			name: 'maxRateLimitWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 120,
			description:
				'The longest single wait a Retry-After header may ask for; longer waits fail the item instead',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 4,
			description:
				'Retries after a server error or a dropped connection. Creates are never resent blindly: the record is looked up first.',
		},
		{
			displayName: 'Max Wait for New Records (Seconds)',
			name: 'newRecordWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 60,
			description:
				'Greenhouse may not know a record for a while after creating it. Writes naming a record this run just created (resume, note, previous jobs, application) are sent again, with growing pauses, for up to this long.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30,
			description: 'How long to wait for one response',
		},
	],
};
