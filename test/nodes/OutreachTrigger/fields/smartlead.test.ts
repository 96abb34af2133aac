import { SMARTLEAD_FIELDS } from '../../../../nodes/OutreachTrigger/fields/smartlead';
import { coverage, docsShow, outreachCases, pathsOf, undocumented } from '../../../fieldMaps';

describe('smartlead mapping table, driven by every documented smartlead payload', () => {
	const cases = outreachCases('smartlead').map((c) => ({ ...c, paths: pathsOf(c.payload) }));
	const result = coverage(SMARTLEAD_FIELDS, cases);

	test('there are documented payloads', () => {
		expect(cases.length).toBeGreaterThan(0);
	});

	test('every field a payload carries is in the table, mapped or dropped', () => {
		expect(result.uncovered).toEqual([]);
	});

	test('every mapped field is found on the item where the table says', () => {
		expect(result.notLanded).toEqual([]);
	});

	test('every dropped field is named on the docs page', () => {
		expect(undocumented(SMARTLEAD_FIELDS, 'outreach-trigger.md')).toEqual([]);
	});

	test('the docs page shows the table as it is', () => {
		expect(docsShow('outreach-trigger.md', 'Smartlead', SMARTLEAD_FIELDS)).toBe(true);
	});
});
