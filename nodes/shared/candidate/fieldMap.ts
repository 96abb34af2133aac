import { isRecord, type Rec } from '../values';

/**
 * One mapping table per source: every field a documented payload of the source can carry, by path,
 * and where it lands on the item, or why it is deliberately left out (it stays in `raw`). The
 * adapters read the candidate's fields through these tables (`pick`), and a test drives every
 * documented fixture through them: a field present in a payload is either mapped and found on the
 * item, or listed as dropped here and on the source's docs page.
 *
 * Paths are dot-separated keys from the payload's root (one element of a batch); `[]` follows a key
 * whose value is a list (`recent_messages[].message`); `*` stands for any one key (`snippet*` for
 * any key that starts so) and `**` for any number of them (`lead.custom_fields.**`). Targets are candidate fields (`fullName`, `emails`,
 * `location.city`, `extra.website`, ...) or envelope paths (`reply.text`, `campaign.id`,
 * `occurredAt`, `eventId`, `toolEvent`, `label`); `a|b` means it lands in one of the two (a reply's
 * sender: the lead's email when the lead has none, else `reply.from`). Several paths may share a
 * target: the first one present wins, in the table's order.
 */
export interface FieldMap {
	mapped: Record<string, string>;
	dropped: Record<string, string>;
}

/** The paths that land in `target`, in the table's order. */
export function pathsFor(map: FieldMap, target: string): string[] {
	return Object.entries(map.mapped)
		.filter(([, t]) => t === target)
		.map(([path]) => path);
}

/** The first value present at one of the paths that land in `target`. */
export function pick(el: unknown, map: FieldMap, target: string): unknown {
	for (const path of pathsFor(map, target)) {
		const v = readPath(el, path);
		if (present(v)) return v;
	}
	return undefined;
}

/** Every value present at one of the paths that land in `target`, in the table's order. */
export function pickAll(el: unknown, map: FieldMap, target: string): unknown[] {
	return pathsFor(map, target)
		.map((path) => readPath(el, path))
		.filter(present);
}

/** The value at a plain dotted path (no `[]` or wildcards), or undefined. */
export function readPath(el: unknown, path: string): unknown {
	let v: unknown = el;
	for (const key of path.split('.')) {
		if (!isRecord(v)) return undefined;
		v = v[key];
	}
	return v;
}

export function present(v: unknown): boolean {
	if (v === undefined || v === null) return false;
	if (typeof v === 'string') return v.trim() !== '';
	if (Array.isArray(v)) return v.length > 0;
	if (isRecord(v)) return Object.keys(v).length > 0;
	return true;
}

/** Every path to a present leaf value, lists written `key[]`, in the table's path syntax. */
export function leafPaths(value: unknown, prefix = ''): string[] {
	if (Array.isArray(value)) return value.flatMap((v) => leafPaths(v, `${prefix}[]`));
	if (isRecord(value)) {
		const rec: Rec = value;
		return Object.keys(rec).flatMap((k) => leafPaths(rec[k], prefix ? `${prefix}.${k}` : k));
	}
	return present(value) && prefix ? [prefix] : [];
}

/** Whether a table path (with `*`, `**`) covers a leaf path. */
export function matchesPath(pattern: string, path: string): boolean {
	const want = pattern.split('.');
	const have = path.split('.');
	for (let i = 0; i < want.length; i++) {
		if (want[i] === '**') return true;
		if (i >= have.length) return false;
		const w = want[i];
		// "*" is any key; "snippet*" any key that starts with "snippet".
		if (w.endsWith('*') ? !have[i].startsWith(w.slice(0, -1)) : w !== have[i]) return false;
	}
	return want.length === have.length;
}

/** The table entry that covers a leaf path: mapped first, then dropped. */
export function entryFor(
	map: FieldMap,
	path: string,
): { kind: 'mapped' | 'dropped'; pattern: string; value: string } | undefined {
	for (const kind of ['mapped', 'dropped'] as const)
		for (const [pattern, value] of Object.entries(map[kind]))
			if (matchesPath(pattern, path)) return { kind, pattern, value };
	return undefined;
}
