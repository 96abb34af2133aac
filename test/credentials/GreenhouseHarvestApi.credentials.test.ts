import nock from 'nock';

import { outputOf } from '../harness/runWorkflow';
import { API, CREDS, harness, expectToken, bearer } from '../nodes/Greenhouse/harness';

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
		const token = nock('https://auth.greenhouse.io')
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
		nock('https://auth.greenhouse.io').post('/token').reply(status, body);
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
});
