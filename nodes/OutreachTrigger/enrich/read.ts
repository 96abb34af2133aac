import type { IDataObject } from 'n8n-workflow';

import { isRecord, type Rec, rec, str } from '../../shared/values';
import type { FetchedContact, LookupKey } from './types';

/** Small, tolerant readers for the lead and prospect bodies: field names vary between API versions. */

/** The first non-empty text under any of `keys`, looking in each record in turn. */
export function pick(records: Rec[], ...keys: string[]): string | undefined {
	for (const r of records) {
		for (const k of keys) {
			const v = str(r[k]);
			if (v !== undefined) return v;
		}
	}
	return undefined;
}

/** Text values (or one text value) as a list without empties or repeats. */
export function textList(...values: unknown[]): string[] {
	const out: string[] = [];
	for (const v of values.flatMap((x) => (Array.isArray(x) ? x : [x]))) {
		const s = isRecord(v) ? str(v.value ?? v.email ?? v.number) : str(v);
		if (s !== undefined && !out.includes(s)) out.push(s);
	}
	return out;
}

/** The item's first email: what lemlist and Instantly leads are looked up by. */
export function firstEmail(item: IDataObject): LookupKey {
	const list = Array.isArray(item.emails) ? item.emails : [];
	for (const e of list) {
		const value = isRecord(e) ? str(e.value) : str(e);
		if (value && value.includes('@'))
			return { ok: true, key: value.toLowerCase(), label: `email ${value.toLowerCase()}` };
	}
	return { ok: false, problem: 'the event has no email address to look the lead up by' };
}

/** The candidate's `extra` object as a record. */
export function extraOf(item: IDataObject): Rec {
	return rec(item.extra);
}

/** The raw webhook element as a record (the tool's own field names). */
export function rawOf(item: IDataObject): Rec {
	return Array.isArray(item.raw) ? rec(item.raw[0]) : rec(item.raw);
}

/** Keeps only the fields that have a value. */
export function contact(c: FetchedContact): FetchedContact {
	const out: FetchedContact = {};
	for (const [k, v] of Object.entries(c) as Array<[keyof FetchedContact, unknown]>) {
		if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
		if (isRecord(v) && Object.values(v).every((x) => x === undefined || x === '')) continue;
		(out as Rec)[k] = v;
	}
	return out;
}
