import type { Context } from '../../shared/http/request';
import { oncePerRun } from '../../shared/runState';
import { ghList } from '../transport';

/**
 * The account's candidate and application custom fields, with the options of the select fields.
 * Definitions: GET /v3/custom_fields (field_type filter); options moved out of the field in v3 and are
 * read from GET /v3/custom_field_options (custom_field_ids filter), see
 * https://harvestdocs.greenhouse.io/reference/get_v3-custom-fields and
 * https://harvestdocs.greenhouse.io/reference/get_v3-custom-field-options.
 */

export type FieldTarget = 'candidate' | 'application';

export interface GhCustomField {
	id: number;
	name: string;
	name_key: string;
	field_type: string;
	value_type: string;
	active?: boolean | null;
	application_type?: 'all_applications' | 'candidate_applications' | 'prospect_applications' | null;
}

export interface GhCustomFieldOption {
	id: number;
	custom_field_id: number;
	name: string;
	active?: boolean;
}

export interface FieldDefinition extends GhCustomField {
	target: FieldTarget;
	options: GhCustomFieldOption[];
}

/** The value types the export writes (the v3 custom_field enum has more, e.g. ranges and headers). */
export const WRITABLE_TYPES = [
	'short_text',
	'long_text',
	'yes_no',
	'single_select',
	'multi_select',
	'number',
	'currency',
	'date',
	'url',
	'user',
] as const;

const TYPE_LABELS: Record<string, string> = {
	short_text: 'short text',
	long_text: 'long text',
	yes_no: 'yes/no',
	single_select: 'single select',
	multi_select: 'multi select',
	number_range: 'number range',
	currency_range: 'currency range',
	rich_text: 'rich text',
	url: 'URL',
};

export const typeLabel = (valueType: string) =>
	TYPE_LABELS[valueType] ?? valueType.replace(/_/g, ' ');

const isSelect = (f: GhCustomField) =>
	f.value_type === 'single_select' || f.value_type === 'multi_select';

/** Options are read for the select fields only, 50 fields a request (the v3 id-list limit). */
async function optionsOf(ctx: Context, fields: GhCustomField[], itemIndex?: number) {
	const ids = fields.filter(isSelect).map((f) => f.id);
	const options: GhCustomFieldOption[] = [];
	for (let at = 0; at < ids.length; at += 50) {
		const chunk = ids.slice(at, at + 50).join(',');
		const page = await ghList<GhCustomFieldOption>(
			ctx,
			'/v3/custom_field_options',
			{ custom_field_ids: chunk },
			undefined,
			itemIndex,
		);
		options.push(...page);
	}
	return options.filter((o) => o.active !== false);
}

/** Active candidate and application fields, candidate fields first, each group by name. */
export async function loadDefinitions(
	ctx: Context,
	itemIndex?: number,
): Promise<FieldDefinition[]> {
	const read = async (target: FieldTarget) =>
		(
			await ghList<GhCustomField>(
				ctx,
				'/v3/custom_fields',
				{ field_type: target },
				undefined,
				itemIndex,
			)
		)
			.filter((f) => f.active !== false)
			.map((f) => ({ ...f, target }));
	const fields = [...(await read('candidate')), ...(await read('application'))];
	const options = await optionsOf(ctx, fields, itemIndex);
	const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
	return fields
		.map((f) => ({
			...f,
			options: options.filter((o) => o.custom_field_id === f.id).sort(byName),
		}))
		.sort((a, b) => (a.target === b.target ? byName(a, b) : a.target === 'candidate' ? -1 : 1));
}

/** Once per node run: every item of a batch validates against the same definitions. */
export async function definitionsForRun(ctx: Context, itemIndex: number) {
	return await oncePerRun(ctx, 'greenhouse:customFields', 'all', () =>
		loadDefinitions(ctx, itemIndex),
	);
}

/** How the editor lists a field: its name, what it belongs to and its type; options in the hint. */
export function fieldOption(f: FieldDefinition) {
	const owner = f.target === 'candidate' ? 'Candidate' : 'Application';
	const writable = (WRITABLE_TYPES as readonly string[]).includes(f.value_type);
	const options = f.options.length
		? `: ${f.options
				.slice(0, 20)
				.map((o) => o.name)
				.join(', ')}${f.options.length > 20 ? `, and ${f.options.length - 20} more` : ''}`
		: '';
	return {
		name: `${f.name} (${owner} · ${typeLabel(f.value_type)})`,
		value: String(f.id),
		description: writable
			? `Key ${f.name_key}. ${capitalized(typeLabel(f.value_type))}${options}`
			: `Key ${f.name_key}. ${capitalized(typeLabel(f.value_type))} fields cannot be written by this node`,
	};
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
