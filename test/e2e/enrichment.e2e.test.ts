/**
 * Outreach Trigger enrichment in a real n8n: a lemlist reply without a LinkedIn URL is completed from
 * the lemlist API (our Lemlist Leads API credential, pointing at the sandbox), and Stardex, which requires a
 * LinkedIn URL, then creates the person, once.
 */
import {
	chain,
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

describeNode(
	'OutreachTrigger',
	'Outreach Trigger enrichment (lemlist API) → Stardex in real n8n',
	() => {
		let c: N8nClient;
		let workflowId: string;
		let path: string;
		const SECRET = 'lemlist-shared-secret-123';
		const tools = () => sandbox('outreachTools');
		const sdx = () => sandbox('stardex');

		beforeAll(async () => {
			c = client();
			const info = ctx().sandboxes.outreachTools as unknown as { credentials: { lemlist: Json } };
			const lemlist = await c.createCredential(
				'lemlist sandbox',
				'lemlistLeadsApi',
				info.credentials.lemlist,
			);
			const stardex = ctx().credentials.stardex;
			path = hookPath('enrich-lemlist');
			workflowId = await deploy(c, {
				name: 'e2e enrichment: lemlist → Stardex',
				nodes: [
					pkgNode(
						'Outreach Trigger',
						'outreachTrigger',
						{
							path,
							source: 'lemlist',
							events: ['replied'],
							authentication: 'bodySecret',
							secret: SECRET,
							enrichMissing: true,
							options: {},
						},
						{ lemlistLeadsApi: { id: lemlist.id, name: lemlist.name } },
						{ webhookId: path, position: [0, 0] },
					),
					pkgNode(
						'Stardex',
						'stardex',
						{
							resource: 'candidate',
							operation: 'export',
							candidateInput: 'input',
							ifExists: 'skip',
							options: {},
						},
						{ stardexApi: { id: stardex.id, name: stardex.name } },
					),
				],
				connections: chain('Outreach Trigger', 'Stardex'),
			});
		});

		test('the reply is completed with the LinkedIn URL from lemlist, and Stardex creates the person once', async () => {
			await tools().seed({
				lemlist: [
					{
						_id: 'lea_Pq7wErT2',
						email: 'lena.hoffmann@example.de',
						firstName: 'Lena',
						lastName: 'Hoffmann',
						companyName: 'Kubewerk',
						jobTitle: 'Staff Engineer',
						linkedinUrl: 'https://www.linkedin.com/in/lena-hoffmann-e2e',
						campaignId: 'cam_A1b2C3d4',
					},
				],
			});
			const body = fixture('outreach/lemlist-emailsReplied-no-linkedin.json');
			const res = await c.webhook(path, JSON.parse(body));
			expect(res.status).toBe(200);
			const [exec] = await c.waitForExecutions(workflowId, 1, { includeData: true });
			expect(exec.status).toBe('success');
			const trigger = exec.data.resultData.runData['Outreach Trigger'][0].data.main[0][0].json;
			expect(trigger).toMatchObject({
				linkedinUrl: 'https://www.linkedin.com/in/lena-hoffmann-e2e',
				enrichment: { ok: true, source: 'lemlist API' },
			});
			expect(JSON.stringify(trigger)).not.toContain(
				(
					ctx().sandboxes.outreachTools as unknown as {
						credentials: { lemlist: { apiKey: string } };
					}
				).credentials.lemlist.apiKey,
			);
			const out = exec.data.resultData.runData.Stardex[0].data.main[0][0].json;
			expect(out).toMatchObject({ ats: 'stardex', status: 'created' });
			const persons = ((await sdx().state()) as { persons: Json[] }).persons.filter((p) =>
				JSON.stringify(p).includes('lena-hoffmann-e2e'),
			);
			expect(persons).toHaveLength(1);

			// The same delivery again starts nothing (remembered in the run) and asks lemlist nothing.
			const lemlistCalls = async () =>
				(await tools().requests()).filter((r) => r.path.startsWith('/lemlist/')).length;
			const before = await lemlistCalls();
			await new Promise((r) => setTimeout(r, 700));
			expect((await c.webhook(path, JSON.parse(body))).status).toBe(200);
			await new Promise((r) => setTimeout(r, 800));
			expect(await c.executions(workflowId)).toHaveLength(1);
			expect(await lemlistCalls()).toBe(before);
		});
	},
	'outreach-tools',
);
