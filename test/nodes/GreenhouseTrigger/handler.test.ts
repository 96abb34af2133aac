import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { handleGreenhouseDelivery } from '../../../nodes/GreenhouseTrigger/handler';
import type { GreenhouseSettings } from '../../../nodes/GreenhouseTrigger/settings';
import type { Outcome } from '../../../nodes/shared/trigger/answer';

/** Signature, ping, event filter and redelivery rules of the Greenhouse Trigger, without n8n. */

const SECRET = 'gh-secret-7f3a9c1e5b2d4f60';
const DIR = path.join(__dirname, '../../fixtures/greenhouse-webhooks');
const raw = (action: string) => fs.readFileSync(path.join(DIR, `${action}.json`));
const sign = (body: Buffer | string, secret = SECRET, algorithm = 'sha256') =>
	createHmac(algorithm, secret).update(body).digest('hex');
const settings: GreenhouseSettings = {
	secretKey: SECRET,
	events: ['hire_candidate', 'candidate_stage_change'],
};
const NOW = '2026-11-24T10:00:00.000Z';

function deliver(
	rawBody: Buffer,
	headers: Record<string, string>,
	s: GreenhouseSettings = settings,
	seen: string[] = [],
): Outcome {
	const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
	return handleGreenhouseDelivery({ rawBody, headers: lower }, s, seen, NOW);
}
const items = (o: Outcome) => (o.status === 200 ? o.items : []);

describe('Greenhouse signature (Signature: sha256 <hex> over the raw body)', () => {
	const body = raw('hire_candidate');

	test('valid signature → one item', () => {
		const o = deliver(body, { Signature: `sha256 ${sign(body)}`, 'Greenhouse-Event-ID': 'evt-1' });
		expect(o.status).toBe(200);
		expect(items(o)).toHaveLength(1);
		expect(items(o)[0]).toMatchObject({
			event: 'hire_candidate',
			eventId: 'evt-1',
			receivedAt: NOW,
		});
	});

	test('upper-case hex is accepted (hex is case-insensitive)', () => {
		expect(items(deliver(body, { Signature: `sha256 ${sign(body).toUpperCase()}` }))).toHaveLength(
			1,
		);
	});

	test.each([
		['missing', {}],
		['empty', { Signature: '' }],
		['wrong secret', { Signature: `sha256 ${sign(body, 'other-secret')}` }],
		[
			'tampered digest',
			{ Signature: `sha256 ${sign(body).replace(/^./, (c) => (c === '0' ? '1' : '0'))}` },
		],
		[
			'wrong algorithm (sha1 digest, sha1 label)',
			{ Signature: `sha1 ${sign(body, SECRET, 'sha1')}` },
		],
		[
			'wrong algorithm (sha512 digest, sha256 label)',
			{ Signature: `sha256 ${sign(body, SECRET, 'sha512')}` },
		],
		['GitHub format "sha256=<hex>"', { Signature: `sha256=${sign(body)}` }],
		['digest only, no algorithm', { Signature: sign(body) }],
		[
			'base64 digest',
			{ Signature: `sha256 ${createHmac('sha256', SECRET).update(body).digest('base64')}` },
		],
	])('%s → 401, nothing starts', (_name, headers) => {
		const o = deliver(body, headers as Record<string, string>);
		expect(o.status).toBe(401);
		expect(items(o)).toHaveLength(0);
	});

	test('the same JSON re-serialized (other whitespace, unescaped \\u003c) no longer matches', () => {
		const original = raw('new_candidate_application');
		const s = { ...settings, events: ['*'] };
		const header = { Signature: `sha256 ${sign(original)}` };
		expect(items(deliver(original, header, s))).toHaveLength(1);
		const compact = Buffer.from(JSON.stringify(JSON.parse(original.toString('utf8'))));
		expect(compact.toString()).toContain('<p>Directions');
		expect(deliver(compact, header, s).status).toBe(401);
		const pretty = Buffer.from(JSON.stringify(JSON.parse(original.toString('utf8')), null, 4));
		expect(deliver(pretty, header, s).status).toBe(401);
	});

	test('no secret in n8n → every signed event is refused with a message that says so', () => {
		const o = deliver(
			body,
			{ Signature: `sha256 ${sign(body, '')}` },
			{ ...settings, secretKey: '' },
		);
		expect(o).toMatchObject({ status: 401, message: expect.stringContaining('no Secret Key') });
	});

	test('a body that is not JSON: 400 when signed, 401 when not', () => {
		const junk = Buffer.from('not json');
		expect(deliver(junk, { Signature: `sha256 ${sign(junk)}` }).status).toBe(400);
		expect(deliver(junk, {}).status).toBe(401);
	});

	test('the error messages never contain the secret or the expected digest', () => {
		const o = deliver(body, { Signature: 'sha256 00' });
		expect(o.status).toBe(401);
		const message = (o as { message: string }).message;
		expect(message).not.toContain(SECRET);
		expect(message).not.toContain(sign(body));
	});
});

