import {
	type IhrFieldDefinition,
	ihrTypeLabel,
	optionLabels,
	personFieldValue,
} from '../../../nodes/IntelliHr/customFields';

const def = (type: string, definitions: unknown = {}): IhrFieldDefinition => ({
	id: 'x',
	name: 'F',
	apiName: 'f',
	type,
	definitions,
});
const select = (type: string) =>
	def(type, {
		selectDefinition: {
			options: [{ label: 'Red' }, { label: 'Blue' }, { label: 'Old', isEnabled: false }],
		},
	});
const run = (d: IhrFieldDefinition, v: unknown) => {
	const r = personFieldValue(d, v);
	return r.ok ? r.value : `REFUSED: ${r.problem}. ${r.fix}`;
};

describe('IntelliHR person custom field values per type', () => {
	test('valid values take the shapes of the people create request', () => {
		expect(run(def('TEXT'), ' hi ')).toEqual({ value: 'hi' });
		expect(run(def('NUMBER'), 4.5)).toEqual({ value: '4.5' });
		expect(run(select('SINGLE_SELECT'), 'red')).toEqual({ value: { label: 'Red' } });
		expect(run(select('MULTI_SELECT'), ['blue', 'Red', 'BLUE'])).toEqual({
			value: { labels: ['Blue', 'Red'] },
		});
		expect(
			run(def('PEOPLE_DROPDOWN'), 'A0B0C0D0-0000-4000-8000-000000000001, ann@example.com'),
		).toEqual({
			value: [
				{ person: { id: 'a0b0c0d0-0000-4000-8000-000000000001' } },
				{ person: { primaryEmailAddress: 'ann@example.com' } },
			],
		});
	});

	test.each([
		['TEXT', { a: 1 }, 'not text'],
		['NUMBER', '4,5', 'not a number'],
		['SINGLE_SELECT', 'Old', 'Use one of: Red, Blue'],
		['SINGLE_SELECT', 'Red, Blue', 'exactly one option'],
		['MULTI_SELECT', 'Red, Green', '"Green" is not one of its options'],
		['PEOPLE_DROPDOWN', 'Ann', 'person IDs (UUIDs) or primary emails'],
		['DATE', '2026-01-01', 'date field, which this node cannot write'],
	])('%s refuses %p', (type, v, words) => {
		const d = type.endsWith('SELECT') ? select(type) : def(type);
		expect(run(d, v)).toContain(words);
	});

	test('select labels: read from selectDefinition (or options); unknown shape → sent as given', () => {
		expect(optionLabels(select('SINGLE_SELECT'))).toEqual(['Red', 'Blue']);
		expect(optionLabels(def('SINGLE_SELECT', { options: [{ label: 'A' }] }))).toEqual(['A']);
		expect(optionLabels(def('SINGLE_SELECT', '{}'))).toBeUndefined();
		expect(run(def('SINGLE_SELECT'), 'Anything')).toEqual({ value: { label: 'Anything' } });
		expect(ihrTypeLabel('PEOPLE_DROPDOWN')).toBe('people dropdown');
	});
});
