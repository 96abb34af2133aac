import { createHmac } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';

import { OutreachTrigger } from '../../../nodes/OutreachTrigger/OutreachTrigger.node';
import { runCheckExists, runHook, runWebhook } from './webhookHarness';

/** A 200 that answers the tool but starts no workflow run. */
const startsNothing = {
	webhookResponse: { received: true, message: expect.stringMatching(/^nothing to start/) },
};

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/outreach', name));

const reply = (text: string, eventId = 'r-1') =>
	JSON.stringify({
		event: 'replied',
		eventId,
		contact: { fullName: 'Jane Doe', email: 'jane@example.com' },
		reply: { text },
		campaign: { name: 'Backend Berlin' },
	});

describe('events', () => {
	it('starts one item per event, with the normalized candidate at the top level', async () => {
		const run = await runWebhook({}, { rawBody: reply('Sounds great, call me') });
		expect(run.response.statusCode).toBeUndefined();
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({
			fullName: 'Jane Doe',
			emails: [{ value: 'jane@example.com', type: 'other' }],
			event: 'interested',
			tool: 'generic',
			eventId: 'generic:r-1',
			interested: { value: true, label: 'interested' },
			source: 'Webhook: Backend Berlin',
		});
	});

	it('"Replied" fires for interested and not interested replies', async () => {
		for (const text of ['Sounds great', 'No thanks']) {
			expect(
				(await runWebhook({ events: ['replied'] }, { rawBody: reply(text) })).items,
			).toHaveLength(1);
		}
	});

	it('"Replied and Interested" fires only for interested replies; the rest get 200 and start nothing', async () => {
		const yes = await runWebhook({ events: ['interested'] }, { rawBody: reply('Happy to chat') });
		expect(yes.items).toHaveLength(1);
		const no = await runWebhook({ events: ['interested'] }, { rawBody: reply('Not interested') });
		expect(no.result).toEqual(startsNothing);
		expect(no.response.statusCode).toBeUndefined();
	});

	it('"Added to Sequence" ignores replies, and replies ignore added events', async () => {
		expect(
			(await runWebhook({ events: ['addedToSequence'] }, { rawBody: reply('Sounds great') }))
				.result,
		).toEqual(startsNothing);
		const added = await runWebhook(
			{ source: 'smartlead', events: ['addedToSequence'] },
			{ rawBody: fixture('smartlead-FIRST_EMAIL_SENT.json') },
		);
		expect(added.items[0]).toMatchObject({ event: 'addedToSequence', fullName: 'Lukas Schmidt' });
		expect(
			(
				await runWebhook(
					{ source: 'smartlead', events: ['replied'] },
					{ rawBody: fixture('smartlead-FIRST_EMAIL_SENT.json') },
				)
			).result,
		).toEqual(startsNothing);
	});

	it('a Woodpecker batch starts one item per selected element', async () => {
		const run = await runWebhook(
			{ source: 'woodpecker', events: ['replied'] },
			{ rawBody: fixture('woodpecker-batch.json') },
		);
		expect(run.items.map((i) => i.eventId)).toEqual([
			'woodpecker:prospect_replied:880001:700001',
			'woodpecker:prospect_replied:880002:700002',
			'woodpecker:prospect_interested:700001:2026-03-07T10:00:00+0100',
		]);
		const interestedOnly = await runWebhook(
			{ source: 'woodpecker', events: ['interested'] },
			{ rawBody: fixture('woodpecker-batch.json') },
		);
		expect(interestedOnly.items).toHaveLength(2);
	});

	it('id-only payloads still start, saying what is missing and how to get it', async () => {
		const run = await runWebhook(
			{ source: 'outreachIo', events: ['addedToSequence'] },
			{ rawBody: fixture('outreachio-sequenceState.created.json') },
		);
		expect(run.items[0]).toMatchObject({
			event: 'addedToSequence',
			missing: expect.arrayContaining(['name', 'email']),
			enrichment: {
				needed: true,
				hint: expect.stringContaining('api.outreach.io/api/v2/prospects'),
			},
			candidateErrors: [expect.stringContaining('fullName')],
			extra: { outreachProspectId: '5511' },
		});
	});

	it('a candidate field the parser rejects is left out and reported, the rest still flows', async () => {
		const body = JSON.stringify({
			event: 'replied',
			eventId: 'p-1',
			contact: { fullName: 'Jane Doe', email: 'jane@example.com', phone: 'call me maybe' },
			reply: { text: 'ok' },
		});
		const [item] = (await runWebhook({ events: ['replied'] }, { rawBody: body })).items;
		expect(item.fullName).toBe('Jane Doe');
		expect(item.phones).toEqual([]);
		const errors = item.candidateErrors as string[];
		expect(errors.length).toBeGreaterThan(0);
		for (const e of errors)
			expect(e).toMatch(
				/^phones\[0\] "call me maybe" left out: has characters a phone number cannot contain/,
			);
	});
});

