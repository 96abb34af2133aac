import type { IDataObject } from 'n8n-workflow';

import { sampleCandidate } from '../fixtures/candidates';
import { greenhouseExportWorkflow } from '../harness/greenhouse';
import { outputOf } from '../harness/runWorkflow';
const { startGreenhouseSandbox } = require('../sandbox/greenhouse');

/**
 * Custom fields on the Greenhouse export, end to end against the sandbox (which checks every write's
 * custom_fields like the vendor: field exists and is active, belongs to the record, value fits the type).
 */

type Sandbox = Awaited<ReturnType<typeof startGreenhouseSandbox>>;
let gh: Sandbox;
const JOB = 4012000;

beforeAll(async () => {
	gh = await startGreenhouseSandbox({ rateLimit: { limit: 10_000, windowMs: 10_000 } });
});
afterAll(async () => gh.close());
beforeEach(() => gh.reset());

type Entry = { fieldId: string; value: unknown };

function exportWorkflow(fields: Entry[], params: IDataObject = {}) {
	return greenhouseExportWorkflow(gh.credentials, { customFields: { field: fields }, ...params });
}

async function exportItems(fields: Entry[], items: IDataObject[], params: IDataObject = {}) {
	const run = await exportWorkflow(fields, params).run('Greenhouse', items);
	return outputOf(run, 'Greenhouse');
}

const state = () => gh.state() as IDataObject & { candidates: any[]; applications: any[] };

/** One valid value per writable type, as a user or an expression would give it. */
const VALID: Array<[string, string, unknown, unknown]> = [
	['short text', 'sourcing_channel', 'lemlist', 'lemlist'],
	['long text', 'outreach_reply', 'Sounds great.\nLet us talk.', 'Sounds great.\nLet us talk.'],
	['yes/no', 'open_to_relocation', 'yes', true],
	['single select by name', 'seniority', 'senior', 'Senior'],
	['multi select by names and ids', 'languages', 'English, 21013', ['English', 'French']],
	['number', 'years_of_experience', '7.5', 7.5],
	['date', 'available_from', '2027-01-15', '2027-01-15'],
	['URL', 'portfolio', 'https://jane.example.com/work', 'https://jane.example.com/work'],
	[
		'user by email',
		'sourced_by',
		'rick@example.com',
		{ user_id: 4080002, name: 'Rick Recruiter', email: 'rick@example.com' },
	],
	['currency', 'expected_salary', '85000 EUR', { amount: 85000, unit: 'EUR' }],
];

/** One invalid value per type, and the words its per-item error must contain. */
const INVALID: Array<[string, string, unknown, string[]]> = [
	[
		'yes/no',
		'open_to_relocation',
		'maybe',
		['"Open to Relocation" (candidate, yes/no)', 'true or false'],
	],
	[
		'single select',
		'seniority',
		'Principal',
		['(candidate, single select)', 'Junior, Mid, Senior'],
	],
	['single select, inactive option', 'seniority', 'Staff', ['not one of its options']],
	['single select, two values', 'seniority', 'Junior, Mid', ['exactly one option']],
	['multi select', 'languages', 'English, Klingon', ['(candidate, multi select)', '"Klingon"']],
	['number', 'years_of_experience', 'seven', ['(candidate, number)', 'not a number']],
	['date', 'available_from', '2027-02-30', ['(candidate, date)', 'YYYY-MM-DD']],
	['URL', 'portfolio', 'jane dot com', ['(candidate, URL)', 'https://']],
	[
		'user',
		'sourced_by',
		'nobody@example.com',
		['(candidate, user)', 'not a user of this Greenhouse'],
	],
	[
		'user, not an id or email',
		'sourced_by',
		'Rick',
		['not a user', 'user ID or their primary email'],
	],
	['currency', 'expected_salary', '85000', ['(candidate, currency)', 'ISO 4217']],
	['unwritable type', 'salary_range', '1-2', ['number range field', 'cannot write']],
	[
		'unknown field',
		'no_such_field',
		'x',
		['Custom field "no_such_field"', 'Pick the field from the list'],
	],
	['inactive field', 'legacy_field', 'x', ['Custom field "legacy_field"', 'not an active']],
	[
		'job field',
		'cost_center',
		'x',
		['Custom field "cost_center"', 'not an active candidate or application'],
	],
	['ambiguous name', 'Campaign', 'x', ['names 2 fields', 'use its ID']],
];

