import {
	customFieldsBody,
	customFieldsOutput,
	customFieldsProperty,
	emptyCustomFields,
	type PlannedField,
	withCustomFields,
} from '../../../../../nodes/Greenhouse/actions/candidate/customFields';
import type { GhCandidate } from '../../../../../nodes/Greenhouse/types';

const planned = (id: number, nameKey: string, value: PlannedField['value']): PlannedField => ({
	id,
	nameKey,
	name: nameKey,
	value,
});

describe('Greenhouse export custom fields: bodies, Fill Empty Fields, output', () => {
	test('the parameter lists the definitions through getCustomFields', () => {
		const values = (
			customFieldsProperty.options?.[0] as {
				values: Array<{ name: string; typeOptions?: unknown }>;
			}
		).values;
		expect(values.map((v) => v.name)).toEqual(['fieldId', 'value']);
		expect(values[0].typeOptions).toEqual({ loadOptionsMethod: 'getCustomFields' });
	});

	test('bodies carry custom_field_id and value; no fields leave the body as it was', () => {
		const fields = [planned(1, 'a', 'x'), planned(2, 'b', [3, 4])];
		expect(customFieldsBody(fields)).toEqual([
			{ custom_field_id: 1, value: 'x' },
			{ custom_field_id: 2, value: [3, 4] },
		]);
		const body = { first_name: 'A' };
		expect(withCustomFields(body, [])).toBe(body);
		expect(withCustomFields(body, fields)).toEqual({
			...body,
			custom_fields: customFieldsBody(fields),
		});
	});

	test('Fill Empty Fields keeps every field that has a value, whatever its type', () => {
		const existing = {
			id: 1,
			custom_fields: {
				text: { value: 'set' },
				flag: { value: false },
				zero: { value: 0 },
				list: { value: ['x'] },
				money: { value: { amount: 1, unit: 'EUR' } },
				blank: { value: '  ' },
				none: { value: null },
				emptyList: { value: [] },
				emptyObject: { value: {} },
			},
		} as unknown as GhCandidate;
		const keys = [
			'text',
			'flag',
			'zero',
			'list',
			'money',
			'blank',
			'none',
			'emptyList',
			'emptyObject',
			'missing',
		];
		const { fill, kept } = emptyCustomFields(
			existing,
			keys.map((k, i) => planned(i, k, 'new')),
		);
		expect(kept.map((f) => f.nameKey)).toEqual(['text', 'flag', 'zero', 'list', 'money']);
		expect(fill.map((f) => f.nameKey)).toEqual([
			'blank',
			'none',
			'emptyList',
			'emptyObject',
			'missing',
		]);
		expect(
			emptyCustomFields({ id: 2, custom_fields: null }, [planned(1, 'a', 'x')]).fill,
		).toHaveLength(1);
	});

	test('the output names the keys written and not written, and nothing when there are none', () => {
		expect(customFieldsOutput([])).toEqual({});
		expect(customFieldsOutput([planned(1, 'a', 'x')], [planned(2, 'b', 'y')])).toEqual({
			customFieldsWritten: ['a'],
			customFieldsNotWritten: ['b'],
		});
	});
});
