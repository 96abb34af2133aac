import type { IHookFunctions, IWebhookDescription } from 'n8n-workflow';

/**
 * How a trigger's webhook is registered with the sending product, as n8n's `webhookMethods`
 * (checkExists / create / delete, called when a workflow is activated and deactivated; n8n's own
 * GitHub Trigger is an example that registers through the product's API:
 * https://github.com/n8n-io/n8n/blob/master/packages/nodes-base/nodes/Github/GithubTrigger.node.ts).
 *
 * Today every product here has its webhook added by hand in the product's own settings, so there
 * is nothing to create or delete remotely (`manualWebhookMethods`). A product whose API can
 * register webhooks gets its own helper next to this one: checkExists asks the API whether our URL
 * is registered, create registers it (and keeps the id in the node's static data), delete removes it.
 */

type HookMethod = (this: IHookFunctions) => Promise<boolean>;

export interface WebhookMethods {
	default: { checkExists: HookMethod; create: HookMethod; delete: HookMethod };
}

/**
 * For a webhook the user adds by hand. `check` runs on activation: settings that would refuse
 * every delivery (no secret, a broken filter) throw there, with a message saying what to fix.
 */
export function manualWebhookMethods(
	check?: (this: IHookFunctions) => void | Promise<void>,
): WebhookMethods {
	return {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				await check?.call(this);
				return true;
			},
			async create(): Promise<boolean> {
				return true;
			},
			async delete(): Promise<boolean> {
				return true;
			},
		},
	};
}

/** The one webhook every trigger here listens on: a POST, answered on receipt, at a path the user sets. */
export const TRIGGER_WEBHOOKS: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		// Empty, so n8n answers with the trigger's own webhookResponse: n8n's default, 'firstEntryJson',
		// would win over it (extractWebhookOnReceivedResponse in n8n's packages/cli/src/webhooks).
		responseData: '',
		path: '={{$parameter["path"]}}',
		isFullPath: true,
	},
];
