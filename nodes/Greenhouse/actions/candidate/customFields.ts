import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isBlank } from '../../../shared/customFields/coerce';
import { inputError } from '../../../shared/errors';
import { oncePerRun } from '../../../shared/runState';
import { definitionsForRun, type FieldDefinition, typeLabel } from '../../customFields/definitions';
import { fieldValue, type GhValue } from '../../customFields/values';
import { ghList } from '../../transport';
import type { GhCandidate } from '../../types';

/** The export's Custom Fields parameter: the account's fields, listed with their type. */
export const customFieldsProperty: INodeProperties = {
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Custom Field',
	default: {},
	description:
		'Candidate and application custom fields to write. Each value is checked against the field type before anything is written.',
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{
					displayName: 'Field Name or ID',
					name: 'fieldId',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getCustomFields' },
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
						'Text; true/false for yes/no; an option name or ID for a select (a list or comma-separated for multi select); a number; YYYY-MM-DD; a full URL; a user ID or email; "85000 EUR" for currency. Empty values are left out.',
				},
			],
		},
	],
};

export interface PlannedField {
	id: number;
	nameKey: string;
	name: string;
	value: GhValue;
}

export interface CustomFieldPlan {
	candidate: PlannedField[];
	application: PlannedField[];
}

export const NO_CUSTOM_FIELDS: CustomFieldPlan = { candidate: [], application: [] };

/** What v3 writes take: `custom_fields: [{custom_field_id, value}]`. */
export function customFieldsBody(fields: PlannedField[]): IDataObject[] {
	return fields.map((f) => ({
		custom_field_id: f.id,
		value: f.value as IDataObject[keyof IDataObject],
	}));
}

/** The body with `custom_fields` added when there are any (a write without them stays unchanged). */
export function withCustomFields(body: IDataObject, fields: PlannedField[]): IDataObject {
	return fields.length ? { ...body, custom_fields: customFieldsBody(fields) } : body;
}

/**
 * What the item says about custom fields: the keys written, and those not written (an existing
 * value kept by Fill Empty Fields, or candidate fields when only an application is added).
 */
export function customFieldsOutput(written: PlannedField[], notWritten: PlannedField[] = []) {
	return {
		...(written.length ? { customFieldsWritten: written.map((f) => f.nameKey) } : {}),
		...(notWritten.length ? { customFieldsNotWritten: notWritten.map((f) => f.nameKey) } : {}),
	};
}

function findField(defs: FieldDefinition[], ref: string): FieldDefinition[] {
	const key = ref.trim();
	const byId = defs.filter((d) => String(d.id) === key);
	if (byId.length) return byId;
	const byKey = defs.filter((d) => d.name_key === key);
	if (byKey.length) return byKey;
	return defs.filter((d) => d.name.trim().toLowerCase() === key.toLowerCase());
}

/**
 * The item's custom fields, resolved and checked before any write. No entries, no requests: the
 * definitions are read (once per run) only when a field is given.
 */
export async function readCustomFields(
	ctx: IExecuteFunctions,
	i: number,
	jobId: number | undefined,
): Promise<CustomFieldPlan> {
	const entries = ctx.getNodeParameter('customFields.field', i, []) as Array<{
		fieldId?: unknown;
		value?: unknown;
	}>;
	const given = entries.filter((e) => !isBlank(e.value));
	if (!given.length) return NO_CUSTOM_FIELDS;
	const defs = await definitionsForRun(ctx, i);
	const plan: CustomFieldPlan = { candidate: [], application: [] };
	for (const entry of given) {
		const def = resolveField(ctx, i, defs, String(entry.fieldId ?? ''), plan);
		checkApplicationType(ctx, i, def, jobId);
		const value = await fieldValue(def, entry.value, (who) => userId(ctx, who, i));
		if (!value.ok) throw inputError(ctx.getNode(), i, fieldLabel(def), value.problem, value.fix);
		plan[def.target].push({
			id: def.id,
			nameKey: def.name_key,
			name: def.name,
			value: value.value,
		});
	}
	return plan;
}

const fieldLabel = (d: FieldDefinition) =>
	`Custom field "${d.name}" (${d.target}, ${typeLabel(d.value_type)})`;

function resolveField(
	ctx: IExecuteFunctions,
	i: number,
	defs: FieldDefinition[],
	ref: string,
	plan: CustomFieldPlan,
): FieldDefinition {
	if (!ref.trim())
		throw inputError(
			ctx.getNode(),
			i,
			'Custom field',
			'has a value but no field chosen',
			'Pick the field from the list',
		);
	const found = findField(defs, ref);
	if (!found.length)
		throw inputError(
			ctx.getNode(),
			i,
			`Custom field "${ref}"`,
			'is not an active candidate or application custom field in this Greenhouse account',
			'Pick the field from the list, or use its ID or immutable field key',
		);
	if (found.length > 1)
		throw inputError(
			ctx.getNode(),
			i,
			`Custom field "${ref}"`,
			`names ${found.length} fields (${found.map((d) => `${d.target} ${d.id}`).join(', ')})`,
			'Pick the field from the list, or use its ID',
		);
	const def = found[0];
	if ([...plan.candidate, ...plan.application].some((p) => p.id === def.id))
		throw inputError(
			ctx.getNode(),
			i,
			fieldLabel(def),
			'is given twice',
			'Keep one entry per field',
		);
	return def;
}

/** An application field may be limited to job applications or to prospects (application_type). */
function checkApplicationType(
	ctx: IExecuteFunctions,
	i: number,
	def: FieldDefinition,
	jobId: number | undefined,
) {
	if (def.target !== 'application') return;
	if (jobId && def.application_type === 'prospect_applications')
		throw inputError(
			ctx.getNode(),
			i,
			fieldLabel(def),
			'applies to prospect applications only',
			'Remove the job, or remove the field',
		);
	if (!jobId && def.application_type === 'candidate_applications')
		throw inputError(
			ctx.getNode(),
			i,
			fieldLabel(def),
			'applies to job applications only, and no job is chosen',
			'Choose a job, or remove the field',
		);
}

/** A user id or primary email → the user's id, once per run per value. */
async function userId(ctx: IExecuteFunctions, who: string, i: number): Promise<number | undefined> {
	return await oncePerRun(ctx, 'greenhouse:customFieldUsers', who.toLowerCase(), async () => {
		const qs = /^\d+$/.test(who) ? { ids: who } : { primary_email: who };
		const [user] = await ghList<{ id: number }>(ctx, '/v3/users', qs, 1, i);
		return user?.id;
	});
}

/**
 * Fill Empty Fields: only the candidate fields Greenhouse has no value for. The read object keys
 * custom_fields by name_key (V3 candidate schema); a field missing there is empty too.
 */
export function emptyCustomFields(
	existing: GhCandidate,
	fields: PlannedField[],
): { fill: PlannedField[]; kept: PlannedField[] } {
	const current = (existing.custom_fields ?? {}) as Record<string, { value?: unknown } | undefined>;
	const hasValue = (f: PlannedField) => {
		const v = current[f.nameKey]?.value;
		return !(
			isBlank(v) ||
			(typeof v === 'object' && v !== null && !Array.isArray(v) && !Object.keys(v).length)
		);
	};
	return { fill: fields.filter((f) => !hasValue(f)), kept: fields.filter(hasValue) };
}
