import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { sampleCandidate } from '../fixtures/candidates';
import { sendHiredParameters } from '../fixtures/intellihr';
import { chain, errorOf, node, outputOf, WorkflowHarness } from '../harness/runWorkflow';
const { startIntelliHrSandbox } = require('../sandbox/intellihr');

type Sandbox = Awaited<ReturnType<typeof startIntelliHrSandbox>>;
let ihr: Sandbox;

beforeAll(async () => {
	ihr = await startIntelliHrSandbox();
});
afterAll(async () => ihr.close());
beforeEach(() => ihr.reset());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function intelliHr(params: IDataObject = {}, credentials: IDataObject = ihr.credentials) {
	const n = node(
		'IntelliHR',
		'intelliHr',
		sendHiredParameters(ihr.lookups(), params),
		{ intelliHrApi: 'IntelliHR sandbox' },
		{ onError: 'continueRegularOutput' },
	);
	return new WorkflowHarness(
		{ nodes: [n], connections: {} },
		{ intelliHrApi: { ...credentials } as never },
	);
}

async function sendHired(
	items: IDataObject[],
	params: IDataObject = {},
	credentials?: IDataObject,
) {
	const run = await intelliHr(params, credentials).run('IntelliHR', items);
	expect(errorOf(run)).toBeUndefined();
	return outputOf(run, 'IntelliHR');
}

const state = () => ihr.state();

