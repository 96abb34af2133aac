import * as fs from 'node:fs';
import * as path from 'node:path';

import { pinpointItem } from '../../../nodes/PinpointTrigger/adapter';
import { PINPOINT_FIELDS } from '../../../nodes/PinpointTrigger/fields';
import { readDocument } from '../../../nodes/PinpointTrigger/jsonApi';
import { leafPaths } from '../../../nodes/shared/candidate/fieldMap';
import { coverage, docsShow, FIXTURES, pathsOf, undocumented } from '../../fieldMaps';

describe('Pinpoint mapping table, driven by the webhook and the documented application attributes', () => {
	const dir = path.join(FIXTURES, 'pinpoint');
	const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
	const ctx = { eventId: 'e', receivedAt: '2026-11-20T09:15:03.000Z' };
	const webhook = read('webhook.application_hired.json');
	const webhooks = fs
		.readdirSync(dir)
		.filter((f) => f.startsWith('webhook.'))
		.map((file) => {
			const payload = read(file);
			return { file, paths: pathsOf(payload), item: pinpointItem(payload, undefined, ctx) };
		});
	const applications = ['api.application.jsonapi.json', 'api.application.spec.jsonapi.json'].map(
		(file) => {
			const doc = read(file);
			const item = pinpointItem(webhook, { application: readDocument(doc) }, ctx);
			const paths = leafPaths(doc.data.attributes).map((p) => `application.${p}`);
			return { file, paths, item };
		},
	);
	const result = coverage(PINPOINT_FIELDS, [...webhooks, ...applications]);

	test('every field a payload carries is in the table, mapped or dropped', () => {
		expect(result.uncovered).toEqual([]);
	});

	test('every mapped field is found on the item where the table says', () => {
		expect(result.notLanded).toEqual([]);
	});

	test('every dropped field is named on the docs page', () => {
		expect(undocumented(PINPOINT_FIELDS, 'pinpoint-trigger.md')).toEqual([]);
	});

	test('the docs page shows the table as it is', () => {
		expect(docsShow('pinpoint-trigger.md', 'Mapping table', PINPOINT_FIELDS)).toBe(true);
	});

	test('the vendor-documented application: town and country code become a location, dates stay dates', () => {
		const item = applications[1].item;
		expect(item).toMatchObject({
			fullName: 'Priya Raman',
			linkedinUrl: 'https://www.linkedin.com/in/priya-raman',
			location: { city: 'Sydney', country: 'Australia' },
			startDate: '2027-01-11',
			occurredAt: '2026-11-20T09:15:02.123Z',
		});
	});
});
