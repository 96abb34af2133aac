import type { FieldDefinition } from '../../../../nodes/Greenhouse/customFields/definitions';
import { fieldValue } from '../../../../nodes/Greenhouse/customFields/values';

const def = (value_type: string, options: Array<[number, string]> = []): FieldDefinition => ({
	id: 1,
	name: 'F',
	name_key: 'f',
	field_type: 'candidate',
	target: 'candidate',
	value_type,
	options: options.map(([id, name]) => ({ id, custom_field_id: 1, name })),
});
const users: Record<string, number> = { '42': 42, 'ann@example.com': 42 };
const resolve = async (who: string) => users[who.toLowerCase()];
const run = async (type: string, v: unknown, options?: Array<[number, string]>) => {
	const r = await fieldValue(def(type, options), v, resolve);
	return r.ok ? r.value : `REFUSED: ${r.problem}. ${r.fix}`;
};
const SELECT: Array<[number, string]> = [
	[5, 'Junior'],
	[6, 'Senior'],
];

describe('Greenhouse custom field values per v3 type', () => {
	test.each([
		['short_text', ' Hello ', 'Hello'],
		['long_text', 'a\nb', 'a\nb'],
		['yes_no', 'no', false],
		['number', '12', 12],
		['date', '2027-01-02', '2027-01-02'],
		['url', 'https://a.example', 'https://a.example'],
		['currency', 'EUR 10', { amount: 10, currency_code: 'EUR' }],
		['user', 'Ann@Example.com', 42],
		['user', 42, 42],
	])('%s accepts %p as %p', async (type, v, out) => expect(await run(type, v)).toEqual(out));

	test('selects take option names (any case) or ids and send ids', async () => {
		expect(await run('single_select', 'senior', SELECT)).toBe(6);
		expect(await run('single_select', '5', SELECT)).toBe(5);
		expect(await run('multi_select', 'Junior, 6, junior', SELECT)).toEqual([5, 6]);
		expect(await run('multi_select', ['Senior'], SELECT)).toEqual([6]);
	});

	test.each([
		['short_text', { a: 1 }, 'not text'],
		['yes_no', 'perhaps', 'not yes or no'],
		['number', '12abc', 'not a number'],
		['date', '2027-02-31', 'YYYY-MM-DD'],
		['url', 'www.example.com', 'https://'],
		['currency', '10', 'ISO 4217'],
		['user', 'Ann', 'user ID or their primary email'],
		['user', 'bob@example.com', 'not a user of this Greenhouse account'],
		['user', '7', 'not a user of this Greenhouse account'],
		['number_range', '1-2', 'number range field, which this node cannot write'],
		['attachment', 'x', 'attachment field'],
		['rich_text', 'x', 'rich text field'],
	])('%s refuses %p (%s)', async (type, v, words) => expect(await run(type, v)).toContain(words));

	test('selects refuse unknown options and list the real ones; single select takes one', async () => {
		expect(await run('single_select', 'Lead', SELECT)).toContain('Use one of: Junior, Senior');
		expect(await run('single_select', 'Junior, Senior', SELECT)).toContain('exactly one option');
		expect(await run('multi_select', 'Junior, Lead', SELECT)).toContain('"Lead" is not one of');
		expect(await run('single_select', 'x', [])).toContain('no active options');
	});
});
