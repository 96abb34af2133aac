import type { IWebhookFunctions } from 'n8n-workflow';

import { rememberSecrets } from '../shared/secrets';

/** What the Greenhouse Trigger's handler needs from the node and its credential. */
export interface GreenhouseSettings {
	secretKey: string;
	events: string[];
	dedupeSize?: number;
}

export async function readSettings(ctx: IWebhookFunctions): Promise<GreenhouseSettings> {
	const credentials = await ctx.getCredentials('greenhouseWebhookApi');
	rememberSecrets(credentials.secretKey);
	return {
		// A key of only spaces is no key: the handler then refuses every delivery and says why.
		secretKey: String(credentials.secretKey ?? '').trim() ? String(credentials.secretKey) : '',
		events: ctx.getNodeParameter('events', []) as string[],
	};
}
