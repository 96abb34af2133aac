/**
 * What a 2xx answer must be before anyone reads it. A proxy's HTML maintenance page, a body cut off
 * mid-way or a record without its id is not the JSON the API promises: taken as data, a lookup would
 * "find nobody" (and the caller would create a duplicate) and a create would report an id it never
 * got. request.ts treats such an answer as a failure: a read is retried and then fails the item, a
 * write is ambiguous (AmbiguousWriteError), because the server may have applied it.
 */

/** Checks a parsed body against what the endpoint promises; returns the problem in words, or undefined. */
export type BodyCheck = (body: unknown) => string | undefined;

export type ReadBody = { ok: true; body: unknown } | { ok: false; problem: string };

/** The body as JSON: n8n hands back text when the answer was not JSON it could parse. */
export function readJsonBody(body: unknown, status: number, expect?: BodyCheck): ReadBody {
	let value = body;
	if (Buffer.isBuffer(value)) value = value.toString('utf8');
	if (typeof value === 'string') {
		const text = value.trim();
		if (!text) value = undefined;
		else {
			const parsed = parseJson(text);
			if (!parsed.ok) return { ok: false, problem: notJson(text) };
			value = parsed.value;
		}
	}
	if (value === undefined && status !== 204 && expect)
		return { ok: false, problem: 'the answer was empty' };
	const problem = expect?.(value);
	return problem ? { ok: false, problem } : { ok: true, body: value };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		return { ok: false };
	}
}

function notJson(text: string): string {
	if (/^<(!doctype|html|\?xml|head|body)/i.test(text))
		return 'the answer was an HTML page, not JSON (a proxy or maintenance page?)';
	if (/^[[{]/.test(text)) return 'the JSON answer was cut off';
	return 'the answer was not JSON';
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

const hasId = (v: unknown): boolean =>
	isRecord(v) &&
	((typeof v.id === 'number' && Number.isFinite(v.id)) ||
		(typeof v.id === 'string' && v.id.trim() !== '' && v.id !== 'undefined'));

/** A record with an id, at the top or under one of the given keys (e.g. `data`, `candidate`). */
export function recordWithId(...under: string[]): BodyCheck {
	return (body) => {
		const record = under.reduce<unknown>((v, k) => (isRecord(v) ? v[k] : undefined), body);
		return hasId(record)
			? undefined
			: `the answer has no ${[...under, 'id'].join('.')} (not the record the API promises)`;
	};
}

/** A list of records with ids: the array itself or under `key`. */
export function listOfRecords(key?: string): BodyCheck {
	return (body) => {
		const list = key === undefined ? body : isRecord(body) ? body[key] : undefined;
		if (!Array.isArray(list))
			return `the answer is not a list${key ? ` under "${key}"` : ''} (not what the API promises)`;
		const bad = list.findIndex((r) => !hasId(r));
		return bad === -1 ? undefined : `record ${bad} of the list has no id`;
	};
}
