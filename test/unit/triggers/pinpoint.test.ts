import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { PinpointApi } from '../../../credentials/PinpointApi.credentials';
import { parseCandidate } from '../../../nodes/shared/candidate/normalize';
import { candidateOf, ENVELOPE_KEYS } from '../../../nodes/shared/candidate/item';
import { CANDIDATE_KEYS } from '../../../nodes/shared/candidate/schema';
import type { Outcome } from '../../../nodes/shared/trigger/answer';
import { pinpointItem } from '../../../nodes/PinpointTrigger/adapter';
import { canonicalEvent, isSelected } from '../../../nodes/PinpointTrigger/events';
import { handlePinpointDelivery } from '../../../nodes/PinpointTrigger/handler';
import { readDocument } from '../../../nodes/PinpointTrigger/jsonApi';
import type { PinpointSettings } from '../../../nodes/PinpointTrigger/settings';
import type { Fetched } from '../../../nodes/PinpointTrigger/transport';
import { pinpointBaseUrl } from '../../../nodes/shared/origins';

/** Pinpoint Trigger without n8n: signature, events, redeliveries, enrichment and the output item. */

const SECRET = 'pp-signing-secret-2b7e151628aed2a6';
const DIR = path.join(__dirname, '../../fixtures/pinpoint');
const raw = (name: string) => fs.readFileSync(path.join(DIR, `${name}.json`));
const json = (name: string) => JSON.parse(raw(name).toString('utf8'));
const sign = (body: Buffer | string, secret = SECRET) =>
	createHmac('sha256', secret).update(body).digest('base64');
const NOW = '2026-11-20T09:15:03.000Z';
const settings: PinpointSettings = {
	signingSecret: SECRET,
	events: ['application_hired'],
	onFetchFailure: 'emit',
};
const fetchedJsonApi: Fetched = { application: readDocument(json('api.application.jsonapi')) };

async function deliver(
	rawBody: Buffer,
	headers: Record<string, string>,
	opts: { s?: PinpointSettings; seen?: string[]; fetch?: (id: string) => Promise<Fetched> } = {},
): Promise<Outcome> {
	const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
	return await handlePinpointDelivery(
		{ rawBody, headers: lower },
		opts.s ?? settings,
		opts.seen ?? [],
		NOW,
		opts.fetch,
	);
}
const items = (o: Outcome) => (o.status === 200 ? o.items : []);
const signed = (body: Buffer, secret = SECRET) => ({ 'PINPOINT-HMAC-SHA256': sign(body, secret) });

describe('Pinpoint signature (PINPOINT-HMAC-SHA256 = base64 HMAC-SHA256 of the raw body)', () => {
	const body = raw('webhook.application_hired');

	test('valid → one item', async () => {
		expect(items(await deliver(body, signed(body)))).toHaveLength(1);
	});

	test.each([
		['missing', () => ({})],
		['empty', () => ({ 'PINPOINT-HMAC-SHA256': '' })],
		['wrong secret', () => signed(body, 'another-secret')],
		[
			'hex instead of base64',
			() => ({ 'PINPOINT-HMAC-SHA256': createHmac('sha256', SECRET).update(body).digest('hex') }),
		],
		[
			'wrong algorithm (sha1)',
			() => ({ 'PINPOINT-HMAC-SHA256': createHmac('sha1', SECRET).update(body).digest('base64') }),
		],
		[
			'wrong algorithm (sha512)',
			() => ({
				'PINPOINT-HMAC-SHA256': createHmac('sha512', SECRET).update(body).digest('base64'),
			}),
		],
		['prefixed "sha256="', () => ({ 'PINPOINT-HMAC-SHA256': `sha256=${sign(body)}` })],
		['in another header', () => ({ 'X-Signature': sign(body) })],
	])('%s → 401, nothing starts, nothing is fetched', async (_name, headers) => {
		const fetch = jest.fn();
		const o = await deliver(body, headers(), { fetch });
		expect(o.status).toBe(401);
		expect(fetch).not.toHaveBeenCalled();
	});

	test('the same JSON with other whitespace does not match', async () => {
		const pretty = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8')), null, 2));
		expect((await deliver(pretty, signed(body))).status).toBe(401);
		expect(items(await deliver(pretty, signed(pretty)))).toHaveLength(1);
	});

	test('no signing secret in the credential → 401 that says so', async () => {
		expect(
			await deliver(body, signed(body, ''), { s: { ...settings, signingSecret: '' } }),
		).toMatchObject({ status: 401, message: expect.stringContaining('Webhook Signing Secret') });
	});

	test('signed but not JSON → 400; signed JSON without event → 400', async () => {
		const junk = Buffer.from('{oops');
		expect((await deliver(junk, signed(junk))).status).toBe(400);
		const noEvent = Buffer.from('{"data":{}}');
		expect((await deliver(noEvent, signed(noEvent))).status).toBe(400);
	});
});

