import { sleep } from 'n8n-workflow';

import { settle } from '../errors';
import { AmbiguousWriteError, MayHaveBeenCreatedError } from './failures';
import { abortSignalOf, type Context } from './request';
import { backoffMs, getRetryPolicy } from './retryPolicy';

/** Lookups after an unconfirmed create, at most; the confirm window bounds them in time too. */
const MAX_LOOKUPS = 12;

/**
 * Creates a record at most once per run. A create that fails ambiguously (timeout, reset, 5xx, a
 * 2xx that is not the promised JSON) is never sent again: the record is looked up with backoff for
 * the confirm window (long enough for the vendor's read-after-write lag). Found: it was created.
 * Not found: the item fails with MayHaveBeenCreatedError, and a re-run's lookup will find it.
 */
export async function createOnce<T>(
	ctx: Context,
	steps: { create: () => Promise<T>; find: () => Promise<T | undefined>; what: string },
): Promise<{ value: T; recovered: boolean }> {
	const outcome = await settle(steps.create());
	if (outcome.ok) return { value: outcome.value, recovered: false };
	if (!(outcome.error instanceof AmbiguousWriteError)) throw outcome.error;
	const looked = await lookAfterAmbiguousWrite(ctx, steps.find);
	if (looked.found !== undefined) return { value: looked.found, recovered: true };
	const reason = looked.lookupError
		? `${outcome.error.message}; the last lookup failed too: ${looked.lookupError}`
		: outcome.error.message;
	throw new MayHaveBeenCreatedError(
		steps.what,
		`${reason.replace(/\.$/, '')}; lookups for ${Math.round(looked.ms / 1000)} s afterwards did not show it, so it was not sent again`,
	);
}

/** Looks for the record until it shows, the confirm window ends, or MAX_LOOKUPS were made. */
export async function lookAfterAmbiguousWrite<T>(
	ctx: Context,
	find: () => Promise<T | undefined>,
): Promise<{ found?: T; ms: number; lookupError?: string }> {
	const policy = getRetryPolicy(ctx);
	const signal = abortSignalOf(ctx);
	const started = Date.now();
	let lookupError: string | undefined;
	for (let n = 1; n <= MAX_LOOKUPS; n++) {
		const left = policy.confirmWindowMs - (Date.now() - started);
		if (left <= 0) break;
		await sleep(Math.min(left, Math.max(100, backoffMs(n, policy))), signal);
		// A failed lookup proves nothing either way: keep looking while the window lasts.
		const outcome = await settle(find());
		if (outcome.ok && outcome.value !== undefined)
			return { found: outcome.value, ms: Date.now() - started };
		lookupError = outcome.ok ? undefined : String((outcome.error as Error)?.message ?? '');
	}
	return { ms: Date.now() - started, lookupError };
}
