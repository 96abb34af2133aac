import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { GreenhouseHarvestApi } from '../../../credentials/GreenhouseHarvestApi.credentials';
import { InstantlyApi } from '../../../credentials/InstantlyApi.credentials';
import { SmartleadApi } from '../../../credentials/SmartleadApi.credentials';
import { HeyReachApi } from '../../../credentials/HeyReachApi.credentials';
import { IntelliHrApi } from '../../../credentials/IntelliHrApi.credentials';
import { LemlistLeadsApi } from '../../../credentials/LemlistLeadsApi.credentials';
import { PinpointApi } from '../../../credentials/PinpointApi.credentials';
import { StardexApi } from '../../../credentials/StardexApi.credentials';
import {
	authenticateIntelliHr,
	checkedOverride,
	greenhouseTokenRequest,
	greenhouseTokenExpiry,
	LEMLIST_API_BASE,
	OUTREACH_IO_API_BASE,
	pinpointBaseUrl,
} from '../../../nodes/shared/origins';

/** Where each API lives and who may receive its key: the checks credentials run before any request. */

const GOOD: ICredentialDataDecryptedObject = {
	apiKey: 'ihr-key-0123456789abcdef',
	subdomain: 'acme',
	apiBaseUrl: 'https://api.intellihr.io/v1',
};

describe('authenticate: headers, and the key only ever goes to the API host', () => {
	const auth = (o: Partial<IHttpRequestOptions>, c = GOOD) =>
		authenticateIntelliHr(c, { method: 'GET', ...o } as IHttpRequestOptions);

	test('adds Authorization and tenant, keeping other headers', () => {
		expect(
			auth({ url: 'https://api.intellihr.io/v1/people', headers: { accept: 'application/json' } })
				.headers,
		).toEqual({
			accept: 'application/json',
			Authorization: 'Bearer ihr-key-0123456789abcdef',
			tenant: 'acme',
		});
		expect(
			auth(
				{ url: 'https://api.intellihr.io/v1/people' },
				{ ...GOOD, apiKey: '  ihr-key-0123456789abcdef\n' },
			).headers,
		).toMatchObject({ Authorization: 'Bearer ihr-key-0123456789abcdef' });
	});

	test.each([
		[{ url: 'https://evil.com/v1/people' }],
		[{ url: 'http://api.intellihr.io/v1/people' }],
		[{ url: 'https://api.intellihr.io.evil.com/v1/people' }],
		[{ url: 'https://api.intellihr.io:8443/v1/people' }],
		[{ baseURL: 'https://api.intellihr.io/v1', url: '//evil.com/people' }],
		[{ baseURL: 'https://evil.com', url: '/people' }],
	])('refuses %j', (o) => {
		expect(() => auth(o)).toThrow(
			/^IntelliHR credential: refusing to send the API key to .+; it is only sent to https:\/\/api\.intellihr\.io$/,
		);
	});

	test('a key with spaces inside or non-ASCII characters is refused', () => {
		expect(() =>
			auth({ url: 'https://api.intellihr.io/v1/people' }, { ...GOOD, apiKey: 'abc def' }),
		).toThrow('API Key contains spaces');
		expect(() =>
			auth({ url: 'https://api.intellihr.io/v1/people' }, { ...GOOD, apiKey: 'abc\u00e9' }),
		).toThrow('API Key contains spaces');
	});

	test('the sandbox base URL override moves the allowed host with it, not the tenant', () => {
		const sandbox = {
			...GOOD,
			apiBaseUrl: 'http://127.0.0.1:4010/v1',
			allowLoopbackBaseUrl: true,
			subdomain: 'acme.intellihr.net',
		};
		expect(auth({ url: 'http://127.0.0.1:4010/v1/people' }, sandbox).headers).toMatchObject({
			tenant: 'acme',
		});
		expect(() => auth({ url: 'https://api.intellihr.io/v1/people' }, sandbox)).toThrow(
			'refusing to send the API key to https://api.intellihr.io',
		);
	});
});

describe('credentials', () => {
	test('the testing base URL may name only this machine or the real API host', () => {
		expect(checkedOverride('http://127.0.0.1:4010/lemlist/api/', LEMLIST_API_BASE, true)).toBe(
			'http://127.0.0.1:4010/lemlist/api',
		);
		expect(checkedOverride('http://localhost:9/x', OUTREACH_IO_API_BASE, true)).toBe(
			'http://localhost:9/x',
		);
		expect(() => checkedOverride('http://localhost:9/x', OUTREACH_IO_API_BASE, false)).toThrow(
			'turn on "Testing Only: Allow Loopback Base URL"',
		);
		expect(checkedOverride('https://api.lemlist.com/api', LEMLIST_API_BASE, false)).toBe(
			'https://api.lemlist.com/api',
		);
		for (const bad of [
			'http://api.lemlist.com/api',
			'https://api.lemlist.com:8443/api',
			'https://lemlist.com.evil.example/api',
			'https://user:pw@localhost/api',
			'http://localhost/api?x=1',
			'not a url',
			'ftp://localhost/api',
		]) {
			expect(() => checkedOverride(bad, LEMLIST_API_BASE, true)).toThrow(
				/^API Base URL \(Testing Only\) /,
			);
		}
	});
});

