import nock from 'nock';
import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { searchJobs } from '../../../nodes/Greenhouse/methods/listSearch';
import { candidateBody, fillEmptyPatch } from '../../../nodes/Greenhouse/mapping';
import { parseCandidate } from '../../../nodes/shared/candidate/normalize';
import { node, outputOf, WorkflowHarness } from '../../harness/runWorkflow';

const API = 'https://harvest.test';
const CREDS = {
	clientId: 'client-42',
	clientSecret: 'shh-secret',
	actingUserId: '4080001',
	accessToken: '',
	apiBaseUrl: API,
	tokenUrl: 'https://auth.test/token',
	appUrl: 'https://app.greenhouse.io',
};

function harness(params: IDataObject, creds: IDataObject = CREDS) {
	const n = node('Greenhouse', 'greenhouse', params, { greenhouseHarvestApi: 'Greenhouse' });
	return new WorkflowHarness(
		{ nodes: [n], connections: {} },
		{ greenhouseHarvestApi: { ...creds } as never },
	);
}

/** The token exchange every first request triggers: Basic client:secret, form grant_type + sub. */
function expectToken(times = 1) {
	return nock('https://auth.test', {
		reqheaders: {
			authorization: `Basic ${Buffer.from('client-42:shh-secret').toString('base64')}`,
			'content-type': 'application/x-www-form-urlencoded',
		},
	})
		.post('/token', 'grant_type=client_credentials&sub=4080001')
		.times(times)
		.reply(200, {
			token_type: 'Bearer',
			access_token: 'jwt-1',
			expires_at: '2099-01-01T00:00:00Z',
		});
}

const bearer = { reqheaders: { authorization: 'Bearer jwt-1' } };

describe('Greenhouse credential pre-authentication', () => {
	test('exchanges client credentials for a token once and sends it as Bearer', async () => {
		const token = expectToken();
		const api = nock(API, bearer)
			.get('/v3/users')
			.query({ per_page: 50 })
			.reply(200, [{ id: 1 }]);
		const wf = harness({ resource: 'user', operation: 'getAll' });
		const run = await wf.run('Greenhouse', [{}]);
		expect(outputOf(run, 'Greenhouse')).toEqual([{ id: 1 }]);
		token.done();
		api.done();
	});

	test('without an acting user the form has no sub', async () => {
		const token = nock('https://auth.test')
			.post('/token', 'grant_type=client_credentials')
			.reply(200, { access_token: 'jwt-1', expires_in: 3600 });
		nock(API, bearer).get('/v3/users').query(true).reply(200, []);
		await harness({ resource: 'user', operation: 'getAll' }, { ...CREDS, actingUserId: '' }).run(
			'Greenhouse',
			[{}],
		);
		token.done();
	});

	test.each([
		[
			401,
			{ error: 'invalid_client' },
			'Greenhouse did not accept the Client ID and Client Secret (invalid_client)',
		],
		[
			400,
			{ message: 'client_id=client-42 does not contain a valid client ID suffix' },
			'Greenhouse did not accept the Client ID and Client Secret',
		],
		[
			400,
			{
				error: 'invalid_request',
				error_description: 'sub 4080001 is not a user of this organization',
			},
			'Greenhouse refused Acting User ID 4080001',
		],
		[503, { message: 'down' }, "Greenhouse's token endpoint answered HTTP 503: down"],
	])('token endpoint %s %j → clear message', async (status, body, message) => {
		nock('https://auth.test').post('/token').reply(status, body);
		const wf = harness({ resource: 'user', operation: 'getAll' });
		const run = await wf.run('Greenhouse', [{}]);
		expect(run.data.resultData.error?.message).toContain(message);
		expect(run.data.resultData.error?.message).not.toContain('shh-secret');
	});

	test('a non-numeric acting user id is refused before any request', async () => {
		const run = await harness(
			{ resource: 'user', operation: 'getAll' },
			{ ...CREDS, actingUserId: 'me@example.com' },
		).run('Greenhouse', [{}]);
		expect(run.data.resultData.error?.message).toContain(
			'Acting User ID must be the numeric Greenhouse user ID',
		);
	});

	test('a 403 names the missing scope', async () => {
		expectToken();
		nock(API).get('/v3/jobs').query(true).reply(403, { message: 'Forbidden' });
		const run = await harness({ resource: 'job', operation: 'getAll', status: 'open' }).run(
			'Greenhouse',
			[{}],
		);
		expect(run.data.resultData.error?.message).toContain('needs the scope harvest:jobs:list');
	});
});