describe('IntelliHR Send Hired Candidate through a real WorkflowExecute against the sandbox', () => {
	test('creates one person and one job with every field, then a re-run creates nothing', async () => {
		const l = ihr.lookups();
		const supervisor = state().people.find((p: IDataObject) => p.lastName === 'Supervisor');
		const params = {
			personFields: { preferredName: 'Jay', dateOfBirth: '1990-05-17' },
			jobOptions: {
				employmentCondition: l.employmentConditions[0].id,
				fte: '0.8',
				payGrade: l.payGrades[1].id,
				recruitmentSource: l.recruitmentSources[0].id,
				supervisorPerson: supervisor.id,
			},
		};
		const candidate = {
			...sampleCandidate(0, 'hire'),
			emails: [
				{ value: 'Jane.Smith@Example.com', type: 'personal' },
				{ value: 'jane@oldjob.example', type: 'work' },
			],
		};
		const [out] = await sendHired([candidate], params);
		expect(out).toMatchObject({
			ats: 'intellihr',
			status: 'created',
			personReused: false,
			email: 'jane.smith@example.com',
			positionTitle: 'Senior Backend Engineer',
			startDate: '2026-11-02',
		});
		expect(out.personId).toMatch(UUID);
		expect(out.jobId).toMatch(UUID);
		expect(out.profileUrl).toBe(`https://acme.intellihr.net/spa/people/${out.personId}`);

		let s = state();
		expect(s.counts).toEqual({ people: 4, jobs: 1 }); // 3 seeded people + the hire
		const person = s.people.find((p: IDataObject) => p.id === out.personId);
		expect(person).toMatchObject({
			firstName: 'Jane',
			lastName: 'Smith',
			preferredName: 'Jay',
			dateOfBirth: '1990-05-17',
			primaryEmailAddress: 'jane.smith@example.com',
			emailAddresses: [
				{ email: 'jane.smith@example.com', isPrimary: true, isPersonal: true },
				{ email: 'jane@oldjob.example', isPrimary: false, isPersonal: false },
			],
			phoneNumbers: [{ number: '+1 555 0100', isPrimary: true, isPersonal: true }],
		});
		expect(s.jobs[0]).toMatchObject({
			id: out.jobId,
			person: { id: out.personId },
			name: 'Senior Backend Engineer',
			companyStartDate: '2026-11-02T00:00:00+00:00',
			positionStartDate: '2026-11-02T00:00:00+00:00',
			businessEntity: { id: l.businessEntities[0].id, name: 'Acme Pty Ltd' },
			businessUnit: { id: l.businessUnits[0].id, name: 'Engineering' },
			workClass: { id: l.workClasses[0].id, name: 'Full Time' },
			workType: { id: l.workTypes[0].id, name: 'Permanent' },
			location: { id: l.locations[0].id, name: 'Brisbane' },
			supervisorPerson: { id: supervisor.id },
			fte: '0.8',
			payGrade: { id: l.payGrades[1].id },
			employmentCondition: { id: l.employmentConditions[0].id },
			recruitment: { source: { id: l.recruitmentSources[0].id, name: 'Pinpoint' } },
		});
		expect(s.tenantHeaders).toEqual(['acme']);

		const [again] = await sendHired([candidate], params);
		expect(again).toMatchObject({
			status: 'skipped',
			personId: out.personId,
			jobId: out.jobId,
			personReused: true,
			reason: 'the person already has this job',
		});
		s = state();
		expect(s.counts).toEqual({ people: 4, jobs: 1 });
	});

	test('an existing person (same primary email) is reused and only the job is added', async () => {
		const l = ihr.lookups();
		const { people } = ihr.seed({
			people: [
				{
					firstName: 'Omar',
					lastName: 'Existing',
					emailAddresses: [{ email: 'omar-smith-reuse1@example.com', isPrimary: true }],
				},
			],
		});
		ihr.seed({
			jobs: [
				{
					person: { id: people[0].id },
					name: 'Contractor',
					companyStartDate: '2024-01-01',
					businessEntity: { id: l.businessEntities[0].id },
					businessUnit: { id: l.businessUnits[1].id },
					workClass: { id: l.workClasses[2].id },
				},
			],
		});

		const out = await sendHired([sampleCandidate(1, 'reuse')]);
		expect(out[0]).toMatchObject({
			status: 'jobAdded',
			personId: people[0].id,
			personReused: true,
		});
		const s = state();
		expect(s.counts).toEqual({ people: 4, jobs: 2 });
		expect(s.people.find((p: IDataObject) => p.id === people[0].id).lastName).toBe('Existing'); // never overwritten
		expect(
			s.jobs
				.filter((j: IDataObject) => (j.person as IDataObject).id === people[0].id)
				.map((j: IDataObject) => j.name),
		).toEqual(['Contractor', 'Senior Backend Engineer']);

		// Same title, other start date: a new job. Same title and date: skipped.
		expect(
			(await sendHired([sampleCandidate(1, 'reuse')], { startDate: '2027-01-10' }))[0],
		).toMatchObject({ status: 'jobAdded' });
		expect(
			(await sendHired([sampleCandidate(1, 'reuse')], { startDate: '2027-01-10' }))[0],
		).toMatchObject({ status: 'skipped' });
		expect(state().counts).toEqual({ people: 4, jobs: 3 });
	});

	test('the same hire twice in one run gives one person and one job', async () => {
		const out = await sendHired([sampleCandidate(2, 'twice'), sampleCandidate(2, 'twice')]);
		expect(out.map((o) => o.status)).toEqual(['created', 'skipped']);
		expect(state().counts).toEqual({ people: 4, jobs: 1 });
	});

	test('the job step fails (5xx) after the person was created: a clear error, and a re-run finishes without a second person', async () => {
		ihr.setFaults({ error5xxRate: 1, only: ['POST /v1/jobs'] });
		const failed = await sendHired([sampleCandidate(3, 'fail')], {
			requestOptions: { maxRetries: 1 },
		});
		const s1 = state();
		const person = s1.people.find(
			(p: IDataObject) => p.primaryEmailAddress === 'sofia-smith-fail3@example.com',
		);
		expect(s1.counts).toEqual({ people: 4, jobs: 0 });
		expect(failed[0].status).toBe('failed');
		expect(failed[0].error).toMatch(
			new RegExp(
				`^\\[item 0\\] Person ${person.id} was created in IntelliHR, but the job could not be added: .*POST /jobs.*HTTP 500.*Fix it and run the item again: the existing person will be reused$`,
			),
		);

		ihr.setFaults({});
		const [done] = await sendHired([sampleCandidate(3, 'fail')]);
		expect(done).toMatchObject({ status: 'jobAdded', personId: person.id, personReused: true });
		expect(state().counts).toEqual({ people: 4, jobs: 1 });
	});

	test('the job is refused (400, disabled business unit): the error says what IntelliHR said; fixed and re-run, one person with one job', async () => {
		const legacy = ihr.lookups().businessUnits.find((u: IDataObject) => u.isEnabled === false);
		const failed = await sendHired([sampleCandidate(4, 'bad')], { businessUnit: legacy.id });
		const person = state().people.find(
			(p: IDataObject) => p.primaryEmailAddress === 'kwame-smith-bad4@example.com',
		);
		expect(failed[0].error).toBe(
			`[item 0] Person ${person.id} was created in IntelliHR, but the job could not be added: IntelliHR answered POST /jobs with HTTP 400: The businessUnit "Legacy Unit" is disabled. Fix it and run the item again: the existing person will be reused`,
		);
		const [done] = await sendHired([sampleCandidate(4, 'bad')]);
		expect(done).toMatchObject({ status: 'jobAdded', personId: person.id });
		const s = state();
		expect(
			s.people.filter((p: IDataObject) => p.primaryEmailAddress === 'kwame-smith-bad4@example.com'),
		).toHaveLength(1);
		expect(s.counts.jobs).toBe(1);
	});

	test('creates applied but answered 500 are found again and never made twice', async () => {
		ihr.setFaults({ error5xxAfterWriteRate: 1, only: ['POST /v1/people', 'POST /v1/jobs'] });
		const out = await sendHired([sampleCandidate(5, 'amb'), sampleCandidate(6, 'amb')]);
		expect(out.map((o) => o.status)).toEqual(['created', 'created']);
		expect(state().counts).toEqual({ people: 5, jobs: 2 });
	});

	test('a supervisor given by a name two people share is refused by IntelliHR with its own words', async () => {
		const out = await sendHired([sampleCandidate(7, 'sup')], {
			jobOptions: { supervisorPerson: 'Alex Namesake' },
		});
		expect(out[0].error).toContain(
			'Unable to narrow the supervisorPerson search to a single Person',
		);
		expect(out[0].error).toContain('was created in IntelliHR, but the job could not be added');
	});

	test('bad input fails before anything is written, each item naming its field', async () => {
		const items = [
			{ fullName: 'No Email' },
			sampleCandidate(8, 'dob'),
			sampleCandidate(9, 'start'),
			sampleCandidate(10, 'fte'),
		];
		const run = await intelliHr({}).run('IntelliHR', items.slice(0, 1));
		expect(outputOf(run, 'IntelliHR')[0].error).toBe(
			'[item 0] Candidate emails are missing. IntelliHR needs a primary email for every person, and it is how an existing person is found. Add an email',
		);
		const dob = await sendHired(items.slice(1, 2), { personFields: { dateOfBirth: '17/05/1990' } });
		expect(dob[0].error).toBe(
			'[item 0] Date of Birth "17/05/1990" is not a date like 1990-05-17 (YYYY-MM-DD)',
		);
		const start = await sendHired(items.slice(2, 3), { startDate: '2026-02-30' });
		expect(start[0].error).toBe(
			'[item 0] Start Date "2026-02-30" is not a real date. Map the start date of the hire as YYYY-MM-DD',
		);
		const fte = await sendHired(items.slice(3, 4), { jobOptions: { fte: 'full' } });
		expect(fte[0].error).toBe('[item 0] FTE "full" is not a full-time equivalent like 1 or 0.6');
		// An empty field is stopped by n8n itself; an expression that comes out empty is stopped here.
		const noUnit = await sendHired(items.slice(3, 4), { businessUnit: '={{ $json.nothing }}' });
		expect(noUnit[0].error).toBe(
			'[item 0] Business Unit is empty. Pick the business unit from the list',
		);
		expect(state().counts).toEqual({ people: 3, jobs: 0 });
	});

	test('lookups can be given by name through an expression (sent as {name})', async () => {
		const out = await sendHired([sampleCandidate(11, 'names')], {
			businessEntity: '={{ "Acme Holdings" }}',
			businessUnit: 'Sales',
			workClass: 'Casual',
			location: 'Sydney',
			workType: 'Fixed Contract',
		});
		expect(out[0].status).toBe('created');
		expect(state().jobs[0]).toMatchObject({
			businessEntity: { name: 'Acme Holdings' },
			businessUnit: { name: 'Sales' },
			workClass: { name: 'Casual' },
			location: { name: 'Sydney' },
			workType: { name: 'Fixed Contract' },
		});
	});

	test('429s from an IntelliHR rate limit are waited out', async () => {
		ihr.setRateLimit({ limit: 6, windowMs: 1000 });
		try {
			const out = await sendHired([0, 1, 2, 3].map((n) => sampleCandidate(n, 'rl')));
			expect(out.map((o) => o.status)).toEqual(['created', 'created', 'created', 'created']);
			expect(state().counts).toEqual({ people: 7, jobs: 4 });
		} finally {
			ihr.setRateLimit(undefined);
		}
	});
});

