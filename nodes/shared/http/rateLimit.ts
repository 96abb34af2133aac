import { sleep } from 'n8n-workflow';

import { headerTimeMs, toNumber } from './headerTime';

/**
 * Paces requests from the rate-limit headers every system here sends (X-RateLimit-Limit,
 * -Remaining, -Reset), from the first response on: going flat out and then idling until the window
 * resets reaches the full allowance with no 429s, whatever the phase of the window at the start.
 *
 * The end of the window comes from X-RateLimit-Reset when the API sends it. Without it (or to
 * sharpen a reset given in whole seconds) the pacer learns the window from what it sees: a jump of
 * X-RateLimit-Remaining back up marks a new fixed window, and two such jumps give its length.
 */
export class RateLimitPacer {
	private limit?: number;
	private remaining?: number;
	private resetAtMs?: number;
	/** When the current window was seen to start (the response that showed remaining jump up). */
	private windowStartMs?: number;
	/** Learned from two observed window starts; only used when no reset header says otherwise. */
	private windowMs?: number;
	/** Requests sent and not answered yet (several items of a run work at once). */
	private inFlight = 0;
	/** After a reset, one request asks how much is free; the others wait for its answer. */
	private probe?: { answered: Promise<void>; open: () => void };

	/**
	 * Reads an answer's headers (through `answered`): the requests still in flight may reach the API
	 * after this answer was counted, so they are reserved against its Remaining.
	 */
	update(headers: Record<string, string>, now = Date.now()): void {
		const reported = toNumber(headers['x-ratelimit-remaining']);
		if (reported === undefined) return;
		const limit = toNumber(headers['x-ratelimit-limit']) ?? this.limit;
		const newWindow = this.learnWindow(reported, limit, now);
		const reset = headerTimeMs(headers['x-ratelimit-reset'], now);
		let remaining = reported - this.inFlight;
		// Answers can arrive out of order: within the same window (the same reset) an older, higher
		// count never raises what this pacer has already spent.
		const sameWindow = !newWindow && reset !== undefined && reset === this.resetAtMs;
		if (sameWindow && this.remaining !== undefined) remaining = Math.min(remaining, this.remaining);
		this.remaining = remaining;
		this.limit = limit;
		this.resetAtMs =
			reset ??
			(this.windowStartMs && this.windowMs ? this.windowStartMs + this.windowMs : undefined);
	}

	/**
	 * A request's answer (its lower-cased headers) or failure came back: it no longer needs a
	 * reservation, its headers are read, and if it was a probe the requests waiting for it go on.
	 */
	answered(ticket: Ticket, headers?: Record<string, string>): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		if (headers) this.update(headers);
		if (ticket.probe && ticket.probe === this.probe) {
			this.probe = undefined;
			ticket.probe.open();
		}
	}

	/** A rise of more than half the allowance between two answers is a new fixed window. */
	private learnWindow(remaining: number, limit: number | undefined, now: number): boolean {
		const before = this.remaining;
		if (before === undefined || !limit || remaining - before <= limit / 2) return false;
		if (this.windowStartMs !== undefined) {
			const length = now - this.windowStartMs;
			// Keep the shortest seen: a gap without requests spans several windows.
			if (length > 0) this.windowMs = Math.min(this.windowMs ?? length, length);
		}
		this.windowStartMs = now;
		return true;
	}

	/** How long to wait before the next request; counts it against the window unless it must wait for the reset. */
	nextWaitMs(now = Date.now()): number {
		if (this.remaining === undefined) return 0;
		if (this.resetAtMs === undefined) {
			// Nothing says when the window ends: spend what is left, then let a 429's Retry-After decide.
			this.remaining -= 1;
			return 0;
		}
		const untilReset = this.resetAtMs - now;
		if (untilReset <= 0) {
			this.remaining = undefined;
			// Any window, not only one known to slide: until an answer says how much the new window
			// holds, requests sent together could each take a slot a sliding window has not freed yet.
			if (!this.probe) {
				let open = () => {};
				const answered = new Promise<void>((resolve) => (open = resolve));
				this.probe = { answered, open };
			}
			return 0;
		}
		// At zero the request is not counted: it asks again after the wait, as the others may have.
		if (this.remaining <= 0) return untilReset + 20;
		// Room left goes at once: holding the last of an allowance back (spreading it over the rest of
		// the window) gains nothing while others wait for the reset anyway, and a run whose last requests
		// fall in that stretch would end up to a window later.
		this.remaining -= 1;
		return 0;
	}

	/**
	 * Waits, if needed, before the next request. A wait longer than maxWaitMs is not slept: the request
	 * goes, and the API's own 429 (with its Retry-After) decides whether the item fails.
	 */
	async beforeRequest(maxWaitMs: number, signal?: AbortSignal): Promise<Ticket> {
		let probe: Ticket['probe'];
		// Waiting for a reset takes one round, and the next round finds the new window.
		for (let round = 0; round < 4; round++) {
			// A probe is answered (or fails) in one request's time; a few rounds bound this wait.
			for (let n = 0; this.probe && this.remaining === undefined && n < 3; n++)
				await this.probe.answered;
			const atZero = this.remaining !== undefined && this.remaining <= 0;
			const before = this.probe;
			const wait = this.nextWaitMs();
			if (this.probe !== before) probe = this.probe;
			if (wait <= 0 || wait > maxWaitMs) break;
			await sleep(wait, signal);
			if (!atZero) break;
		}
		this.inFlight += 1;
		return { probe };
	}
}

/** What `beforeRequest` hands out, to be given back to `answered`. */
export interface Ticket {
	probe?: { answered: Promise<void>; open: () => void };
}

/**
 * How long a 429 asks us to wait: Retry-After, else X-RateLimit-Reset. Each may be seconds from
 * now, an HTTP date, or a Unix timestamp: Greenhouse's rate-limit guide gives Retry-After as a Unix
 * timestamp (https://harvestdocs.greenhouse.io/docs/api-rate-limiting), RFC 9110 §10.2.3 as seconds
 * or an HTTP date.
 */
export function retryAfterMs(
	headers: Record<string, string>,
	now = Date.now(),
): number | undefined {
	const at =
		headerTimeMs(headers['retry-after'], now) ?? headerTimeMs(headers['x-ratelimit-reset'], now);
	return at === undefined ? undefined : Math.max(0, at - now);
}
