import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { node, outputOf, WorkflowHarness } from '../harness/runWorkflow';
const { startOutreachToolsSandbox } = require('../sandbox/outreach-tools');

/**
 * Issue 14: publishing the workflow registers the webhook in the tool, unpublishing removes it.
 * The whole loop in-process: n8n-core's HookContext runs the trigger's webhookMethods against the
 * outreach-tools sandbox (each tool's hook API, contract-checked), the sandbox builds the delivery
 * it would send to the registered URL with the registered secret, and n8n-core's WebhookContext
 * runs the trigger on it.
 */

type Tools = Awaited<ReturnType<typeof startOutreachToolsSandbox>>;
let tools: Tools;

beforeAll(async () => {
	tools = await startOutreachToolsSandbox();
});
afterAll(async () => {
	await tools.close();
});
beforeEach(() => tools.reset());
afterEach(() => {
	tools.setFaults({});
	tools.configure({
		lemlist: { refuseHooks: 0, hookCreateLimit: Infinity },
		instantly: { paidPlan: true },
		smartlead: { refuseHooks: 0 },
	});
});

const fixture = (name: string) =>
	JSON.parse(readFileSync(join(__dirname, '../fixtures/outreach', name), 'utf8')) as IDataObject;

interface ToolCase {
	tool: 'lemlist' | 'instantly' | 'woodpecker' | 'smartlead' | 'heyreach';
	credentialType: string;
	/** The first node version that registers by default (1.1 for the first three tools). */
	version?: number;
	/** Parameters the tool needs besides the Events (Smartlead: the campaigns). */
	extra?: IDataObject;
	/** The vendor events for Events = Replied, and for all three Events. */
	replied: string[];
	all: string[];
	/** Other Events, and how many hooks they need. */
	change: { events: string[]; hooks: number };
	replyType: string;
	reply: IDataObject;
	expected: IDataObject;
	/** The registered hook's URL, event and token, in one shape for both tools. */
	view: (h: IDataObject) => { id: string; url: string; event: string; token: unknown };
}

