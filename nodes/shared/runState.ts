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
