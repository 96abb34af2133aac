import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { tooLongForTrigger } from '../shared/candidate/caps';
import { answer } from '../shared/trigger/answer';
import { recentDeliveries, recordDeliveries } from '../shared/trigger/dedupe';
import { readDelivery } from '../shared/trigger/delivery';
import { manualWebhookMethods, TRIGGER_WEBHOOKS } from '../shared/trigger/webhookMethods';
import { properties } from './description';
import { handleGreenhouseDelivery } from './handler';
import { greenhouseWebhookSecretTest } from './methods/credentialTest';
import { readSettings } from './settings';

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
		webhooks: TRIGGER_WEBHOOKS,
		properties,
	};

	methods = { credentialTest: { greenhouseWebhookSecretTest } };

	// Greenhouse web hooks are created in the Greenhouse UI (the v3 web hook API is for partners
	// only), so there is nothing to register or remove here.
	webhookMethods = manualWebhookMethods();

	// Runs inside the execution the webhook started: records the delivered ids where n8n saves them.
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return recordDeliveries(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const settings = await readSettings(this);
		const outcome = handleGreenhouseDelivery(
			await readDelivery(this),
			settings,
			recentDeliveries(this),
			new Date().toISOString(),
		);
		// A field over its cap (caps.ts) is the sender's data: answered 413, nothing is started.
		const tooLong = outcome.status === 200 ? tooLongForTrigger(outcome.items) : undefined;
		return answer(this, tooLong ? { status: 413, message: tooLong } : outcome, 'Greenhouse');
	}
}
