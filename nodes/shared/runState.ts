import { type Candidate, linkedinSlug } from './candidate';

/**
 * State that lives for one node run only (one execute() call), keyed by n8n's context object.
 * Nothing survives the run or is shared between executions or queue-mode workers.
 */
const store = new WeakMap<object, Map<string, unknown>>();

export function runState<T>(ctx: object, key: string, init: () => T): T {
	let byKey = store.get(ctx);
	if (!byKey) store.set(ctx, (byKey = new Map()));
	if (!byKey.has(key)) byKey.set(key, init());
	return byKey.get(key) as T;
}

/**
 * Loads a value at most once per run for an id (e.g. checking a job exists before the first write).
 * A failed load is forgotten, so the next item asks again instead of inheriting the failure.
 */
export async function oncePerRun<T>(
	ctx: object,
	namespace: string,
	id: string,
	load: () => Promise<T>,
): Promise<T> {
	const cache = runState(ctx, namespace, () => new Map<string, Promise<T>>());
	let pending = cache.get(id);
	if (!pending) {
		pending = load();
		pending.catch(() => cache.delete(id));
		cache.set(id, pending);
	}
	return await pending;
}

/**
 * Records created earlier in this run, by email and LinkedIn slug, so an input with the same person
 * twice is caught even before the ATS's search shows the first one.
 */
export function rememberCreated<T>(ctx: object, system: string, c: Candidate, record: T): void {
	const memo = runState(ctx, `${system}:created`, () => new Map<string, T>());
	for (const e of c.emails) memo.set(`email:${e.value}`, record);
	const slug = linkedinSlug(c.linkedinUrl);
	if (slug) memo.set(`linkedin:${slug}`, record);
}

/** What `rememberCreated` has for this candidate: the record found by any email, and by LinkedIn. */
export function recallCreated<T>(
	ctx: object,
	system: string,
	c: Candidate,
): { byEmail?: T; byLinkedin?: T } {
	const memo = runState(ctx, `${system}:created`, () => new Map<string, T>());
	const slug = linkedinSlug(c.linkedinUrl);
	return {
		byEmail: c.emails.map((e) => memo.get(`email:${e.value}`)).find(Boolean),
		byLinkedin: slug ? memo.get(`linkedin:${slug}`) : undefined,
	};
}
