import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { node, outputOf, WorkflowHarness } from '../../harness/runWorkflow';
import { CREDS, headers, page } from './harness';

const API = 'https://api.intellihr.io';

const PERSON = '11111111-2222-4333-8444-555555555555';
const JOB = '66666666-7777-4888-9999-000000000000';
const BE = 'be000000-0000-4000-8000-000000000001';
const BU = 'b0000000-0000-4000-8000-000000000001';
const WC = 'c0000000-0000-4000-8000-000000000001';

function harness(params: IDataObject) {
	const n = node('IntelliHR', 'intelliHr', params, { intelliHrApi: 'IntelliHR' });
	return new WorkflowHarness(
		{ nodes: [n], connections: {} },
		{ intelliHrApi: { ...CREDS } as never },
	);
}

const sendHired = (extra: IDataObject = {}) =>
	harness({
		resource: 'person',
		operation: 'sendHired',
		candidateInput: 'input',
		positionTitle: 'Data Scientist',
		startDate: '2026-11-02T09:00:00+10:00',
		businessEntity: BE,
		businessUnit: BU,
		workClass: WC,
		location: 'Brisbane',
		workType: 'Permanent',
		...extra,
	});

const candidate = {
	fullName: 'Jane Smith',
	emails: [
		{ value: 'jane@example.com', type: 'personal' },
		{ value: 'jane@work.example', type: 'work' },
	],
	phones: [{ value: '+61 400 000 000', type: 'mobile' }],
};