const CASES: ToolCase[] = [
	{
		tool: 'lemlist',
		credentialType: 'lemlistLeadsApi',
		replied: ['emailsReplied', 'linkedinReplied'],
		all: ['contacted', 'emailsReplied', 'interested', 'linkedinReplied'],
		change: { events: ['addedToSequence'], hooks: 1 },
		replyType: 'emailsReplied',
		reply: (({ secret: _s, ...rest }) => rest)(fixture('lemlist-emailsReplied.json')),
		// "sounds interesting! Happy to chat": a reply that reads as interested.
		expected: {
			event: 'interested',
			fullName: 'Jane Doe',
			linkedinUrl: 'https://www.linkedin.com/in/jane-doe-42',
			currentCompany: 'Acme GmbH',
			tool: 'lemlist',
			toolEvent: 'emailsReplied',
		},
		view: (h) => ({
			id: String(h._id),
			url: String(h.targetUrl),
			event: String(h.type),
			token: h.secret,
		}),
	},
	{
		tool: 'instantly',
		credentialType: 'instantlyApi',
		replied: ['reply_received'],
		all: ['email_sent', 'lead_interested', 'lead_meeting_booked', 'reply_received'],
		change: { events: ['addedToSequence'], hooks: 1 },
		replyType: 'reply_received',
		reply: fixture('instantly-reply_received.json'),
		expected: {
			event: 'replied',
			emails: [{ value: 'marco.rossi@example.org', type: 'other' }],
			tool: 'instantly',
			toolEvent: 'reply_received',
		},
		view: (h) => ({
			id: String(h.id),
			url: String(h.target_hook_url),
			event: String(h.event_type),
			token: (h.headers as IDataObject | null)?.['X-Outreach-Trigger-Token'],
		}),
	},
	{
		tool: 'woodpecker',
		credentialType: 'woodpeckerApi',
		replied: ['prospect_replied'],
		// Woodpecker has no "added" event: nothing is subscribed for it.
		all: ['prospect_interested', 'prospect_replied'],
		change: { events: ['interested'], hooks: 2 },
		replyType: 'prospect_replied',
		reply: (fixture('woodpecker-batch.json') as unknown as IDataObject[])[0],
		expected: {
			fullName: 'Pieter de Vries',
			linkedinUrl: 'https://www.linkedin.com/in/pieterdevries',
			tool: 'woodpecker',
			toolEvent: 'prospect_replied',
		},
		// The token travels in the URL: the hook's URL is the webhook URL plus ?token=….
		view: (h) => {
			const url = new URL(String(h.target_url));
			const token = url.searchParams.get('token');
			url.search = '';
			return {
				id: `${h.event} ${h.target_url}`,
				url: url.toString(),
				event: String(h.event),
				token,
			};
		},
	},
	{
		tool: 'smartlead',
		credentialType: 'smartleadApi',
		version: 2.1,
		extra: { campaigns: { items: [{ campaign: { __rl: true, mode: 'list', value: '1001' } }] } },
		// One Smartlead webhook per campaign carries every event the Events need.
		replied: ['EMAIL_REPLY'],
		all: ['EMAIL_REPLY,FIRST_EMAIL_SENT,LEAD_CATEGORY_UPDATED'],
		change: { events: ['interested'], hooks: 1 },
		replyType: 'EMAIL_REPLY',
		reply: (({ secret_key: _s, ...rest }) => ({ ...rest, campaign_id: 1001 }))(
			fixture('smartlead-EMAIL_REPLY.json'),
		),
		expected: {
			emails: [expect.objectContaining({ value: 'lukas.schmidt@example.de' })],
			tool: 'smartlead',
			toolEvent: 'EMAIL_REPLY',
		},
		// The campaign webhook API takes no secret: the token travels in the URL.
		view: (h) => {
			const url = new URL(String(h.webhook_url));
			const token = url.searchParams.get('token');
			url.search = '';
			return {
				id: `${h.campaignId}:${h.id}`,
				url: url.toString(),
				event: [...(h.event_types as string[])].sort().join(','),
				token,
			};
		},
	},
	{
		tool: 'heyreach',
		credentialType: 'heyReachApi',
		version: 2.1,
		replied: ['INMAIL_REPLY_RECEIVED', 'MESSAGE_REPLY_RECEIVED'],
		all: [
			'CONNECTION_REQUEST_SENT',
			'INMAIL_REPLY_RECEIVED',
			'LEAD_TAG_UPDATED',
			'MESSAGE_REPLY_RECEIVED',
		],
		change: { events: ['addedToSequence'], hooks: 1 },
		replyType: 'MESSAGE_REPLY_RECEIVED',
		reply: fixture('heyreach-MESSAGE_REPLY_RECEIVED.json'),
		expected: {
			fullName: 'Tom Baker',
			linkedinUrl: 'https://www.linkedin.com/in/tom-baker-eng',
			tool: 'heyreach',
			toolEvent: 'MESSAGE_REPLY_RECEIVED',
		},
		// HeyReach sends nothing we choose: the token travels in the URL.
		view: (h) => {
			const url = new URL(String(h.webhookUrl));
			const token = url.searchParams.get('token');
			url.search = '';
			return { id: String(h.id), url: url.toString(), event: String(h.eventType), token };
		},
	},
];

