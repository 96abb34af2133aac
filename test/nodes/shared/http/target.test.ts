import { pathProblem, requestTargetProblem } from '../../../../nodes/shared/http/target';
import { LOOPBACK_TOGGLE } from '../../../../nodes/shared/origins';

import { type ApiDefinition, apiRequest } from '../../../../nodes/shared/http/request';
import { fakeContext } from './fakeContext';

/** The last check before a request leaves: https, no user name, the credential's own origin, loopback only when marked as testing. */

const ON = { [LOOPBACK_TOGGLE]: true };
const OFF = {};

describe('requestTargetProblem', () => {
	test.each([
		['https://harvest.greenhouse.io/v3/users', 'https://harvest.greenhouse.io', OFF],
		['http://127.0.0.1:4010/v1/people', 'http://127.0.0.1:4010/v1', ON],
		['http://localhost:9/x', 'http://localhost:9', ON],
		['http://[::1]:9/x', 'http://[::1]:9', ON],
	])('%s (base %s) may be sent', (url, base, creds) =>
		expect(requestTargetProblem(url, base, creds)).toBeUndefined(),
	);

	test.each([
		['http://127.0.0.1:4010/v1/people', 'http://127.0.0.1:4010/v1', OFF, 'loopback'],
		['http://localhost:9/x', 'http://localhost:9', { [LOOPBACK_TOGGLE]: 'true' }, 'loopback'],
		['http://api.stardex.ai/v1', 'http://api.stardex.ai', ON, 'not https'],
		['https://evil.example/v1', 'https://api.stardex.ai', ON, 'not on the API'],
		['https://u:p@api.stardex.ai/v1', 'https://api.stardex.ai', ON, 'user name'],
		['https://api.stardex.ai/v1', 'https://u:p@api.stardex.ai', ON, 'user name'],
		['file:///etc/passwd', 'https://api.stardex.ai', ON, 'not on the API'],
		['not a url', 'https://api.stardex.ai', ON, 'no valid address'],
	])('%s (base %s, %j) is refused', (url, base, creds, why) =>
		expect(requestTargetProblem(url, base, creds)).toMatch(
			new RegExp(why === 'loopback' ? 'Allow Loopback Base URL" is off' : why),
		),
	);
});

describe('the choke point', () => {
	const api: ApiDefinition = {
		system: 'Example',
		credentialType: 'exampleApi',
		baseUrl: (c) => String(c.apiBaseUrl),
	};

	test('a loopback base without the testing toggle sends nothing', async () => {
		const { ctx, calls } = fakeContext([{ status: 200 }], { apiBaseUrl: 'http://127.0.0.1:9' });
		await expect(apiRequest(ctx, api, { method: 'GET', path: '/x' })).rejects.toThrow(
			'Example: refusing to send the credential, the address is on this machine',
		);
		expect(calls).toHaveLength(0);
	});

	test('a plain http base is refused, and a loopback one with the toggle is sent', async () => {
		const plain = fakeContext([{ status: 200 }], { apiBaseUrl: 'http://api.example.test' });
		await expect(apiRequest(plain.ctx, api, { method: 'GET', path: '/x' })).rejects.toThrow(
			'not https://',
		);
		expect(plain.calls).toHaveLength(0);
		const sandbox = fakeContext([{ status: 200, body: { ok: 1 } }], {
			apiBaseUrl: 'http://127.0.0.1:9',
			[LOOPBACK_TOGGLE]: true,
		});
		await expect(
			apiRequest(sandbox.ctx, api, { method: 'GET', path: '/x' }),
		).resolves.toMatchObject({ body: { ok: 1 } });
	});

	test('every request asks n8n not to follow redirects; a 3xx fails and names where it pointed', async () => {
		const { ctx, calls } = fakeContext([
			{ status: 307, headers: { Location: 'https://collector.example/steal?x=1' } },
		]);
		await expect(apiRequest(ctx, api, { method: 'GET', path: '/things' })).rejects.toThrow(
			'Example answered GET /things with HTTP 307: a redirect to https://collector.example, which is not followed',
		);
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
		});
	});

	test('the toggle name is the one the credentials use', () => {
		expect(LOOPBACK_TOGGLE).toBe('allowLoopbackBaseUrl');
	});
});

describe('pathProblem: ids never name another endpoint', () => {
	test.each([
		'/v1/persons/abc-123',
		'/v3/candidates/42',
		'/leads/a%40b.com',
		'/x/..a',
		'/x/a..',
		'',
	])('%s is fine', (path) => expect(pathProblem(path)).toBeUndefined());

	test.each([
		['/v1/persons/..', '".."'],
		['/v1/persons/.', '"."'],
		['/v1/persons/%2e%2E', '".."'],
		['/v1/persons/%2E', '"."'],
		['/v1/persons/a%2Fb', 'contains a slash'],
		['/v1/persons/a%5Cb', 'contains a slash'],
		['/v1/persons/a\\b', 'contains a slash'],
		['/v1/persons/%E0%A4%A', 'broken escape'],
	])('%s is refused', (path, why) => expect(pathProblem(path)).toContain(why));

	test('the choke point sends nothing for such an id, and names the item', async () => {
		const api: ApiDefinition = {
			system: 'Example',
			credentialType: 'exampleApi',
			baseUrl: (c) => String(c.apiBaseUrl),
		};
		const { ctx, calls } = fakeContext([{ status: 200 }]);
		const id = '..';
		await expect(
			apiRequest(ctx, api, {
				method: 'DELETE',
				path: `/v1/persons/${encodeURIComponent(id)}`,
				itemIndex: 3,
			}),
		).rejects.toMatchObject({
			message: expect.stringContaining(
				'Example: refusing to call DELETE /v1/persons/..: an ID in the address is ".."',
			),
			context: { itemIndex: 3 },
		});
		expect(calls).toHaveLength(0);
	});
});