describe('IntelliHR credential problems against the sandbox', () => {
	test('a wrong tenant is refused by IntelliHR (403) and the message says what to check', async () => {
		const out = await sendHired(
			[sampleCandidate(1)],
			{},
			{ ...ihr.credentials, subdomain: 'globex' },
		);
		expect(out[0].error).toContain('IntelliHR answered GET /people with HTTP 403');
		expect(out[0].error).toContain(
			"Check that the credential's Company Subdomain is the company the API key was created in",
		);
	});

	test('a wrong key gives 401 with a hint and never shows the key', async () => {
		const out = await sendHired(
			[sampleCandidate(1)],
			{},
			{ ...ihr.credentials, apiKey: 'wrong-key-123456789' },
		);
		expect(out[0].error).toContain('HTTP 401');
		expect(out[0].error).toContain('IntelliHR did not accept the API key');
		expect(out[0].error).not.toContain('wrong-key-123456789');
	});

	test.each([
		'acme.intellihr.net.evil.com',
		'https://x@evil.com',
		'acme:8443',
		'acme\nevil: 1',
		'аcme',
	])('the hostile subdomain %j is refused before any request', async (subdomain) => {
		const out = await sendHired([sampleCandidate(1)], {}, { ...ihr.credentials, subdomain });
		expect(out[0].error).toMatch(
			/^\[item 0\] IntelliHR credential: Company Subdomain .+Enter just the company part of your IntelliHR address, e\.g\. acme for https:\/\/acme\.intellihr\.net$/,
		);
		expect(ihr.stats().requests).toBe(0);
	});

	test('a full web address as subdomain works and sends the plain tenant', async () => {
		const out = await sendHired(
			[sampleCandidate(1, 'url')],
			{},
			{ ...ihr.credentials, subdomain: 'https://ACME.intellihr.net/spa/people?x=1' },
		);
		expect(out[0].status).toBe('created');
		expect(state().tenantHeaders).toEqual(['acme']);
	});
});

