/**
 * Pinpoint Trigger in a real n8n: signed deliveries (PINPOINT-HMAC-SHA256 = base64 HMAC-SHA256 of the raw
 * body) through the production webhook, with the application read back from the Pinpoint sandbox.
 */
import {
	client,
	ctx,
	deploy,
	describeNode,
	hmac,
	hookPath,
	type Json,
	type N8nClient,
	pkgNode,
	sandbox,
} from './helpers';

describeNode(
	'PinpointTrigger',
	'Pinpoint Trigger (n8n-nodes-ats-sync.pinpointTrigger) in real n8n',
	() => {
		let c: N8nClient;
		let workflowId: string;
		const path = hookPath('pinpoint');
		const pp = () => sandbox('pinpoint');
		const secret = () => String(ctx().credentials.pinpoint.data.webhookSigningSecret);
		const delivery = (event: string, applicationId: string, key = secret()) => {
			const body = JSON.stringify({
				event,
				triggeredAt: new Date().toISOString(),
				data: { application: { id: applicationId } },
			});
			return {
				body,
				headers: {
					'PINPOINT-HMAC-SHA256': hmac(key, body, 'sha256', 'base64'),
					'User-Agent': 'Pinpoint-Webhooks',
				},
			};
		};
		let firstDelivery: { body: string; headers: Record<string, string> } | undefined;
		const items = (exec: Json): Json[] =>
			exec.data.resultData.runData['Pinpoint Trigger'][0].data.main[0].map((i: Json) => i.json);

		beforeAll(async () => {
			c = client();
			const cred = ctx().credentials.pinpoint;
			expect(cred).toBeDefined();
			await pp().reset();
			workflowId = await deploy(c, {
				name: 'e2e: Pinpoint Trigger',
				nodes: [
					pkgNode(
						'Pinpoint Trigger',
						'pinpointTrigger',
						{ events: ['application_hired'], fetchDetails: true, path, options: {} },
						{ pinpointApi: { id: cred.id, name: cred.name } },
					),
				],
				connections: {},
			});
		});

		test('credential test through POST /rest/credentials/test: OK for the sandbox key, a clear error for a wrong key', async () => {
			const cred = ctx().credentials.pinpoint;
			for (const [id, expected] of [
				[cred.id, 'OK'],
				[cred.badId!, 'Error'],
			] as const) {
				const saved = await c.rest('GET', `/credentials/${id}?includeData=true`);
				const res = await c.rest('POST', '/credentials/test', {
					credentials: { id: saved.id, name: saved.name, type: saved.type, data: saved.data },
				});
				expect(res.status).toBe(expected);
				if (expected === 'Error') {
					// n8n 1.x answers a 401 with its own "Authorization failed - please check your credentials".
					expect(res.message).toMatch(/key|401|unauthori[sz]ed|authori[sz]ation failed/i);
					expect(res.message).not.toContain('wrong-secret-for-e2e');
				}
			}
		});

		test('a delivery signed with another secret, or unsigned, gets 401 and leaves no execution', async () => {
			const forged = delivery('application_hired', '1234567', 'not-the-secret');
			expect((await c.webhook(path, forged.body, { headers: forged.headers })).status).toBe(401);
			expect((await c.webhook(path, forged.body)).status).toBe(401);
			await new Promise((r) => setTimeout(r, 300));
			expect(await c.executions(workflowId)).toEqual([]);
		});

		test('application_hired starts the workflow with the applicant read from the Pinpoint API', async () => {
			const seeded = await pp().seed({
				applications: [
					{
						firstName: 'Mary',
						lastName: 'Jackson',
						email: 'mary.jackson@example.com',
						stage: 'Hired',
						startDate: '2026-12-01',
					},
				],
			});
			const appId = String(seeded.applications[0]);
			const d = delivery('application_hired', appId);
			firstDelivery = d;
			const res = await c.webhook(path, d.body, { headers: d.headers });
			expect(res.status).toBe(200);
			const [exec] = await c.waitForExecutions(workflowId, 1, { includeData: true });
			expect(exec.status).toBe('success');
			const [item] = items(exec);
			expect(item).toMatchObject({
				fullName: 'Mary Jackson',
				emails: [expect.objectContaining({ value: 'mary.jackson@example.com' })],
				startDate: '2026-12-01',
			});
			const reads = (await pp().requests()).map((r) => `${r.method} ${r.path}`);
			expect(reads).toContain(`GET /api/v1/applications/${appId}`);
		});

		test('the same delivery again starts nothing; an event not selected starts nothing', async () => {
			// Pinpoint's retries are byte-identical
			expect(firstDelivery).toBeDefined();
			expect(
				(await c.webhook(path, firstDelivery!.body, { headers: firstDelivery!.headers })).status,
			).toBe(200);
			const appId = String(JSON.parse(firstDelivery!.body).data.application.id);
			const moved = delivery('application_moved', appId);
			expect((await c.webhook(path, moved.body, { headers: moved.headers })).status).toBe(200);
			await new Promise((r) => setTimeout(r, 600));
			expect(await c.executions(workflowId)).toHaveLength(1);
		});
	},
	'pinpoint',
);
