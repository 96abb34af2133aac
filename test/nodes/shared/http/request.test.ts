import type { IExecuteFunctions } from 'n8n-workflow';

import { AmbiguousWriteError } from '../../../../nodes/shared/http/failures';

import { type ApiDefinition, apiRequest } from '../../../../nodes/shared/http/request';
import { setRetryPolicy } from '../../../../nodes/shared/http/retryPolicy';
import { Step, fakeContext } from './fakeContext';

const api: ApiDefinition = {
	system: 'Example',
	credentialType: 'exampleApi',
	baseUrl: (c) => String(c.apiBaseUrl),
	hint: (status) => (status === 403 ? 'Grant the scope example:things:list' : undefined),
};

describe('apiRequest', () => {
	test('waits out a 429 for Retry-After seconds, then succeeds', async () => {
		const { ctx, calls } = fakeContext([
			{ status: 429, headers: { 'Retry-After': '1' } },
			{ status: 200, body: { ok: true } },
		]);
		const started = Date.now();
		const res = await apiRequest(ctx, api, { method: 'GET', path: '/things' });
		expect(res.body).toEqual({ ok: true });
		expect(calls).toHaveLength(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
		expect(calls[0]).toMatchObject({
			method: 'GET',
			url: 'https://api.example.test/things',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});
	});

	test('falls back to X-RateLimit-Reset when a 429 has no Retry-After', async () => {
		const reset = String(Math.ceil(Date.now() / 1000) + 1);
		const { ctx, calls } = fakeContext([
			{ status: 429, headers: { 'X-RateLimit-Reset': reset } },
			{ status: 200 },
		]);
		const started = Date.now();
		await apiRequest(ctx, api, { method: 'GET', path: '/things' });
		expect(calls).toHaveLength(2);
		expect(Date.now()).toBeGreaterThanOrEqual(Number(reset) * 1000 - 5);
		expect(Date.now() - started).toBeLessThan(3000);
	});

	test('gives up on a Retry-After longer than the configured maximum wait, naming the wait', async () => {
		const { ctx, calls } = fakeContext([
			{ status: 429, headers: { 'Retry-After': '600' }, body: { message: 'Too Many Requests' } },
		]);
		setRetryPolicy(ctx, { maxRateLimitWaitMs: 1000 });
		await expect(apiRequest(ctx, api, { method: 'GET', path: '/things' })).rejects.toThrow(
			/^Example answered GET \/things with HTTP 429: Too Many Requests\. \(Retry-After 600 s\)\. Example asked to wait 10 min \(until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\), longer than Max Rate-Limit Wait \(1 s\)/,
		);
		expect(calls).toHaveLength(1);
	});

	test('a Retry-After given as a Unix timestamp a day away fails the item at once, saying so', async () => {
		const tomorrow = String(Math.ceil(Date.now() / 1000) + 86_400);
		const { ctx, calls } = fakeContext([{ status: 429, headers: { 'Retry-After': tomorrow } }]);
		await expect(apiRequest(ctx, api, { method: 'GET', path: '/things' })).rejects.toThrow(
			/asked to wait 24 h .*longer than Max Rate-Limit Wait \(300 s\)/,
		);
		expect(calls).toHaveLength(1);
	});

	test('after too many 429s in a row the message says so', async () => {
		const { ctx } = fakeContext([
			{ status: 429, headers: { 'Retry-After': '0' } },
			{ status: 429, headers: { 'Retry-After': '0' } },
		]);
		setRetryPolicy(ctx, { maxRateLimitRetries: 1 });
		await expect(apiRequest(ctx, api, { method: 'GET', path: '/things' })).rejects.toThrow(
			'Example kept rate-limiting this request (1 wait)',
		);
	});

	test('slows down ahead of time when X-RateLimit-Remaining reaches 0', async () => {
		const reset = String(Math.ceil(Date.now() / 1000) + 1);
		const { ctx, calls } = fakeContext([
			{
				status: 200,
				headers: {
					'X-RateLimit-Limit': '10',
					'X-RateLimit-Remaining': '0',
					'X-RateLimit-Reset': reset,
				},
			},
			{ status: 200 },
		]);
		await apiRequest(ctx, api, { method: 'GET', path: '/a' });
		const before = Date.now();
		await apiRequest(ctx, api, { method: 'GET', path: '/b' });
		expect(calls).toHaveLength(2);
		expect(Date.now()).toBeGreaterThanOrEqual(Number(reset) * 1000);
		expect(Date.now() - before).toBeGreaterThan(0);
	});

	test('retries 5xx and connection errors on reads, within maxRetries', async () => {
		const { ctx, calls } = fakeContext([
			{ status: 503 },
			{ throw: { message: 'read ECONNRESET', code: 'ECONNRESET' } },
			{ throw: { message: 'wrapped', cause: { code: 'ETIMEDOUT' } } },
			{ status: 200, body: [1] },
		]);
		setRetryPolicy(ctx, { maxRetries: 3 });
		expect((await apiRequest(ctx, api, { method: 'GET', path: '/things' })).body).toEqual([1]);
		expect(calls).toHaveLength(4);
	});

	test('stops after maxRetries with a message naming the last status', async () => {
		const { ctx, calls } = fakeContext([
			{ status: 500, body: { message: 'boom' } },
			{ status: 502, body: { message: 'bad gateway' } },
		]);
		setRetryPolicy(ctx, { maxRetries: 1 });
		await expect(
			apiRequest(ctx, api, { method: 'GET', path: '/things', itemIndex: 3 }),
		).rejects.toThrow('Example answered GET /things with HTTP 502: bad gateway');
		expect(calls).toHaveLength(2);
	});

	test('a write is never resent after an ambiguous failure (5xx, reset, timeout)', async () => {
		for (const step of [
			{ status: 500 },
			{ throw: { code: 'ECONNRESET' } },
			{ throw: { code: 'ECONNABORTED', message: 'timeout of 30000ms exceeded' } },
		] as Step[]) {
			const { ctx, calls } = fakeContext([step, { status: 201 }]);
			await expect(
				apiRequest(ctx, api, { method: 'POST', path: '/things', body: { a: 1 } }),
			).rejects.toBeInstanceOf(AmbiguousWriteError);
			expect(calls).toHaveLength(1);
		}
	});

	test('a write that never left (connection refused) is resent', async () => {
		const { ctx, calls } = fakeContext([
			{ throw: { code: 'ECONNREFUSED' } },
			{ status: 201, body: { id: 5 } },
		]);
		expect(
			(await apiRequest(ctx, api, { method: 'POST', path: '/things', body: { a: 1 } })).body,
		).toEqual({ id: 5 });
		expect(calls).toHaveLength(2);
	});

	test('4xx errors carry the API message, the field, and the system hint; no retry', async () => {
		const { ctx, calls } = fakeContext([
			{
				status: 422,
				body: {
					message: 'Unprocessable Content',
					errors: [{ 'email_addresses[0].value': 'is invalid' }],
				},
			},
		]);
		await expect(
			apiRequest(ctx, api, { method: 'POST', path: '/things', body: {} }),
		).rejects.toThrow(
			'Example answered POST /things with HTTP 422: Unprocessable Content; email_addresses[0].value: is invalid',
		);
		const forbidden = fakeContext([{ status: 403, body: { message: 'Forbidden' } }]);
		await expect(
			apiRequest(forbidden.ctx, api, { method: 'GET', path: '/things' }),
		).rejects.toThrow('Grant the scope example:things:list');
		expect(calls).toHaveLength(1);
	});

	test("a 401 that survives n8n's token refresh becomes a clear auth error", async () => {
		const { ctx } = fakeContext([
			{
				throw: {
					message: 'Request failed with status code 401',
					cause: {
						response: {
							status: 401,
							data: { message: 'Unauthorized', errors: ['Token could not be decoded.'] },
						},
					},
				},
			},
		]);
		await expect(apiRequest(ctx, api, { method: 'GET', path: '/things' })).rejects.toThrow(
			'Example answered GET /things with HTTP 401: Unauthorized; Token could not be decoded.',
		);
	});

	test('a next link to another host is refused, so credentials never leave the API host', async () => {
		const { ctx, calls } = fakeContext([]);
		await expect(
			apiRequest(ctx, api, { method: 'GET', url: 'https://evil.example.com/things?cursor=x' }),
		).rejects.toThrow('refusing to send credentials there');
		expect(calls).toHaveLength(0);
	});

	test('secrets in an API error body are redacted', async () => {
		const { ctx } = fakeContext([
			{
				status: 400,
				body: {
					message:
						'client_id=abc-123 secret=hunter2hunter2 Bearer eyJhbGciOiJIUzI1NiJ9.x.y is wrong',
				},
			},
		]);
		const error = await apiRequest(ctx, api, { method: 'GET', path: '/x' }).catch((e: Error) => e);
		expect(String(error)).not.toMatch(/hunter2|eyJhbGci|abc-123/);
	});
});

/**
 * n8n 1.x's httpRequestWithAuthentication: a truthy ignoreHttpStatusErrors (an object too) returns
 * every status as a response, so n8n never sees a 401; preAuthentication runs only when the token
 * field is empty. This fake does exactly that, so the transport's own refresh is what is tested.
 */
function n8nV1(answers: (token: string) => { status: number; body?: unknown }) {
	const sent: Array<{ token: string; ignore: unknown }> = [];
	let minted = 0;
	const stored: Record<string, unknown> = {
		apiBaseUrl: 'https://api.example.test',
		accessToken: 'stale-token',
		accessTokenExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
	};
	const ctx = {
		getNode: () => ({ name: 'T', type: 't', typeVersion: 1, position: [0, 0], parameters: {} }),
		getCredentials: async () => ({ ...stored }),
		helpers: {
			httpRequestWithAuthentication: async (
				_type: string,
				options: Record<string, unknown>,
				extra?: { credentialsDecrypted?: { data?: Record<string, unknown> } },
			) => {
				const creds = extra?.credentialsDecrypted?.data ?? { ...stored };
				if (creds.accessToken === '') {
					minted++;
					const fresh = {
						accessToken: `token-${minted}`,
						accessTokenExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
					};
					Object.assign(stored, fresh);
					Object.assign(creds, fresh);
				}
				const token = String(creds.accessToken);
				sent.push({ token, ignore: options.ignoreHttpStatusErrors });
				const a = answers(token);
				if (!options.ignoreHttpStatusErrors && a.status >= 400)
					throw { response: { status: a.status, data: a.body, headers: {} } };
				return { statusCode: a.status, body: a.body ?? {}, headers: {} };
			},
		},
	} as unknown as IExecuteFunctions;
	setRetryPolicy(ctx, { baseDelayMs: 10, maxDelayMs: 40 });
	return { ctx, sent, stored, minted: () => minted };
}

const tokenApi: ApiDefinition = {
	...api,
	expiringToken: { field: 'accessToken', expiresAtField: 'accessTokenExpiresAt' },
};

describe('apiRequest with a credential that fetches its own token (works on n8n 1.x)', () => {
	test('a 401 forces exactly one new token and one resend, and later calls keep the new token', async () => {
		const v1 = n8nV1((t) => (t === 'stale-token' ? { status: 401 } : { status: 200, body: { t } }));
		const res = await apiRequest(v1.ctx, tokenApi, { method: 'POST', path: '/things' });
		expect(res.body).toEqual({ t: 'token-1' });
		await apiRequest(v1.ctx, tokenApi, { method: 'GET', path: '/things' });
		expect(v1.sent.map((s) => s.token)).toEqual(['stale-token', 'token-1', 'token-1']);
		expect(v1.minted()).toBe(1);
		expect(v1.sent[0].ignore).toBe(true);
	});

	test('a second 401 after the refresh is the answer: one refresh, a clear error', async () => {
		const v1 = n8nV1(() => ({ status: 401, body: { message: 'Unauthorized' } }));
		await expect(apiRequest(v1.ctx, tokenApi, { method: 'GET', path: '/things' })).rejects.toThrow(
			'Example answered GET /things with HTTP 401',
		);
		expect(v1.sent).toHaveLength(2);
		expect(v1.minted()).toBe(1);
	});

	test('a token within a minute of its expiry is replaced before the request goes out', async () => {
		const v1 = n8nV1((t) => (t === 'stale-token' ? { status: 401 } : { status: 200 }));
		v1.stored.accessTokenExpiresAt = new Date(Date.now() + 30_000).toISOString();
		await apiRequest(v1.ctx, tokenApi, { method: 'GET', path: '/things' });
		await apiRequest(v1.ctx, tokenApi, { method: 'GET', path: '/things' });
		expect(v1.sent.map((s) => s.token)).toEqual(['token-1', 'token-1']);
		expect(v1.minted()).toBe(1);
	});

	test('a credential without its own token is never refreshed by the transport', async () => {
		const v1 = n8nV1(() => ({ status: 401, body: { message: 'bad key' } }));
		await expect(apiRequest(v1.ctx, api, { method: 'GET', path: '/things' })).rejects.toThrow(
			'HTTP 401',
		);
		expect(v1.sent).toHaveLength(1);
	});

	test('OAuth2 errors are thrown (n8n refreshes on a thrown 401) and still read like answers', async () => {
		const v1 = n8nV1(() => ({ status: 404, body: { message: 'no such thing' } }));
		await expect(
			apiRequest(v1.ctx, { ...api, oauth2: true }, { method: 'GET', path: '/things/9' }),
		).rejects.toThrow('Example answered GET /things/9 with HTTP 404: no such thing');
		expect(v1.sent[0].ignore).toBe(false);
	});
});

describe('apiRequest: the credential is read once per run', () => {
	const credentials = { apiBaseUrl: 'https://api.example.test', apiKey: 'key-123456' };

	test('every request hands n8n the run’s decrypted credential, a copy each time', async () => {
		const t = fakeContext([{ status: 200 }, { status: 200 }, { status: 200 }], credentials);
		for (let i = 0; i < 3; i++) await apiRequest(t.ctx, api, { method: 'GET', path: '/things' });
		expect(t.credentialReads()).toBe(1);
		expect(t.extras).toHaveLength(3);
		for (const extra of t.extras)
			expect(extra).toEqual({
				credentialsDecrypted: { id: '', name: 'exampleApi', type: 'exampleApi', data: credentials },
			});
		const data = (t.extras as Array<{ credentialsDecrypted: { data: unknown } }>).map(
			(e) => e.credentialsDecrypted.data,
		);
		expect(new Set([...data, credentials]).size).toBe(4);
	});

	test('an OAuth2 credential is left to n8n (it refreshes and stores the token itself)', async () => {
		const t = fakeContext([{ status: 200 }], credentials);
		await apiRequest(t.ctx, { ...api, oauth2: true }, { method: 'GET', path: '/things' });
		expect(t.extras).toEqual([undefined]);
	});
});
