import { createHmac } from 'node:crypto';

import {
	SECRET,
	raw,
	json,
	sign,
	settings,
	fetchedJsonApi,
	deliver,
	items,
	signed,
} from './deliver';

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

describe('dedupe that survives re-serialization', () => {
	const s = { ...settings, events: ['*'] };
	const send = async (body: unknown, seen: string[] = []) => {
		const rawBody = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
		return await deliver(rawBody, signed(rawBody), { s, seen });
	};
	const idOf = async (body: unknown) => items(await send(body))[0]?.eventId as string;

	test('without triggeredAt, a redelivery with other spacing and key order is already received', async () => {
		const first = '{"event":"application_hired","data":{"application":{"id":"1234567"}}}';
		const again =
			'{ "data": { "application": { "id": "1234567" } },\n  "event": "application_hired" }';
		const id = await idOf(first);
		expect(id).toMatch(/^pinpoint:sha256:/);
		const outcome = await send(again, [id]);
		expect(outcome.status).toBe(200);
		expect(items(outcome)).toHaveLength(0);
	});

	test('Unix seconds as text, as a number and as ISO 8601 are one key, and occurredAt is ISO', async () => {
		const base = { event: 'application_hired', data: { application: { id: '1234567' } } };
		const asText = await send({ ...base, triggeredAt: '1732093502' });
		expect(items(asText)[0].occurredAt).toBe('2024-11-20T09:05:02.000Z');
		const id = items(asText)[0].eventId as string;
		expect(await idOf({ ...base, triggeredAt: 1732093502 })).toBe(id);
		expect(await idOf({ ...base, triggeredAt: '2024-11-20T09:05:02.000Z' })).toBe(id);
		expect(await idOf({ ...base, triggeredAt: '1732093503' })).not.toBe(id);
	});
});