describe('authentication', () => {
	const body = reply('Sounds great');

	it('header token: missing or wrong → 401 and no run; right → run', async () => {
		const params = { authentication: 'headerToken', secret: 'tok-123' };
		for (const headers of [
			{},
			{ 'X-Webhook-Token': 'tok-124' },
			{ 'X-Webhook-Token': 'tok-12' },
		] as Array<Record<string, string>>) {
			const run = await runWebhook(params, { rawBody: body, headers });
			expect(run.response).toMatchObject({ statusCode: 401, ended: true });
			expect(run.result).toEqual({ noWebhookResponse: true });
		}
		expect(
			(await runWebhook(params, { rawBody: body, headers: { 'x-webhook-token': 'tok-123' } }))
				.items,
		).toHaveLength(1);
		const bearer = {
			authentication: 'headerToken',
			secret: 'tok-123',
			headerName: 'Authorization',
		};
		expect(
			(await runWebhook(bearer, { rawBody: body, headers: { Authorization: 'Bearer tok-123' } }))
				.items,
		).toHaveLength(1);
	});

	it('query token', async () => {
		const params = { authentication: 'queryToken', secret: 's3cr3t-value' };
		expect(
			(await runWebhook(params, { rawBody: body, query: { token: 'wrong' } })).response.statusCode,
		).toBe(401);
		expect((await runWebhook(params, { rawBody: body })).response.statusCode).toBe(401);
		expect(
			(await runWebhook(params, { rawBody: body, query: { token: 's3cr3t-value' } })).items,
		).toHaveLength(1);
	});

	it('HMAC, Outreach.io preset: hex SHA-256 of the raw body in Outreach-Webhook-Signature', async () => {
		const raw = fixture('outreachio-mailing.replied.json');
		const signature = createHmac('sha256', 'outreach-secret').update(raw).digest('hex');
		const params = {
			source: 'outreachIo',
			events: ['replied'],
			authentication: 'hmac',
			secret: 'outreach-secret',
		};
		expect(
			(
				await runWebhook(params, {
					rawBody: raw,
					headers: { 'Outreach-Webhook-Signature': signature },
				})
			).items,
		).toHaveLength(1);
		const reserialized = JSON.stringify(JSON.parse(raw.toString()));
		const run = await runWebhook(params, {
			rawBody: reserialized,
			headers: { 'Outreach-Webhook-Signature': signature },
		});
		expect(run.response.statusCode).toBe(401);
		expect(run.response.body).toMatch(/signature/);
		expect((await runWebhook(params, { rawBody: raw })).response.statusCode).toBe(401);
	});

	it('HMAC, custom format: SHA-512, base64, with a prefix', async () => {
		const params = {
			authentication: 'hmac',
			secret: 'k',
			signatureFormat: 'custom',
			signatureHeader: 'X-Hub',
			signatureAlgorithm: 'sha512',
			signatureEncoding: 'base64',
			signaturePrefix: 'v1=',
		};
		const sig = `v1=${createHmac('sha512', 'k').update(body).digest('base64')}`;
		expect(
			(await runWebhook(params, { rawBody: body, headers: { 'X-Hub': sig } })).items,
		).toHaveLength(1);
		const wrongAlgorithm = `v1=${createHmac('sha256', 'k').update(body).digest('base64')}`;
		expect(
			(await runWebhook(params, { rawBody: body, headers: { 'X-Hub': wrongAlgorithm } })).response
				.statusCode,
		).toBe(401);
	});

	it('HMAC without the raw bytes is refused rather than checked against re-serialized JSON', async () => {
		const sig = `sha256=${createHmac('sha256', 'k').update(body).digest('hex')}`;
		const run = await runWebhook(
			{ authentication: 'hmac', secret: 'k' },
			{ body: JSON.parse(body), headers: { 'X-Signature': sig } },
		);
		expect(run.response.statusCode).toBe(401);
	});

	it('body secret: lemlist "secret" and Smartlead "secret_key", never copied to the output', async () => {
		const lemlist = {
			source: 'lemlist',
			events: ['replied'],
			authentication: 'bodySecret',
			secret: 'lemlist-shared-secret-123',
		};
		const ok = await runWebhook(lemlist, { rawBody: fixture('lemlist-emailsReplied.json') });
		expect(ok.items).toHaveLength(1);
		expect(JSON.stringify(ok.items[0])).not.toContain('lemlist-shared-secret-123');
		expect(
			(
				await runWebhook(
					{ ...lemlist, secret: 'other' },
					{ rawBody: fixture('lemlist-emailsReplied.json') },
				)
			).response.statusCode,
		).toBe(401);
		const smartlead = {
			source: 'smartlead',
			events: ['replied'],
			authentication: 'bodySecret',
			secret: 'smartlead-secret-xyz',
		};
		expect(
			(await runWebhook(smartlead, { rawBody: fixture('smartlead-EMAIL_REPLY.json') })).items,
		).toHaveLength(1);
		const stripped = {
			...JSON.parse(fixture('smartlead-EMAIL_REPLY.json').toString()),
			secret_key: undefined,
		};
		expect(
			(await runWebhook(smartlead, { rawBody: JSON.stringify(stripped) })).response.statusCode,
		).toBe(401);
	});

	it('a configured mode without a secret refuses everything', async () => {
		const run = await runWebhook(
			{ authentication: 'headerToken', secret: '' },
			{ rawBody: body, headers: { 'X-Webhook-Token': '' } },
		);
		expect(run.response).toMatchObject({
			statusCode: 401,
			body: expect.stringContaining('no secret'),
		});
	});
});

