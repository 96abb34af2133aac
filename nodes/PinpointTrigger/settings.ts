import type { IWebhookFunctions } from 'n8n-workflow';

import { rememberCredentialSecrets } from '../shared/secrets';

/** Pinpoint needs a 2xx within 5 s; reading the application must leave time to answer. */
export const MAX_FETCH_MS = 4500;
const DEFAULT_FETCH_MS = 3500;

/** What the Pinpoint Trigger's handler needs from the node and its credential. */
export interface PinpointSettings {
	signingSecret: string;
	/** Option values and/or slugs typed by the user. */
	events: string[];
	onFetchFailure: 'emit' | 'retry';
	dedupeSize?: number;
}

export interface FetchSettings {
	/** Fetch Application Details. */
	enabled: boolean;
	/** For all reads of one delivery together. */
	budgetMs: number;
}

export async function readSettings(
	ctx: IWebhookFunctions,
): Promise<{ settings: PinpointSettings; fetch: FetchSettings }> {
	const credentials = await ctx.getCredentials('pinpointApi');
	rememberCredentialSecrets(credentials);
	const options = ctx.getNodeParameter('options', {}) as {
		onFetchFailure?: 'emit' | 'retry';
		otherEvents?: string;
		fetchTimeLimitMs?: number;
	};
	const settings: PinpointSettings = {
		// A secret of only spaces is no secret: deliveries are then refused, saying why.
		signingSecret: String(credentials.webhookSigningSecret ?? '').trim()
			? String(credentials.webhookSigningSecret)
			: '',
		events: [
			...(ctx.getNodeParameter('events', []) as string[]),
			...String(options.otherEvents ?? '')
				.split(',')
				.map((e) => e.trim())
				.filter(Boolean),
		],
		onFetchFailure: options.onFetchFailure ?? 'emit',
	};
	const budgetMs = Math.min(
		MAX_FETCH_MS,
		Math.max(500, Number(options.fetchTimeLimitMs) || DEFAULT_FETCH_MS),
	);
	return {
		settings,
		fetch: { enabled: Boolean(ctx.getNodeParameter('fetchDetails', true)), budgetMs },
	};
}
