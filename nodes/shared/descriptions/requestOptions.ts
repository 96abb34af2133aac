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
			displayName: 'Lookup Window After Unconfirmed Create (Seconds)',
			name: 'confirmWindowSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 20,
			description:
				'When the API does not confirm a create (timeout, dropped connection, server error, an answer that is not JSON), the record is looked up for this long, covering the delay before a new record shows in searches. It is never created a second time in the same run: if it is still not found, the item fails with mayHaveBeenCreated: true and a re-run finds it.',
		},
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
			default: 300,
			description:
				'The longest single wait a rate limit may ask for (Retry-After as seconds, a date or a Unix timestamp). A longer wait fails the item with the time to retry, instead of holding the run.',
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
