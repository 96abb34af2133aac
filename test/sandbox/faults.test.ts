/**
 * The sandboxes' fault switches (test/sandbox/README.md), each shown to do what it says: writes that
 * are applied but answered late or never, search lag, 2xx HTML and truncated JSON, every Retry-After
 * form and a missing reset header, truthful rate-limit headers, token-endpoint 5xx, redirects to a
 * foreign origin that records credentials, echoed secrets and a response delay.
 */
const { startGreenhouseSandbox } = require('./greenhouse');
const { startPinpointSandbox } = require('./pinpoint');
const { loadSystem } = require('./contract');

type Sandbox = Awaited<ReturnType<typeof startGreenhouseSandbox>>;
let gh: Sandbox;
let token: string;

beforeAll(async () => {
	gh = await startGreenhouseSandbox({ rateLimit: { limit: 1000, windowMs: 10_000 } });
});
afterAll(async () => gh.close());
beforeEach(async () => {
	gh.reset();
	gh.setRateLimit({ limit: 1000, windowMs: 10_000 });
	token = await newToken();
});

async function newToken(sub = gh.credentials.actingUserId): Promise<string> {
	const res = await fetch(gh.credentials.tokenUrl, {
		method: 'POST',
		headers: {
			Authorization: `Basic ${Buffer.from(`${gh.credentials.clientId}:${gh.credentials.clientSecret}`).toString('base64')}`,
			'Content-Type': 'application/x-www-form-urlencoded',
		},
		body: `grant_type=client_credentials&sub=${sub}`,
	});
	return ((await res.json()) as { access_token: string }).access_token;
}

const candidate = (n: number) => ({
	first_name: 'Fault',
	last_name: `Case${n}`,
	email_addresses: [{ value: `fault.case${n}@example.com`, type: 'personal' }],
});

function call(method: string, path: string, body?: unknown, init: RequestInit = {}) {
	return fetch(`${gh.url}${path}`, {
		method,
		headers: {
			Authorization: `Bearer ${token}`,
			...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
		},
		body: body === undefined ? undefined : JSON.stringify(body),
		...init,
	});
}

const count = () => gh.state().counts.candidates as number;

describe('writes applied but the answer lost or late', () => {
	test('resetAfterWriteRate: the candidate is created, the connection drops', async () => {
		gh.setFaults({ resetAfterWriteRate: 1, only: ['POST /v3/candidates'] });
		await expect(call('POST', '/v3/candidates', candidate(1))).rejects.toThrow();
		expect(count()).toBe(1);
		expect(gh.requests().find((r: { path: string }) => r.path === '/v3/candidates')).toMatchObject({
			faulted: 'reset-after-write',
		});
	});

	test('lateAfterWriteRate: applied at once, answered only after lateAfterWriteMs (past the client timeout)', async () => {
		gh.setFaults({ lateAfterWriteRate: 1, lateAfterWriteMs: 400, only: ['POST /v3/candidates'] });
		await expect(
			call('POST', '/v3/candidates', candidate(2), { signal: AbortSignal.timeout(100) }),
		).rejects.toThrow();
		expect(count()).toBe(1);
		const patient = await call('POST', '/v3/candidates', candidate(3));
		expect(patient.status).toBe(201);
		expect(count()).toBe(2);
	});

	test('error5xxAfterWriteRate with error5xxStatus: applied, answered 503', async () => {
		gh.setFaults({ error5xxAfterWriteRate: 1, error5xxStatus: 503, only: ['POST /v3/candidates'] });
		const res = await call('POST', '/v3/candidates', candidate(4));
		expect(res.status).toBe(503);
		expect(count()).toBe(1);
	});
});

test('searchLagMs: a created record shows in lists only after the lag', async () => {
	gh.setFaults({ searchLagMs: 300 });
	expect((await call('POST', '/v3/candidates', candidate(5))).status).toBe(201);
	const find = async () =>
		(await (
			await call('GET', '/v3/candidates?email=fault.case5%40example.com')
		).json()) as unknown[];
	expect(await find()).toEqual([]);
	await new Promise((r) => setTimeout(r, 350));
	expect(await find()).toHaveLength(1);
});

describe('2xx answers that are not the JSON the contract promises', () => {
	test('html200Rate: 200 text/html, nothing applied', async () => {
		gh.setFaults({ html200Rate: 1, only: ['POST /v3/candidates'] });
		const res = await call('POST', '/v3/candidates', candidate(6));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/text\/html/);
		expect(await res.text()).toMatch(/^<!DOCTYPE html>/);
		expect(count()).toBe(0);
	});

	test('truncatedJsonRate: 201 application/json cut in half, the write applied', async () => {
		gh.setFaults({ truncatedJsonRate: 1, only: ['POST /v3/candidates'] });
		const res = await call('POST', '/v3/candidates', candidate(7));
		expect(res.status).toBe(201);
		expect(res.headers.get('content-type')).toMatch(/application\/json/);
		const text = await res.text();
		expect(() => JSON.parse(text)).toThrow();
		expect(text.startsWith('{"candidate":')).toBe(true);
		expect(count()).toBe(1);
	});
});

