import type { IDataObject } from 'n8n-workflow';

import { type Coerced, shown, toList, toNumber, toText } from '../shared/customFields/coerce';
import type { Context } from '../shared/http/request';
import { oncePerRun } from '../shared/runState';
import { eqFilter, ihrList } from './transport';

/**
 * Person custom fields: the definitions (GET /custom-field-definitions, modelType PERSON, enabled) and
 * the value shapes POST /people takes under `customFields`, keyed by the field's apiName: text and
 * numbers as `{value: "…"}`, a single select as `{value: {label}}`, a multi select as
 * `{value: {labels: […]}}`, a people dropdown as `{value: [{person: {…}}]}`
 * (https://developers.intellihr.io/docs/v1/, the people create request's example).
 */

export interface IhrFieldDefinition {
	id: string;
	name: string;
	apiName: string;
	type: string;
	isEnabled?: boolean;
	definitions?: unknown;
}

const TYPE_LABELS: Record<string, string> = {
	TEXT: 'text',
	NUMBER: 'number',
	SINGLE_SELECT: 'single select',
	MULTI_SELECT: 'multi select',
	PEOPLE_DROPDOWN: 'people dropdown',
};

export const ihrTypeLabel = (type: string) => TYPE_LABELS[type] ?? type.toLowerCase();

/**
 * The enabled labels of a select field. The shape of `definitions` is not documented for responses;
 * the create request names it `selectDefinition.options[{label, isEnabled}]`, so that is read, and
 * undefined means "not known" (the label is then sent as given and IntelliHR checks it).
 */
export function optionLabels(def: IhrFieldDefinition): string[] | undefined {
	const d = (def.definitions ?? {}) as {
		selectDefinition?: { options?: unknown };
		options?: unknown;
	};
	const options = d.selectDefinition?.options ?? d.options;
	if (!Array.isArray(options)) return undefined;
	return (options as Array<{ label?: unknown; isEnabled?: boolean }>)
		.filter((o) => o.isEnabled !== false && typeof o.label === 'string')
		.map((o) => String(o.label));
}

export async function loadPersonFields(ctx: Context, itemIndex?: number) {
	const defs = await ihrList<IhrFieldDefinition>(
		ctx,
		'/custom-field-definitions',
		{ ...eqFilter('modelType', 'PERSON'), ...eqFilter('isEnabled', 'true') },
		undefined,
		itemIndex,
	);
	return defs.filter((d) => d.isEnabled !== false).sort((a, b) => a.name.localeCompare(b.name));
}

export async function personFieldsForRun(ctx: Context, itemIndex: number) {
	return await oncePerRun(ctx, 'intellihr:customFields', 'PERSON', () =>
		loadPersonFields(ctx, itemIndex),
	);
}

const bad = <T>(problem: string, fix: string): Coerced<T> => ({ ok: false, problem, fix });

function label(def: IhrFieldDefinition, v: unknown): Coerced<string> {
	const text = String(v).trim();
	const labels = optionLabels(def);
	if (!labels) return { ok: true, value: text };
	const found = labels.find((l) => l.trim().toLowerCase() === text.toLowerCase());
	if (found) return { ok: true, value: found };
	return bad(
		`${shown(v)} is not one of its options`,
		`Use one of: ${labels.slice(0, 15).join(', ')}`,
	);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function people(v: unknown): Coerced<IDataObject[]> {
	const out: IDataObject[] = [];
	for (const entry of toList(v)) {
		const s = String(entry).trim();
		if (UUID.test(s)) out.push({ person: { id: s.toLowerCase() } });
		else if (EMAIL.test(s)) out.push({ person: { primaryEmailAddress: s } });
		else return bad(`${shown(entry)} is not a person`, 'Give person IDs (UUIDs) or primary emails');
	}
	return { ok: true, value: out };
}

/** The `{value: …}` to send for one field, or why it cannot be sent. */
export function personFieldValue(def: IhrFieldDefinition, v: unknown): Coerced<IDataObject> {
	const wrap = <T>(r: Coerced<T>, f: (x: T) => unknown): Coerced<IDataObject> =>
		r.ok ? { ok: true, value: { value: f(r.value) as IDataObject[keyof IDataObject] } } : r;
	switch (def.type) {
		case 'TEXT':
			return wrap(toText(v), (x) => x);
		case 'NUMBER':
			// The API example sends numbers as text ("50").
			return wrap(toNumber(v), (x) => String(x));
		case 'SINGLE_SELECT': {
			const list = toList(v);
			if (list.length !== 1)
				return bad(`got ${list.length} values`, 'A single select field takes exactly one option');
			return wrap(label(def, list[0]), (x) => ({ label: x }));
		}
		case 'MULTI_SELECT': {
			const labels: string[] = [];
			for (const entry of toList(v)) {
				const one = label(def, entry);
				if (!one.ok) return one;
				if (!labels.includes(one.value)) labels.push(one.value);
			}
			return { ok: true, value: { value: { labels } } };
		}
		case 'PEOPLE_DROPDOWN':
			return wrap(people(v), (x) => x);
		default:
			return bad(
				`is a ${ihrTypeLabel(def.type)} field, which this node cannot write`,
				'Remove it from Person Custom Fields',
			);
	}
}
