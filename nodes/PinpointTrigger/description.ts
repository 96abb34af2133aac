import type { INodeProperties } from 'n8n-workflow';

import { pinpointEventOptions } from './events';
import { MAX_FETCH_MS } from './settings';

export const properties: INodeProperties[] = [
	{
		displayName:
			"Pinpoint cannot be told about n8n automatically, so add the webhook by hand: in Pinpoint open Settings › API & Webhooks › Webhooks, create a webhook with this node's Production URL (shown above), choose the events, and copy the signing secret into this node's credential. Activate this workflow first. Unsigned deliveries are refused.",
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: pinpointEventOptions,
		default: ['application_hired'],
		required: true,
		description:
			'Which Pinpoint events start the workflow. Other deliveries are answered 200 and ignored. Only application_hired is a documented event name; the others also match the usual spellings.',
	},
	{
		displayName: 'Fetch Application Details',
		name: 'fetchDetails',
		type: 'boolean',
		default: true,
		description:
			"Whether to read the application and candidate from the Pinpoint API: Pinpoint's webhook names only the application. Needs an API key with Read permission for Applications and Candidates.",
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		placeholder: 'e.g. pinpoint-hires',
		description: 'The end of the webhook URL. Leave empty for a random path that is hard to guess.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'If Details Cannot Be Read',
				name: 'onFetchFailure',
				type: 'options',
				default: 'emit',
				options: [
					{
						name: 'Start the Workflow Anyway',
						value: 'emit',
						description:
							'Output the event with enrichment.ok = false and the reason; the execution shows in n8n',
					},
					{
						name: 'Ask Pinpoint to Retry',
						value: 'retry',
						description:
							'Answer 503 so Pinpoint sends the event again later (up to 10 times over 24 hours); nothing runs now',
					},
				],
			},
			{
				displayName: 'Other Event Names',
				name: 'otherEvents',
				type: 'string',
				default: '',
				placeholder: 'e.g. application_rejected, candidate_created',
				description:
					"Comma-separated Pinpoint event names that also start the workflow, as shown in Pinpoint's test delivery",
			},
			{
				displayName: 'Time Limit for Details (Ms)',
				name: 'fetchTimeLimitMs',
				type: 'number',
				default: 3500,
				typeOptions: { minValue: 500, maxValue: MAX_FETCH_MS },
				description:
					'How long reading the application may take in total. Pinpoint gives up after 5 seconds.',
			},
		],
	},
];