describe('events', () => {
	test('documented slug, likely stage-change spellings, Any Event, and names typed by the user', () => {
		expect(canonicalEvent('application_hired')).toBe('application_hired');
		expect(canonicalEvent('Application.Hired')).toBe('application_hired');
		expect(canonicalEvent('applicationStageChanged')).toBe('application_moved');
		expect(canonicalEvent('application-moved')).toBe('application_moved');
		expect(isSelected(['application_moved'], 'application_stage_changed')).toBe(true);
		expect(isSelected(['application_moved'], 'application_hired')).toBe(false);
		expect(isSelected(['*'], 'whatever_new_event')).toBe(true);
		expect(isSelected(['application_hired', 'Application Rejected'], 'application_rejected')).toBe(
			true,
		);
		expect(isSelected(['application_hired'], undefined)).toBe(false);
	});

	test('a signed event that is not selected → 200 without items and without an API call', async () => {
		const body = raw('webhook.application_moved');
		const fetch = jest.fn();
		expect(await deliver(body, signed(body), { fetch })).toMatchObject({ status: 200, items: [] });
		expect(fetch).not.toHaveBeenCalled();
	});

	test.each(['webhook.application_moved', 'webhook.application_stage_changed'])(
		'%s matches "Application Moved to Another Stage"',
		async (name) => {
			const body = raw(name);
			const [item] = items(
				await deliver(body, signed(body), {
					s: { ...settings, events: ['application_moved'] },
					fetch: async () => fetchedJsonApi,
				}),
			);
			expect(item).toMatchObject({
				event: 'application_moved',
				toolEvent: json(name).event,
				stage: { id: '505', name: 'Hired' },
			});
		},
	);
});

describe('redeliveries', () => {
	test('the same event for the same application at the same time starts the workflow once', async () => {
		const body = raw('webhook.application_hired');
		const first = await deliver(body, signed(body));
		expect(items(first)).toHaveLength(1);
		const seen = first.status === 200 ? (first.seen ?? []) : [];
		expect(seen).toEqual(['pinpoint:application_hired:1234567:2026-11-20T09:15:02.123Z']);
		expect(await deliver(body, signed(body), { seen })).toMatchObject({ status: 200, items: [] });
		// Re-serialized by Pinpoint on retry (other bytes, same event): still the same delivery.
		const pretty = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8')), null, 1));
		expect(items(await deliver(pretty, signed(pretty), { seen }))).toHaveLength(0);
		// A later event for the same application is new.
		const later = Buffer.from(
			JSON.stringify({ ...JSON.parse(body.toString('utf8')), triggeredAt: '2026-11-21T10:00:00Z' }),
		);
		expect(items(await deliver(later, signed(later), { seen }))).toHaveLength(1);
	});

	test('a failed read answered with 503 ("Ask Pinpoint to Retry") is not remembered, so the retry runs', async () => {
		const body = raw('webhook.application_hired');
		const s = { ...settings, onFetchFailure: 'retry' as const };
		const failing = await deliver(body, signed(body), {
			s,
			fetch: async () =>
				Promise.reject(new Error('Pinpoint answered GET /applications/1234567 with HTTP 500')),
		});
		expect(failing).toMatchObject({
			status: 503,
			message: expect.stringContaining('Pinpoint will redeliver'),
		});
		expect(
			items(await deliver(body, signed(body), { s, fetch: async () => fetchedJsonApi })),
		).toHaveLength(1);
	});
});

