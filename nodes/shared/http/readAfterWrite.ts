import { sleep } from 'n8n-workflow';

import { httpStatusOf, settle } from '../errors';
import { runState } from '../runState';
import { abortSignalOf, type Context } from './request';
import { backoffMs, getRetryPolicy } from './retryPolicy';

/**
 * Some APIs do not know a record for a while after creating it. Greenhouse: "There may be a delay
 * between when Greenhouse receives the POST: Add Candidate request and when Greenhouse creates the
 * full candidate record" (https://developers.greenhouse.io/harvest.html#post-add-candidate), and the
 * same for applications. A follow-up write naming such a record (its resume, a note, a previous
 * job) is then refused with 404 or 422 "does not exist". A refusal means nothing was written, so
 * the same write may be sent again: with backoff, bounded in count and time, and only for records
 * this run created.
 */

/** Attempts at one follow-up write, whatever the time budget allows. */
const MAX_ATTEMPTS = 12;

interface Fresh {
	/** When this run created the record (ms). */
	at: number;
}

function freshRecords(ctx: object): Map<string, Fresh> {
	return runState(ctx, 'readAfterWrite:fresh', () => new Map<string, Fresh>());
}

/** Records that this run just created the record, so writes naming it may wait for it. */
export function noteCreated(ctx: object, kind: string, id: number | string): void {
	freshRecords(ctx).set(`${kind}:${id}`, { at: Date.now() });
}

/** What a follow-up write names: e.g. { candidate_id: 123 } for a note on candidate 123. */
export type Names = Record<string, number | string>;

/**
 * Sends a write that names records; while one of them was created by this run less than the
 * policy's readAfterWriteMaxWaitMs ago and the API says it does not know it, waits and sends again.
 */
export async function writeNaming<T>(
	ctx: Context,
	names: Names,
	write: () => Promise<T>,
): Promise<T> {
	const policy = getRetryPolicy(ctx);
	const signal = abortSignalOf(ctx);
	const fresh = freshNames(ctx, names);
	const since = Math.min(...fresh.map((f) => f.at));
	for (let attempt = 1; ; attempt++) {
		const outcome = await settle(write());
		if (outcome.ok) return outcome.value;
		const wait = backoffMs(attempt, policy);
		const inTime = Date.now() + wait - since <= policy.readAfterWriteMaxWaitMs;
		if (!fresh.length || attempt >= MAX_ATTEMPTS || !inTime || !notYetKnown(outcome.error, fresh))
			throw outcome.error;
		await sleep(wait, signal);
	}
}

function freshNames(ctx: object, names: Names): Array<Fresh & { field: string; id: string }> {
	const records = freshRecords(ctx);
	const out: Array<Fresh & { field: string; id: string }> = [];
	for (const [field, id] of Object.entries(names)) {
		const kind = field.replace(/_id$/, '');
		const f = records.get(`${kind}:${id}`);
		if (f) out.push({ ...f, field, id: String(id) });
	}
	return out;
}

/** 404, or 422 saying a record it names does not exist: the record is not readable yet. */
function notYetKnown(error: unknown, fresh: Array<{ field: string; id: string }>): boolean {
	const status = httpStatusOf(error);
	if (status === 404) return true;
	if (status !== 422) return false;
	const message = error instanceof Error ? error.message : String(error);
	if (!/does not exist|doesn't exist|not found|could not be found|unknown/i.test(message))
		return false;
	return fresh.some((f) => new RegExp(`\\b${f.id}\\b`).test(message) || message.includes(f.field));
}