describe('IntelliHR Person Find / Get and Lookup Get Many', () => {
	function other(params: IDataObject) {
		const n = node(
			'IntelliHR',
			'intelliHr',
			params,
			{ intelliHrApi: 'IntelliHR sandbox' },
			{ onError: 'continueRegularOutput' },
		);
		return new WorkflowHarness(
			{ nodes: [n], connections: {} },
			{ intelliHrApi: { ...ihr.credentials } as never },
		);
	}

	test('find by email and get by id or URL', async () => {
		const sam = state().people.find((p: IDataObject) => p.lastName === 'Supervisor');
		const found = outputOf(
			await other({
				resource: 'person',
				operation: 'find',
				email: 'SAM.supervisor@acme.example',
			}).run('IntelliHR', [{}]),
			'IntelliHR',
		);
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({
			id: sam.id,
			profileUrl: `https://acme.intellihr.net/spa/people/${sam.id}`,
		});
		expect(
			outputOf(
				await other({ resource: 'person', operation: 'find', email: 'nobody@acme.example' }).run(
					'IntelliHR',
					[{}],
				),
				'IntelliHR',
			),
		).toEqual([]);

		const byId = outputOf(
			await other({
				resource: 'person',
				operation: 'get',
				person: { __rl: true, mode: 'id', value: sam.id },
			}).run('IntelliHR', [{}]),
			'IntelliHR',
		);
		expect(byId[0]).toMatchObject({ id: sam.id, displayName: 'Sam Supervisor' });
		const byUrl = outputOf(
			await other({
				resource: 'person',
				operation: 'get',
				person: {
					__rl: true,
					mode: 'url',
					value: `https://acme.intellihr.net/spa/people/${sam.id}`,
				},
			}).run('IntelliHR', [{}]),
			'IntelliHR',
		);
		expect(byUrl[0]).toMatchObject({ id: sam.id });
		const bad = outputOf(
			await other({
				resource: 'person',
				operation: 'get',
				person: { __rl: true, mode: 'id', value: '={{ "../jobs" }}' },
			}).run('IntelliHR', [{}]),
			'IntelliHR',
		);
		expect(bad[0].error).toBe(
			'[item 0] Person "../jobs" is not an IntelliHR person ID. Give the UUID of the person, or the address of their page in IntelliHR',
		);
	});

	test('get many pages through page/limit, honours Limit, and can leave out disabled records', async () => {
		ihr.seed({ locations: 247 }); // 250 in all; every 5th seeded one is disabled
		const all = outputOf(
			await other({
				resource: 'lookup',
				operation: 'getAll',
				list: 'locations',
				returnAll: true,
			}).run('IntelliHR', [{}]),
			'IntelliHR',
		);
		expect(all).toHaveLength(250);
		expect(new Set(all.map((r) => r.id)).size).toBe(250);
		const pages = ihr.requests().filter((r: IDataObject) => r.path === '/v1/locations');
		expect(pages.map((r: IDataObject) => r.query)).toEqual([
			'?page=1&limit=100',
			'?page=2&limit=100',
			'?page=3&limit=100',
		]);

		const some = outputOf(
			await other({
				resource: 'lookup',
				operation: 'getAll',
				list: 'locations',
				returnAll: false,
				limit: 30,
			}).run('IntelliHR', [{}]),
			'IntelliHR',
		);
		expect(some).toHaveLength(30);
		const enabled = outputOf(
			await other({
				resource: 'lookup',
				operation: 'getAll',
				list: 'locations',
				returnAll: true,
				options: { enabledOnly: true },
			}).run('IntelliHR', [{}]),
			'IntelliHR',
		);
		expect(enabled).toHaveLength(250 - 1 - 49);
		expect(enabled.every((r) => r.isEnabled === true)).toBe(true);
	});
});

