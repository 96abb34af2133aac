import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { answer, type Outcome } from '../shared/trigger/answer';
import { claimsOf, recentDeliveries, recordDeliveries } from '../shared/trigger/dedupe';
import { readDelivery } from '../shared/trigger/delivery';
import { manualWebhookMethods, TRIGGER_WEBHOOKS } from '../shared/trigger/webhookMethods';
import { properties } from './description';
import { enrichClaimed, readEnrichSettings } from './enrich';
import { handleDelivery } from './handler';
import { checkSettings, readSettings } from './settings';

export class OutreachTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Outreach Trigger',
		name: 'outreachTrigger',
		icon: { light: 'file:outreach.svg', dark: 'file:outreach.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["source"] + ": " + $parameter["events"].join(", ")}}',
		description:
			'Starts a workflow when a contact is added to a sequence, replies, or replies with interest in lemlist, Instantly, Smartlead, Outreach.io, Woodpecker, Reply.io, HeyReach or any tool that posts our JSON format',
		defaults: { name: 'Outreach Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Only for Enrich Missing Fields: each tool's credential shows for its source once the option is on.
		credentials: [
			{
				name: 'lemlistLeadsApi',
				required: false,
				displayOptions: { show: { source: ['lemlist'], enrichMissing: [true] } },
			},
			{
				name: 'instantlyApi',
				required: false,
				displayOptions: { show: { source: ['instantly'], enrichMissing: [true] } },
			},
			{
				name: 'outreachIoOAuth2Api',
				required: false,
				displayOptions: { show: { source: ['outreachIo'], enrichMissing: [true] } },
			},
		],
		webhooks: TRIGGER_WEBHOOKS,
		properties,
	};

	// Webhooks are registered by hand in each tool (the node shows how), so there is nothing to
	// create or delete remotely. checkExists is where settings that would reject every delivery
	// (no secret, a broken regex) stop the activation with a clear message instead.
	webhookMethods = manualWebhookMethods(checkSettings);

	// Runs inside the execution the webhook started: records the delivered ids where n8n saves them.
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const options = this.getNodeParameter('options', 0, {}) as { dedupeSize?: number };
		return recordDeliveries(this, options.dedupeSize);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		let outcome: Outcome;
		try {
			outcome = handleDelivery(
				await readDelivery(this),
				readSettings(this),
				recentDeliveries(this),
				new Date().toISOString(),
			);
		} catch {
			// Random bodies must never crash the webhook: answer 400 and start nothing.
			outcome = { status: 400, message: 'Bad request: the delivery could not be read' };
		}
		// The optional API lookup runs after the pure pipeline, on the items it chose; it never fails the delivery.
		if (outcome.status === 200 && outcome.items.length) {
			const enrich = readEnrichSettings(this);
			if (enrich) outcome = await enrichClaimed(this, outcome, enrich, claimsOf(this));
		}
		return answer(this, outcome, 'Outreach');
	}
}
