import type {
	IExecuteFunctions,
	INodeExecutionData,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { answer, recentDeliveries, recordDeliveries } from '../shared/webhook';
import { greenhouseEventOptions } from './events';
import { handleGreenhouseDelivery } from './handler';

export class GreenhouseTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Greenhouse Trigger',
		name: 'greenhouseTrigger',
		icon: { light: 'file:greenhouse.svg', dark: 'file:greenhouse.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when Greenhouse sends a web hook, e.g. when a candidate is hired',
		defaults: { name: 'Greenhouse Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'greenhouseWebhookApi', required: true, testedBy: 'greenhouseWebhookSecretTest' },
		],
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
					'Greenhouse cannot create web hooks for n8n, so add one by hand for each event: in Greenhouse open Configure › Dev Center › Web Hooks › Web Hooks and fill in Name (anything, e.g. "n8n: candidate hired"), When (the event, e.g. "Candidate has been hired"; one event per web hook), Endpoint URL (this node\'s Production URL shown above; it must be https) and Secret Key (the same value as in this node\'s credential). Activate this workflow before you save in Greenhouse: Greenhouse pings the URL on save and creates the web hook disabled if the ping fails. The ping never starts the workflow.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: greenhouseEventOptions,
				default: ['hire_candidate'],
				required: true,
				description:
					'Which Greenhouse actions start the workflow. Other deliveries are answered 200 and ignored, so Greenhouse does not retry them.',
			},
			{
				displayName: 'Path',
				name: 'path',
				type: 'string',
				default: '',
				placeholder: 'e.g. greenhouse-hires',
				description:
					'The end of the webhook URL. Leave empty for a random path that is hard to guess.',
			},
		],
	};

	methods = {
		credentialTest: {
			// A web hook secret cannot be checked against Greenhouse; catch the usual paste mistakes instead.
			async greenhouseWebhookSecretTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const secret = String(credential.data?.secretKey ?? '');
				if (!secret) return { status: 'Error', message: 'Secret Key is empty' };
				if (secret.trim() !== secret)
					return {
						status: 'Error',
						message:
							'Secret Key starts or ends with a space; Greenhouse would sign with a different key',
					};
				return {
					status: 'OK',
					message:
						'Saved. Greenhouse proves the key with the first signed delivery; use the same value in Greenhouse.',
				};
			},
		},
	};

	// Greenhouse web hooks are created in the Greenhouse UI (the v3 web hook API is for partners
	// only), so there is nothing to register or remove here.
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
		const credentials = await this.getCredentials('greenhouseWebhookApi');
		const request = this.getRequestObject();
		const outcome = handleGreenhouseDelivery(
			{
				rawBody: request.rawBody,
				body: this.getBodyData(),
				headers: this.getHeaderData() as Record<string, string>,
			},
			{
				secretKey: String(credentials.secretKey ?? ''),
				events: this.getNodeParameter('events', []) as string[],
			},
			recentDeliveries(this),
			new Date().toISOString(),
		);
		return answer(this, outcome, 'Greenhouse');
	}
}
