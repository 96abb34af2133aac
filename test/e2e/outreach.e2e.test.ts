/**
 * Outreach Trigger in a real n8n: every supported tool's payload through its real production webhook
 * with the authentication that tool supports, a bad secret answered 401 with no execution left behind,
 * and the whole path Outreach Trigger → Greenhouse export into the sandbox, exactly once on redelivery.
 */
import {
	chain,
	client,
	ctx,
	deploy,
	describeNode,
	fixture,
	hmac,
	hookPath,
	type Json,
	type N8nClient,
	pkgNode,
	sandbox,
	webhookNode,
} from './helpers';

void webhookNode;

interface ToolCase {
	source: string;
	fixture: string;
	auth: Json;
	/** how to send it correctly */
	sign: (body: string, secret: string) => { headers?: Record<string, string>; query?: string };
	/** how a caller without the secret would send it */
	forge: (body: string) => { body: string; headers?: Record<string, string>; query?: string };
	items: number;
	email?: string;
}

const SECRET = 'e2e-outreach-secret-8d1f';
const cases: ToolCase[] = [
	{
		source: 'generic',
		fixture: 'generic-replied.json',
		auth: { authentication: 'hmac', secret: SECRET },
		sign: (b, s) => ({ headers: { 'X-Signature': `sha256=${hmac(s, b)}` } }),
		forge: (b) => ({ body: b, headers: { 'X-Signature': `sha256=${hmac('guessed', b)}` } }),
		items: 1,
		email: 'priya.patel@example.com',
	},
	{
		source: 'lemlist',
		fixture: 'lemlist-emailsReplied.json',
		auth: { authentication: 'bodySecret', secret: 'lemlist-shared-secret-123' },
		sign: () => ({}),
		forge: (b) => ({ body: JSON.stringify({ ...JSON.parse(b), secret: 'guessed' }) }),
		items: 1,
		email: 'jane.doe@example.com',
	},
	{
		source: 'smartlead',
		fixture: 'smartlead-EMAIL_REPLY.json',
		auth: { authentication: 'bodySecret', secret: 'smartlead-secret-xyz' },
		sign: () => ({}),
		forge: (b) => ({ body: JSON.stringify({ ...JSON.parse(b), secret_key: undefined }) }),
		items: 1,
	},
	{
		source: 'instantly',
		fixture: 'instantly-reply_received.json',
		auth: { authentication: 'headerToken', secret: SECRET, headerName: 'X-Webhook-Token' },
		sign: (_b, s) => ({ headers: { 'X-Webhook-Token': s } }),
		forge: (b) => ({ body: b, headers: { 'X-Webhook-Token': 'guessed' } }),
		items: 1,
	},
	{
		source: 'outreachIo',
		fixture: 'outreachio-mailing.replied.json',
		auth: { authentication: 'hmac', secret: SECRET },
		sign: (b, s) => ({ headers: { 'Outreach-Webhook-Signature': hmac(s, b) } }),
		forge: (b) => ({ body: b }),
		items: 1,
	},
	{
		source: 'replyIo',
		fixture: 'replyio-email_replied.json',
		auth: { authentication: 'queryToken', secret: SECRET },
		sign: (_b, s) => ({ query: `?token=${s}` }),
		forge: (b) => ({ body: b, query: '?token=guessed' }),
		items: 1,
	},
	{
		source: 'heyreach',
		fixture: 'heyreach-MESSAGE_REPLY_RECEIVED.json',
		auth: { authentication: 'queryToken', secret: SECRET },
		sign: (_b, s) => ({ query: `?token=${s}` }),
		forge: (b) => ({ body: b }),
		items: 1,
	},
	{
		source: 'woodpecker',
		fixture: 'woodpecker-batch.json',
		auth: { authentication: 'queryToken', secret: SECRET },
		sign: (_b, s) => ({ query: `?token=${s}` }),
		forge: (b) => ({ body: b, query: `?token=${SECRET.slice(0, -1)}` }),
		items: 3,
	},
];

const ALL_EVENTS = ['addedToSequence', 'replied', 'interested'];

