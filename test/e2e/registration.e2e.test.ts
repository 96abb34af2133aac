/**
 * Issue 14 in a real n8n: publishing an Outreach Trigger registers its webhook in the tool (the
 * outreach-tools sandbox), the tool delivers to it with the registered token, unpublishing removes
 * it. Per tool with automatic registration (lemlist, Instantly, Woodpecker, Smartlead, HeyReach): publish → the sandbox holds exactly
 * one hook per needed tool event with the right URL, event and token → the sandbox delivers → one
 * execution with the normalized candidate → a forged delivery gets 401 and starts nothing →
 * unpublish → the hooks are gone; a hook deleted in the tool's UI is there again after re-publishing.
 */
import {
	client,
	ctx,
	deploy,
	describeNode,
	fixture,
	hookPath,
	type Json,
	type N8nClient,
	pkgNode,
	sandbox,
} from './helpers';

interface ToolCase {
	tool: 'lemlist' | 'instantly' | 'woodpecker' | 'smartlead' | 'heyreach';
	credentialType: string;
	/** The node version (1.1 for the first three tools; Smartlead registers by default from 2.1). */
	version?: number;
	/** Parameters the tool needs besides the Events (Smartlead: the campaign picker). */
	extra?: Json;
	/** Tool events for Events = Replied, one hook each. */
	events: string[];
	replyType: string;
	payload: Json;
	/** Another event, so redelivery dedupe (kept across re-publishing) does not drop it. */
	next: Json;
	email: string;
	view: (h: Json) => { id: string; url: string; event: string; token: string };
	forge: (body: Json) => { body: Json; headers: Record<string, string>; query?: string };
}

const cases: ToolCase[] = [
	{
		tool: 'lemlist',
		credentialType: 'lemlistLeadsApi',
		events: ['emailsReplied', 'linkedinReplied'],
		replyType: 'emailsReplied',
		payload: (({ secret: _s, ...rest }) => rest)(
			JSON.parse(fixture('outreach/lemlist-emailsReplied.json')),
		),
		next: { _id: 'act_e2e_second_reply' },
		email: 'jane.doe@example.com',
		view: (h) => ({ id: h._id, url: h.targetUrl, event: h.type, token: h.secret }),
		forge: (body) => ({ body: { ...body, secret: 'guessed' }, headers: {} }),
	},
	{
		tool: 'instantly',
		credentialType: 'instantlyApi',
		events: ['reply_received'],
		replyType: 'reply_received',
		payload: JSON.parse(fixture('outreach/instantly-reply_received.json')),
		next: { email_id: '0190f2c4-7a1b-7c3d-9e8f-998877665544' },
		email: 'marco.rossi@example.org',
		view: (h) => ({
			id: h.id,
			url: h.target_hook_url,
			event: h.event_type,
			token: h.headers?.['X-Outreach-Trigger-Token'],
		}),
		forge: (body) => ({ body, headers: { 'X-Outreach-Trigger-Token': 'guessed' } }),
	},
	{
		tool: 'woodpecker',
		credentialType: 'woodpeckerApi',
		events: ['prospect_replied'],
		replyType: 'prospect_replied',
		payload: JSON.parse(fixture('outreach/woodpecker-batch.json'))[0],
		next: { email: { id: 'e2e-second-reply', message: 'Sounds good, call me' } },
		email: 'pieter.devries@example.nl',
		// The token is in the URL Woodpecker calls.
		view: (h) => {
			const u = new URL(h.target_url);
			const token = u.searchParams.get('token') ?? '';
			u.search = '';
			return { id: `${h.event} ${h.target_url}`, url: u.toString(), event: h.event, token };
		},
		forge: (body) => ({ body: [body], headers: {}, query: '?token=guessed' }),
	},
	{
		tool: 'smartlead',
		credentialType: 'smartleadApi',
		version: 2.1,
		extra: { campaigns: { items: [{ campaign: { __rl: true, mode: 'list', value: '1001' } }] } },
		// One webhook on the picked campaign, carrying every event the Events need.
		events: ['EMAIL_REPLY'],
		replyType: 'EMAIL_REPLY',
		payload: (({ secret_key: _s, ...rest }) => ({ ...rest, campaign_id: 1001 }))(
			JSON.parse(fixture('outreach/smartlead-EMAIL_REPLY.json')),
		),
		next: { stats_id: 'e2e-second-reply', reply_message: { message_id: '<e2e-2@x>', text: 'Yes' } },
		email: 'lukas.schmidt@example.de',
		// The token is in the URL Smartlead calls.
		view: (h) => {
			const u = new URL(h.webhook_url);
			const token = u.searchParams.get('token') ?? '';
			u.search = '';
			return {
				id: `${h.campaignId}:${h.id}`,
				url: u.toString(),
				event: [...h.event_types].sort().join(','),
				token,
			};
		},
		forge: (body) => ({ body, headers: {}, query: '?token=guessed' }),
	},
	{
		tool: 'heyreach',
		credentialType: 'heyReachApi',
		version: 2.1,
		events: ['INMAIL_REPLY_RECEIVED', 'MESSAGE_REPLY_RECEIVED'],
		replyType: 'MESSAGE_REPLY_RECEIVED',
		payload: {
			...JSON.parse(fixture('outreach/heyreach-MESSAGE_REPLY_RECEIVED.json')),
			lead: {
				...JSON.parse(fixture('outreach/heyreach-MESSAGE_REPLY_RECEIVED.json')).lead,
				email_address: 'tom.baker@example.co.uk',
			},
		},
		// Replies are keyed by conversation + reply time: another conversation is another reply.
		next: { conversation_id: 'e2e-second-conversation' },
		email: 'tom.baker@example.co.uk',
		view: (h) => {
			const u = new URL(h.webhookUrl);
			const token = u.searchParams.get('token') ?? '';
			u.search = '';
			return { id: String(h.id), url: u.toString(), event: h.eventType, token };
		},
		forge: (body) => ({ body, headers: {}, query: '?token=guessed' }),
	},
];

