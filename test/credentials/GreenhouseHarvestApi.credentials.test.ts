import nock from 'nock';

import { node, outputOf, WorkflowHarness } from '../harness/runWorkflow';
import { API, CREDS, harness, expectToken, bearer } from '../nodes/Greenhouse/harness';
import { greenhouseTokenOwner } from '../../nodes/shared/origins';
import { pressTest } from './testButton';

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

describe('Greenhouse credential test (the Test button) against the sandbox', () => {
	const { startGreenhouseSandbox, ALL_SCOPES } = require('../sandbox/greenhouse');
	let gh: Awaited<ReturnType<typeof startGreenhouseSandbox>>;
	beforeAll(async () => {
		gh = await startGreenhouseSandbox({
			clients: {
				'sandbox-client-1': { secret: 'sandbox-secret', scopes: ALL_SCOPES },
				'no-candidates-9': {
					secret: 's2',
					scopes: ALL_SCOPES.filter((s: string) => s !== 'harvest:candidates:list'),
				},
			},
		});
	});
	afterAll(async () => gh.close());
	beforeEach(() => gh.reset());

	test('a Site Admin acting user passes, with a token fetched from the secret as entered', async () => {
		const stored = {
			...gh.credentials,
			accessToken: 'an-old-token',
			clientSecret: 'sandbox-secret',
		};
		expect(await pressTest('greenhouseHarvestApi', stored)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(gh.issuedTokens()).toHaveLength(1);
		const wrong = await pressTest('greenhouseHarvestApi', {
			...stored,
			clientSecret: 'changed-since',
		});
		expect(wrong.message).toContain('did not accept the Client ID and Client Secret');
	});

	test('an acting user who is not a Site Admin fails, saying lists would be empty', async () => {
		const res = await pressTest('greenhouseHarvestApi', {
			...gh.credentials,
			actingUserId: '4080002',
		});
		expect(res.status).toBe('Error');
		expect(res.message).toContain('Greenhouse lists nothing to Acting User 4080002');
		expect(res.message).toContain('Site Admin');
	});

	test("the credential's service user without list access fails the same way", async () => {
		gh.configure({ serviceUserIsSiteAdmin: false });
		const res = await pressTest('greenhouseHarvestApi', { ...gh.credentials, actingUserId: '' });
		expect(res.message).toContain("the credential's own service user");
		gh.configure({ serviceUserIsSiteAdmin: true });
	});

	test('a failed token exchange and a missing harvest:candidates:list scope give clear messages', async () => {
		const badSub = await pressTest('greenhouseHarvestApi', {
			...gh.credentials,
			actingUserId: '999',
		});
		expect(badSub.message).toContain('Greenhouse refused Acting User ID 999');
		const noList = await pressTest('greenhouseHarvestApi', {
			...gh.credentials,
			clientId: 'no-candidates-9',
			clientSecret: 's2',
		});
		expect(noList).toEqual({
			status: 'Error',
			message: expect.stringContaining('grant the scope harvest:candidates:list'),
		});
	});

	test('a stored token is not used once the secret changed: the new secret is what gets tried', async () => {
		const ok = await pressTest('greenhouseHarvestApi', gh.credentials);
		expect(ok.status).toBe('OK');
		const [issued] = gh.issuedTokens();
		const stored = {
			...gh.credentials,
			accessToken: issued.token,
			accessTokenFor: greenhouseTokenOwner(gh.credentials),
			accessTokenExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
		};
		const run = (creds: Record<string, unknown>) =>
			new WorkflowHarness(
				{
					nodes: [
						node(
							'Greenhouse',
							'greenhouse',
							{ resource: 'user', operation: 'getAll' },
							{ greenhouseHarvestApi: 'Greenhouse' },
						),
					],
					connections: {},
				},
				{ greenhouseHarvestApi: creds as never },
			).run('Greenhouse', [{}]);
		expect((await run(stored)).data.resultData.error).toBeUndefined();
		expect(gh.issuedTokens()).toHaveLength(1);
		const changed = await run({ ...stored, clientSecret: 'a-new-wrong-secret' });
		expect(changed.data.resultData.error?.message).toContain(
			'did not accept the Client ID and Client Secret',
		);
	});

	test('a run with a non-Site-Admin acting user fails before any export write', async () => {
		const wf = new WorkflowHarness(
			{
				nodes: [
					node(
						'Greenhouse',
						'greenhouse',
						{ resource: 'user', operation: 'getAll' },
						{
							greenhouseHarvestApi: 'Greenhouse',
						},
					),
				],
				connections: {},
			},
			{ greenhouseHarvestApi: { ...gh.credentials, actingUserId: '4080002' } as never },
		);
		const run = await wf.run('Greenhouse', [{}]);
		expect(run.data.resultData.error?.message).toContain('Greenhouse lists nothing to Acting User');
	});
});