describe.each(CASES)('$tool: publish registers, unpublish removes', (c) => {
	const TRIGGER = 'Outreach Trigger';

	function workflow(
		params: IDataObject = {},
		version = c.version ?? 1.1,
		credentials: IDataObject = {},
	) {
		const trigger = node(
			TRIGGER,
			'outreachTrigger',
			{ path: `outreach-${c.tool}`, source: c.tool, events: ['replied'], ...c.extra, ...params },
			{ [c.credentialType]: `${c.tool} sandbox` },
			{ typeVersion: version },
		);
		return new WorkflowHarness(
			{ nodes: [trigger], connections: {} },
			{ [c.credentialType]: { ...tools.credentials[c.tool], ...credentials } },
		);
	}

	const hooks = () => (tools.hooks(c.tool) as IDataObject[]).map(c.view);
	// n8n keeps a node's static data under "node:<name>".
	const registration = (wf: WorkflowHarness) =>
		(wf.workflow.staticData[`node:${TRIGGER}`] as IDataObject | undefined)?.registration as
			{ secret: string; hooks: IDataObject[] } | undefined;

	/** The deliveries the tool sends for one event, run through the trigger. */
	async function deliverFromTool(wf: WorkflowHarness, type: string, payload: IDataObject) {
		const out = tools.outgoing(c.tool, type, payload) as Array<{
			url: string;
			headers: Record<string, string>;
			body: IDataObject;
		}>;
		const results = [];
		for (const d of out) {
			const url = new URL(d.url);
			const query = Object.fromEntries(url.searchParams);
			url.search = '';
			expect(url.toString()).toBe(wf.webhookUrl(TRIGGER));
			results.push(await wf.deliver(TRIGGER, { body: d.body, headers: d.headers, query }));
		}
		return results;
	}

	test('publish: one hook per needed vendor event, on the webhook URL, with one fresh random token', async () => {
		const wf = workflow();
		expect(await wf.publish(TRIGGER)).toBe(true);
		const url = wf.webhookUrl(TRIGGER);
		expect(url).toMatch(new RegExp(`^http://localhost:5678/.*outreach-${c.tool}$`));
		const made = hooks();
		expect(made.map((h) => h.event).sort()).toEqual(c.replied);
		expect(made.every((h) => h.url === url)).toBe(true);
		const { secret, hooks: ids } = registration(wf)!;
		expect(secret).toMatch(/^[0-9a-f]{64}$/);
		expect(made.every((h) => h.token === secret)).toBe(true);
		expect(ids.map((h) => h.id).sort()).toEqual(made.map((h) => h.id).sort());

		// Published again unchanged: checkExists finds every hook, nothing is created.
		expect(await wf.publish(TRIGGER)).toBe(false);
		expect(hooks()).toHaveLength(c.replied.length);

		// A second workflow gets its own token.
		const other = workflow({ path: `outreach-${c.tool}-2` });
		await other.publish(TRIGGER);
		expect(registration(other)!.secret).not.toBe(secret);
	});

	test('all three Events subscribe exactly the vendor events they need', async () => {
		const wf = workflow({ events: ['addedToSequence', 'replied', 'interested'] });
		await wf.publish(TRIGGER);
		expect(
			hooks()
				.map((h) => h.event)
				.sort(),
		).toEqual(c.all);
	});

	test('the tool delivers with the token: one execution with the normalized candidate; the token stays out of the item', async () => {
		const wf = workflow();
		await wf.publish(TRIGGER);
		const [res, ...more] = await deliverFromTool(wf, c.replyType, c.reply);
		expect(more).toHaveLength(0);
		expect(res.status).toBe(200);
		const items = outputOf(res.run!, TRIGGER);
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject(c.expected);
		expect(JSON.stringify(items)).not.toContain(registration(wf)!.secret);
	});

	test('a forged delivery (no token, or a wrong one) gets 401 and starts nothing', async () => {
		const wf = workflow();
		await wf.publish(TRIGGER);
		const [d] = tools.outgoing(c.tool, c.replyType, c.reply);
		const body = Array.isArray(d.body) ? d.body[0] : d.body;
		const forged: Array<{
			body: IDataObject;
			headers: Record<string, string>;
			query?: Record<string, string>;
		}> = [
			{
				body: { ...body, secret: 'guess' },
				headers: { 'x-outreach-trigger-token': 'guess' },
				query: { token: 'guess' },
			},
			{ body: (({ secret: _s, ...rest }) => rest)(body), headers: {} },
		];
		for (const request of forged) {
			const res = await wf.deliver(TRIGGER, request);
			expect(res.status).toBe(401);
			expect(res.run).toBeUndefined();
		}
	});

	test('unpublish deletes only our hooks; a hook of someone else on the same URL stays', async () => {
		const wf = workflow();
		await wf.publish(TRIGGER);
		const ours = hooks().map((h) => h.id);
		const foreign = workflow({ path: 'someone-else' });
		await foreign.publish(TRIGGER);
		expect(hooks()).toHaveLength(2 * ours.length);

		expect(await wf.unpublish(TRIGGER)).toBe(true);
		const left = hooks().map((h) => h.id);
		expect(left).toHaveLength(ours.length);
		expect(left.some((id) => ours.includes(id))).toBe(false);
		expect(registration(wf)).toBeUndefined();
		// Unpublishing twice is harmless.
		expect(await wf.unpublish(TRIGGER)).toBe(true);
	});

	test("a hook deleted in the tool's UI is created again on the next publish, with a new token", async () => {
		const wf = workflow();
		await wf.publish(TRIGGER);
		const before = registration(wf)!.secret;
		tools.removeHook(c.tool, hooks()[0].id);
		expect(await wf.publish(TRIGGER)).toBe(true);
		const now = hooks();
		expect(now.map((h) => h.event).sort()).toEqual(c.replied);
		expect(now.every((h) => h.token === registration(wf)!.secret)).toBe(true);
		expect(registration(wf)!.secret).not.toBe(before);
		const [res] = await deliverFromTool(wf, c.replyType, c.reply);
		expect(outputOf(res.run!, TRIGGER)).toHaveLength(1);
	});

	test('changing the Events replaces our hooks on the next publish', async () => {
		const wf = workflow();
		await wf.publish(TRIGGER);
		wf.workflow.getNode(TRIGGER)!.parameters.events = c.change.events;
		expect(await wf.publish(TRIGGER)).toBe(true);
		expect(hooks()).toHaveLength(c.change.hooks);
	});

	test('a refused registration fails publishing with what to do, and leaves nothing behind', async () => {
		const wf = workflow({ events: ['addedToSequence', 'replied', 'interested'] });
		// The tool accepts the first hook, then refuses: the first one is rolled back.
		if (c.tool === 'lemlist') tools.configure({ lemlist: { hookCreateLimit: 1 } });
		if (c.tool === 'instantly')
			tools.setFaults({ error5xxRate: 1, only: ['POST /instantly/api/v2/webhooks'] });
		// Woodpecker: three other workflows already use the three prospect_replied subscriptions.
		if (c.tool === 'woodpecker')
			for (const n of [1, 2, 3]) await workflow({ path: `other-${n}` }).publish(TRIGGER);
		// Smartlead: two campaigns; the second refuses, so the first campaign's webhook is rolled back.
		if (c.tool === 'heyreach')
			tools.setFaults({
				error5xxRate: 1,
				only: ['POST /heyreach/api/public/webhooks/CreateWebhook'],
			});
		if (c.tool === 'smartlead') {
			wf.workflow.getNode(TRIGGER)!.parameters.campaigns = {
				items: ['1001', '1002'].map((value) => ({ campaign: { __rl: true, mode: 'id', value } })),
			};
			tools.setFaults({ error5xxRate: 1, only: ['POST /smartlead/api/v1/campaigns/1002/'] });
		}
		const failed = wf.publish(TRIGGER);
		await expect(failed).rejects.toThrow(
			{
				lemlist:
					/lemlist did not let the Outreach Trigger register the "[a-zA-Z]+" webhook: .*Webhook limit reached/,
				instantly: /Instantly did not let the Outreach Trigger register the "email_sent" webhook/,
				woodpecker:
					/Woodpecker did not let the Outreach Trigger register the "prospect_replied" webhook: .*HTTP 409/,
				heyreach:
					/HeyReach did not let the Outreach Trigger register the "CONNECTION_REQUEST_SENT" webhook/,
				smartlead:
					/Smartlead did not let the Outreach Trigger register the "EMAIL_REPLY,FIRST_EMAIL_SENT,LEAD_CATEGORY_UPDATED" webhook for campaign 1002/,
			}[c.tool],
		);
		await failed.catch((e: { description?: string }) =>
			expect(e.description).toMatch(
				c.tool === 'woodpecker' ? /three webhooks per event/ : /Registration to Manual/,
			),
		);
		tools.setFaults({});
		expect(hooks().filter((h) => h.url === wf.webhookUrl(TRIGGER))).toEqual([]);
		expect(registration(wf)).toBeUndefined();
	});

	test('a hook the tool created although its answer was lost (5xx after the write) is rolled back', async () => {
		const wf = workflow();
		tools.setFaults({
			error5xxAfterWriteRate: 1,
			only: [
				{
					lemlist: 'POST /lemlist/api/hooks',
					instantly: 'POST /instantly/api/v2/webhooks',
					woodpecker: 'POST /woodpecker/rest/v1/webhooks/subscribe',
					smartlead: 'POST /smartlead/api/v1/campaigns/1001/webhooks',
					heyreach: 'POST /heyreach/api/public/webhooks/CreateWebhook',
				}[c.tool],
			],
		});
		await expect(wf.publish(TRIGGER)).rejects.toThrow(/did not let the Outreach Trigger register/);
		tools.setFaults({});
		expect(hooks()).toEqual([]);
	});

	test('Registration: Manual, and workflows saved before the tool registered by default, register nothing', async () => {
		const older = c.version === 2.1 ? [1, 1.1, 2] : [1];
		for (const wf of [
			workflow({ registration: 'manual', authentication: 'none' }),
			...older.map((v) => workflow({ authentication: 'none' }, v)),
		]) {
			expect(await wf.publish(TRIGGER)).toBe(false);
			expect(hooks()).toEqual([]);
		}
	});

	test('"Listen for test event" registers apart and never touches the published hooks', async () => {
		const wf = workflow();
		await wf.publish(TRIGGER);
		const published = hooks();
		expect(await wf.publish(TRIGGER, true)).toBe(true);
		expect(hooks()).toHaveLength(2 * published.length);
		expect(await wf.unpublish(TRIGGER, true)).toBe(true);
		expect(hooks()).toEqual(published);
		// Still published: checkExists finds its hooks, and the tool's deliveries start the workflow.
		expect(await wf.publish(TRIGGER)).toBe(false);
		const [res] = await deliverFromTool(wf, c.replyType, c.reply);
		expect(outputOf(res.run!, TRIGGER)).toHaveLength(1);
	});

	test('switching an automatic trigger to Manual removes the hooks it registered', async () => {
		const wf = workflow();
		await wf.publish(TRIGGER);
		// (From version 2 a manual setup needs a secret credential, or Authentication: None.)
		Object.assign(wf.workflow.getNode(TRIGGER)!.parameters, {
			registration: 'manual',
			authentication: 'none',
		});
		expect(await wf.publish(TRIGGER)).toBe(false);
		expect(hooks()).toEqual([]);
	});
});