async function control(what: string, body?: Json): Promise<any> {
	const url = `${sandbox('outreachTools').url}/__sandbox/${what}`;
	const r = await fetch(url, {
		method: body ? 'POST' : 'GET',
		headers: body ? { 'content-type': 'application/json' } : {},
		body: body ? JSON.stringify(body) : undefined,
	});
	if (!r.ok) throw new Error(`sandbox ${what} → ${r.status}`);
	return await r.json();
}

const triggerItems = (exec: Json): Json[] =>
	(exec.data.resultData.runData['Outreach Trigger'][0].data.main[0] as Array<{ json: Json }>).map(
		(i) => i.json,
	);

describeNode(
	'OutreachTrigger',
	'Outreach Trigger registers its webhook on publish (real n8n)',
	() => {
		let c: N8nClient;
		beforeAll(() => {
			c = client();
		});

		describe.each(cases)('$tool', (tc) => {
			const path = hookPath(`register-${tc.tool}`);
			let workflowId: string;
			const url = () => `${ctx().n8n.url}/webhook/${path}`;
			const hooks = async () =>
				((await control('hooks'))[tc.tool] as Json[]).map(tc.view).filter((h) => h.url === url());
			/** n8n registers webhooks a moment after the activate call returns: wait (bounded) for `count`. */
			async function hooksOnceSettled(count: number) {
				const until = Date.now() + 20_000;
				let now = await hooks();
				while (now.length !== count && Date.now() < until) {
					await new Promise((r) => setTimeout(r, 200));
					now = await hooks();
				}
				return now;
			}
			/**
			 * The token the hooks carry, once n8n has saved it with the workflow (static data is saved
			 * after activation; until then a delivery is refused with 401).
			 */
			async function tokenSaved(token: string) {
				const until = Date.now() + 20_000;
				for (;;) {
					const wf = (await c.api('GET', `/workflows/${workflowId}`)) as Json;
					const saved = wf.staticData?.['node:Outreach Trigger']?.registration?.secret;
					if (saved === token || Date.now() > until) return saved;
					await new Promise((r) => setTimeout(r, 200));
				}
			}
			const deactivate = async () => {
				await c.api('POST', `/workflows/${workflowId}/deactivate`);
				return await hooksOnceSettled(0);
			};
			const deliver = async (payload: Json = tc.payload) =>
				(await control('hooks/deliver', {
					tool: tc.tool,
					type: tc.replyType,
					payload,
					url: url(),
				})) as Array<{ url: string; status: number }>;

			beforeAll(async () => {
				const info = ctx().sandboxes.outreachTools as unknown as {
					credentials: Record<string, Json>;
				};
				const cred = await c.createCredential(
					`${tc.tool} registration sandbox`,
					tc.credentialType,
					info.credentials[tc.tool],
				);
				workflowId = await deploy(c, {
					name: `e2e: Outreach Trigger registers in ${tc.tool}`,
					nodes: [
						pkgNode(
							'Outreach Trigger',
							'outreachTrigger',
							{ path, source: tc.tool, events: ['replied'], options: {}, ...tc.extra },
							{ [tc.credentialType]: { id: cred.id, name: cred.name } },
							{ typeVersion: tc.version ?? 1.1, webhookId: path, position: [0, 0] },
						),
					],
					connections: {},
				});
			});

			test('publish: exactly one hook per needed tool event, on the production URL, with a random token', async () => {
				const made = await hooksOnceSettled(tc.events.length);
				expect(made.map((h) => h.event).sort()).toEqual(tc.events);
				const tokens = new Set(made.map((h) => h.token));
				expect(tokens.size).toBe(1);
				expect([...tokens][0]).toMatch(/^[0-9a-f]{64}$/);
				expect(await tokenSaved([...tokens][0])).toBe([...tokens][0]);
			});

			test('the tool delivers: one execution with the normalized candidate, without the token', async () => {
				const sent = await deliver();
				expect(sent.map((s) => [s.url.split('?')[0], s.status])).toEqual([[url(), 200]]);
				const [exec] = await c.waitForExecutions(workflowId, 1, { includeData: true });
				expect(exec.status).toBe('success');
				const items = triggerItems(exec);
				expect(items).toHaveLength(1);
				expect(items[0]).toMatchObject({ tool: tc.tool, toolEvent: tc.replyType });
				expect(items[0].emails[0].value).toBe(tc.email);
				const [{ token }] = await hooks();
				expect(JSON.stringify(exec.data)).not.toContain(token);
			});

			test('a forged delivery gets 401 and leaves no execution', async () => {
				const forged = tc.forge(tc.payload);
				const res = await c.webhook(path + (forged.query ?? ''), JSON.stringify(forged.body), {
					headers: { 'content-type': 'application/json', ...forged.headers },
				});
				expect(res.status).toBe(401);
				await new Promise((r) => setTimeout(r, 300));
				expect(await c.executions(workflowId)).toHaveLength(1);
			});

			test('unpublish removes the hooks; after a deletion in the tool, re-publishing re-creates them', async () => {
				const [first] = await hooks();
				await control('hooks/remove', { tool: tc.tool, id: first.id });
				expect(await deactivate()).toEqual([]);

				await c.activate(workflowId);
				const again = await hooksOnceSettled(tc.events.length);
				expect(await tokenSaved(again[0].token)).toBe(again[0].token);
				expect(again.map((h) => h.event).sort()).toEqual(tc.events);
				expect(again.some((h) => h.id === first.id)).toBe(false);
				expect((await deliver({ ...tc.payload, ...tc.next })).map((s) => s.status)).toEqual([200]);
				await c.waitForExecutions(workflowId, 2);

				expect(await deactivate()).toEqual([]);
			});
		});
	},
	'outreach-tools',
);
