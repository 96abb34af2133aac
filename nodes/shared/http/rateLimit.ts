import { sleep } from 'n8n-workflow';

/**
 * Paces requests from the rate-limit headers every system here sends (X-RateLimit-Limit,
 * -Remaining, -Reset). Going flat out and then idling until the window resets reaches the full
 * allowance with no 429s; spreading the last tenth of the allowance over what is left of the window
 * leaves room for other clients of the same key without lowering the total.
 */
export class RateLimitPacer {
	private limit?: number;
	private remaining?: number;
	private resetAtMs?: number;

	update(headers: Record<string, string>): void {
		const remaining = toNumber(headers['x-ratelimit-remaining']);
		const resetAt = resetTimeMs(headers['x-ratelimit-reset']);
		if (remaining === undefined || resetAt === undefined) return;
		this.remaining = remaining;
		this.resetAtMs = resetAt;
		this.limit = toNumber(headers['x-ratelimit-limit']) ?? this.limit;
	}

	/** Waits, if needed, before the next request. Never longer than maxWaitMs. */
	async beforeRequest(maxWaitMs: number, signal?: AbortSignal): Promise<void> {
		if (this.remaining === undefined || this.resetAtMs === undefined) return;
		const untilReset = this.resetAtMs - Date.now();
		if (untilReset <= 0) {
			this.remaining = undefined;
			return;
		}
		let wait = 0;
		if (this.remaining <= 0) wait = untilReset + 50;
		else if (this.limit && this.remaining < Math.max(2, this.limit * 0.1))
			wait = untilReset / (this.remaining + 1);
		this.remaining -= 1;
		if (wait > 0) await sleep(Math.min(wait, maxWaitMs), signal);
	}
}

/** How long a 429 asks us to wait: Retry-After (seconds or HTTP date), else X-RateLimit-Reset. */
export function retryAfterMs(
	headers: Record<string, string>,
	now = Date.now(),
): number | undefined {
	const retryAfter = headers['retry-after'];
	if (retryAfter !== undefined) {
		const seconds = toNumber(retryAfter);
		if (seconds !== undefined) return Math.max(0, seconds * 1000);
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return Math.max(0, date - now);
	}
	const reset = resetTimeMs(headers['x-ratelimit-reset'], now);
	return reset === undefined ? undefined : Math.max(0, reset - now);
}

/** X-RateLimit-Reset is epoch seconds in Greenhouse and Stardex; small values are read as seconds from now. */
export function resetTimeMs(value: string | undefined, now = Date.now()): number | undefined {
	const n = toNumber(value);
	if (n === undefined) return undefined;
	if (n > 1e12) return n; // epoch milliseconds
	if (n > 1e9) return n * 1000; // epoch seconds
	return now + n * 1000; // seconds until reset
}

function toNumber(v: string | undefined): number | undefined {
	if (v === undefined || v.trim() === '') return undefined;
	const n = Number(v);
	return Number.isFinite(n) ? n : undefined;
}