describe('refusals name the fix', () => {
	const trigger = (source: string, credentialType: string) =>
		node(
			'Outreach Trigger',
			'outreachTrigger',
			{ path: 'p', source, events: ['replied'] },
			{ [credentialType]: 'sandbox' },
			{ typeVersion: 1.1 },
		);

	test('Woodpecker: a wrong API key; only Added to Sequence chosen (no such Woodpecker event)', async () => {
		const wrongKey = new WorkflowHarness(
			{ nodes: [trigger('woodpecker', 'woodpeckerApi')], connections: {} },
			{ woodpeckerApi: { ...tools.credentials.woodpecker, apiKey: 'wrong' } },
		);
		const failed = wrongKey.publish('Outreach Trigger');
		await expect(failed).rejects.toThrow(/Woodpecker did not let the Outreach Trigger list/);
		await failed.catch((e: { description?: string }) =>
			expect(e.description).toMatch(/Check the API key in the Woodpecker API credential/),
		);
		const added = new WorkflowHarness(
			{ nodes: [trigger('woodpecker', 'woodpeckerApi')], connections: {} },
			{ woodpeckerApi: { ...tools.credentials.woodpecker } },
		);
		added.workflow.getNode('Outreach Trigger')!.parameters.events = ['addedToSequence'];
		await expect(added.publish('Outreach Trigger')).rejects.toThrow(
			'Woodpecker has no webhook event for the chosen Events',
		);
		expect(tools.hooks('woodpecker')).toEqual([]);
	});

	test('lemlist: a wrong API key', async () => {
		const wf = new WorkflowHarness(
			{ nodes: [trigger('lemlist', 'lemlistLeadsApi')], connections: {} },
			{ lemlistLeadsApi: { ...tools.credentials.lemlist, apiKey: 'wrong' } },
		);
		const failed = wf.publish('Outreach Trigger');
		await expect(failed).rejects.toThrow(
			/lemlist did not let the Outreach Trigger list its webhooks/,
		);
		await failed.catch((e: { description?: string }) =>
			expect(e.description).toMatch(/Check the API key in the Lemlist Leads API credential/),
		);
	});

	test.each([
		[
			'a key without the webhooks scope',
			{ apiKey: 'sandbox-instantly-leads-only-key' },
			{},
			/webhooks:all/,
		],
		['a workspace without a paid plan', {}, { paidPlan: false }, /paid Instantly plan/],
	])('Instantly: %s', async (_what, credentials, config, fix) => {
		tools.configure({ instantly: config });
		const wf = new WorkflowHarness(
			{ nodes: [trigger('instantly', 'instantlyApi')], connections: {} },
			{ instantlyApi: { ...tools.credentials.instantly, ...credentials } },
		);
		const failed = wf.publish('Outreach Trigger');
		await expect(failed).rejects.toThrow(/Instantly did not let the Outreach Trigger/);
		await failed.catch((e: { description?: string }) => expect(e.description).toMatch(fix));
		tools.configure({ instantly: { paidPlan: true } });
		expect(tools.hooks('instantly')).toEqual([]);
	});
});

