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
