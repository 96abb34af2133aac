import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { answer } from '../shared/trigger/answer';
import { claimsOf, recentDeliveries, recordDeliveries } from '../shared/trigger/dedupe';
import { readDelivery } from '../shared/trigger/delivery';
import { manualWebhookMethods, TRIGGER_WEBHOOKS } from '../shared/trigger/webhookMethods';
import { properties } from './description';
import { handlePinpointDelivery } from './handler';
import { readSettings } from './settings';
import { fetchApplicationDetails } from './transport';

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
		webhooks: TRIGGER_WEBHOOKS,
		properties,
	};

	// Pinpoint webhooks are created in the Pinpoint UI (no API for it is documented), so there is
	// nothing to register or remove here.
	webhookMethods = manualWebhookMethods();

	// Runs inside the execution the webhook started: records the delivered ids where n8n saves them.
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return recordDeliveries(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const { settings, fetch } = await readSettings(this);
		const fetchDetails = fetch.enabled
			? async (id: string) => await fetchApplicationDetails(this, id, fetch.budgetMs)
			: undefined;
		const outcome = await handlePinpointDelivery(
			await readDelivery(this),
			settings,
			recentDeliveries(this),
			new Date().toISOString(),
			fetchDetails,
			claimsOf(this),
		);
		return answer(this, outcome, 'Pinpoint');
	}
}
