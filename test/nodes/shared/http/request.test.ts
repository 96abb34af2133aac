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
			ignoreHttpStatusErrors: { ignore: true, except: [401] },
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
