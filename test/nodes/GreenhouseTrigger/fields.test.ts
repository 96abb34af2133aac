import * as fs from 'node:fs';
import * as path from 'node:path';

import { greenhouseItem } from '../../../nodes/GreenhouseTrigger/adapter';
import { GREENHOUSE_FIELDS } from '../../../nodes/GreenhouseTrigger/fields';
import { coverage, docsShow, FIXTURES, pathsOf, undocumented } from '../../fieldMaps';

describe('Greenhouse mapping table, driven by every documented web hook example', () => {
	const dir = path.join(FIXTURES, 'greenhouse-webhooks');
	const cases = fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.map((file) => {
			const payload = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
			const item = greenhouseItem(payload, {
				eventId: 'e',
				receivedAt: '2026-11-24T10:00:00.000Z',
			});
			return { file, paths: pathsOf(payload), item };
		});
	const result = coverage(GREENHOUSE_FIELDS, cases);

	test('every field a payload carries is in the table, mapped or dropped', () => {
		expect(cases.length).toBeGreaterThanOrEqual(30);
		expect(result.uncovered).toEqual([]);
	});

	test('every mapped field is found on the item where the table says', () => {
		expect(result.notLanded).toEqual([]);
	});

	test('every dropped field is named on the docs page', () => {
		expect(undocumented(GREENHOUSE_FIELDS, 'greenhouse-trigger.md')).toEqual([]);
	});

	test('the docs page shows the table as it is', () => {
		expect(docsShow('greenhouse-trigger.md', 'Mapping table', GREENHOUSE_FIELDS)).toBe(true);
	});
});