describe('enrichment and the output item', () => {
	const body = raw('webhook.application_hired');

	test('JSON:API application with included candidate, job, stage and offer → everything IntelliHR needs', async () => {
		const fetch = jest.fn(async () => fetchedJsonApi);
		const [item] = items(await deliver(body, signed(body), { fetch }));
		expect(fetch).toHaveBeenCalledWith('1234567');
		expect(item).toMatchObject({
			fullName: 'Ada Lovelace',
			firstName: 'Ada',
			lastName: 'Lovelace',
			emails: [{ value: 'ada.lovelace@example.com', type: 'personal' }],
			phones: [{ value: '+44 20 7946 0958', type: 'mobile' }],
			linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace',
			location: { city: 'London', country: 'United Kingdom' },
			source: 'pinpoint: Senior Backend Engineer',
			extra: {
				pinpointCandidateId: '9001',
				resumeUrl: 'https://files.example.com/cv/1234567.pdf',
				resumeFilename: 'Ada_Lovelace_CV.pdf',
			},
			event: 'application_hired',
			toolEvent: 'application_hired',
			eventId: 'pinpoint:application_hired:1234567:2026-11-20T09:15:02.123Z',
			occurredAt: '2026-11-20T09:15:02.123Z',
			receivedAt: NOW,
			candidateId: '9001',
			applicationId: '1234567',
			application: { id: '1234567', status: 'hired', stage: { id: '505', name: 'Hired' } },
			job: { id: '101', name: 'Senior Backend Engineer' },
			stage: { id: '505', name: 'Hired' },
			offer: { id: '7001', status: 'accepted', startDate: '2026-12-01' },
			startDate: '2026-12-01',
			positionTitle: 'Senior Backend Engineer',
			enrichment: { ok: true, fetched: ['application'] },
			raw: json('webhook.application_hired'),
		});
		for (const key of Object.keys(item)) {
			if (!(CANDIDATE_KEYS as string[]).includes(key)) expect(ENVELOPE_KEYS).toContain(key);
		}
		const forExport = candidateOf(item);
		expect(parseCandidate(forExport).ok).toBe(true);
	});

	test('plain (non JSON:API) answers give the same item', () => {
		const ctx = { eventId: 'e', receivedAt: NOW };
		const a = pinpointItem(
			json('webhook.application_hired'),
			{ application: readDocument(json('api.application.jsonapi')) },
			ctx,
		);
		const b = pinpointItem(
			json('webhook.application_hired'),
			{ application: readDocument(json('api.application.flat')) },
			ctx,
		);
		const pick = (i: IDataObject) => ({
			name: i.fullName,
			emails: i.emails,
			job: i.job,
			stage: i.stage,
			startDate: i.startDate,
			candidateId: i.candidateId,
			applicationId: i.applicationId,
		});
		expect(pick(b)).toEqual(pick(a));
	});

	test('an application without contact details uses the candidate read separately', () => {
		const item = pinpointItem(
			json('webhook.application_hired'),
			{
				application: readDocument(json('api.application.bare.jsonapi')),
				candidate: readDocument(json('api.candidate.jsonapi')),
			},
			{ eventId: 'e', receivedAt: NOW },
		);
		expect(item).toMatchObject({
			fullName: 'Ada Lovelace',
			emails: [{ value: 'ada.lovelace@example.com' }],
			tags: ['Referral'],
			candidateId: '9001',
			application: { status: 'active' },
		});
		expect(item).not.toHaveProperty('job');
	});

	test('when the read fails the event still starts the workflow, saying why, with no secret in the message', async () => {
		const fetch = async () =>
			Promise.reject(
				new Error('Pinpoint answered GET /applications/1234567 with HTTP 401: Unauthorized'),
			);
		const [item] = items(await deliver(body, signed(body), { fetch }));
		expect(item).toMatchObject({
			event: 'application_hired',
			applicationId: '1234567',
			application: { id: '1234567', status: 'hired' },
			enrichment: { ok: false, error: expect.stringContaining('HTTP 401') },
		});
		expect(item).not.toHaveProperty('fullName');
		expect(JSON.stringify(item)).not.toContain(SECRET);
	});

	test('Fetch Application Details off → the thin event only, no enrichment key', async () => {
		const [item] = items(await deliver(body, signed(body)));
		expect(item).toMatchObject({ event: 'application_hired', applicationId: '1234567' });
		expect(item).not.toHaveProperty('enrichment');
	});
});

