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
import { answer, type Outcome } from '../shared/trigger/answer';
import { claimsOf, recentDeliveries, recordDeliveries } from '../shared/trigger/dedupe';
import { readDelivery } from '../shared/trigger/delivery';
import { TRIGGER_WEBHOOKS } from '../shared/trigger/webhookMethods';
import { properties } from './description';
import { enrichClaimed, readEnrichSettings } from './enrich';
import { handleDelivery } from './handler';
import { loadSettings } from './settings';
import { outreachWebhookSecretTest } from './methods/credentialTest';
import { searchSmartleadCampaigns } from './methods/campaignSearch';
import { outreachWebhookMethods } from './registration/lifecycle';

export class OutreachTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Outreach Trigger',
		name: 'outreachTrigger',
		icon: { light: 'file:outreach.svg', dark: 'file:outreach.dark.svg' },
		group: ['trigger'],
		// 1.1: automatic registration (lemlist, Instantly, Woodpecker). 2: a manual setup's secret lives in
		// a credential and Authentication defaults to the tool's own method. 2.1: automatic registration
		// is also the default for Smartlead and HeyReach (registration/registrars.ts AUTO_SINCE).
		version: [1, 1.1, 2, 2.1],
		defaultVersion: 2.1,
		subtitle: '={{$parameter["source"] + ": " + $parameter["events"].join(", ")}}',
		description:
			'Starts a workflow when a contact is added to a sequence, replies, or replies with interest in lemlist, Instantly, Smartlead, Outreach.io, Woodpecker, Reply.io, HeyReach or any tool that posts our JSON format',
		defaults: { name: 'Outreach Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// The webhook secret for manual setup (version 2); then, for automatic registration and Enrich
		// Missing Fields, each tool's API credential shows for its source (n8n's credential displayOptions
		// cannot say "either option is on").
		credentials: [
			{
				name: 'outreachWebhookApi', // SECRET_CREDENTIAL; a literal, so the community lint sees testedBy
				required: true,
				testedBy: 'outreachWebhookSecretTest',
				displayOptions: {
					show: { '@version': [2, 2.1] },
					hide: { authentication: ['none'], registration: ['auto'] },
				},
			},
			{
				name: 'lemlistLeadsApi',
				required: false,
				displayOptions: { show: { source: ['lemlist'] } },
			},
			{
				name: 'instantlyApi',
				required: false,
				displayOptions: { show: { source: ['instantly'] } },
			},
			{
				name: 'woodpeckerApi',
				required: false,
				displayOptions: { show: { source: ['woodpecker'] } },
			},
			{
				name: 'smartleadApi',
				required: false,
				displayOptions: { show: { source: ['smartlead'] } },
			},
			{
				name: 'heyReachApi',
				required: false,
				displayOptions: { show: { source: ['heyreach'] } },
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

	// lemlist, Instantly, Woodpecker, Smartlead and HeyReach hooks are registered through the tool's API on publish (Registration:
	// automatic); others are added by hand. checkExists also stops publishing on settings that would
	// reject every delivery (no secret, a broken regex), with a clear message.
	webhookMethods = outreachWebhookMethods();

	methods = {
		credentialTest: { outreachWebhookSecretTest },
		listSearch: { searchSmartleadCampaigns },
	};

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
				await loadSettings(this),
				recentDeliveries(this),
				new Date().toISOString(),
			);
		} catch {
			// Random bodies must never crash the webhook: answer 400 and start nothing.
			outcome = { status: 400, message: 'Bad request: the delivery could not be read' };
		}
		// A field over its cap (caps.ts) is the sender's data: answered 413, nothing is started. Checked
		// before the lookup claims anything; a looked-up value over a cap is refused by the export node.
		const tooLong = outcome.status === 200 ? tooLongForTrigger(outcome.items) : undefined;
		if (tooLong) outcome = { status: 413, message: tooLong };
		// The optional API lookup runs after the pure pipeline, on the items it chose; it never fails the delivery.
		if (outcome.status === 200 && outcome.items.length) {
			const enrich = readEnrichSettings(this);
			if (enrich) outcome = await enrichClaimed(this, outcome, enrich, claimsOf(this));
		}
		return answer(this, outcome, 'Outreach');
	}
}
