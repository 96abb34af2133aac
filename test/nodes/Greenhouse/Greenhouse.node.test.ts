import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { outputOf } from '../../harness/runWorkflow';
import { API, harness, expectToken, bearer } from './harness';

describe('Greenhouse request shapes', () => {
	beforeEach(() => expectToken());

	test('candidate export: lookup by every email, then POST /v3/candidates with the mapped body (the create validates the job: no job check)', async () => {
		const seen: IDataObject[] = [];
		const scope = nock(API, bearer)
			.get('/v3/candidates')
			.query({ email: 'jane@example.com', per_page: 5 })
			.reply(200, [])
			.get('/v3/candidates')
			.query({ email: 'jane.work@acme.com', per_page: 5 })
			.reply(200, [])
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
