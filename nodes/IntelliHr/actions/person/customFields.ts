import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isBlank } from '../../../shared/customFields/coerce';
import { inputError } from '../../../shared/errors';
import {
	type IhrFieldDefinition,
	ihrTypeLabel,
	personFieldsForRun,
	personFieldValue,
} from '../../customFields';

export const personCustomFieldsProperty: INodeProperties = {
	displayName: 'Person Custom Fields',
	name: 'personCustomFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Custom Field',
	default: {},
	description:
		"Custom fields of a new person, checked against the field's type before anything is written. An existing person is not changed.",
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{
					displayName: 'Field Name or ID',
					name: 'apiName',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getPersonCustomFields' },
					default: '',
					description:
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description:
						'Text; a number; an option label for a single select (a list or comma-separated for multi select); person IDs or emails for a people dropdown. Empty values are left out.',
				},
			],
		},
	],
};

export interface PersonCustomFields {
	/** POST /people `customFields`: apiName → {value}. */
	body: IDataObject;
	keys: string[];
}

const label = (d: IhrFieldDefinition) =>
	`Custom field "${d.name}" (person, ${ihrTypeLabel(d.type)})`;

/** The item's person custom fields, resolved and checked before any write; none given, no request. */
export async function readPersonCustomFields(
	ctx: IExecuteFunctions,
	i: number,
): Promise<PersonCustomFields> {
	const entries = ctx.getNodeParameter('personCustomFields.field', i, []) as Array<{
		apiName?: unknown;
		value?: unknown;
	}>;
	const given = entries.filter((e) => !isBlank(e.value));
	const out: PersonCustomFields = { body: {}, keys: [] };
	if (!given.length) return out;
	const defs = await personFieldsForRun(ctx, i);
	for (const entry of given) {
		const ref = String(entry.apiName ?? '').trim();
		const matches = defs.filter((d) => d.apiName === ref || d.id === ref);
		const byName = defs.filter((d) => d.name.trim().toLowerCase() === ref.toLowerCase());
		const def = matches[0] ?? (byName.length === 1 ? byName[0] : undefined);
		if (!def)
			throw inputError(
				ctx.getNode(),
				i,
				`Custom field "${ref}"`,
				'is not an enabled person custom field in this IntelliHR tenant',
				'Pick the field from the list, or use its API name',
			);
		if (out.keys.includes(def.apiName))
			throw inputError(ctx.getNode(), i, label(def), 'is given twice', 'Keep one entry per field');
		const value = personFieldValue(def, entry.value);
		if (!value.ok) throw inputError(ctx.getNode(), i, label(def), value.problem, value.fix);
		out.body[def.apiName] = value.value;
		out.keys.push(def.apiName);
	}
	return out;
}
