import { sleep } from 'n8n-workflow';

import { settle } from '../errors';
import { AmbiguousWriteError } from './failures';
import { abortSignalOf, type Context } from './request';
import { backoffMs, getRetryPolicy } from './retryPolicy';

/**
 * Creates a record at most once. A create that fails ambiguously (timeout, reset, 5xx) is never
 * resent blindly: we look the record up first and only create again when it is really absent.
 */
export async function createOnce<T>(
	ctx: Context,
	steps: { create: () => Promise<T>; find: () => Promise<T | undefined>; what: string },
): Promise<{ value: T; recovered: boolean }> {
	const policy = getRetryPolicy(ctx);
	const signal = abortSignalOf(ctx);
	let lastReason = '';
	for (let attempt = 0; attempt <= policy.maxRetries; attempt++) {
		const outcome = await settle(steps.create());
		if (outcome.ok) return { value: outcome.value, recovered: false };
		if (!(outcome.error instanceof AmbiguousWriteError)) throw outcome.error;
		lastReason = outcome.error.message;
		await sleep(backoffMs(attempt + 1, policy), signal);
		const found = await steps.find();
		if (found !== undefined) return { value: found, recovered: true };
	}
	throw new Error(
		`${lastReason}. A lookup afterwards did not find the ${steps.what}, and the retry limit was reached. Nothing was created twice; run the item again`,
	);
}
