import type { IDataObject } from 'n8n-workflow';

import { sampleCandidate } from '../fixtures/candidates';
import { sendHiredParameters } from '../fixtures/intellihr';
import { node, outputOf, WorkflowHarness } from '../harness/runWorkflow';
const { startIntelliHrSandbox } = require('../sandbox/intellihr');

/** Person custom fields on Send Hired Candidate, against the sandbox (which checks them like the vendor). */

type Sandbox = Awaited<ReturnType<typeof startIntelliHrSandbox>>;
let ihr: Sandbox;

beforeAll(async () => {
	ihr = await startIntelliHrSandbox();
});
afterAll(async () => ihr.close());
beforeEach(() => ihr.reset());

type Entry = { apiName: string; value: unknown };

async function sendHired(fields: Entry[], items: IDataObject[]) {
	const l = ihr.lookups();
	const wf = new WorkflowHarness(
		{
			nodes: [
				node(
					'IntelliHR',
					'intelliHr',
					sendHiredParameters(l, { personCustomFields: { field: fields } }),
					{ intelliHrApi: 'IntelliHR sandbox' },
					{ onError: 'continueRegularOutput' },
				),
			],
			connections: {},
		},
		{ intelliHrApi: { ...ihr.credentials } as never },
	);
	return outputOf(await wf.run('IntelliHR', items), 'IntelliHR');
}

const created = () =>
	(ihr.state().people as IDataObject[]).filter((p) => p.customFields !== undefined);

const VALID: Array<[string, string, unknown, unknown]> = [
	['text', 'hiring_source', 'Greenhouse', 'Greenhouse'],
	['number', 'notice_period_weeks', ' 4 ', '4'],
	['single select (any case)', 't_shirt_size', 'l', { label: 'L' }],
	['multi select', 'languages', 'english, Japanese', { labels: ['English', 'Japanese'] }],
	[
		'people dropdown by email',
		'buddy',
		'sam.supervisor@acme.example',
		[{ person: { primaryEmailAddress: 'sam.supervisor@acme.example' } }],
	],
];

const INVALID: Array<[string, string, unknown, string[]]> = [
	[
		'number',
		'notice_period_weeks',
		'four',
		['"Notice Period (Weeks)" (person, number)', 'not a number'],
	],
	['single select', 't_shirt_size', 'XL', ['(person, single select)', 'Use one of: S, M, L']],
	['single select, disabled option', 't_shirt_size', 'XXL', ['not one of its options']],
	['multi select', 'languages', 'English, Klingon', ['(person, multi select)', '"Klingon"']],
	[
		'people dropdown',
		'buddy',
		'Sam',
		['(person, people dropdown)', 'person IDs (UUIDs) or primary emails'],
	],
	[
		'unknown field',
		'shoe_size',
		'42',
		['Custom field "shoe_size"', 'not an enabled person custom field'],
	],
	['disabled field', 'old_field', 'x', ['Custom field "old_field"', 'not an enabled']],
	['a job field', 'cost_code', 'x', ['Custom field "cost_code"', 'not an enabled person']],
];

describe('IntelliHR Send Hired Candidate: person custom fields', () => {
	test.each(VALID)('%s: written on the new person', async (_t, apiName, value, stored) => {
		const [out] = await sendHired([{ apiName, value }], [sampleCandidate(1, `icf-${apiName}`)]);
		expect(out).toMatchObject({ status: 'created', customFieldsWritten: [apiName] });
		expect((created()[0].customFields as IDataObject)[apiName]).toMatchObject({ value: stored });
	});

	test('bad values fail their own item before any write; the batch goes on', async () => {
		for (const [what, apiName, value, words] of INVALID) {
			ihr.reset();
			const out = await sendHired(
				[{ apiName, value: '={{ $json.cf }}' }],
				[
					{ ...sampleCandidate(2, 'icf-bad'), cf: value } as IDataObject,
					{ ...sampleCandidate(3, 'icf-good'), cf: '' } as IDataObject,
				],
			);
			for (const w of words)
				expect({ what, error: out[0].error }).toMatchObject({ error: expect.stringContaining(w) });
			expect(out[1].status).toBe('created');
			expect(ihr.state().people).toHaveLength(4); // three seeded, one created
		}
	});

	test('an existing person is never changed; the output says which fields were not written', async () => {
		const c = sampleCandidate(4, 'icf-existing');
		await sendHired([], [c]);
		const [out] = await sendHired([{ apiName: 'hiring_source', value: 'Pinpoint' }], [c]);
		expect(out).toMatchObject({ personReused: true, customFieldsNotWritten: ['hiring_source'] });
		expect(created()).toHaveLength(0);
	});

	test('the sandbox refuses custom fields the vendor refuses', async () => {
		const refused = [
			{ hiring_source: { value: 5 } },
			{ notice_period_weeks: { value: 'four' } },
			{ t_shirt_size: { value: 'M' } },
			{ languages: { value: { labels: ['Klingon'] } } },
			{ buddy: { value: [{ person: { id: '00000000-0000-4000-8000-000000000000' } }] } },
			{ cost_code: { value: 'x' } },
		];
		const post = async (customFields: IDataObject) =>
			await fetch(`${ihr.url}/v1/people`, {
				method: 'POST',
				headers: {
					Authorization: `Bearer ${ihr.credentials.apiKey}`,
					'Content-Type': 'application/json',
					Tenant: String(ihr.credentials.subdomain),
				},
				body: JSON.stringify({
					lastName: 'Refused',
					emailAddresses: [{ email: 'refused@example.com', isPrimary: true }],
					customFields,
				}),
			});
		for (const customFields of refused) {
			const res = await post(customFields);
			expect({ customFields, status: res.status }).toEqual({ customFields, status: 400 });
			expect(JSON.stringify(await res.json())).toContain(
				`customFields.${Object.keys(customFields)[0]}`,
			);
		}
		expect(ihr.state().people).toHaveLength(3);
		expect((await post({ t_shirt_size: { value: { label: 'M' } } })).status).toBe(201);
	});
});