describe('Pinpoint credential: base URL and host pinning', () => {
	test.each([
		['acme', 'https://acme.pinpointhq.com/api/v1'],
		['acme.pinpointhq.com', 'https://acme.pinpointhq.com/api/v1'],
		['https://acme.pinpointhq.com/admin/jobs?x=1', 'https://acme.pinpointhq.com/api/v1'],
		['ACME', 'https://acme.pinpointhq.com/api/v1'],
	])('subdomain %j → %s', (subdomain, url) => expect(pinpointBaseUrl({ subdomain })).toBe(url));

	test.each([
		'evil.com',
		'acme.pinpointhq.com.evil.com',
		'https://evil.com/?acme.pinpointhq.com',
		'acme@evil.com',
		'acme.evil',
		'a.b.pinpointhq.com',
		'',
		'acme:443',
		'https://acme.pinpointhq.com@evil.com',
	])('subdomain %j is refused', (subdomain) =>
		expect(() => pinpointBaseUrl({ subdomain })).toThrow(/Subdomain/),
	);

	test.each([
		['http://127.0.0.1:4010/api/v1/', 'http://127.0.0.1:4010/api/v1'],
		['http://localhost:4010/api/v1', 'http://localhost:4010/api/v1'],
		[
			'https://developers-test.pinpointhq.com/api/v1',
			'https://developers-test.pinpointhq.com/api/v1',
		],
	])('testing override %s is allowed', (baseUrlOverride, url) =>
		expect(
			pinpointBaseUrl({ subdomain: 'acme', baseUrlOverride, allowLoopbackBaseUrl: true }),
		).toBe(url),
	);

	test('a loopback override without the testing toggle is refused', () => {
		expect(() =>
			pinpointBaseUrl({ subdomain: 'acme', baseUrlOverride: 'http://127.0.0.1:4010/api/v1' }),
		).toThrow('turn on "Testing Only: Allow Loopback Base URL"');
		expect(() =>
			pinpointBaseUrl({
				subdomain: 'acme',
				baseUrlOverride: 'http://127.0.0.1:4010/api/v1',
				allowLoopbackBaseUrl: 'true',
			}),
		).toThrow('turn on "Testing Only: Allow Loopback Base URL"');
	});

	test.each([
		'https://evil.com/api/v1',
		'http://acme.pinpointhq.com/api/v1',
		'https://user:pw@127.0.0.1/api/v1',
		'http://10.0.0.5/api/v1',
		'https://acme.pinpointhq.com:8443/api/v1',
		'ftp://127.0.0.1/',
		'http://127.0.0.1/api/v1?x=1',
		'not a url',
	])('testing override %s is refused', (baseUrlOverride) =>
		expect(() =>
			pinpointBaseUrl({ subdomain: 'acme', baseUrlOverride, allowLoopbackBaseUrl: true }),
		).toThrow(/API Base URL/),
	);
});