describe('Greenhouse export: custom fields', () => {
	test.each(VALID)(
		'%s: written in the create as Greenhouse reads it back',
		async (_t, key, value, stored) => {
			const [out] = await exportItems([{ fieldId: key, value }], [sampleCandidate(1, `cf-${key}`)]);
			expect(out).toMatchObject({ status: 'created', customFieldsWritten: [key] });
			const [cand] = state().candidates;
			expect(cand.custom_fields[key].value).toEqual(stored);
		},
	);

	test('every type at once, with application fields nested in the create and in a separate call', async () => {
		const fields: Entry[] = [
			...VALID.map(([, key, value]) => ({ fieldId: key, value })),
			{ fieldId: '11020', value: 'Q4 backend' },
			{ fieldId: 'Interest Level', value: 'High' },
		];
		for (const applicationMode of ['nested', 'separate']) {
			gh.reset();
			const [out] = await exportItems(fields, [sampleCandidate(2, `cf-all-${applicationMode}`)], {
				options: { applicationMode },
			});
			expect(out.status).toBe('created');
			expect(out.customFieldsWritten).toHaveLength(VALID.length + 2);
			const { candidates, applications } = state();
			expect(Object.keys(candidates[0].custom_fields)).toHaveLength(VALID.length);
			expect(applications[0].custom_fields).toEqual({
				campaign: { name: 'Campaign', type: 'short_text', value: 'Q4 backend' },
				interest_level: { name: 'Interest Level', type: 'single_select', value: 'High' },
			});
		}
	});

	test('bad values fail their own item before any write, naming field, type and fix; the batch goes on', async () => {
		// One workflow per case: a field entry is a node parameter, so each bad value gets its own run,
		// and a valid item in the same run must still be created.
		for (const [what, key, value, words] of INVALID) {
			gh.reset();
			const run = await exportWorkflow([{ fieldId: key, value: '={{ $json.cf }}' }]).run(
				'Greenhouse',
				[
					{ ...sampleCandidate(3, 'cf-bad'), cf: value } as IDataObject,
					{ ...sampleCandidate(4, 'cf-good'), cf: '' } as IDataObject,
				],
			);
			const [bad, good] = outputOf(run, 'Greenhouse');
			for (const w of words)
				expect({ what, error: bad.error }).toMatchObject({ error: expect.stringContaining(w) });
			expect(String(bad.error)).toMatch(/^\[item 0\] /);
			expect(good.status).toBe('created');
			expect(state().candidates).toHaveLength(1);
		}
	});

	test('an application field limited to prospects or to job applications is refused before any write', async () => {
		const [withJob] = await exportItems(
			[{ fieldId: 'pool_fit', value: 'yes' }],
			[sampleCandidate(5, 'cf-app')],
		);
		expect(withJob.error).toContain('prospect applications only');
		const [noJob] = await exportItems(
			[{ fieldId: 'interest_level', value: 'High' }],
			[sampleCandidate(5, 'cf-app')],
			{ job: { __rl: true, mode: 'list', value: '' } },
		);
		expect(noJob.error).toContain('job applications only');
		expect(state().candidates).toHaveLength(0);
	});

	test('Fill Empty Fields writes only the custom fields Greenhouse has no value for', async () => {
		const c = sampleCandidate(6, 'cf-fill');
		const email = (c.emails as IDataObject[])[0].value;
		gh.seed({
			candidates: [
				{
					first_name: 'Kept',
					last_name: 'Values',
					company: 'Already There',
					email_addresses: [{ value: email, type: 'work' }],
					custom_fields: {
						seniority: { name: 'Seniority', type: 'single_select', value: 'Junior' },
						sourcing_channel: { name: 'Sourcing Channel', type: 'short_text', value: '' },
						languages: { name: 'Languages', type: 'multi_select', value: [] },
					},
				},
			],
		});
		const [out] = await exportItems(
			[
				{ fieldId: 'seniority', value: 'Senior' },
				{ fieldId: 'sourcing_channel', value: 'Instantly' },
				{ fieldId: 'languages', value: 'German' },
				{ fieldId: 'portfolio', value: 'https://example.com/p' },
				{ fieldId: 'campaign', value: 'Q1' },
			],
			[c],
			{ ifExists: 'fillEmpty' },
		);
		expect(out).toMatchObject({
			status: 'updated',
			customFieldsWritten: ['sourcing_channel', 'languages', 'portfolio'],
			customFieldsNotWritten: ['seniority', 'campaign'],
		});
		const [cand] = state().candidates;
		expect(cand.custom_fields.seniority.value).toBe('Junior');
		expect(cand.custom_fields.sourcing_channel.value).toBe('Instantly');
		expect(cand.custom_fields.languages.value).toEqual(['German']);
		expect(cand.company).toBe('Already There');

		// Run again: everything has a value now, so nothing is written.
		const [again] = await exportItems([{ fieldId: 'seniority', value: 'Mid' }], [c], {
			ifExists: 'fillEmpty',
		});
		expect(again).toMatchObject({ status: 'skipped', customFieldsNotWritten: ['seniority'] });
		expect(state().candidates[0].custom_fields.seniority.value).toBe('Junior');
	});

	test('Skip writes nothing and names the custom fields it did not write', async () => {
		const c = sampleCandidate(9, 'cf-skip');
		await exportItems([], [c]);
		const [out] = await exportItems(
			[
				{ fieldId: 'seniority', value: 'Mid' },
				{ fieldId: 'campaign', value: 'x' },
			],
			[c],
		);
		expect(out).toMatchObject({
			status: 'skipped',
			customFieldsNotWritten: ['seniority', 'campaign'],
		});
		expect(out.customFieldsWritten).toBeUndefined();
		expect(state().candidates[0].custom_fields).toEqual({});
		expect(state().applications[0].custom_fields).toEqual({});
	});

	test('Add to Job writes the application fields on the new application only', async () => {
		const c = sampleCandidate(7, 'cf-add');
		await exportItems([], [c]);
		const [out] = await exportItems(
			[
				{ fieldId: 'campaign', value: 'Re-engaged' },
				{ fieldId: 'seniority', value: 'Mid' },
			],
			[c],
			{ ifExists: 'addToJob', job: { __rl: true, mode: 'id', value: String(JOB + 1) } },
		);
		expect(out).toMatchObject({
			status: 'applied',
			customFieldsWritten: ['campaign'],
			customFieldsNotWritten: ['seniority'],
		});
		const apps = state().applications;
		expect(apps.find((a: IDataObject) => a.job_id === JOB + 1).custom_fields.campaign.value).toBe(
			'Re-engaged',
		);
		expect(state().candidates[0].custom_fields).toEqual({});
	});

	test('without custom fields the export reads no definitions', async () => {
		await exportItems([{ fieldId: 'seniority', value: '' }], [sampleCandidate(8, 'cf-none')]);
		const paths = gh.requests().map((r: { path: string }) => r.path);
		expect(paths).toContain('/v3/candidates');
		expect(paths.filter((p: string) => p.startsWith('/v3/custom_field'))).toEqual([]);
	});

	test('definitions are read once per run however many items carry custom fields', async () => {
		const items = [0, 1, 2, 3, 4].map((n) => sampleCandidate(n, 'cf-many'));
		const out = await exportItems([{ fieldId: 'seniority', value: 'Mid' }], items);
		expect(out.map((o) => o.status)).toEqual(Array(5).fill('created'));
		const defs = gh.requests().filter((r: { path: string }) => r.path === '/v3/custom_fields');
		expect(defs).toHaveLength(2); // field_type=candidate and field_type=application
	});

	test('the sandbox refuses custom field writes the vendor refuses', async () => {
		const tokenRes = await fetch(gh.credentials.tokenUrl, {
			method: 'POST',
			headers: {
				Authorization: `Basic ${Buffer.from(`${gh.credentials.clientId}:${gh.credentials.clientSecret}`).toString('base64')}`,
				'Content-Type': 'application/x-www-form-urlencoded',
			},
			body: 'grant_type=client_credentials',
		});
		const { access_token: token } = (await tokenRes.json()) as { access_token: string };
		const post = async (custom_fields: unknown) =>
			await fetch(`${gh.url}/v3/candidates`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
				body: JSON.stringify({ first_name: 'A', last_name: 'B', custom_fields }),
			});
		const refused = [
			[{ custom_field_id: 11004, name_key: 'seniority', value: 21001 }], // both keys: two oneOf branches
			[{ value: 'x' }], // neither key
			[{ custom_field_id: 11004, value: 21004 }], // inactive option
			[{ custom_field_id: 11003, value: 'yes' }], // yes/no takes a boolean
			[{ custom_field_id: 11006, value: '7' }], // number takes a number
			[{ custom_field_id: 11005, value: [] }], // empty multi select
			[{ custom_field_id: 11020, value: 'x' }], // an application field on the candidate
			[{ name_key: 'nope', value: 'x' }], // unknown field
			[{ custom_field_id: 11010, value: { amount: 1, currency_code: 'EUR', extra: 1 } }],
		];
		for (const body of refused) {
			const res = await post(body);
			expect({ body, status: res.status }).toEqual({ body, status: 422 });
		}
		expect(state().candidates).toHaveLength(0);
		expect((await post([{ name_key: 'seniority', value: 'Mid' }])).status).toBe(201);
	});
});