describe('bad requests', () => {
	it.each([
		['not JSON', '{"event":', /not valid JSON/],
		['empty', '', /empty/],
		['a string', '"replied"', /JSON object or array/],
		['an unknown event', '{"event":"bought"}', /"event" must be one of/],
		['an empty list', '[]', /empty list/],
	])('%s → 400 with a short reason', async (_name, rawBody, reason) => {
		const run = await runWebhook({}, { rawBody });
		expect(run.response).toMatchObject({ statusCode: 400, ended: true });
		expect(run.response.body).toMatch(reason);
		expect(run.result).toEqual({ noWebhookResponse: true });
	});

	it('a request object that throws is a 400, never an exception', async () => {
		const { ctx, response } = (await import('./webhookHarness')).makeWebhookContext(
			{},
			{ rawBody: '{}' },
		);
		(ctx as unknown as { getRequestObject: () => never }).getRequestObject = () => {
			throw new Error('boom');
		};
		await expect(new OutreachTrigger().webhook.call(ctx)).resolves.toEqual({
			noWebhookResponse: true,
		});
		expect(response.statusCode).toBe(400);
	});
});

describe('redelivery', () => {
	it('the same event delivered twice starts the workflow once', async () => {
		const state: IDataObject = {};
		expect(
			(await runWebhook({}, { rawBody: reply('Sounds great', 'dup-1') }, state)).items,
		).toHaveLength(1);
		expect(
			(await runWebhook({}, { rawBody: reply('Sounds great', 'dup-1') }, state)).result,
		).toEqual(startsNothing);
		expect(
			(await runWebhook({}, { rawBody: reply('Sounds great', 'dup-2') }, state)).items,
		).toHaveLength(1);
	});

	it('a duplicate inside one batch counts once', async () => {
		const one = JSON.parse(reply('Sounds great', 'b-1'));
		expect((await runWebhook({}, { rawBody: JSON.stringify([one, one]) })).items).toHaveLength(1);
	});

	it('remembers a bounded number of ids, oldest forgotten first', async () => {
		const state: IDataObject = {};
		const options = { options: { dedupeSize: 3 } };
		for (let i = 1; i <= 5; i++)
			await runWebhook(options, { rawBody: reply('Sounds great', `id-${i}`) }, state);
		expect(state.recentDeliveryIds).toEqual(['generic:id-3', 'generic:id-4', 'generic:id-5']);
		expect(
			(await runWebhook(options, { rawBody: reply('Sounds great', 'id-1') }, state)).items,
		).toHaveLength(1);
		expect(
			(await runWebhook(options, { rawBody: reply('Sounds great', 'id-5') }, state)).result,
		).toEqual(startsNothing);
	});

	it('ignored events do not use up the memory', async () => {
		const state: IDataObject = {};
		await runWebhook({ events: ['interested'] }, { rawBody: reply('No thanks', 'x-1') }, state);
		expect(state.recentDeliveryIds).toBeUndefined();
	});
});

