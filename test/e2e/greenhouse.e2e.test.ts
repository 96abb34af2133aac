/**
 * Greenhouse in a real n8n: the credential test and the editor's dynamic parameters through n8n's REST
 * endpoints, and webhook-started exports (n8n-nodes-base.webhook v2 → our node) against the sandbox.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import {
	chain,
	client,
	ctx,
	deploy,
	describeNode,
	hookPath,
	type Json,
	lastExecution,
	type N8nClient,
	nodeType,
	pkgNode,
	sandbox,
	uuid,
	webhookNode,
} from './helpers';

const JOB = 4012000;

describeNode('Greenhouse', 'Greenhouse (n8n-nodes-ats-sync.greenhouse) in real n8n', () => {
	let c: N8nClient;
	let cred: { id: string; name: string; badId?: string; badName?: string };
	const gh = () => sandbox('greenhouse');
	const paths = {
		fields: hookPath('gh-fields'),
		input: hookPath('gh-input'),
		errorOutput: hookPath('gh-error-output'),
	};
	const ids: Record<string, string> = {};

	beforeAll(async () => {
		c = client();
		cred = ctx().credentials.greenhouse;
		expect(cred).toBeDefined();
		const creds = { greenhouseHarvestApi: { id: cred.id, name: cred.name } };

		// Webhook → Convert to File (resume from base64) → Greenhouse export with every field mapped by expression.
		const body = "$('Webhook').item.json.body";
		ids.fields = await deploy(c, {
			name: 'e2e: Greenhouse export, mapped fields',
			nodes: [
				webhookNode(paths.fields, { responseData: 'firstEntryJson' }),
				{
					id: uuid(),
					name: 'Resume',
					type: 'n8n-nodes-base.convertToFile',
					typeVersion: 1.1,
					position: [200, 0],
					parameters: {
						operation: 'toBinary',
						sourceProperty: 'body.resumeBase64',
						binaryPropertyName: 'cv',
						options: { fileName: `={{ ${body}.resumeFileName }}`, mimeType: 'application/pdf' },
					},
				},
				pkgNode(
					'Greenhouse',
					'greenhouse',
					{
						resource: 'candidate',
						operation: 'export',
						candidateInput: 'fields',
						fullName: `={{ ${body}.fullName }}`,
						email: `={{ ${body}.email }}`,
						candidateFields: {
							city: `={{ ${body}.city }}`,
							state: `={{ ${body}.state }}`,
							country: `={{ ${body}.country }}`,
							currentCompany: `={{ ${body}.company }}`,
							currentTitle: `={{ ${body}.title }}`,
							linkedinUrl: `={{ ${body}.linkedin }}`,
							phone: `={{ ${body}.phone }}`,
							previousJobs: `={{ JSON.stringify(${body}.previousJobs) }}`,
							resumeBinaryProperty: 'cv',
							source: `={{ ${body}.source }}`,
							tags: `={{ ${body}.tags.join(',') }}`,
						},
						job: { __rl: true, mode: 'id', value: String(JOB) },
						ifExists: 'skip',
						options: { note: `={{ ${body}.note }}`, noteVisibility: 'private', sourceId: 8 },
						// Blank values are left out, so only bodies that carry these write them.
						customFields: {
							field: [
								{ fieldId: '11004', value: `={{ ${body}.seniority }}` },
								{ fieldId: 'languages', value: `={{ ${body}.languages }}` },
							],
						},
					},
					creds,
				),
			],
			connections: chain('Webhook', 'Resume', 'Greenhouse'),
		});

		// Webhook → Split Out (body.candidates) → Greenhouse export of the normalized candidate items.
		ids.input = await deploy(c, {
			name: 'e2e: Greenhouse export, candidates from input',
			nodes: [
				webhookNode(paths.input),
				{
					id: uuid(),
					name: 'Split Out',
					type: 'n8n-nodes-base.splitOut',
					typeVersion: 1,
					position: [200, 0],
					parameters: { fieldToSplitOut: 'body.candidates', options: {} },
				},
				pkgNode(
					'Greenhouse',
					'greenhouse',
					{
						resource: 'candidate',
						operation: 'export',
						candidateInput: 'input',
						job: {
							__rl: true,
							mode: 'list',
							value: String(JOB),
							cachedResultName: 'Senior Backend Engineer (REQ-100)',
						},
						ifExists: 'skip',
						options: {},
					},
					creds,
				),
			],
			connections: chain('Webhook', 'Split Out', 'Greenhouse'),
		});

		// The same with "On Error: Continue (using error output)": failed candidates take the second branch.
		ids.errorOutput = await deploy(c, {
			name: 'e2e: Greenhouse export, error output',
			nodes: [
				webhookNode(paths.errorOutput, { responseMode: 'onReceived' }),
				{
					id: uuid(),
					name: 'Split Out',
					type: 'n8n-nodes-base.splitOut',
					typeVersion: 1,
					position: [200, 0],
					parameters: { fieldToSplitOut: 'body.candidates', options: {} },
				},
				pkgNode(
					'Greenhouse',
					'greenhouse',
					{
						resource: 'candidate',
						operation: 'export',
						candidateInput: 'input',
						job: { __rl: true, mode: 'id', value: String(JOB) },
						ifExists: 'skip',
						options: {},
					},
					creds,
					{ onError: 'continueErrorOutput' },
				),
			],
			connections: chain('Webhook', 'Split Out', 'Greenhouse'),
		});
	});

	beforeEach(async () => {
		await gh().reset();
	});

	describe('credential test through POST /rest/credentials/test (as the editor calls it)', () => {
		// The editor opens a saved credential with GET /rest/credentials/:id?includeData=true (secrets come back
		// as n8n's blanking placeholder) and posts that form data to /rest/credentials/test; n8n fills the
		// placeholder in from the stored secret before testing.
		const testSaved = async (id: string) => {
			const saved = await c.rest('GET', `/credentials/${id}?includeData=true`);
			expect(saved.data.clientSecret).toMatch(/^__n8n_BLANK_VALUE_/);
			return await c.rest('POST', '/credentials/test', {
				credentials: { id: saved.id, name: saved.name, type: saved.type, data: saved.data },
			});
		};

		test('passes against the sandbox', async () => {
			const res = await testSaved(cred.id);
			expect(res).toEqual({ status: 'OK', message: expect.any(String) });
			// n8n may first try a token it kept from an earlier run of this credential (revoked by the sandbox
			// reset: 401), then fetches a new one (preAuthentication) and sends the test request again.
			const reqs = (await gh().requests()).map((r) => `${r.method} ${r.path} ${r.status}`);
			// After the token: the list-visibility check, then the test request itself.
			expect(reqs.slice(-3)).toEqual([
				'POST /token 200',
				'GET /v3/users 200',
				'GET /v3/candidates 200',
			]);
			expect(reqs.slice(0, -3).every((r) => r === 'GET /v3/candidates 401')).toBe(true);
		});

		test('fails with a message that says what to fix for a wrong client secret', async () => {
			expect(cred.badId).toBeDefined();
			const res = await testSaved(cred.badId!);
			expect(res.status).toBe('Error');
			expect(res.message).toMatch(
				/Greenhouse did not accept the Client ID and Client Secret \(invalid_client\)/,
			);
			expect(res.message).not.toContain('wrong-secret-for-e2e');
		});

		test('an acting user id that is not a number is refused before the token request', async () => {
			const saved = await c.rest('GET', `/credentials/${cred.id}?includeData=true`);
			const res = await c.rest('POST', '/credentials/test', {
				credentials: {
					id: saved.id,
					name: saved.name,
					type: saved.type,
					data: { ...saved.data, actingUserId: 'ada' },
				},
			});
			expect(res).toMatchObject({
				status: 'Error',
				message: expect.stringMatching(/Acting User ID must be the numeric Greenhouse user ID/),
			});
			// (a token kept from an earlier test may be tried first; the sandbox reset revoked it, so it gets a 401)
			expect((await gh().requests()).filter((r) => r.path === '/token')).toEqual([]);
		});
	});

	describe('editor dynamic parameters through /rest/dynamic-node-parameters', () => {
		const exportParams = (job: Json = { __rl: true, mode: 'list', value: '' }) => ({
			resource: 'candidate',
			operation: 'export',
			candidateInput: 'input',
			job,
			ifExists: 'skip',
			options: {},
			requestOptions: {},
		});
		const base = () => ({
			nodeTypeAndVersion: { name: nodeType('greenhouse'), version: 1 },
			credentials: { greenhouseHarvestApi: { id: cred.id, name: cred.name } },
		});

		test('job picker (resource-locator-results, searchJobs) lists the sandbox jobs, and filters', async () => {
			const all = await c.rest('POST', '/dynamic-node-parameters/resource-locator-results', {
				...base(),
				path: 'parameters.job',
				methodName: 'searchJobs',
				currentNodeParameters: exportParams(),
			});
			expect(all.results).toEqual([
				{
					name: 'Data Scientist (REQ-102)',
					value: '4012002',
					url: expect.stringMatching(/4012002/),
				},
				{
					name: 'Product Designer (REQ-101)',
					value: '4012001',
					url: expect.stringMatching(/4012001/),
				},
				{
					name: 'Senior Backend Engineer (REQ-100)',
					value: '4012000',
					url: expect.stringMatching(/4012000/),
				},
			]);
			const some = await c.rest('POST', '/dynamic-node-parameters/resource-locator-results', {
				...base(),
				path: 'parameters.job',
				methodName: 'searchJobs',
				filter: 'design',
				currentNodeParameters: exportParams(),
			});
			expect(some.results.map((r: Json) => r.value)).toEqual(['4012001']);
		});

		test('job picker pages through more jobs than one page (paginationToken round trip)', async () => {
			await gh().seed({ jobs: 230 });
			const first = await c.rest('POST', '/dynamic-node-parameters/resource-locator-results', {
				...base(),
				path: 'parameters.job',
				methodName: 'searchJobs',
				currentNodeParameters: exportParams(),
			});
			expect(first.results).toHaveLength(100);
			expect(first.paginationToken).toBeTruthy();
			const second = await c.rest('POST', '/dynamic-node-parameters/resource-locator-results', {
				...base(),
				path: 'parameters.job',
				methodName: 'searchJobs',
				paginationToken: first.paginationToken,
				currentNodeParameters: exportParams(),
			});
			expect(second.results.length).toBeGreaterThan(0);
			expect(new Set([...first.results, ...second.results].map((r: Json) => r.value)).size).toBe(
				first.results.length + second.results.length,
			);
		});

		test('Source dropdown (options, loadOptionsMethod getSources) lists the sandbox sources', async () => {
			const res = await c.rest('POST', '/dynamic-node-parameters/options', {
				...base(),
				path: 'parameters.options.sourceId',
				methodName: 'getSources',
				currentNodeParameters: exportParams(),
			});
			expect(res).toEqual([
				{ name: 'LinkedIn (Prospecting)', value: 7 },
				{ name: 'Pin', value: 8 },
				{ name: 'Referral', value: 9 },
			]);
		});
	});

	test('Custom Fields dropdown (loadOptionsMethod getCustomFields) lists the sandbox definitions', async () => {
		const res = await c.rest('POST', '/dynamic-node-parameters/options', {
			nodeTypeAndVersion: { name: nodeType('greenhouse'), version: 1 },
			credentials: { greenhouseHarvestApi: { id: cred.id, name: cred.name } },
			path: 'parameters.customFields.field.fieldId',
			methodName: 'getCustomFields',
			currentNodeParameters: { resource: 'candidate', operation: 'export' },
		});
		expect(res).toContainEqual({
			name: 'Seniority (Candidate · single select)',
			value: '11004',
			description: 'Key seniority. Single select: Junior, Mid, Senior',
		});
		expect(res.map((o: { value: string }) => o.value)).not.toContain('11012'); // inactive
	});

	describe('webhook-started exports', () => {
		const full = {
			fullName: 'Grace Hopper',
			email: 'Grace.Hopper@Example.com',
			phone: '+1 555 0199',
			linkedin: 'linkedin.com/in/grace-hopper-e2e/',
			city: 'Arlington',
			state: 'Virginia',
			country: 'United States',
			company: 'US Navy',
			title: 'Rear Admiral',
			previousJobs: [
				{
					title: 'Research Fellow',
					company: 'Harvard',
					startDate: '1944-07-01',
					endDate: '1949-06-30',
				},
			],
			source: 'lemlist: Compilers Q4',
			tags: ['outreach', 'e2e'],
			note: 'Replied: "happy to talk"',
			seniority: 'senior',
			languages: ['English', 'French'],
			resumeFileName: 'grace.pdf',
			resumeBase64: fs
				.readFileSync(path.join(__dirname, '..', 'fixtures', 'resume.pdf'))
				.toString('base64'),
		};

		test('a candidate with every field lands in Greenhouse: contact, location, LinkedIn, job, source, employment, resume, note', async () => {
			const res = await c.webhook(paths.fields, full);
			expect(res.status).toBe(200);
			expect(res.json).toMatchObject({
				ats: 'greenhouse',
				status: 'created',
				jobId: JOB,
				resumeAttached: true,
				employmentsAdded: 1,
			});
			const s = await gh().state();
			expect(s.counts).toMatchObject({
				candidates: 1,
				applications: 1,
				attachments: 1,
				employments: 1,
				notes: 1,
			});
			const cand = s.candidates[0];
			expect(cand).toMatchObject({
				first_name: 'Grace',
				last_name: 'Hopper',
				company: 'US Navy',
				title: 'Rear Admiral',
				email_addresses: [{ value: 'grace.hopper@example.com', type: 'personal' }],
				phone_numbers: [{ value: '+1 555 0199', type: 'mobile' }],
				addresses: [{ value: 'Arlington, Virginia, United States', type: 'home' }],
				social_media_addresses: [{ value: 'https://www.linkedin.com/in/grace-hopper-e2e' }],
				tags: ['outreach', 'e2e'],
				custom_fields: {
					seniority: { name: 'Seniority', type: 'single_select', value: 'Senior' },
					languages: { name: 'Languages', type: 'multi_select', value: ['English', 'French'] },
				},
			});
			expect(res.json).toMatchObject({ customFieldsWritten: ['seniority', 'languages'] });
			expect(s.applications[0]).toMatchObject({
				candidate_id: cand.id,
				job_id: JOB,
				source_id: 8,
				prospect: false,
			});
			expect(s.employments[0]).toMatchObject({
				candidate_id: cand.id,
				company_name: 'Harvard',
				title: 'Research Fellow',
				start_date: '1944-07-01',
				end_date: '1949-06-30',
			});
			const pdf = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'resume.pdf'));
			expect(s.attachments[0]).toMatchObject({
				application_id: s.applications[0].id,
				type: 'resume',
				filename: 'grace.pdf',
				isPdf: true,
				size: pdf.length,
			});
			expect(s.notes[0]).toMatchObject({
				candidate_id: cand.id,
				body: 'Replied: "happy to talk"',
				user_id: 4080001,
				visibility: 'private',
			});
			expect(res.json.profileUrl).toBe(
				`https://app.greenhouse.io/people/${cand.id}?application_id=${s.applications[0].id}`,
			);
		});

		test('redelivering the same webhook creates nothing new (skipped, sandbox counts unchanged)', async () => {
			const first = await c.webhook(paths.fields, full);
			expect(first.json.status).toBe('created');
			const before = (await gh().state()).counts;
			for (let i = 0; i < 2; i++) {
				const again = await c.webhook(paths.fields, full);
				expect(again.status).toBe(200);
				expect(again.json).toMatchObject({
					status: 'skipped',
					candidateId: first.json.candidateId,
					matchedBy: expect.stringMatching(/^email/),
				});
			}
			expect((await gh().state()).counts).toEqual(before);
			const writes = (await gh().requests()).filter(
				(r) => r.method !== 'GET' && r.path !== '/token',
			);
			expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([
				'POST /v3/candidates',
				'POST /v3/candidate_employments',
				'POST /v3/attachments',
				'POST /v3/notes',
			]);
		});

		test('a batch of normalized candidates (From Input Item): valid ones once, a duplicate skipped', async () => {
			const cands = [
				{
					fullName: 'Alan Turing',
					emails: [{ value: 'alan@example.com', type: 'work' }],
					linkedinUrl: 'https://www.linkedin.com/in/alan-turing-e2e',
					currentTitle: 'Mathematician',
				},
				{
					fullName: 'Katherine Johnson',
					emails: ['katherine@example.com'],
					phones: [{ value: '+1 555 0142', type: 'work' }],
				},
				{ fullName: 'Alan M. Turing', emails: [{ value: 'ALAN@example.com' }] },
			];
			const res = await c.webhook(paths.input, { candidates: cands });
			expect(res.status).toBe(200);
			expect(res.json.map((o: Json) => o.status)).toEqual(['created', 'created', 'skipped']);
			const s = await gh().state();
			expect(s.counts.candidates).toBe(2);
			expect(s.applications.map((a: Json) => a.job_id)).toEqual([JOB, JOB]);
		});

		test('On Error › Continue (using error output): the bad candidate takes the error branch with its own fields and the reason; the others are created', async () => {
			const res = await c.webhook(paths.errorOutput, {
				candidates: [
					{ fullName: 'Good One', emails: ['good.one@example.com'] },
					{ fullName: 'Bad Email', emails: ['not-an-email'] },
				],
			});
			expect(res.status).toBe(200);
			const [exec] = await c.waitForExecutions(ids.errorOutput, 1, { includeData: true });
			expect(exec.status).toBe('success');
			const [main, errors] = exec.data.resultData.runData.Greenhouse[0].data.main;
			expect(main.map((i: Json) => i.json.status)).toEqual(['created']);
			expect(errors).toHaveLength(1);
			expect(errors[0].json).toMatchObject({
				fullName: 'Bad Email',
				emails: ['not-an-email'],
				message: 'greenhouse: failed',
			});
			expect(errors[0].json.error).toMatch(/^\[item 1\] Candidate is not valid: emails\[0\]/);
			expect((await gh().state()).counts.candidates).toBe(1);
		});

		test('a bad email fails the execution with our zod-based message naming item and field; nothing is written', async () => {
			const res = await c.webhook(paths.input, {
				candidates: [{ fullName: 'Bad Email', emails: ['not-an-email'] }],
			});
			expect(res.status).toBe(500);
			const exec = await lastExecution(c, ids.input);
			expect(exec.status).toBe('error');
			const err = exec.data.resultData.error;
			expect(err.message).toMatch(
				/^\[item 0\] Candidate is not valid: emails\[0\]\.value is not a valid email address/,
			);
			expect(exec.data.resultData.lastNodeExecuted).toBe('Greenhouse');
			expect((await gh().state()).counts.candidates).toBe(0);
			expect(
				(await gh().requests()).filter((r) => r.method !== 'GET' && r.path !== '/token'),
			).toEqual([]);
		});
	});
});
