import {
	type FieldDefinition,
	fieldOption,
	typeLabel,
} from '../../../../nodes/Greenhouse/customFields/definitions';

const def = (over: Partial<FieldDefinition>): FieldDefinition => ({
	id: 3,
	name: 'Seniority',
	name_key: 'seniority',
	field_type: 'candidate',
	target: 'candidate',
	value_type: 'single_select',
	options: [],
	...over,
});

describe('the Custom Fields picker entries', () => {
	test('name, owner and type in the label, the ID as value, key and options in the hint', () => {
		const options = ['Junior', 'Senior'].map((name, i) => ({ id: i, custom_field_id: 3, name }));
		expect(fieldOption(def({ options }))).toEqual({
			name: 'Seniority (Candidate · single select)',
			value: '3',
			description: 'Key seniority. Single select: Junior, Senior',
		});
	});

	test('long option lists are cut at 20; unwritable types say so', () => {
		const options = Array.from({ length: 25 }, (_, i) => ({
			id: i,
			custom_field_id: 3,
			name: `O${i}`,
		}));
		expect(fieldOption(def({ options })).description).toMatch(/O19, and 5 more$/);
		const range = fieldOption(def({ value_type: 'number_range', target: 'application' }));
		expect(range.name).toBe('Seniority (Application · number range)');
		expect(range.description).toContain('cannot be written by this node');
	});

	test('type labels', () => {
		expect(['yes_no', 'url', 'short_text', 'user'].map(typeLabel)).toEqual([
			'yes/no',
			'URL',
			'short text',
			'user',
		]);
	});
});
