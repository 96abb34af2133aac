import {
	type Coerced,
	shown,
	toBoolean,
	toDate,
	toList,
	toMoney,
	toNumber,
	toText,
	toUrl,
} from '../../shared/customFields/coerce';
import { type FieldDefinition, typeLabel, WRITABLE_TYPES } from './definitions';

/**
 * One value checked against its field's type, turned into what v3 takes: text for text, URL and
 * date fields, a boolean for yes/no, a number, an option id (single select) or ids (multi select),
 * a user id, or {amount, currency_code}. Select and user values are ids, as the Harvest custom field
 * docs say: https://developers.greenhouse.io/harvest.html#patch-edit-candidate
 */

export type GhValue =
	string | number | boolean | number[] | { amount: number; currency_code: string };

/** A user by id or primary email; undefined when Greenhouse has no such user. */
export type UserResolver = (idOrEmail: string) => Promise<number | undefined>;

const bad = <T>(problem: string, fix: string): Coerced<T> => ({ ok: false, problem, fix });

function optionId(f: FieldDefinition, v: unknown): Coerced<number> {
	const text = String(v).trim();
	const found =
		f.options.find((o) => String(o.id) === text) ??
		f.options.find((o) => o.name.trim().toLowerCase() === text.toLowerCase());
	if (found) return { ok: true, value: found.id };
	const names = f.options.map((o) => o.name);
	return bad(
		`${shown(v)} is not one of its options`,
		names.length
			? `Use one of: ${names.slice(0, 15).join(', ')}${names.length > 15 ? ', ...' : ''} (or the option ID)`
			: 'The field has no active options in Greenhouse; add one there first',
	);
}

function selectValue(f: FieldDefinition, v: unknown): Coerced<number | number[]> {
	const list = toList(v);
	if (f.value_type === 'single_select') {
		if (list.length !== 1)
			return bad(`got ${list.length} values`, 'A single select field takes exactly one option');
		return optionId(f, list[0]);
	}
	const ids: number[] = [];
	for (const entry of list) {
		const one = optionId(f, entry);
		if (!one.ok) return one;
		if (!ids.includes(one.value)) ids.push(one.value);
	}
	return { ok: true, value: ids };
}

async function userValue(v: unknown, resolveUser: UserResolver): Promise<Coerced<number>> {
	const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
	if (!/^\d+$/.test(text) && !/^[^\s@]+@[^\s@]+$/.test(text))
		return bad(`got ${shown(v)}, not a user`, 'Give the Greenhouse user ID or their primary email');
	const userId = await resolveUser(text);
	if (userId === undefined)
		return bad(
			`${shown(v)} is not a user of this Greenhouse account`,
			'Check the user ID or email in Configure › Users',
		);
	return { ok: true, value: userId };
}

/** The value to send for this field, or why it cannot be sent. */
export async function fieldValue(
	f: FieldDefinition,
	v: unknown,
	resolveUser: UserResolver,
): Promise<Coerced<GhValue>> {
	switch (f.value_type) {
		case 'short_text':
		case 'long_text':
			return toText(v);
		case 'yes_no':
			return toBoolean(v);
		case 'number':
			return toNumber(v);
		case 'date':
			return toDate(v);
		case 'url':
			return toUrl(v);
		case 'currency':
			return toMoney(v);
		case 'single_select':
		case 'multi_select':
			return selectValue(f, v);
		case 'user':
			return await userValue(v, resolveUser);
		default:
			return bad(
				`is a ${typeLabel(f.value_type)} field, which this node cannot write`,
				`Remove it from Custom Fields; the export writes ${WRITABLE_TYPES.map(typeLabel).join(', ')} fields`,
			);
	}
}