describe("every credential's key goes only to its vendor's hosts", () => {
	type Setup = {
		cred: { authenticate: unknown };
		base: Record<string, unknown>;
		field: string;
		host: string;
		secret: string;
	};
	const setups: Record<string, Setup> = {
		Greenhouse: {
			cred: new GreenhouseHarvestApi(),
			base: { clientId: 'cid', clientSecret: 'cs-0123456789', accessToken: 'tok-0123456789' },
			field: 'apiBaseUrl',
			host: 'harvest.greenhouse.io',
			secret: 'tok-0123456789',
		},
		Stardex: {
			cred: new StardexApi(),
			base: { apiKey: 'sdx-0123456789' },
			field: 'apiBaseUrl',
			host: 'api.stardex.ai',
			secret: 'sdx-0123456789',
		},
		IntelliHR: {
			cred: new IntelliHrApi(),
			base: { apiKey: 'ihr-0123456789', subdomain: 'acme' },
			field: 'apiBaseUrl',
			host: 'api.intellihr.io',
			secret: 'ihr-0123456789',
		},
		Pinpoint: {
			cred: new PinpointApi(),
			base: { apiKey: 'pp-0123456789', subdomain: 'acme' },
			field: 'baseUrlOverride',
			host: 'acme.pinpointhq.com',
			secret: 'pp-0123456789',
		},
		lemlist: {
			cred: new LemlistLeadsApi(),
			base: { apiKey: 'lem-0123456789' },
			field: 'baseUrlOverride',
			host: 'api.lemlist.com',
			secret: 'lem-0123456789',
		},
		Instantly: {
			cred: new InstantlyApi(),
			base: { apiKey: 'ins-0123456789' },
			field: 'baseUrlOverride',
			host: 'api.instantly.ai',
			secret: 'ins-0123456789',
		},
		// Smartlead's key travels in the query string: no message may show it either.
		Smartlead: {
			cred: new SmartleadApi(),
			base: { apiKey: 'sl-0123456789' },
			field: 'baseUrlOverride',
			host: 'server.smartlead.ai',
			secret: 'sl-0123456789',
		},
		HeyReach: {
			cred: new HeyReachApi(),
			base: { apiKey: 'hr-0123456789' },
			field: 'baseUrlOverride',
			host: 'api.heyreach.io',
			secret: 'hr-0123456789',
		},
	};
	const authenticate = async (s: Setup, creds: Record<string, unknown>, url = '/x') =>
		await (
			s.cred.authenticate as (c: unknown, o: IHttpRequestOptions) => Promise<IHttpRequestOptions>
		)(creds, { method: 'GET', url });

	const hostile = (host: string) => [
		'http://169.254.169.254/latest',
		'https://169.254.169.254',
		'https://10.0.0.5',
		'https://[fd00::1]',
		'https://[::ffff:7f00:1]',
		'file:///etc/passwd',
		`https://user:pass@${host}`,
		`https://${host}.evil.example`,
		`https://${host}:8443`,
		`http://${host}`,
		`ftp://${host}`,
		'http://127.0.0.1:4010',
		'http://localhost:4010',
		'http://[::1]:4010',
		'https://localhost.evil.example',
		'https://evil.example',
		`https://${host}/?x=1`,
		'not a url',
	];

	for (const [system, s] of Object.entries(setups)) {
		test(`${system}: hostile base URLs are refused, and the key is in no message`, async () => {
			for (const value of hostile(s.host)) {
				const outcome = await authenticate(s, { ...s.base, [s.field]: value }).then(
					(o) => ({ sent: JSON.stringify(o) }),
					(e: Error) => ({ error: e.message }),
				);
				expect({ value, refused: 'error' in outcome }).toEqual({ value, refused: true });
				expect(JSON.stringify(outcome)).not.toContain(s.secret);
			}
		});

		test(`${system}: the vendor host, and loopback only with the testing toggle`, async () => {
			const official = await authenticate(s, { ...s.base, [s.field]: `https://${s.host}/api` });
			expect(official).toMatchObject({
				baseURL: `https://${s.host}/api`,
				disableFollowRedirect: true,
				sendCredentialsOnCrossOriginRedirect: false,
				allowedDomains: s.host,
			});
			const sandbox = { ...s.base, [s.field]: 'http://127.0.0.1:4010/api' };
			await expect(authenticate(s, sandbox)).rejects.toThrow('Allow Loopback Base URL');
			await expect(
				authenticate(s, { ...sandbox, allowLoopbackBaseUrl: true }),
			).resolves.toMatchObject({ baseURL: 'http://127.0.0.1:4010/api' });
			await expect(
				authenticate(
					s,
					{ ...s.base, [s.field]: `https://${s.host}/api` },
					'https://evil.example/x',
				),
			).rejects.toThrow('refusing to send the API key to https://evil.example');
		});

		test(`${system}: a whitespace-only key is refused with a clear message`, async () => {
			const keyField = system === 'Greenhouse' ? 'clientSecret' : 'apiKey';
			if (system === 'Greenhouse') {
				expect(() => greenhouseTokenRequest({ ...s.base, clientSecret: '   ' })).toThrow(
					'Client Secret contains only spaces',
				);
				return;
			}
			await expect(authenticate(s, { ...s.base, [keyField]: ' \t ' })).rejects.toThrow(
				/API Key contains only spaces/,
			);
		});
	}

	test('Greenhouse token URL: only *.greenhouse.io over https, loopback only with the toggle', () => {
		const creds = { clientId: 'cid', clientSecret: 'cs-0123456789' };
		const req = greenhouseTokenRequest({ ...creds, tokenUrl: '' });
		expect(req).toMatchObject({
			url: 'https://auth.greenhouse.io/token',
			disableFollowRedirect: true,
			allowedDomains: 'auth.greenhouse.io',
		});
		for (const tokenUrl of [
			...hostile('auth.greenhouse.io'),
			'https://greenhouse.io.evil.example',
		]) {
			expect(() => greenhouseTokenRequest({ ...creds, tokenUrl })).toThrow(
				/^Greenhouse credential: Token URL /,
			);
		}
		expect(
			greenhouseTokenRequest({
				...creds,
				tokenUrl: 'http://127.0.0.1:4010/token',
				allowLoopbackBaseUrl: true,
			}).url,
		).toBe('http://127.0.0.1:4010/token');
	});
});

describe('greenhouseTokenExpiry', () => {
	const now = Date.parse('2026-12-03T08:00:00Z');
	test.each([
		[{ expires_at: '2026-12-03T09:00:00Z' }, '2026-12-03T09:00:00.000Z'],
		[{ expires_in: 1800 }, '2026-12-03T08:30:00.000Z'],
		['{"expires_in": 600}', '2026-12-03T08:10:00.000Z'],
		[{ expires_at: 'soon', expires_in: 120 }, '2026-12-03T08:02:00.000Z'],
		[{ access_token: 'only' }, '2026-12-03T09:00:00.000Z'],
		[{ expires_in: -5 }, '2026-12-03T09:00:00.000Z'],
	])('%j → %s', (body, expected) => {
		expect(greenhouseTokenExpiry({ body }, now)).toBe(expected);
	});
});
