import { sleep } from 'n8n-workflow';

import { linkedinSlug } from '../candidate/linkedin';
import type { Candidate } from '../candidate/schema';

/**
 * One export per person at a time in this n8n process. Two executions exporting the same person at
 * once would both look them up, both find nobody and both create: the lock makes the second one
 * wait until the first has finished, so its lookup finds the record. Keys are the system plus each
 * normalized email and the LinkedIn slug; they are taken in sorted order, so two candidates sharing
 * some keys can never wait for each other. In queue mode each worker has its own lock; duplicates
 * made by another worker at the same moment are caught by the lookup right after the create.
 */

/** Each held key: the promise that settles when its holder finishes, and the run holding it. */
const held = new Map<string, { done: Promise<void>; owner?: object }>();

/** How long one export waits for another export of the same person before failing the item. */
export const LOCK_WAIT_MS = 180_000;
// Waiters wake when the holder finishes; this short poll only bounds each wait (no long timers).
const POLL_MS = 50;

export class PersonBusyError extends Error {
	constructor(system: string, seconds: number) {
		super(
			`Another execution in this n8n has been exporting the same person to ${system} for over ${seconds} s, so this item did not start, to avoid creating them twice. Run the item again`,
		);
		this.name = 'PersonBusyError';
	}
}

/** The lock keys of a candidate: system + each email (lower-cased) and the LinkedIn slug, sorted. */
export function personKeys(system: string, c: Candidate): string[] {
	const keys = c.emails.map((e) => `${system}:email:${e.value.trim().toLowerCase()}`);
	const slug = linkedinSlug(c.linkedinUrl);
	if (slug) keys.push(`${system}:linkedin:${slug}`);
	return [...new Set(keys)].sort();
}

/**
 * Runs `run` holding the person's keys. `owner` is the run (n8n's context) taking them: items of one
 * run working at the same time wait for each other too, but `waited` tells only of another run,
 * since this run's own creates are in its memo (createdThisRun.ts).
 */
export async function withPersonLock<T>(
	system: string,
	c: Candidate,
	/** `waited`: another export of this person held the lock first, so what was read before is stale. */
	run: (waited: boolean) => Promise<T>,
	maxWaitMs = LOCK_WAIT_MS,
	owner?: object,
): Promise<T> {
	const deadline = Date.now() + maxWaitMs;
	const mine: string[] = [];
	let waited = false;
	let release = () => {};
	const done = new Promise<void>((resolve) => (release = resolve));
	try {
		for (const key of personKeys(system, c)) {
			// The check and the take must be in the same synchronous stretch (no await between them,
			// not even returning from an async helper), or two waiters could both see the key free.
			for (let polls = 0; held.has(key); polls++) {
				const holder = held.get(key);
				if (!owner || holder?.owner !== owner) waited = true;
				if (Date.now() >= deadline || polls * POLL_MS > maxWaitMs)
					throw new PersonBusyError(system, Math.round(maxWaitMs / 1000));
				await Promise.race([holder?.done, sleep(POLL_MS)]);
			}
			held.set(key, { done, owner });
			mine.push(key);
		}
		return await run(waited);
	} finally {
		for (const key of mine) if (held.get(key)?.done === done) held.delete(key);
		release();
	}
}

/** How many person keys are held right now (for tests: every export releases its keys). */
export function heldPersonKeys(): number {
	return held.size;
}
