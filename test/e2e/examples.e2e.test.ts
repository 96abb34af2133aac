/**
 * Every workflow in examples/workflows/ (the README's seed scenarios, also loaded by `npm run demo`),
 * imported through the public API, activated, and started through its real webhook with the documented
 * payload, signed as the tool signs it. Afterwards the sandboxes hold the records the workflow writes,
 * and sending the same delivery again writes nothing new.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { client, ctx, type Json, type N8nClient, sandbox } from './helpers';

const examples = require('../../scripts/real-n8n/examples');
const { buildTriggerRequest, isTrigger } = require('../../scripts/real-n8n/triggers');

const files: string[] = examples.exampleFiles();
const OK = ['created', 'skipped', 'applied', 'updated', 'jobAdded', 'moved'];

async function allCounts() {
	const out: Record<string, number> = {};
	for (const name of Object.keys(ctx().sandboxes)) {
		const s = await sandbox(name).state();
		for (const [k, v] of Object.entries(s.counts ?? {}))
			if (k !== 'jobs' || name === 'intellihr') out[`${name}.${k}`] = v as number;
	}
	return out;
}
const lastNodeItems = (exec: Json): Json[] => {
	const rd = exec.data.resultData;
	return (rd.runData[rd.lastNodeExecuted]?.[0]?.data?.main?.[0] ?? []).map((i: Json) => i.json);
};

(files.length ? describe : describe.skip)(
	`examples/workflows (${files.length}) in real n8n`,
	() => {
		let c: N8nClient;
		let credByType: Record<string, { id: string; name: string; data: Json }>;
		const csvDir = () => path.join(ctx().workDir, 'payloads');

		beforeAll(async () => {
			c = client();
			credByType = await examples.exampleCredentials(
				c,
				ctx().declared,
				ctx().credentials,
				ctx().sandboxes,
			);
			fs.mkdirSync(csvDir(), { recursive: true });
		});

		describe.each(files)('%s', (file) => {
			const wf = examples.loadExample(file);
			let workflowId: string;
			let request: Json;

			beforeAll(async () => {
				for (const name of Object.keys(ctx().sandboxes)) await sandbox(name).reset();
				const pinpointApplicationId = ctx().sandboxes.pinpoint
					? await examples.seedPinpointHire(ctx().sandboxes.pinpoint.url)
					: undefined;
				if (ctx().sandboxes.outreachTools)
					await examples.seedOutreachLeads(ctx().sandboxes.outreachTools.url);
				const { body, missing } = await examples.prepareExample(c, wf, credByType);
				expect(missing).toEqual([]);
				const created = await c.createWorkflow(body);
				workflowId = created.id;
				const trigger = body.nodes.find(isTrigger);
				expect(trigger).toBeDefined();
				request = buildTriggerRequest({
					workflow: { ...wf, nodes: body.nodes },
					node: trigger,
					baseUrl: ctx().n8n.url,
					credentialData: (t: string) => credByType[t]?.data,
					pinpointApplicationId,
					sampleCsv: examples.writeSampleCsv(csvDir()),
				});
				expect(request.skip).toBeUndefined();
			});

			const send = () => {
				const u = new URL(request.url);
				return c.webhook(u.pathname.replace(/^\/webhook\//, '') + u.search, request.body, {
					method: request.method,
					headers: request.headers,
				});
			};

			test('activates through the public API', async () => {
				const res = await c.activate(workflowId);
				expect(res.active).toBe(true);
			});

			test('its trigger request runs it successfully and writes the records to the sandbox', async () => {
				const before = await allCounts();
				const res = await send();
				expect(res.status).toBeLessThan(300);
				const [exec] = await c.waitForExecutions(workflowId, 1, { includeData: true });
				const rd = exec.data.resultData;
				expect({ status: exec.status, error: rd.error?.message }).toEqual({
					status: 'success',
					error: undefined,
				});
				const out = lastNodeItems(exec);
				expect(out.length).toBeGreaterThan(0);
				// the sample CSV has one row without email or LinkedIn on purpose: it must fail or be skipped, naming the row
				const bad = out.filter((o) => !OK.includes(o.status));
				for (const b of bad) expect(String(b.error ?? '')).toMatch(/\[item \d+\]/);
				expect(bad.length).toBeLessThanOrEqual(file.startsWith('csv-backfill') ? 1 : 0);
				expect(out.filter((o) => o.status === 'created').length).toBeGreaterThan(0);
				const after = await allCounts();
				const grew = Object.keys(after).filter((k) => after[k] > (before[k] ?? 0));
				expect(grew.length).toBeGreaterThan(0);
				// Mark as Synced after the export: the ATS link is on the lead in the outreach tool's sandbox.
				if (wf.nodes.some((n: Json) => n.type.endsWith('.outreach'))) {
					expect(out.map((o) => [o.markedSynced, o.markStatus])).toEqual([[true, 'marked']]);
					const leads: Json[] = (await sandbox('outreachTools').state()).lemlist.leads;
					expect(leads.find((l) => l._id === out[0].markedLeads[0])).toMatchObject({
						atsProfileUrl: out[0].profileUrl,
						atsCandidateId: String(out[0].candidateId),
					});
				}
			});

			test('the same delivery again writes nothing new', async () => {
				await new Promise((r) => setTimeout(r, 1000)); // n8n saves the trigger's remembered ids after the run
				const before = await allCounts();
				const runs = (await c.executions(workflowId)).length;
				const res = await send();
				expect(res.status).toBeLessThan(300);
				await new Promise((r) => setTimeout(r, 800));
				const list = await c.executions(workflowId, { includeData: true });
				if (list.length > runs) {
					// no trigger-level dedupe (a plain upload webhook): the export itself must skip everyone
					const newest = list.sort((a, b) => Number(b.id) - Number(a.id))[0];
					expect(newest.status).toBe('success');
					for (const o of lastNodeItems(newest)) expect(['skipped', 'failed']).toContain(o.status);
				}
				expect(await allCounts()).toEqual(before);
			});
		});
	},
);
