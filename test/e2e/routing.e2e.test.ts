/**
 * Job Routing and Dry Run in a real n8n: the By Campaign example (lemlist-campaigns-greenhouse.json)
 * imported and published through the public API, first as a copy with Options › Dry Run on (the
 * sandbox gets no write; the output lists the create it would send), then as it is (the candidate is
 * created on the job of the reply's campaign, as the dry run said).
 */
import { client, ctx, describeNode, type Json, type N8nClient, sandbox, uuid } from './helpers';

const examples = require('../../scripts/real-n8n/examples');
const { buildTriggerRequest, isTrigger } = require('../../scripts/real-n8n/triggers');

const FILE = 'lemlist-campaigns-greenhouse.json';
const isWrite = (r: { method: string; path: string }) =>
	!['GET', 'HEAD'].includes(r.method) && r.path !== '/token';

describeNode(
	'Greenhouse',
	`${FILE} (Job Routing by campaign, Dry Run) in real n8n`,
	() => {
		let c: N8nClient;
		let credByType: Record<string, { id: string; name: string; data: Json }>;
		const gh = () => sandbox('greenhouse');

		beforeAll(async () => {
			c = client();
			credByType = await examples.exampleCredentials(c, ctx().declared, ctx().credentials);
			for (const name of Object.keys(ctx().sandboxes)) await sandbox(name).reset();
		});

		/** Publishes a copy of the example on its own path (optionally a dry run) and sends its trigger request. */
		async function runExample(dryRun: boolean): Promise<{ out: Json[]; jobOfRow: string }> {
			const wf = examples.loadExample(FILE);
			const { body, missing } = await examples.prepareExample(c, wf, credByType);
			expect(missing).toEqual([]);
			const trigger = body.nodes.find(isTrigger);
			const exporter = body.nodes.find((n: Json) => n.type.endsWith('.greenhouse'));
			// Each copy on its own path: the examples e2e publishes the example itself in the same n8n.
			trigger.parameters.path = `${trigger.parameters.path}-${dryRun ? 'dry' : 'routed'}`;
			trigger.webhookId = uuid();
			if (dryRun) {
				body.name = `${body.name} (dry run)`;
				exporter.parameters.options = { ...exporter.parameters.options, dryRun: true };
			}
			const jobOfRow = String(exporter.parameters.campaignJobs.routes[0].job.value);
			expect(jobOfRow).toMatch(/^\d+$/);
			const created = await c.createWorkflow(body);
			expect((await c.activate(created.id)).active).toBe(true);
			const request = buildTriggerRequest({
				workflow: { ...wf, nodes: body.nodes },
				node: trigger,
				baseUrl: ctx().n8n.url,
				credentialData: (t: string) => credByType[t]?.data,
			});
			expect(request.skip).toBeUndefined();
			const u = new URL(request.url);
			const res = await c.webhook(u.pathname.replace(/^\/webhook\//, '') + u.search, request.body, {
				method: request.method,
				headers: request.headers,
			});
			expect(res.status).toBeLessThan(300);
			const [exec] = await c.waitForExecutions(created.id, 1, { includeData: true });
			expect(exec.status).toBe('success');
			const run = exec.data.resultData.runData[exporter.name]?.[0]?.data?.main?.[0] ?? [];
			return { out: run.map((i: Json) => i.json), jobOfRow };
		}

		test('Dry Run: the campaign picks the job, the create is listed, and nothing is written', async () => {
			const writesBefore = (await gh().requests()).filter(isWrite).length;
			const { out, jobOfRow } = await runExample(true);
			expect(out).toHaveLength(1);
			expect(out[0]).toMatchObject({
				dryRun: true,
				status: 'dryRun',
				decision: 'created',
				wouldCreate: true,
				candidateId: null,
				jobRoute: { by: 'campaign', campaign: 'Backend Engineers Berlin', matchedBy: 'name' },
			});
			const create = (out[0].requests as Json[]).find((r) => r.path === '/v3/candidates');
			expect(create?.method).toBe('POST');
			expect(create?.body.application.job_id).toBe(Number(jobOfRow));
			expect((await gh().requests()).filter(isWrite).length).toBe(writesBefore);
			expect((await gh().state()).counts.candidates).toBe(0);
		});

		test('the real run creates the candidate on the job of the campaign, as the dry run said', async () => {
			const { out, jobOfRow } = await runExample(false);
			expect(out).toHaveLength(1);
			expect(out[0]).toMatchObject({
				status: 'created',
				jobId: Number(jobOfRow),
				jobRoute: { by: 'campaign', campaign: 'Backend Engineers Berlin' },
			});
			const state = await gh().state();
			expect(state.counts.candidates).toBe(1);
			expect(state.applications.map((a: Json) => a.job_id)).toEqual([Number(jobOfRow)]);
		});
	},
	'greenhouse',
);
