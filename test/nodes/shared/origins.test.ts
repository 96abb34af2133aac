import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import {
	authenticateIntelliHr,
	checkedOverride,
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
		expect(checkedOverride('http://127.0.0.1:4010/lemlist/api/', LEMLIST_API_BASE)).toBe(
			'http://127.0.0.1:4010/lemlist/api',
		);
		expect(checkedOverride('http://localhost:9/x', OUTREACH_IO_API_BASE)).toBe(
			'http://localhost:9/x',
		);
		expect(checkedOverride('https://api.lemlist.com/api', LEMLIST_API_BASE)).toBe(
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
			expect(() => checkedOverride(bad, LEMLIST_API_BASE)).toThrow(
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
		expect(pinpointBaseUrl({ subdomain: 'acme', baseUrlOverride })).toBe(url),
	);

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
		expect(() => pinpointBaseUrl({ subdomain: 'acme', baseUrlOverride })).toThrow(/API Base URL/),
	);
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
