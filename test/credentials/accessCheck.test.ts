import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import {
	ACCESS_CHECK_FIELD,
	accessProblem,
	checkAccess,
	INTELLIHR_ACCESS,
	PINPOINT_ACCESS,
	STARDEX_ACCESS,
} from '../../credentials/accessCheck';
import { description as sendHiredProperties } from '../../nodes/IntelliHr/actions/person/sendHired.operation';
import { LOOKUP_LISTS } from '../../nodes/IntelliHr/lookups';
import { pressTest } from './testButton';

const { startIntelliHrSandbox } = require('../sandbox/intellihr');
const { startStardexSandbox } = require('../sandbox/stardex');
const { startPinpointSandbox } = require('../sandbox/pinpoint');

/** Calls checkAccess with a fake httpRequest answering by path, and records what was asked. */
async function runCheck(
	check: typeof INTELLIHR_ACCESS,
	credentials: ICredentialDataDecryptedObject,
	statusOf: (url: string) => number | Error,
) {
	const asked: IHttpRequestOptions[] = [];
	const httpRequest = async (o: IHttpRequestOptions) => {
		asked.push(o);
		const s = statusOf(String(o.url));
		if (s instanceof Error) throw s;
		return { statusCode: s, body: {} };
	};
	const helpers = { helpers: { httpRequest } } as never;
	const result = checkAccess.call(helpers, check, credentials);
	return { result, asked };
}

const IHR = { apiKey: 'k-1', subdomain: 'acme' };

describe('checkAccess (the rules)', () => {
	test('every probe passes: the field gets a time, so n8n stores it; each request carries the key and no redirect', async () => {
		const { result, asked } = await runCheck(INTELLIHR_ACCESS, IHR, () => 200);
		await expect(result).resolves.toEqual({ accessCheckedAt: expect.any(String) });
		expect(asked.map((o) => o.url)).toEqual([
			'https://api.intellihr.io/v1/people',
			...INTELLIHR_ACCESS.probes.map((p) => `https://api.intellihr.io/v1${p.path}`),
		]);
		for (const o of asked) {
			expect(o.headers).toMatchObject({ Authorization: 'Bearer k-1', tenant: 'acme' });
			expect(o.disableFollowRedirect).toBe(true);
			expect(o.qs).toEqual({ limit: 1 });
		}
	});

	test('every 403 is named in one message; other probes still run', async () => {
		const { result, asked } = await runCheck(INTELLIHR_ACCESS, IHR, (url) =>
			/business-units|\/jobs/.test(url) ? 403 : 200,
		);
		await expect(result).rejects.toThrow(
			"IntelliHR accepted the API key, but it may not: read Business Units (needed by the Send Hired operation's Business Units list); read Jobs (needed by the Send Hired operation's check for an existing job). Ask an IntelliHR administrator",
		);
		expect(asked).toHaveLength(1 + INTELLIHR_ACCESS.probes.length);
	});

	test.each([
		['a refused key (401)', 401],
		['a wrong tenant (403 on the test request itself)', 403],
		['an outage (503)', 503],
	])(
		'%s on the base request: nothing thrown, nothing stored, no more probes (the rules speak)',
		async (_name, status) => {
			const { result, asked } = await runCheck(INTELLIHR_ACCESS, IHR, () => status);
			await expect(result).resolves.toEqual({});
			expect(asked).toHaveLength(1);
		},
	);

	test('a probe that cannot be answered (network error, 5xx) stops without a verdict', async () => {
		const down = await runCheck(STARDEX_ACCESS, { apiKey: 'k' }, (url) =>
			url.includes('persons') ? new Error('ECONNRESET') : 200,
		);
		await expect(down.result).resolves.toEqual({});
		const busy = await runCheck(STARDEX_ACCESS, { apiKey: 'k' }, (url) =>
			url.includes('persons') ? 502 : 200,
		);
		await expect(busy.result).resolves.toEqual({});
	});

	test('Pinpoint: a 404 for the impossible application proves read access; the query is the trigger’s', async () => {
		const creds = { subdomain: 'acme', apiKey: 'pp' };
		const { result, asked } = await runCheck(PINPOINT_ACCESS, creds, (url) =>
			url.includes('/applications/') ? 404 : 200,
		);
		await expect(result).resolves.toMatchObject({ accessCheckedAt: expect.any(String) });
		expect(asked[1]).toMatchObject({
			url: 'https://acme.pinpointhq.com/api/v1/applications/0',
			qs: { 'filter[job_visibility]': 'confidential', 'extra_fields[applications]': 'attachments' },
			headers: { 'X-API-KEY': 'pp' },
		});
	});

	test('a bad field is refused before anything is sent', async () => {
		const { result, asked } = await runCheck(
			STARDEX_ACCESS,
			{ apiKey: 'k', apiBaseUrl: 'http://169.254.169.254' },
			() => 200,
		);
		await expect(result).rejects.toThrow('Stardex credential: API Base URL');
		expect(asked).toHaveLength(0);
	});

	test('the stored field is never empty, so n8n runs the check on Test presses and after a 401 only', () => {
		expect(ACCESS_CHECK_FIELD).toMatchObject({ type: 'hidden', typeOptions: { expirable: true } });
		expect(ACCESS_CHECK_FIELD.default).not.toBe('');
		expect(accessProblem(STARDEX_ACCESS, STARDEX_ACCESS.probes)).toBe(
			'Stardex accepted the API key, but it may not: search persons (needed by the candidate lookup before every create, and If Candidate Exists). Ask a Stardex admin for a key with access to jobs and persons.',
		);
	});

	test("IntelliHR: the probes cover every required dropdown of Send Hired (and nothing it doesn't use)", () => {
		const required = sendHiredProperties
			.filter((p) => p.required && p.typeOptions?.loadOptionsMethod)
			.map((p) => String(p.typeOptions!.loadOptionsMethod));
		const pathOf = (method: string) =>
			Object.values(LOOKUP_LISTS).find((l) => `get${l.label.replace(/ /g, '')}` === method)?.path;
		const probed = INTELLIHR_ACCESS.probes.map((p) => p.path);
		expect(required.length).toBeGreaterThanOrEqual(5);
		for (const method of required) expect(probed).toContain(pathOf(method));
	});
});