describe('conditions', () => {
	const rules = (...r: Array<{ field: string; operator: string; value?: string }>) => ({
		conditions: { rules: r },
	});

	it('events that fail the conditions get 200 and start nothing', async () => {
		const run = await runWebhook(
			rules({ field: 'campaign.name', operator: 'contains', value: 'Sales' }),
			{ rawBody: reply('Sounds great') },
		);
		expect(run.result).toEqual(startsNothing);
		expect(run.response.statusCode).toBeUndefined();
	});

	it('AND / OR over campaign, email domain and reply text', async () => {
		const domain = { field: 'emailDomain', operator: 'equals', value: 'example.com' };
		const sales = { field: 'campaign.name', operator: 'contains', value: 'Sales' };
		expect(
			(await runWebhook({ ...rules(domain, sales) }, { rawBody: reply('Sounds great') })).items,
		).toHaveLength(0);
		expect(
			(
				await runWebhook(
					{ ...rules(domain, sales), combine: 'or' },
					{ rawBody: reply('Sounds great') },
				)
			).items,
		).toHaveLength(1);
		const text = { field: 'reply.text', operator: 'regex', value: 'great|good' };
		expect((await runWebhook(rules(text), { rawBody: reply('Sounds great') })).items).toHaveLength(
			1,
		);
	});

	it('a broken rule answers 500 naming it, instead of dropping every event silently', async () => {
		const run = await runWebhook(rules({ field: 'reply.text', operator: 'regex', value: '([' }), {
			rawBody: reply('Sounds great'),
		});
		expect(run.response).toMatchObject({
			statusCode: 500,
			body: expect.stringContaining('Condition 1'),
		});
	});
});

describe('activation (webhookMethods)', () => {
	it('manual setup: checkExists accepts good settings (warning on None); create and delete change nothing', async () => {
		const warnings: string[] = [];
		await expect(runCheckExists({}, warnings)).resolves.toBe(true);
		expect(warnings).toEqual([
			expect.stringContaining(
				'Authentication is None, so anyone who learns the webhook URL can start this workflow',
			),
		]);
		await expect(
			runCheckExists({ authentication: 'queryToken', secret: 'x' }, warnings),
		).resolves.toBe(true);
		expect(warnings).toHaveLength(1);
		for (const params of [{}, { source: 'lemlist', registration: 'manual' }]) {
			const state = {};
			await expect(runHook('create', params, state)).resolves.toBe(true);
			await expect(runHook('delete', params, state)).resolves.toBe(true);
			expect(state).toEqual({});
		}
	});

	it('Generic and the tools without a registrar are always manual, whatever Registration says', async () => {
		const state = {};
		for (const source of ['generic', 'replyIo', 'outreachIo'])
			await expect(runHook('create', { source, registration: 'auto' }, state)).resolves.toBe(true);
		expect(state).toEqual({});
	});

	it('automatic registration needs no secret field: the token is made on publish', async () => {
		const hook = runHook('checkExists', { source: 'lemlist', registration: 'auto', secret: '' });
		// Settings pass; the check then asks n8n for the webhook URL (a real publish has one).
		await expect(hook).rejects.toThrow('n8n gave this trigger no webhook URL');
	});

	it('checkExists stops activation on settings that would reject every delivery', async () => {
		await expect(runCheckExists({ authentication: 'hmac', secret: '' })).rejects.toThrow(
			/needs a secret/,
		);
		await expect(runCheckExists({ authentication: 'headerToken', secret: ' \t ' })).rejects.toThrow(
			/a secret of only spaces counts as empty/,
		);
		await expect(
			runCheckExists({
				conditions: { rules: [{ field: 'reply.text', operator: 'regex', value: '(' }] },
			}),
		).rejects.toThrow(/regular expression/);
		await expect(runCheckExists({ events: [] })).rejects.toThrow(/Events is empty/);
	});
});

describe('caps: nothing starts, and the answer says what was too large', () => {
	it('a batch over the events limit is answered 413', async () => {
		const one = JSON.parse(reply('Sounds great'));
		const batch = Array.from({ length: 501 }, (_, i) => ({ ...one, eventId: `b-${i}` }));
		const run = await runWebhook({}, { rawBody: JSON.stringify(batch) });
		expect(run.response.statusCode).toBe(413);
		expect(String(run.response.body)).toContain('the delivery holds 501 events; at most 500');
		expect(run.items).toHaveLength(0);
	});

	it('a reply text over the field limit is answered 413, naming the field', async () => {
		const run = await runWebhook({}, { rawBody: reply('x'.repeat(200_001)) });
		expect(run.response.statusCode).toBe(413);
		expect(String(run.response.body)).toContain('Payload too large: the field "reply.text"');
		expect(run.items).toHaveLength(0);
	});

	it('a 150 KB event id is stored hashed, and its redelivery is still recognized', async () => {
		const state: IDataObject = {};
		const id = `long-${'i'.repeat(150_000)}`;
		expect(
			(await runWebhook({}, { rawBody: reply('Sounds great', id) }, state)).items,
		).toHaveLength(1);
		expect(JSON.stringify(state).length).toBeLessThan(1000);
		expect((await runWebhook({}, { rawBody: reply('Sounds great', id) }, state)).result).toEqual(
			startsNothing,
		);
	});
});