describe('the IntelliHR sandbox answers in the documented shapes', () => {
	const call = async (p: string, headers: Record<string, string>) => {
		const res = await fetch(`${ihr.credentials.apiBaseUrl}${p}`, { headers });
		return { status: res.status, body: (await res.json()) as IDataObject };
	};
	const auth = () => ({ authorization: `Bearer ${ihr.credentials.apiKey}`, tenant: 'acme' });

	test('401 without the key, 403 without or with another tenant (unless the tenant is not required)', async () => {
		expect(await call('/people', { tenant: 'acme' })).toEqual({
			status: 401,
			body: { name: 'Unauthorized', message: 'Unauthorized', code: 401, errors: {} },
		});
		const forbidden = {
			status: 403,
			body: { name: 'Forbidden', message: 'Error', code: 403, errors: {} },
		};
		expect(await call('/people', { authorization: auth().authorization })).toEqual(forbidden);
		expect(await call('/people', { ...auth(), tenant: 'globex' })).toEqual(forbidden);
		ihr.setRequireTenant(false);
		try {
			expect((await call('/people', { authorization: auth().authorization })).status).toBe(200);
		} finally {
			ihr.setRequireTenant(true);
		}
	});

	test('lists: {data, meta.pagination, links}; limit 1–100; filters[..][eq]', async () => {
		const { body } = await call('/locations?limit=2&page=1', auth());
		expect(body.meta).toMatchObject({
			pagination: { total: 3, count: 2, per_page: 2, current_page: 1, total_pages: 2 },
		});
		expect((body.links as IDataObject).next).toBe(
			`${ihr.credentials.apiBaseUrl}/locations?limit=2&page=2`,
		);
		expect(await call('/locations?limit=101', auth())).toEqual({
			status: 400,
			body: {
				name: 'BadRequest',
				message: 'error',
				code: 400,
				errors: [{ code: 400, detail: 'The limit parameter must be an integer between 1 and 100' }],
			},
		});
		const found = await call(
			'/people?filters[primaryEmailAddress][eq]=SAM.supervisor@acme.example',
			auth(),
		);
		expect((found.body.data as IDataObject[]).map((p) => p.displayName)).toEqual([
			'Sam Supervisor',
		]);
		expect((await call('/jobs?filters[personId][eq]=not-a-uuid', auth())).body.errors).toEqual([
			{ code: 400, detail: 'An invalid UUID was provided' },
		]);
	});
});