describe('Greenhouse request shapes', () => {
	beforeEach(() => expectToken());

	test('candidate export: lookup by every email, job check, then POST /v3/candidates with the mapped body', async () => {
		const seen: IDataObject[] = [];
		const scope = nock(API, bearer)
			.get('/v3/candidates')
			.query({ email: 'jane@example.com', per_page: 5 })
			.reply(200, [])
			.get('/v3/candidates')
			.query({ email: 'jane.work@acme.com', per_page: 5 })
			.reply(200, [])
			.get('/v3/jobs')
			.query({ ids: '4012000', per_page: 1 })
			.reply(200, [{ id: 4012000, name: 'Engineer' }])
			.post('/v3/candidates', (b) => (seen.push(b), true))
			.reply(201, {
				candidate: { id: 77 },
				application: { id: 88, candidate_id: 77, job_id: 4012000 },
			});
		const run = await harness({
			resource: 'candidate',
			operation: 'export',
			candidateInput: 'input',
			ifExists: 'skip',
			job: { __rl: true, mode: 'url', value: 'https://app.greenhouse.io/sdash/4012000' },
		}).run('Greenhouse', [
			{
				fullName: 'Jane Q Smith',
				emails: [
					{ value: 'Jane@Example.com', type: 'personal' },
					{ value: 'jane.work@acme.com', type: 'work' },
				],
				phones: ['+1 555 0100'],
				linkedinUrl: 'linkedin.com/in/JaneSmith/',
				location: 'Austin, Texas, United States',
				title: 'VP',
				company: 'Acme',
				tags: 'a, b',
			},
		]);
		scope.done();
		expect(seen[0]).toEqual({
			first_name: 'Jane',
			last_name: 'Q Smith',
			company: 'Acme',
			title: 'VP',
			email_addresses: [
				{ value: 'jane@example.com', type: 'personal' },
				{ value: 'jane.work@acme.com', type: 'work' },
			],
			phone_numbers: [{ value: '+1 555 0100', type: 'other' }],
			addresses: [{ value: 'Austin, Texas, United States', type: 'home' }],
			social_media_addresses: [{ value: 'https://www.linkedin.com/in/janesmith' }],
			tags: ['a', 'b'],
			application: { job_id: 4012000 },
		});
		expect(outputOf(run, 'Greenhouse')[0]).toMatchObject({
			status: 'created',
			candidateId: 77,
			applicationId: 88,
			profileUrl: 'https://app.greenhouse.io/people/77?application_id=88',
		});
	});

	test('candidate get uses the ids filter (v3 has no GET /v3/candidates/{id})', async () => {
		const scope = nock(API, bearer)
			.get('/v3/candidates')
			.query({ ids: '58', per_page: 1 })
			.reply(200, [{ id: 58, first_name: 'A' }]);
		const run = await harness({ resource: 'candidate', operation: 'get', candidateId: '58' }).run(
			'Greenhouse',
			[{}],
		);
		scope.done();
		expect(outputOf(run, 'Greenhouse')[0]).toMatchObject({
			id: 58,
			profileUrl: 'https://app.greenhouse.io/people/58',
		});
	});

	test('candidate get many: email and updated_at=gte|ISO filters, then the next link verbatim with nothing added', async () => {
		const next = `${API}/v3/candidates?cursor=eyJvIjoyfQ`;
		const scope = nock(API, bearer)
			.get('/v3/candidates')
			.query({ email: 'a@b.co', updated_at: 'gte|2026-01-01T00:00:00.000Z', per_page: 500 })
			.reply(200, [{ id: 2 }, { id: 1 }], { Link: `<${next}>; rel="next"` })
			.get('/v3/candidates')
			.query({ cursor: 'eyJvIjoyfQ' })
			.reply(200, [{ id: 0 }]);
		const run = await harness({
			resource: 'candidate',
			operation: 'getAll',
			returnAll: true,
			filters: { email: 'A@b.co', updatedSince: '2026-01-01T00:00:00Z' },
		}).run('Greenhouse', [{}]);
		scope.done();
		expect(outputOf(run, 'Greenhouse').map((c) => c.id)).toEqual([2, 1, 0]);
	});

	test('job get many with status filter and limit; job get by id', async () => {
		const scope = nock(API, bearer)
			.get('/v3/jobs')
			.query({ status: 'closed', per_page: 2 })
			.reply(
				200,
				[
					{ id: 1, name: 'A' },
					{ id: 2, name: 'B' },
				],
				{ Link: `<${API}/v3/jobs?cursor=x>; rel="next"` },
			)
			.get('/v3/jobs')
			.query({ ids: '9', per_page: 1 })
			.reply(200, [{ id: 9, name: 'Nine' }]);
		const many = await harness({
			resource: 'job',
			operation: 'getAll',
			status: 'closed',
			returnAll: false,
			limit: 2,
		}).run('Greenhouse', [{}]);
		expect(outputOf(many, 'Greenhouse').map((j) => j.url)).toEqual([
			'https://app.greenhouse.io/sdash/1',
			'https://app.greenhouse.io/sdash/2',
		]);
		expectToken(); // a second workflow has its own credential, so it fetches its own token
		const one = await harness({
			resource: 'job',
			operation: 'get',
			job: { __rl: true, mode: 'id', value: '9' },
		}).run('Greenhouse', [{}]);
		expect(outputOf(one, 'Greenhouse')[0]).toMatchObject({ id: 9, name: 'Nine' });
		scope.done();
	});

	test('user get many filters by primary email', async () => {
		const scope = nock(API, bearer)
			.get('/v3/users')
			.query({ primary_email: 'ada@example.com', per_page: 50 })
			.reply(200, [{ id: 4080001 }]);
		await harness({
			resource: 'user',
			operation: 'getAll',
			filters: { email: 'ada@example.com' },
		}).run('Greenhouse', [{}]);
		scope.done();
	});
});

