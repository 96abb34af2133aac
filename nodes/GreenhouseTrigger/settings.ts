import type { IWebhookFunctions } from 'n8n-workflow';

/** What the Greenhouse Trigger's handler needs from the node and its credential. */
export interface GreenhouseSettings {
	secretKey: string;
	events: string[];
	dedupeSize?: number;
}

export async function readSettings(ctx: IWebhookFunctions): Promise<GreenhouseSettings> {
	const credentials = await ctx.getCredentials('greenhouseWebhookApi');
	return {
		secretKey: String(credentials.secretKey ?? ''),
		events: ctx.getNodeParameter('events', []) as string[],
	};
}