function triggerNode(path: string, source: string, auth: Json, extra: Json = {}) {
	return pkgNode(
		'Outreach Trigger',
		'outreachTrigger',
		{ path, source, events: ALL_EVENTS, ...auth, ...extra },
		undefined,
		{ position: [0, 0] },
	);
}

async function post(
	c: N8nClient,
	path: string,
	body: string,
	headers: Record<string, string> = {},
) {
	return await c.webhook(path, body, { headers });
}

const triggerItems = (exec: Json): Json[] =>
	(exec.data.resultData.runData['Outreach Trigger'][0].data.main[0] as Array<{ json: Json }>).map(
		(i) => i.json,
	);

describeNode(
	'OutreachTrigger',
	'Outreach Trigger (n8n-nodes-ats-sync.outreachTrigger) in real n8n',
	() => {
		let c: N8nClient;

		beforeAll(() => {
			c = client();
		});

		describe.each(cases)('$source payload through its real webhook', (tc) => {
			const path = hookPath(`outreach-${tc.source.toLowerCase()}`);
			let workflowId: string;
			const body = fixture(`outreach/${tc.fixture}`);

			beforeAll(async () => {
				workflowId = await deploy(c, {
					name: `e2e: Outreach Trigger (${tc.source})`,
					nodes: [triggerNode(path, tc.source, tc.auth)],
					connections: {},
				});
			});

			test(`a delivery without the right secret gets 401 and leaves no execution (${tc.auth.authentication})`, async () => {
				const forged = tc.forge(body);
				const res = await post(c, path + (forged.query ?? ''), forged.body, forged.headers);
				expect(res.status).toBe(401);
				expect(res.text).toMatch(/^Unauthorized: /);
				expect(res.text).not.toContain(String(tc.auth.secret));
				await new Promise((r) => setTimeout(r, 300));
				expect(await c.executions(workflowId)).toEqual([]);
			});

			test(`${tc.fixture} starts ${tc.items} item(s) with the normalized candidate`, async () => {
				const signed = tc.sign(body, String(tc.auth.secret));
				const res = await post(c, path + (signed.query ?? ''), body, signed.headers);
				expect(res.status).toBe(200);
				// a started delivery is answered with JSON the tool's webhook log can show
				expect(res.json).toEqual({
					received: true,
					started: tc.items,
					message: expect.any(String),
				});
				const [exec] = await c.waitForExecutions(workflowId, 1, { includeData: true });
				expect(exec.status).toBe('success');
				const items = triggerItems(exec);
				expect(items).toHaveLength(tc.items);
				for (const item of items) {
					expect(item).toMatchObject({
						tool: tc.source,
						eventId: expect.stringMatching(new RegExp(`^${tc.source}:`)),
					});
					expect(['replied', 'interested', 'addedToSequence']).toContain(item.event);
					// secrets a tool echoes in the body never reach the output
					expect(JSON.stringify(item)).not.toMatch(
						/lemlist-shared-secret-123|smartlead-secret-xyz/,
					);
				}
				if (tc.email) expect(items[0].emails[0].value).toBe(tc.email);
			});

			test('the same delivery again starts nothing new (event ids remembered in static data)', async () => {
				const signed = tc.sign(body, String(tc.auth.secret));
				const res = await post(c, path + (signed.query ?? ''), body, signed.headers);
				expect(res.status).toBe(200);
				await new Promise((r) => setTimeout(r, 500));
				expect(await c.executions(workflowId)).toHaveLength(1);
			});
		});

		describe('Outreach Trigger → Greenhouse export (the main use case)', () => {
			const path = hookPath('outreach-to-gh');
			let workflowId: string;
			const gh = () => sandbox('greenhouse');

			beforeAll(async () => {
				const cred = ctx().credentials.greenhouse;
				workflowId = await deploy(c, {
					name: 'e2e: interested reply → Greenhouse',
					nodes: [
						triggerNode(
							path,
							'generic',
							{ authentication: 'hmac', secret: SECRET },
							{ events: ['interested'] },
						),
						pkgNode(
							'Greenhouse',
							'greenhouse',
							{
								resource: 'candidate',
								operation: 'export',
								candidateInput: 'input',
								job: { __rl: true, mode: 'id', value: '4012001' },
								ifExists: 'skip',
								options: { note: '={{ $json.reply.text }}' },
							},
							{ greenhouseHarvestApi: { id: cred.id, name: cred.name } },
						),
					],
					connections: chain('Outreach Trigger', 'Greenhouse'),
				});
				await gh().reset();
			});

			const send = (payload: Json, secret = SECRET) => {
				const body = JSON.stringify(payload);
				return c.webhook(path, body, {
					headers: { 'X-Signature': `sha256=${hmac(secret, body)}` },
				});
			};

			test('an interested reply becomes a Greenhouse candidate on the job, with the reply as note', async () => {
				const payload = JSON.parse(fixture('outreach/generic-replied.json'));
				const res = await send(payload);
				expect(res.status).toBe(200);
				const [exec] = await c.waitForExecutions(workflowId, 1, { includeData: true });
				expect(exec.status).toBe('success');
				const out = exec.data.resultData.runData.Greenhouse[0].data.main[0][0].json;
				expect(out).toMatchObject({ ats: 'greenhouse', status: 'created', jobId: 4012001 });
				const s = await gh().state();
				expect(s.counts).toMatchObject({ candidates: 1, applications: 1, notes: 1 });
				expect(s.candidates[0]).toMatchObject({
					first_name: 'Priya',
					last_name: 'Patel',
					company: 'Orbital AI',
					title: 'ML Engineer',
					email_addresses: [{ value: 'priya.patel@example.com' }],
					social_media_addresses: [{ value: 'https://www.linkedin.com/in/priyapatel' }],
				});
				expect(s.notes[0].body).toBe("Sounds great, let's set up a call next week.");
			});

			test('a not-interested reply starts nothing; a redelivered event id starts nothing; a new event for the same person is skipped by Greenhouse', async () => {
				const base = JSON.parse(fixture('outreach/generic-replied.json'));
				expect(
					(
						await send({
							...base,
							eventId: 'crm-reply-1002',
							reply: { text: 'Not interested, thanks.' },
						})
					).status,
				).toBe(200);
				expect((await send(base)).status).toBe(200);
				await new Promise((r) => setTimeout(r, 500));
				expect(await c.executions(workflowId)).toHaveLength(1);

				expect(
					(
						await send({
							...base,
							eventId: 'crm-reply-1003',
							reply: { text: 'Yes, happy to talk!' },
						})
					).status,
				).toBe(200);
				const list = await c.waitForExecutions(workflowId, 2, { includeData: true });
				const newest = list.sort((a, b) => Number(b.id) - Number(a.id))[0];
				expect(newest.data.resultData.runData.Greenhouse[0].data.main[0][0].json).toMatchObject({
					status: 'skipped',
				});
				expect((await gh().state()).counts.candidates).toBe(1);
			});

			test('a later event redelivered starts nothing, and Greenhouse holds the candidate once', async () => {
				const base = JSON.parse(fixture('outreach/generic-replied.json'));
				const before = (await c.executions(workflowId)).length;
				const later = {
					...base,
					eventId: 'crm-reply-1004',
					reply: { text: 'Yes please, send details' },
				};
				expect((await send(later)).status).toBe(200);
				await c.waitForExecutions(workflowId, before + 1);
				await new Promise((r) => setTimeout(r, 1000));
				expect((await send(later)).status).toBe(200);
				await new Promise((r) => setTimeout(r, 800));
				// Remembered by the trigger's execute() inside the first run (n8n 2.41.1 would drop it if only webhook() wrote it).
				const list = await c.waitForExecutions(workflowId, before + 1);
				expect(list).toHaveLength(before + 1);
				for (const e of list) expect(e.status).toBe('success');
				expect((await gh().state()).counts.candidates).toBe(1);
			});

			test('a bad signature is 401 with no execution and nothing in Greenhouse', async () => {
				const before = (await c.executions(workflowId)).length;
				const res = await send(
					{ ...JSON.parse(fixture('outreach/generic-replied.json')), eventId: 'crm-reply-9999' },
					'not-the-secret',
				);
				expect(res.status).toBe(401);
				await new Promise((r) => setTimeout(r, 300));
				expect(await c.executions(workflowId)).toHaveLength(before);
				expect((await gh().state()).counts.candidates).toBe(1);
			});
		});
	},
);