describe('job picker (listSearch)', () => {
	test('filters by name across pages and hands back the next link as the pagination token', async () => {
		const calls: IDataObject[] = [];
		const pages = [
			{
				statusCode: 200,
				headers: { link: `<${API}/v3/jobs?cursor=p2>; rel="next"` },
				body: [
					{ id: 1, name: 'Designer' },
					{ id: 2, name: 'Backend Engineer', requisition_id: 'R-2' },
				],
			},
			{ statusCode: 200, headers: {}, body: [{ id: 3, name: 'Frontend Engineer' }] },
		];
		const ctx = {
			getNode: () => ({ name: 'G', type: 't', typeVersion: 1, position: [0, 0], parameters: {} }),
			getCredentials: async () => CREDS,
			helpers: {
				httpRequestWithAuthentication: async (_t: string, o: IDataObject) => (
					calls.push(o),
					pages.shift()
				),
			},
		} as unknown as ILoadOptionsFunctions;
		const res = await searchJobs.call(ctx, 'engineer');
		expect(res.results).toEqual([
			{ name: 'Backend Engineer (R-2)', value: '2', url: 'https://app.greenhouse.io/sdash/2' },
			{ name: 'Frontend Engineer', value: '3', url: 'https://app.greenhouse.io/sdash/3' },
		]);
		expect(calls[0]).toMatchObject({
			url: `${API}/v3/jobs`,
			qs: { status: 'open', per_page: 100 },
		});
		expect(calls[1]).toMatchObject({ url: `${API}/v3/jobs?cursor=p2` });
		expect(calls[1].qs).toBeUndefined();
	});
});

describe('mapping', () => {
	const c = (input: IDataObject) => {
		const r = parseCandidate(input);
		if (!r.ok) throw new Error(JSON.stringify(r.issues));
		return r.candidate;
	};

	test('a one-word name still gets a last name, and no empty fields are sent', () => {
		expect(candidateBody(c({ fullName: 'Cher', emails: ['cher@example.com'] }))).toEqual({
			first_name: 'Cher',
			last_name: '-',
			email_addresses: [{ value: 'cher@example.com', type: 'other' }],
			phone_numbers: [],
		});
	});

	test('fill empty never sends a contact list the candidate already has', () => {
		const existing = {
			id: 1,
			company: 'Old Co',
			title: '',
			email_addresses: [{ value: 'x@y.co' }],
			phone_numbers: [{ value: '1' }],
			addresses: [],
			social_media_addresses: [],
		};
		const patch = fillEmptyPatch(
			existing,
			c({
				fullName: 'A B',
				emails: ['new@y.co'],
				phones: ['+1 555 0199'],
				company: 'New Co',
				title: 'CTO',
				linkedinUrl: 'https://linkedin.com/in/ab',
				location: 'Paris, France',
			}),
		);
		expect(patch).toEqual({
			title: 'CTO',
			addresses: [{ value: 'Paris, France', type: 'home' }],
			social_media_addresses: [{ value: 'https://www.linkedin.com/in/ab' }],
		});
	});
});
