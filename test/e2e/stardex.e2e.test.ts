/**
 * Stardex in a real n8n: the credential test and the editor's job picker / stage dropdown through n8n's
 * REST endpoints, and an interested reply (Outreach Trigger, or a plain webhook if that node isn't built)
 * exported to the Stardex sandbox exactly once.
 */
import {
	chain,
	client,
	ctx,
	deploy,
	describeNode,
	hasNode,
	hmac,
	hookPath,
	type Json,
	type N8nClient,
	nodeType,
	pkgNode,
	sandbox,
	uuid,
	webhookNode,
} from './helpers';

const SECRET = 'e2e-stardex-outreach-secret';

describeNode(
	'Stardex',
	'Stardex (n8n-nodes-ats-sync.stardex) in real n8n',
	() => {
		let c: N8nClient;
		let cred: { id: string; name: string; badId?: string };
		let jobs: Array<{ name: string; value: string }>;
		const sdx = () => sandbox('stardex');

		beforeAll(async () => {
			c = client();
			cred = ctx().credentials.stardex;
			expect(cred).toBeDefined();
			await sdx().reset();
			jobs = (
				await c.rest('POST', '/dynamic-node-parameters/resource-locator-results', {
					...base(),
					path: 'parameters.job',
					methodName: 'searchJobs',
					currentNodeParameters: params({ __rl: true, mode: 'list', value: '' }),
				})
			).results;
		});

		function base() {
			return {
				nodeTypeAndVersion: { name: nodeType('stardex'), version: 1 },
				credentials: { stardexApi: { id: cred.id, name: cred.name } },
			};
		}
		function params(job: Json) {
			return {
				resource: 'candidate',
				operation: 'moveToStage',
				job,
				candidateBy: 'email',
				candidateEmail: '',
				stage: '',
				requestOptions: {},
			};
		}

		test('credential test through POST /rest/credentials/test: OK for the sandbox key, a clear error for a wrong key', async () => {
			for (const [id, expected] of [
				[cred.id, 'OK'],
				[cred.badId!, 'Error'],
			] as const) {
				const saved = await c.rest('GET', `/credentials/${id}?includeData=true`);
				const res = await c.rest('POST', '/credentials/test', {
					credentials: { id: saved.id, name: saved.name, type: saved.type, data: saved.data },
				});
				expect(res.status).toBe(expected);
				if (expected === 'Error') expect(res.message).not.toContain('wrong-secret-for-e2e');
			}
		});

		test('job picker (resource-locator-results, searchJobs) lists the open sandbox jobs', async () => {
			const res = await c.rest('POST', '/dynamic-node-parameters/resource-locator-results', {
				...base(),
				path: 'parameters.job',
				methodName: 'searchJobs',
				filter: jobs[1].name.split(' ')[0],
				currentNodeParameters: params({ __rl: true, mode: 'list', value: '' }),
			});
			expect(jobs.length).toBe(3);
			expect(res.results.map((j: Json) => j.value)).toContain(jobs[1].value);
			for (const j of jobs)
				expect(j).toMatchObject({
					name: expect.any(String),
					value: expect.stringMatching(/^[0-9a-f-]{36}$/),
				});
		});

		test("stage dropdown (options, getJobStages) lists the chosen job's pipeline stages", async () => {
			const job = jobs[0];
			const res = await c.rest('POST', '/dynamic-node-parameters/options', {
				...base(),
				path: 'parameters.stage',
				methodName: 'getJobStages',
				currentNodeParameters: params({
					__rl: true,
					mode: 'list',
					value: job.value,
					cachedResultName: job.name,
				}),
			});
			expect(res.map((o: Json) => o.name)).toEqual([
				'Sourced',
				'Contacted',
				'Screening',
				'Technical Interview',
				'Offer',
				'Placed',
			]);
		});

		describe('an interested reply exported to Stardex', () => {
			const path = hookPath('stardex-export');
			let workflowId: string;
			const useTrigger = hasNode('OutreachTrigger');
			const payload = (eventId: string) => ({
				event: 'replied',
				eventId,
				contact: {
					fullName: 'Dorothy Vaughan',
					email: 'dorothy.vaughan@example.com',
					linkedinUrl: 'https://www.linkedin.com/in/dorothy-vaughan-e2e',
					title: 'Mathematician',
					company: 'NACA',
				},
				reply: { text: 'Sounds great, happy to talk' },
				campaign: { name: 'Compute Q4' },
			});
			const send = (p: Json, secret = SECRET) => {
				const body = JSON.stringify(useTrigger ? p : { candidates: [p.contact] });
				return c.webhook(path, body, {
					headers: { 'X-Signature': `sha256=${hmac(secret, body)}` },
				});
			};

			beforeAll(async () => {
				const job = jobs[0].value;
				const start = useTrigger
					? pkgNode(
							'Outreach Trigger',
							'outreachTrigger',
							{
								path,
								source: 'generic',
								events: ['interested'],
								authentication: 'hmac',
								secret: SECRET,
							},
							undefined,
							{ position: [0, 0] },
						)
					: webhookNode(path, { name: 'Outreach Trigger' });
				const nodes = [start];
				if (!useTrigger)
					nodes.push({
						id: uuid(),
						name: 'Split Out',
						type: 'n8n-nodes-base.splitOut',
						typeVersion: 1,
						position: [150, 0],
						parameters: { fieldToSplitOut: 'body.candidates', options: {} },
					} as never);
				nodes.push(
					pkgNode(
						'Stardex',
						'stardex',
						{
							resource: 'candidate',
							operation: 'export',
							candidateInput: 'input',
							job: { __rl: true, mode: 'id', value: job },
							ifExists: 'skip',
							options: {},
						},
						{ stardexApi: { id: cred.id, name: cred.name } },
					) as never,
				);
				workflowId = await deploy(c, {
					name: 'e2e: interested reply → Stardex',
					nodes,
					connections: useTrigger
						? chain('Outreach Trigger', 'Stardex')
						: chain('Outreach Trigger', 'Split Out', 'Stardex'),
				});
			});

			test('creates the person and puts them on the job', async () => {
				const res = await send(payload('sdx-1'));
				expect(res.status).toBe(200);
				const [exec] = await c.waitForExecutions(workflowId, 1, { includeData: true });
				expect(exec.status).toBe('success');
				const out = exec.data.resultData.runData.Stardex[0].data.main[0][0].json;
				expect(out).toMatchObject({ status: 'created' });
				const s = await sdx().state();
				expect(s.counts).toMatchObject({ persons: 1, candidates: 1 });
				// Outreach-sourced, no resume file: the generated profile PDF, uploaded as multipart by real n8n.
				if (useTrigger) {
					expect(out).toMatchObject({ resumeAttached: true, resumeGenerated: true });
					expect(s.documents).toEqual([
						expect.objectContaining({ type: 'resume_doc', person_id: s.persons[0].id }),
					]);
					expect(s.documents[0].size).toBeGreaterThan(500);
				}
				expect(s.persons[0]).toMatchObject({
					name: 'Dorothy Vaughan',
					linkedin_public_id: 'dorothy-vaughan-e2e',
				});
				expect(s.persons[0].emails.map((e: Json) => e.email ?? e.value)).toContain(
					'dorothy.vaughan@example.com',
				);
				expect(s.candidates[0].job_id).toBe(jobs[0].value);
			});

			test('a new event for the same person creates nothing new in Stardex', async () => {
				await new Promise((r) => setTimeout(r, 1000));
				expect((await send(payload('sdx-2'))).status).toBe(200);
				const list = await c.waitForExecutions(workflowId, 2, { includeData: true });
				const newest = list.sort((a, b) => Number(b.id) - Number(a.id))[0];
				expect(newest.status).toBe('success');
				expect(newest.data.resultData.runData.Stardex[0].data.main[0][0].json.status).toMatch(
					/skipped/,
				);
				expect((await sdx().state()).counts).toMatchObject({ persons: 1, candidates: 1 });
			});

			(useTrigger ? test : test.skip)(
				'a bad signature is 401 with no execution and nothing in Stardex',
				async () => {
					const before = (await c.executions(workflowId)).length;
					expect((await send(payload('sdx-3'), 'guessed')).status).toBe(401);
					await new Promise((r) => setTimeout(r, 300));
					expect(await c.executions(workflowId)).toHaveLength(before);
					expect((await sdx().state()).counts.persons).toBe(1);
				},
			);
		});
	},
	'stardex',
);