describe('Pinpoint credential: base URL and host pinning', () => {
	const cred = new PinpointApi();
	const auth = async (c: IDataObject, o: Partial<IHttpRequestOptions> & { uri?: string }) =>
		await cred.authenticate(c as never, { method: 'GET', ...o } as IHttpRequestOptions);

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

	test('authenticate adds X-API-KEY for the Pinpoint origin and pins relative URLs to it', async () => {
		const c = { subdomain: 'acme', apiKey: 'k-123' };
		const abs = await auth(c, { url: 'https://acme.pinpointhq.com/api/v1/jobs' });
		expect(abs.headers).toMatchObject({ 'X-API-KEY': 'k-123' });
		expect(abs.sendCredentialsOnCrossOriginRedirect).toBe(false);
		const rel = await auth(c, { url: '/jobs' });
		expect(rel.baseURL).toBe('https://acme.pinpointhq.com/api/v1');
		// A relative URL under someone else's base is refused, not silently re-pointed.
		await expect(auth(c, { url: '/jobs', baseURL: 'https://evil.com' })).rejects.toThrow(
			/refusing to send the API key to https:\/\/evil.com/,
		);
	});

	test.each([
		'https://evil.com/api/v1/jobs',
		'//evil.com/jobs',
		'https://acme.pinpointhq.com.evil.com/x',
		'http://acme.pinpointhq.com/api/v1/jobs',
	])('authenticate refuses to send the key to %s (also for the HTTP Request node)', async (url) => {
		await expect(auth({ subdomain: 'acme', apiKey: 'k-123' }, { url })).rejects.toThrow(
			/Pinpoint credential: refusing to send the API key to/,
		);
		await expect(auth({ subdomain: 'acme', apiKey: 'k-123' }, { uri: url })).rejects.toThrow(
			/refusing to send the API key/,
		);
	});

	test('an invalid subdomain fails before anything is sent', async () => {
		await expect(auth({ subdomain: 'evil.com', apiKey: 'k' }, { url: '/jobs' })).rejects.toThrow(
			/Subdomain/,
		);
	});
});

test('a link that is not a LinkedIn profile is left out and reported, the candidate is kept', () => {
	const app = json('api.application.jsonapi');
	app.data.attributes.linkedin_url = 'https://twitter.com/ada';
	const item = pinpointItem(
		json('webhook.application_hired'),
		{ application: readDocument(app) },
		{ eventId: 'e', receivedAt: NOW },
	);
	expect(item).toMatchObject({
		fullName: 'Ada Lovelace',
		candidateErrors: ['linkedin "https://twitter.com/ada" left out: not a LinkedIn profile URL'],
	});
	expect(item).not.toHaveProperty('linkedinUrl');
});
