/** Small readers for untyped webhook and API payloads. Every trigger and adapter uses these. */

export type Rec = Record<string, unknown>;

export function isRecord(v: unknown): v is Rec {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function rec(v: unknown): Rec {
	return isRecord(v) ? v : {};
}

/** A non-empty trimmed string, or undefined. Numbers become strings (ids are often numeric). */
export function str(v: unknown): string | undefined {
	if (typeof v === 'number' && Number.isFinite(v)) return String(v);
	if (typeof v !== 'string') return undefined;
	const t = v.trim();
	return t === '' ? undefined : t;
}

/** An id as the API sent it: numbers stay numbers, numeric-looking strings stay strings. */
export function id(v: unknown): string | number | undefined {
	if (typeof v === 'number' && Number.isFinite(v)) return v;
	return str(v);
}

/** Keeps only the keys whose value is set, so outputs stay small and predictable. */
export function compact<T extends Rec>(obj: T): T {
	const out: Rec = {};
	for (const [k, v] of Object.entries(obj)) {
		if (v === undefined || v === null || v === '') continue;
		if (Array.isArray(v) && v.length === 0) continue;
		if (isRecord(v) && Object.keys(v).length === 0) continue;
		out[k] = v;
	}
	return out as T;
}

/** JSON.parse that answers `fallback` (undefined unless given) instead of throwing. */
export function safeJson(text: string, fallback?: unknown): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return fallback;
	}
}
