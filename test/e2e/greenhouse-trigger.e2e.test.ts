/**
 * Greenhouse Trigger in a real n8n: Greenhouse's documented payloads, signed as Greenhouse signs them
 * ("Signature: sha256 <hex>" over the raw body), through the real production webhook.
 */
import {
	client,
	describeNode,
	fixture,
	hmac,
	hookPath,
	type Json,
	type N8nClient,
	pkgNode,
	deploy,
} from './helpers';

const SECRET = 'e2e-greenhouse-webhook-secret-0123456789';

describeNode(
	'GreenhouseTrigger',
	'Greenhouse Trigger (n8n-nodes-ats-sync.greenhouseTrigger) in real n8n',
	() => {
		let c: N8nClient;
		let workflowId: string;
		let credId: string;
		const path = hookPath('gh-trigger');

		const send = (body: string, headers: Record<string, string> = {}) =>
			c.webhook(path, body, { headers });
		const signed = (body: string, extra: Record<string, string> = {}) =>
			send(body, { Signature: `sha256 ${hmac(SECRET, body)}`, ...extra });
		const items = (exec: Json): Json[] =>
			exec.data.resultData.runData['Greenhouse Trigger'][0].data.main[0].map((i: Json) => i.json);

		beforeAll(async () => {
			c = client();
			const cred = await c.createCredential('Greenhouse web hook (e2e)', 'greenhouseWebhookApi', {
				secretKey: SECRET,
			});
			credId = cred.id;
			workflowId = await deploy(c, {
				name: 'e2e: Greenhouse Trigger',
				nodes: [
					pkgNode(
						'Greenhouse Trigger',
						'greenhouseTrigger',
						{ events: ['hire_candidate', 'new_candidate_application'], path },
						{ greenhouseWebhookApi: { id: cred.id, name: cred.name } },
					),
				],
				connections: {},
			});
		});

		test('credential test (node-defined greenhouseWebhookSecretTest) through POST /rest/credentials/test', async () => {
			const saved = await c.rest('GET', `/credentials/${credId}?includeData=true`);
			const ok = await c.rest('POST', '/credentials/test', {
				credentials: { id: saved.id, name: saved.name, type: saved.type, data: saved.data },
			});
			expect(ok.status).toBe('OK');
			const spaced = await c.rest('POST', '/credentials/test', {
				credentials: {
					id: saved.id,
					name: saved.name,
					type: saved.type,
					data: { secretKey: ` ${SECRET}` },
				},
			});
			expect(spaced).toMatchObject({ status: 'Error', message: expect.stringMatching(/space/) });
		});

		test('the ping Greenhouse sends on save is answered 200 and starts nothing', async () => {
			const res = await signed(fixture('greenhouse-webhooks/ping.json'));
			expect(res.status).toBe(200);
			await new Promise((r) => setTimeout(r, 300));
			expect(await c.executions(workflowId)).toEqual([]);
		});

		test('unsigned and wrongly signed deliveries get 401 and leave no execution', async () => {
			const body = fixture('greenhouse-webhooks/hire_candidate.json');
			const unsigned = await send(body);
			expect(unsigned.status).toBe(401);
			expect(unsigned.text).toMatch(/Signature header is missing/);
			const wrong = await send(body, { Signature: `sha256 ${hmac('another-secret', body)}` });
			expect(wrong.status).toBe(401);
			expect(wrong.text).toMatch(/does not match/);
			expect(wrong.text).not.toContain(SECRET);
			await new Promise((r) => setTimeout(r, 300));
			expect(await c.executions(workflowId)).toEqual([]);
		});

		test('a signed hire_candidate starts the workflow with the candidate, job and offer start date', async () => {
			const body = fixture('greenhouse-webhooks/hire_candidate.json');
			const res = await signed(body, { 'Greenhouse-Event-ID': 'e2e-hire-1' });
			expect(res.status).toBe(200);
			const [exec] = await c.waitForExecutions(workflowId, 1, { includeData: true });
			expect(exec.status).toBe('success');
			const [item] = items(exec);
			const raw = JSON.parse(body).payload.application;
			expect(item).toMatchObject({
				fullName: expect.stringContaining(raw.candidate.first_name),
				eventId: 'e2e-hire-1',
			});
			expect(item.startDate).toMatch(/^\d{4}-\d{2}-\d{2}/);
		});

		test('the same Greenhouse-Event-ID again, and an event not selected, start nothing', async () => {
			const body = fixture('greenhouse-webhooks/hire_candidate.json');
			expect((await signed(body, { 'Greenhouse-Event-ID': 'e2e-hire-1' })).status).toBe(200);
			const reject = fixture('greenhouse-webhooks/reject_candidate.json');
			const r = await signed(reject);
			expect(r.status).toBe(200);
			expect(r.text).toMatch(/not one of the events/);
			await new Promise((r2) => setTimeout(r2, 500));
			expect(await c.executions(workflowId)).toHaveLength(1);
		});

		// n8n 2.41.1 does not save static data that a trigger's webhook() changes once the workflow has any
		// (WorkflowRunner wraps it again and ObservableObject.create resets its __dataChanged flag before
		// LiveWebhooks saves it). Our triggers also record delivery ids in execute(), which runs inside the
		// execution, and n8n saves static data changed there. So every id is remembered, not only the first.
		test('every delivery id is remembered across deliveries: A, B, B, C, A, C start three runs', async () => {
			const before = (await c.executions(workflowId)).length;
			const body = fixture('greenhouse-webhooks/new_candidate_application.json');
			const distinct = new Set<string>();
			for (const id of ['A', 'B', 'B', 'C', 'A', 'C']) {
				expect((await signed(body, { 'Greenhouse-Event-ID': `e2e-seq-${id}` })).status).toBe(200);
				distinct.add(id);
				await c.waitForExecutions(workflowId, before + distinct.size);
				// Let the run finish, so its static data is saved before the next delivery arrives.
				await new Promise((r) => setTimeout(r, 700));
			}
			await new Promise((r) => setTimeout(r, 1000));
			expect(await c.executions(workflowId)).toHaveLength(before + 3);
		});
	},
);