describe('Greenhouse hire web hook → IntelliHR Send Hired Candidate', () => {
	test('a signed hire_candidate delivery creates the person and the job from the trigger item, once', async () => {
		const secretKey = 'whsec-intellihr-flow-0123456789abcdef';
		const nodes = [
			node(
				'Greenhouse Trigger',
				'greenhouseTrigger',
				{ events: ['hire_candidate'], path: 'greenhouse-hires' },
				{ greenhouseWebhookApi: 'Greenhouse web hook' },
			),
			// Position Title and Start Date keep their defaults: they read the trigger's positionTitle and startDate.
			node(
				'IntelliHR',
				'intelliHr',
				{
					resource: 'person',
					operation: 'sendHired',
					candidateInput: 'input',
					businessEntity: ihr.lookups().businessEntities[0].id,
					businessUnit: ihr.lookups().businessUnits[0].id,
					workClass: ihr.lookups().workClasses[0].id,
					location: ihr.lookups().locations[0].id,
					workType: ihr.lookups().workTypes[0].id,
				},
				{ intelliHrApi: 'IntelliHR sandbox' },
			),
		];
		const wf = new WorkflowHarness(
			{ nodes, connections: chain('Greenhouse Trigger', 'IntelliHR') },
			{ greenhouseWebhookApi: { secretKey }, intelliHrApi: { ...ihr.credentials } as never },
		);
		const rawBody = fs.readFileSync(
			path.join(__dirname, '../fixtures/greenhouse-webhooks/hire_candidate.json'),
		);
		const signature = `sha256 ${createHmac('sha256', secretKey).update(rawBody).digest('hex')}`;

		const first = await wf.deliver('Greenhouse Trigger', {
			rawBody,
			headers: { Signature: signature, 'Greenhouse-Event-ID': 'evt-hire-1' },
		});
		expect(first.status).toBe(200);
		expect(errorOf(first.run!)).toBeUndefined();
		const [out] = outputOf(first.run!, 'IntelliHR');
		expect(out).toMatchObject({
			ats: 'intellihr',
			status: 'created',
			personReused: false,
			email: 'personal@example.com',
			positionTitle: 'Developer',
			startDate: '2015-01-23',
		});
		const s = state();
		expect(s.people.find((p: IDataObject) => p.id === out.personId)).toMatchObject({
			firstName: 'Johnny',
			lastName: 'Smith',
			primaryEmailAddress: 'personal@example.com',
		});
		expect(s.jobs).toHaveLength(1);
		expect(s.jobs[0]).toMatchObject({
			name: 'Developer',
			companyStartDate: '2015-01-23T00:00:00+00:00',
			person: { id: out.personId },
		});

		// Greenhouse redelivers after a timeout with a new event id: still one person, one job.
		const again = await wf.deliver('Greenhouse Trigger', {
			rawBody,
			headers: { Signature: signature, 'Greenhouse-Event-ID': 'evt-hire-2' },
		});
		expect(outputOf(again.run!, 'IntelliHR')[0]).toMatchObject({
			status: 'skipped',
			personId: out.personId,
		});
		expect(state().counts).toEqual({ people: 4, jobs: 1 });
	});
});
