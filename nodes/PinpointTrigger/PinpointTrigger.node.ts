import type {
	IExecuteFunctions,
	INodeExecutionData,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { answer, recentDeliveries, recordDeliveries } from '../shared/webhook';
import { pinpointEventOptions } from './events';
import { handlePinpointDelivery, type PinpointSettings } from './handler';
import { fetchApplicationDetails } from './transport';

/** Pinpoint needs a 2xx within 5 s; reading the application must leave time to answer. */
const MAX_FETCH_MS = 4500;

export class PinpointTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Pinpoint Trigger',
		name: 'pinpointTrigger',
		icon: { light: 'file:pinpoint.svg', dark: 'file:pinpoint.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when Pinpoint sends a webhook, e.g. when an applicant is hired',
		defaults: { name: 'Pinpoint Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'pinpointApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: '={{$parameter["path"]}}',
				isFullPath: true,
			},
		],
		properties: [
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
				description:
					'The end of the webhook URL. Leave empty for a random path that is hard to guess.',
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
		],
	};

	// Pinpoint webhooks are created in the Pinpoint UI (no API for it is documented), so there is
	// nothing to register or remove here.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	// Runs inside the execution the webhook started: records the delivered ids where n8n saves them.
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return recordDeliveries(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await this.getCredentials('pinpointApi');
		const options = this.getNodeParameter('options', {}) as {
			onFetchFailure?: 'emit' | 'retry';
			otherEvents?: string;
			fetchTimeLimitMs?: number;
		};
		const settings: PinpointSettings = {
			signingSecret: String(credentials.webhookSigningSecret ?? ''),
			events: [
				...(this.getNodeParameter('events', []) as string[]),
				...String(options.otherEvents ?? '')
					.split(',')
					.map((e) => e.trim())
					.filter(Boolean),
			],
			onFetchFailure: options.onFetchFailure ?? 'emit',
		};
		const budget = Math.min(MAX_FETCH_MS, Math.max(500, Number(options.fetchTimeLimitMs) || 3500));
		const fetchDetails = this.getNodeParameter('fetchDetails', true)
			? async (id: string) => await fetchApplicationDetails(this, id, budget)
			: undefined;
		const request = this.getRequestObject();
		const outcome = await handlePinpointDelivery(
			{
				rawBody: request.rawBody,
				body: this.getBodyData(),
				headers: this.getHeaderData() as Record<string, string>,
			},
			settings,
			recentDeliveries(this),
			new Date().toISOString(),
			fetchDetails,
		);
		return answer(this, outcome, 'Pinpoint');
	}
}