describe('Greenhouse ping (sent when a web hook is saved)', () => {
	const ping = raw('ping');

	test('unsigned ping → 200, nothing starts', () => {
		const o = deliver(ping, {});
		expect(o).toMatchObject({ status: 200, items: [] });
	});

	test('signed ping with the right key → 200, nothing starts', () => {
		expect(deliver(ping, { Signature: `sha256 ${sign(ping)}` })).toMatchObject({
			status: 200,
			items: [],
		});
	});

	test('signed ping with another key → 401, so Greenhouse shows the web hook disabled at once', () => {
		expect(deliver(ping, { Signature: `sha256 ${sign(ping, 'typo-secret')}` }).status).toBe(401);
	});

	test('a ping starts nothing even with Any Event selected, and is not remembered', () => {
		const o = deliver(ping, {}, { ...settings, events: ['*'] });
		expect(o).toMatchObject({ status: 200, items: [] });
		expect(o).not.toHaveProperty('seen');
	});

	test('an unsigned event is never let through as a "ping"', () => {
		const hire = JSON.parse(raw('hire_candidate').toString('utf8'));
		const cases = [
			{ ...hire }, // plain unsigned hire
			{ ...hire, payload: { ...hire.payload, action: 'ping' } }, // "ping" in the wrong place
			{ action: 'Ping', payload: hire.payload }, // case variant
			{ action: ['ping'], payload: hire.payload },
		];
		for (const c of cases) {
			const o = deliver(Buffer.from(JSON.stringify(c)), {}, { ...settings, events: ['*'] });
			expect(o.status).not.toBe(200);
		}
		// Duplicate keys: JSON.parse keeps the last one, so this is a hire, and it is refused unsigned.
		const dup = Buffer.from(
			`{"action":"ping","action":"hire_candidate","payload":${JSON.stringify(hire.payload)}}`,
		);
		expect(deliver(dup, {}, { ...settings, events: ['*'] }).status).toBe(401);
	});
});

describe('events and redeliveries', () => {
	const body = raw('hire_candidate');
	const signed = (extra: Record<string, string> = {}) => ({
		Signature: `sha256 ${sign(body)}`,
		...extra,
	});

	test('an action that is not selected → 200 without items, so Greenhouse does not retry', () => {
		const b = raw('update_candidate');
		const o = deliver(b, { Signature: `sha256 ${sign(b)}` });
		expect(o).toMatchObject({ status: 200, items: [] });
		expect((o as { message: string }).message).toContain('update_candidate');
	});

	test('Any Event lets every action through', () => {
		const b = raw('job_created');
		expect(
			items(deliver(b, { Signature: `sha256 ${sign(b)}` }, { ...settings, events: ['*'] })),
		).toHaveLength(1);
	});

	test('a redelivery with the same Greenhouse-Event-ID starts the workflow once', () => {
		const first = deliver(body, signed({ 'Greenhouse-Event-ID': 'evt-42' }));
		expect(items(first)).toHaveLength(1);
		const seen = first.status === 200 ? (first.seen ?? []) : [];
		expect(seen).toEqual(['evt-42']);
		const again = deliver(body, signed({ 'Greenhouse-Event-ID': 'evt-42' }), settings, seen);
		expect(again).toMatchObject({ status: 200, items: [] });
		const other = deliver(body, signed({ 'Greenhouse-Event-ID': 'evt-43' }), settings, seen);
		expect(items(other)).toHaveLength(1);
	});

	test('without a Greenhouse-Event-ID the body hash is the id', () => {
		const first = deliver(body, signed());
		const id = items(first)[0].eventId as string;
		expect(id).toMatch(/^greenhouse:sha256:[0-9a-f]{32}$/);
		expect(
			items(deliver(body, signed(), settings, first.status === 200 ? first.seen : [])),
		).toHaveLength(0);
	});

	test('without a Greenhouse-Event-ID, a re-serialized redelivery (spacing, key order, escapes) is already seen', () => {
		const first = deliver(body, signed());
		const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
		const reordered = Object.fromEntries(Object.entries(parsed).reverse());
		const again = Buffer.from(JSON.stringify(reordered, null, 4));
		expect(again.equals(body)).toBe(false);
		const sig = { Signature: `sha256 ${sign(again)}` };
		expect(
			items(deliver(again, sig, settings, first.status === 200 ? first.seen : [])),
		).toHaveLength(0);
		expect(items(deliver(again, sig, settings, []))[0].eventId).toBe(items(first)[0].eventId);
	});

	test('the remembered ids are bounded', () => {
		let seen: string[] = [];
		for (let i = 0; i < 30; i++) {
			const o = deliver(
				body,
				signed({ 'Greenhouse-Event-ID': `evt-${i}` }),
				{ ...settings, dedupeSize: 10 },
				seen,
			);
			seen = o.status === 200 ? (o.seen ?? seen) : seen;
		}
		expect(seen).toHaveLength(10);
		expect(seen[9]).toBe('evt-29');
	});
});