describe('Instantly disabled a hook after failed deliveries', () => {
	test('publish resumes it instead of creating a new one; deliveries flow again', async () => {
		const wf = new WorkflowHarness(
			{
				nodes: [
					node(
						'Outreach Trigger',
						'outreachTrigger',
						{ path: 'p', source: 'instantly', events: ['replied'] },
						{ instantlyApi: 'sandbox' },
						{ typeVersion: 1.1 },
					),
				],
				connections: {},
			},
			{ instantlyApi: { ...tools.credentials.instantly } },
		);
		await wf.publish('Outreach Trigger');
		const [hook] = tools.hooks('instantly');
		tools.disableHook(hook.id);
		expect(tools.outgoing('instantly', 'reply_received', {})).toEqual([]);
		expect(await wf.publish('Outreach Trigger')).toBe(false);
		expect(tools.hooks('instantly')).toEqual([expect.objectContaining({ id: hook.id, status: 1 })]);
		expect(tools.outgoing('instantly', 'reply_received', {})).toHaveLength(1);
		expect(
			tools.requests().map((r: { method: string; path: string }) => `${r.method} ${r.path}`),
		).toContain(`POST /instantly/api/v2/webhooks/${hook.id}/resume`);
	});
});

describe('Smartlead: webhooks per picked campaign', () => {
	const TRIGGER = 'Outreach Trigger';
	const picked = (...ids: string[]) => ({
		items: ids.map((value) => ({ campaign: { __rl: true, mode: 'list', value } })),
	});
	const workflow = (params: IDataObject, credentials: IDataObject = {}) =>
		new WorkflowHarness(
			{
				nodes: [
					node(
						TRIGGER,
						'outreachTrigger',
						{ path: 'smartlead-campaigns', source: 'smartlead', events: ['replied'], ...params },
						{ smartleadApi: 'sandbox' },
						{ typeVersion: 2.1 },
					),
				],
				connections: {},
			},
			{ smartleadApi: { ...tools.credentials.smartlead, ...credentials } },
		);
	// Each campaign's reply is another message (the same one twice would be dropped as a redelivery).
	const reply = (campaign: number) => {
		const { secret_key: _s, ...rest } = fixture('smartlead-EMAIL_REPLY.json');
		return {
			...rest,
			campaign_id: campaign,
			stats_id: `stats-${campaign}`,
			reply_message: { ...(rest.reply_message as IDataObject), message_id: `<m-${campaign}@x>` },
		};
	};

	test('no campaign picked: publishing says Smartlead needs one, and registers nothing', async () => {
		const failed = workflow({}).publish(TRIGGER);
		await expect(failed).rejects.toThrow(
			'Smartlead registers webhooks per campaign: pick at least one campaign under Campaigns',
		);
		await failed.catch((e: { description?: string }) =>
			expect(e.description).toMatch(/or set Registration to Manual/),
		);
		expect(tools.hooks('smartlead')).toEqual([]);
		expect(tools.requests()).toEqual([]);
	});

	test('two campaigns: one webhook each; only their events start the workflow; dropping one replaces the set', async () => {
		const wf = workflow({ campaigns: picked('1001', '1002') });
		expect(await wf.publish(TRIGGER)).toBe(true);
		const made = tools.hooks('smartlead') as IDataObject[];
		expect(made.map((h) => [h.campaignId, h.event_types])).toEqual([
			[1001, ['EMAIL_REPLY']],
			[1002, ['EMAIL_REPLY']],
		]);
		for (const campaign of [1001, 1002]) {
			const [d, ...more] = tools.outgoing('smartlead', 'EMAIL_REPLY', reply(campaign));
			expect(more).toEqual([]);
			const url = new URL(d.url);
			const res = await wf.deliver(TRIGGER, {
				body: d.body,
				headers: d.headers,
				query: Object.fromEntries(url.searchParams),
			});
			expect(outputOf(res.run!, TRIGGER)).toEqual([
				expect.objectContaining({ tool: 'smartlead', toolEvent: 'EMAIL_REPLY' }),
			]);
		}
		// A campaign nobody picked sends nothing to this workflow.
		expect(tools.outgoing('smartlead', 'EMAIL_REPLY', reply(1003))).toEqual([]);

		wf.workflow.getNode(TRIGGER)!.parameters.campaigns = picked('1002');
		expect(await wf.publish(TRIGGER)).toBe(true);
		expect((tools.hooks('smartlead') as IDataObject[]).map((h) => h.campaignId)).toEqual([1002]);
		expect(await wf.unpublish(TRIGGER)).toBe(true);
		expect(tools.hooks('smartlead')).toEqual([]);
	});

	test('a wrong API key and an unknown campaign fail publishing with what to do', async () => {
		const wrongKey = workflow({ campaigns: picked('1001') }, { apiKey: 'wrong' }).publish(TRIGGER);
		await expect(wrongKey).rejects.toThrow(/Smartlead did not let the Outreach Trigger list/);
		await wrongKey.catch((e: { description?: string }) =>
			expect(e.description).toMatch(/Check the API key in the Smartlead API credential/),
		);
		const unknown = workflow({ campaigns: picked('1001', '999999') }).publish(TRIGGER);
		await expect(unknown).rejects.toThrow(/Smartlead did not let the Outreach Trigger/);
		await unknown.catch((e: { description?: string }) =>
			expect(e.description).toMatch(/pick it again under Campaigns/),
		);
		expect(tools.hooks('smartlead')).toEqual([]);
	});
});

test('every hook request the trigger made kept to its contract', () => {
	const report = tools.contractReport();
	expect(report.violations).toEqual([]);
	expect(report.noContract).toEqual([]);
});