describe('the Test button against the sandboxes', () => {
	let ihr: Awaited<ReturnType<typeof startIntelliHrSandbox>>;
	let sdx: Awaited<ReturnType<typeof startStardexSandbox>>;
	let pp: Awaited<ReturnType<typeof startPinpointSandbox>>;
	beforeAll(async () => {
		[ihr, sdx, pp] = await Promise.all([
			startIntelliHrSandbox(),
			startStardexSandbox({ jobs: 1 }),
			startPinpointSandbox(),
		]);
	});
	afterAll(async () => Promise.all([ihr.close(), sdx.close(), pp.close()]));

	test('IntelliHR: a full key passes; a key without the lookups fails naming each one', async () => {
		expect(await pressTest('intelliHrApi', ihr.credentials)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		ihr.setDeniedPaths(['/work-classes', '/locations']);
		try {
			const res = await pressTest('intelliHrApi', ihr.credentials);
			expect(res.status).toBe('Error');
			expect(res.message).toContain('IntelliHR accepted the API key, but it may not:');
			expect(res.message).toContain(
				"read Work Classes (needed by the Send Hired operation's Work Classes list)",
			);
			expect(res.message).toContain(
				"read Locations (needed by the Send Hired operation's Locations list)",
			);
			expect(res.message).not.toContain('Business Units');
		} finally {
			ihr.setDeniedPaths([]);
		}
	});

	test('IntelliHR: a wrong key or tenant still gets the test request’s own message', async () => {
		const bad = await pressTest('intelliHrApi', { ...ihr.credentials, apiKey: 'wrong' });
		expect(bad.message).toContain('IntelliHR did not accept the API key');
		const tenant = await pressTest('intelliHrApi', { ...ihr.credentials, subdomain: 'other' });
		expect(tenant.message).toContain('Check that the Company Subdomain');
	});

	test('Stardex: a full key passes; a jobs-only key fails naming the person search', async () => {
		expect((await pressTest('stardexApi', sdx.credentials)).status).toBe('OK');
		const res = await pressTest('stardexApi', sdx.jobsOnlyCredentials);
		expect(res).toEqual({
			status: 'Error',
			message: expect.stringContaining(
				'Stardex accepted the API key, but it may not: search persons (needed by the candidate lookup',
			),
		});
		const bad = await pressTest('stardexApi', { ...sdx.credentials, apiKey: 'nope' });
		expect(bad.message).toContain('Stardex did not accept the API key');
	});

	test('Pinpoint: a full key passes; a jobs-only key fails naming Applications', async () => {
		expect((await pressTest('pinpointApi', pp.credentials)).status).toBe('OK');
		const res = await pressTest('pinpointApi', {
			...pp.credentials,
			apiKey: 'sandbox-jobs-only-key',
		});
		expect(res.status).toBe('Error');
		expect(res.message).toBe(
			'Pinpoint accepted the API key, but it may not: read Applications (needed by the Pinpoint Trigger, which reads the application of every event). Give the key Read permission for Applications (Settings › API & Webhooks › API Keys).',
		);
		const bad = await pressTest('pinpointApi', { ...pp.credentials, apiKey: 'nope' });
		expect(bad.message).toContain('Pinpoint did not accept the API key');
	});
});
