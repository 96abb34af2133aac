import { sleep } from 'n8n-workflow';

import { settle } from '../errors';
import {
	type ApiDefinition,
	type ApiRequest,
	type ApiResponse,
	apiRequest,
	type Context,
} from './request';
import { setRetryPolicy } from './retryPolicy';

/** The time a webhook may spend on API calls ran out (see requestBefore). */
export class TimeLimitError extends Error {
	constructor(system: string, budgetMs: number) {
		super(`no answer from ${system} within ${budgetMs} ms`);
		this.name = 'TimeLimitError';
	}
}

/**
 * For code that answers a webhook, which must reply within seconds: one attempt, no waiting out
 * 429s, a timeout of what is left until `deadline`, and a hard stop at it on top of that timeout.
 */
export async function requestBefore<T = unknown>(
	ctx: Context,
	api: ApiDefinition,
	req: ApiRequest,
	limit: { deadline: number; budgetMs: number },
): Promise<ApiResponse<T>> {
	const left = limit.deadline - Date.now();
	if (left < 100) throw new TimeLimitError(api.system, limit.budgetMs);
	setRetryPolicy(ctx, {
		timeoutMs: left,
		maxRetries: 0,
		maxRateLimitRetries: 0,
		maxRateLimitWaitMs: 0,
	});
	const stop = new AbortController();
	const timer = sleep(left, stop.signal).then(
		() => ({ timedOut: true as const }),
		() => ({ timedOut: true as const }),
	);
	// Never rejects, so a request that ends after the time limit leaves no unhandled rejection.
	const settled = settle(apiRequest<T>(ctx, api, req)).then((outcome) => ({
		timedOut: false as const,
		outcome,
	}));
	const winner = await Promise.race([settled, timer]);
	stop.abort();
	if (winner.timedOut) throw new TimeLimitError(api.system, limit.budgetMs);
	if (!winner.outcome.ok) throw winner.outcome.error;
	return winner.outcome.value;
}