describe('IntelliHR request shapes', () => {
	test('send hired, new person: look up every email, POST /people, then POST /jobs with search objects', async () => {
		const queries: IDataObject[] = [];
		const bodies: IDataObject[] = [];
		const scope = nock(API, headers)
			.get('/v1/people')
			.query((q) => (queries.push(q), true))
			.times(4)
			.reply(200, page([]))
			.post('/v1/people', (b) => (bodies.push(b), true))
			.reply(201, { data: { id: PERSON, displayName: 'Jane Smith' }, meta: {} })
			.post('/v1/jobs', (b) => (bodies.push(b), true))
			.reply(201, { data: { id: JOB }, meta: {} });

		const run = await sendHired({
			location: 'Brisbane',
			jobOptions: { supervisorPerson: 'sam@acme.example', recruitmentSource: 'Pinpoint', fte: '1' },
		}).run('IntelliHR', [candidate]);
		scope.done();
		// Every email before the create, and again right after it (a duplicate made by another worker).
		const byEmail = [
			{ 'filters[primaryEmailAddress][eq]': 'jane@example.com', page: '1', limit: '10' },
			{ 'filters[primaryEmailAddress][eq]': 'jane@work.example', page: '1', limit: '10' },
		];
		expect(queries).toEqual([...byEmail, ...byEmail]);
		expect(bodies[0]).toEqual({
			firstName: 'Jane',
			lastName: 'Smith',
			emailAddresses: [
				{ email: 'jane@example.com', isPrimary: true, isPersonal: true },
				{ email: 'jane@work.example', isPrimary: false, isPersonal: false },
			],
			phoneNumbers: [{ number: '+61 400 000 000', isPrimary: true, isPersonal: true }],
		});
		expect(bodies[1]).toEqual({
			person: { id: PERSON },
			name: 'Data Scientist',
			companyStartDate: '2026-11-02T09:00:00+10:00',
			startDate: '2026-11-02T09:00:00+10:00',
			businessEntity: { id: BE },
			businessUnit: { id: BU },
			workClass: { id: WC },
			location: { name: 'Brisbane' },
			workType: { name: 'Permanent' },
			supervisorPerson: { primaryEmailAddress: 'sam@acme.example' },
			fte: '1',
			recruitment: { source: { name: 'Pinpoint' } },
		});
		expect(outputOf(run, 'IntelliHR')).toEqual([
			{
				ats: 'intellihr',
				status: 'created',
				personId: PERSON,
				jobId: JOB,
				profileUrl: `https://acme.intellihr.net/spa/people/${PERSON}`,
				personReused: false,
				email: 'jane@example.com',
				positionTitle: 'Data Scientist',
				startDate: '2026-11-02T09:00:00+10:00',
			},
		]);
	});

	test('send hired, existing person: GET /jobs filtered by person; the same job (same instant, other notation) is not created again', async () => {
		const jobQueries: IDataObject[] = [];
		const scope = nock(API, headers)
			.get('/v1/people')
			.query(true)
			.reply(200, page([{ id: PERSON, primaryEmailAddress: 'JANE@example.com' }]))
			.get('/v1/jobs')
			.query((q) => (jobQueries.push(q), true))
			.reply(
				200,
				page([
					{
						id: JOB,
						person: { id: PERSON },
						name: 'data scientist',
						companyStartDate: '2026-11-01T23:00:00+00:00',
					},
				]),
			);
		const run = await sendHired().run('IntelliHR', [candidate]);
		scope.done();
		expect(jobQueries).toEqual([{ 'filters[personId][eq]': PERSON, page: '1', limit: '100' }]);
		expect(outputOf(run, 'IntelliHR')[0]).toMatchObject({
			status: 'skipped',
			personId: PERSON,
			jobId: JOB,
			personReused: true,
		});
	});

	test('a person list that ignores the email filter is not mistaken for a match', async () => {
		const scope = nock(API, headers)
			.get('/v1/people')
			.query(true)
			.times(2)
			.reply(200, page([{ id: 'someone-else', primaryEmailAddress: 'other@example.com' }]))
			.post('/v1/people')
			.reply(201, { data: { id: PERSON } })
			.post('/v1/jobs')
			.reply(201, { data: { id: JOB } });
		const run = await sendHired().run('IntelliHR', [candidate]);
		scope.done();
		expect(outputOf(run, 'IntelliHR')[0]).toMatchObject({ status: 'created', personId: PERSON });
	});

	test('an IntelliHR 400 on the person is reported with its details, naming the item', async () => {
		nock(API, headers)
			.get('/v1/people')
			.query(true)
			.times(2)
			.reply(200, page([]))
			.post('/v1/people')
			.reply(400, {
				name: 'BadRequest',
				message: 'error',
				code: 400,
				errors: [{ code: 400, detail: 'The last name field is required.' }],
			});
		const run = await sendHired().run('IntelliHR', [candidate]);
		expect(run.data.resultData.error?.message).toBe(
			'[item 0] IntelliHR answered POST /people with HTTP 400: The last name field is required.',
		);
	});

	test('person get: GET /people/<uuid> and the record unwrapped from data', async () => {
		nock(API, headers)
			.get(`/v1/people/${PERSON}`)
			.reply(200, { data: { id: PERSON, displayName: 'Jane Smith' }, meta: {} });
		const run = await harness({
			resource: 'person',
			operation: 'get',
			person: { __rl: true, mode: 'id', value: PERSON },
		}).run('IntelliHR', [{}]);
		expect(outputOf(run, 'IntelliHR')).toEqual([
			{
				id: PERSON,
				displayName: 'Jane Smith',
				profileUrl: `https://acme.intellihr.net/spa/people/${PERSON}`,
			},
		]);
	});

	test('lookup get many follows current_page/total_pages and stops at the limit (Enabled Only pages on)', async () => {
		const ids = 'abcdefghij'.split('');
		const scope = nock(API, headers)
			// A server may hand back fewer than asked for; the counters still say there is more.
			.get('/v1/work-types')
			.query({ page: '1', limit: '7' })
			.reply(
				200,
				page(
					ids.slice(0, 3).map((id) => ({ id })),
					1,
					3,
				),
			)
			.get('/v1/work-types')
			.query({ page: '2', limit: '7' })
			.reply(
				200,
				page(
					ids.slice(3, 9).map((id) => ({ id })),
					2,
					3,
				),
			);
		const run = await harness({
			resource: 'lookup',
			operation: 'getAll',
			list: 'workTypes',
			returnAll: false,
			limit: 7,
		}).run('IntelliHR', [{}]);
		scope.done();
		expect(outputOf(run, 'IntelliHR').map((r) => r.id)).toEqual(ids.slice(0, 7));

		// Enabled Only reads on until enough enabled records are found.
		nock(API, headers)
			.get('/v1/work-types')
			.query({ page: '1', limit: '100' })
			.reply(
				200,
				page(
					[
						{ id: 'x', isEnabled: false },
						{ id: 'y', isEnabled: true },
					],
					1,
					2,
				),
			)
			.get('/v1/work-types')
			.query({ page: '2', limit: '100' })
			.reply(200, page([{ id: 'z', isEnabled: true }], 2, 2));
		const enabled = await harness({
			resource: 'lookup',
			operation: 'getAll',
			list: 'workTypes',
			returnAll: false,
			limit: 2,
			options: { enabledOnly: true },
		}).run('IntelliHR', [{}]);
		expect(outputOf(enabled, 'IntelliHR').map((r) => r.id)).toEqual(['y', 'z']);
	});
});
