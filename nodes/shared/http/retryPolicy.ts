import { runState } from '../runState';
import { retryAfterMs } from './rateLimit';

/**
 * How hard one request is retried: bounded retries with capped, jittered backoff after a 5xx or a
 * dropped connection, and waiting out 429s (Retry-After, then X-RateLimit-Reset). Writes are never
 * resent blindly; that decision is the caller's (request.ts, createOnce.ts).
 */

export interface RetryPolicy {
	/** Retries after a 5xx or a connection error (idempotent requests only). */
	maxRetries: number;
	/** Waits after a 429 before giving up. */
	maxRateLimitRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** The longest single wait a Retry-After may ask for before we give up instead. */
	maxRateLimitWaitMs: number;
	timeoutMs: number;
	/**
	 * After a create that was not confirmed: how long lookups keep looking for the record before the
	 * item fails as "may have been created". Covers the vendor's read-after-write (search) lag.
	 */
	confirmWindowMs: number;
	/** How long writes naming a just-created record wait for the API to know it (readAfterWrite.ts). */
	readAfterWriteMaxWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
	maxRetries: 4,
	maxRateLimitRetries: 20,
	baseDelayMs: 500,
	maxDelayMs: 20_000,
	// Five minutes: longer than any rolling window these APIs use (Greenhouse 10–30 s, Stardex 60 s),
	// short enough that a Retry-After naming tomorrow fails the item instead of holding the run.
	maxRateLimitWaitMs: 300_000,
	timeoutMs: 30_000,
	confirmWindowMs: 20_000,
	readAfterWriteMaxWaitMs: 60_000,
};

// The policy lives for one node run (runState), so a node's Request Options never leak between
// executions or queue-mode workers.
export function setRetryPolicy(ctx: object, policy: Partial<RetryPolicy>): void {
	Object.assign(getRetryPolicy(ctx), stripUndefined(policy));
}

export function getRetryPolicy(ctx: object): RetryPolicy {
	return runState(ctx, 'retryPolicy', () => ({ ...DEFAULT_RETRY }));
}

/** How many times one request has been answered with a failure, and with a 429. */
export interface Attempts {
	failures: number;
	rateLimited: number;
}

/** After a 5xx or a dropped connection: the wait before resending, or undefined when retries are used up. */
export function retryAfterFailure(attempts: Attempts, policy: RetryPolicy): number | undefined {
	if (attempts.failures >= policy.maxRetries) return undefined;
	attempts.failures++;
	return backoffMs(attempts.failures, policy);
}

/** After a 429: wait this long, or give up because the waits are used up or one is too long. */
export type RateLimitDecision =
	{ waitMs: number } | { giveUp: 'retries-used' } | { giveUp: 'wait-too-long'; askedMs: number };

export function retryAfterRateLimit(
	attempts: Attempts,
	policy: RetryPolicy,
	headers: Record<string, string>,
	now = Date.now(),
): RateLimitDecision {
	if (attempts.rateLimited >= policy.maxRateLimitRetries) return { giveUp: 'retries-used' };
	const asked = retryAfterMs(headers, now);
	if (asked !== undefined && asked > policy.maxRateLimitWaitMs)
		return { giveUp: 'wait-too-long', askedMs: asked };
	attempts.rateLimited++;
	const wait =
		asked ?? Math.min(backoffMs(attempts.rateLimited, policy), policy.maxRateLimitWaitMs);
	return { waitMs: wait + jitter(250) };
}

export function backoffMs(attempt: number, policy: RetryPolicy): number {
	const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return cap / 2 + jitter(cap / 2);
}

function jitter(maxMs: number): number {
	return Math.floor(Math.random() * maxMs);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
	return Object.fromEntries(
		Object.entries(o).filter(([, v]) => v !== undefined && v !== null && !Number.isNaN(v)),
	) as Partial<T>;
}