describe('rate-limit headers', () => {
	test('they describe the window truthfully; an injected 429 does not use up the allowance', async () => {
		gh.setRateLimit({ limit: 3, windowMs: 60_000, mode: 'fixed' });
		gh.setFaults({ burst429: 1 });
		const t0 = Date.now();
		const first = await call('GET', '/v3/jobs');
		expect(first.status).toBe(429);
		expect(first.headers.get('x-ratelimit-remaining')).toBe('3');
		const remaining = [];
		for (let i = 0; i < 4; i++) {
			const r = await call('GET', '/v3/jobs');
			remaining.push([r.status, r.headers.get('x-ratelimit-remaining')]);
		}
		expect(remaining).toEqual([
			[200, '2'],
			[200, '1'],
			[200, '0'],
			[429, '0'],
		]);
		// The end of the current fixed window, in epoch seconds.
		const resetMs = Number(first.headers.get('x-ratelimit-reset')) * 1000;
		expect(resetMs % 60_000).toBe(0);
		expect(resetMs).toBeGreaterThan(t0);
		expect(resetMs).toBeLessThanOrEqual(t0 + 60_000);
	});

	test.each([
		['seconds', /^\d+$/],
		['http-date', /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/],
		['unix', /^\d{10}$/],
	])('Retry-After as %s names the end of the window', async (form, shape) => {
		gh.setRateLimit({ limit: 1, windowMs: 60_000, mode: 'fixed' });
		gh.setFaults({ retryAfter: form });
		await call('GET', '/v3/jobs');
		const limited = await call('GET', '/v3/jobs');
		expect(limited.status).toBe(429);
		const value = String(limited.headers.get('retry-after'));
		expect(value).toMatch(shape);
		const resetMs = Number(limited.headers.get('x-ratelimit-reset')) * 1000;
		const namedMs =
			form === 'seconds'
				? Date.now() + Number(value) * 1000
				: form === 'unix'
					? Number(value) * 1000
					: Date.parse(value);
		expect(Math.abs(namedMs - resetMs)).toBeLessThanOrEqual(1500);
	});

	test('retryAfter none and rateLimitHeaders no-reset: a 429 that says nothing about when', async () => {
		gh.setRateLimit({ limit: 1, windowMs: 60_000, mode: 'fixed' });
		gh.setFaults({ retryAfter: 'none', rateLimitHeaders: 'no-reset' });
		const ok = await call('GET', '/v3/jobs');
		expect(ok.headers.get('x-ratelimit-remaining')).toBe('0');
		expect(ok.headers.get('x-ratelimit-reset')).toBeNull();
		const limited = await call('GET', '/v3/jobs');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBeNull();
		expect(limited.headers.get('x-ratelimit-reset')).toBeNull();
	});
});

test('token endpoint 5xx (only: POST /token) leaves the API up', async () => {
	gh.setFaults({ error5xxRate: 1, error5xxStatus: 503, only: ['POST /token'] });
	const tokenRes = await fetch(gh.credentials.tokenUrl, {
		method: 'POST',
		headers: {
			Authorization: `Basic ${Buffer.from(`${gh.credentials.clientId}:${gh.credentials.clientSecret}`).toString('base64')}`,
			'Content-Type': 'application/x-www-form-urlencoded',
		},
		body: 'grant_type=client_credentials',
	});
	expect(tokenRes.status).toBe(503);
	expect((await call('GET', '/v3/jobs')).status).toBe(200);
});

describe('redirects to another origin', () => {
	test('the answer points to the foreign origin, which records the credentials a client forwards', async () => {
		gh.setFaults({ redirectRate: 1, redirectStatus: 302, only: ['GET /v3/jobs'] });
		const manual = await call('GET', '/v3/jobs?per_page=5', undefined, { redirect: 'manual' });
		expect(manual.status).toBe(302);
		expect(manual.headers.get('location')).toBe(`${gh.foreignOriginUrl}/v3/jobs?per_page=5`);
		expect(new URL(gh.foreignOriginUrl).hostname).toBe('127.0.0.1');
		expect(new URL(gh.foreignOriginUrl).port).not.toBe(String(gh.port));

		await fetch(`${gh.url}/v3/jobs`, {
			headers: { Authorization: `Bearer ${token}`, 'X-API-KEY': 'forwarded-key-123' },
		});
		const seen = gh.foreignOrigin.received();
		expect(seen).toHaveLength(1);
		expect(seen[0]).toMatchObject({
			method: 'GET',
			path: '/v3/jobs',
			xApiKey: 'forwarded-key-123',
		});
		gh.reset();
		expect(gh.foreignOrigin.received()).toEqual([]);
	});
});

describe('echoed secrets', () => {
	test('Greenhouse: a token error that echoes the client id and secret', async () => {
		gh.setFaults({ echoSecretsRate: 1, echoSecretsStatus: 400, only: ['POST /token'] });
		const res = await fetch(gh.credentials.tokenUrl, {
			method: 'POST',
			headers: {
				Authorization: `Basic ${Buffer.from(`${gh.credentials.clientId}:${gh.credentials.clientSecret}`).toString('base64')}`,
				'Content-Type': 'application/x-www-form-urlencoded',
			},
			body: 'grant_type=client_credentials',
		});
		expect(res.status).toBe(400);
		expect(await res.text()).toContain(gh.credentials.clientSecret);
	});

	test('Pinpoint: a 503 that returns the X-API-KEY', async () => {
		const pp = await startPinpointSandbox();
		try {
			pp.setFaults({ echoSecretsRate: 1, echoSecretsStatus: 503 });
			const res = await fetch(`${pp.url}/api/v1/jobs`, {
				headers: { 'X-API-KEY': pp.credentials.apiKey },
			});
			expect(res.status).toBe(503);
			const body = await res.json();
			expect(JSON.stringify(body)).toContain(pp.credentials.apiKey);
			const { validate } = require('./contract');
			expect(validate(loadSystem('pinpoint').api.errors['5xx'], body)).toEqual([]);
		} finally {
			await pp.close();
		}
	});
});

test('response delay: every answer waits, and the delay survives reset()', async () => {
	gh.setResponseDelay(150);
	try {
		gh.reset();
		token = await newToken();
		const started = Date.now();
		expect((await call('GET', '/v3/jobs')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	} finally {
		gh.setResponseDelay(0);
	}
});

export {};
