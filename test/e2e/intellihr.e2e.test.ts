/**
 * IntelliHR in a real n8n: the credential test, every dropdown through n8n's /rest/dynamic-node-parameters/options
 * as the editor fills them, and the hire hand-over Greenhouse Trigger (hire_candidate) → IntelliHR "Send Hired"
 * into the IntelliHR sandbox, exactly once.
 */
import {
	chain,
	client,
	ctx,
	deploy,
	describeNode,
	fixture,
	hasNode,
	hmac,
	hookPath,
	type Json,
	type N8nClient,
	nodeType,
	pkgNode,
	sandbox,
} from './helpers';

const DROPDOWNS: Array<[param: string, method: string, expected: string[]]> = [
	['businessEntity', 'getBusinessEntities', ['Acme Holdings', 'Acme Pty Ltd']],
	['businessUnit', 'getBusinessUnits', ['Engineering', 'Sales']],
	['workClass', 'getWorkClasses', ['Casual', 'Full Time', 'Part Time']],
	['location', 'getLocations', ['Brisbane', 'Sydney']],
	['workType', 'getWorkTypes', ['Fixed Contract', 'Permanent', 'Temporary/Casual']],
	[
		'jobOptions.employmentCondition',
		'getEmploymentConditions',
		['Award Free', 'Enterprise Agreement'],
	],
	['jobOptions.payGrade', 'getPayGrades', ['Level 1', 'Level 2']],
	['jobOptions.recruitmentSource', 'getRecruitmentSources', ['LinkedIn', 'Pinpoint']],
];

const SECRET = 'e2e-greenhouse-hire-secret-0123456789';

describeNode(
	'IntelliHr',
	'IntelliHR (n8n-nodes-ats-sync.intelliHr) in real n8n',
	() => {
		let c: N8nClient;
		let cred: { id: string; name: string; badId?: string };
		const ihr = () => sandbox('intellihr');
		const sendHiredParams = (extra: Json = {}) => ({
			resource: 'person',
			operation: 'sendHired',
			candidateInput: 'input',
			positionTitle: '',
			startDate: '',
			businessEntity: '',
			businessUnit: '',
			workClass: '',
			location: '',
			workType: '',
			personFields: {},
			jobOptions: {},
			requestOptions: {},
			...extra,
		});
		const options = async (path: string, methodName: string) =>
			(await c.rest('POST', '/dynamic-node-parameters/options', {
				nodeTypeAndVersion: { name: nodeType('intelliHr'), version: 1 },
				credentials: { intelliHrApi: { id: cred.id, name: cred.name } },
				path: `parameters.${path}`,
				methodName,
				currentNodeParameters: sendHiredParams(),
			})) as Array<{ name: string; value: string }>;

		beforeAll(async () => {
			c = client();
			cred = ctx().credentials.intellihr;
			expect(cred).toBeDefined();
			await ihr().reset();
		});

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

		test.each(DROPDOWNS)(
			'dropdown %s (%s) lists the enabled sandbox records, sorted',
			async (param, method, expected) => {
				const res = await options(param, method);
				// labels may carry the record's code, e.g. "Engineering (ENG)"
				expect(res).toHaveLength(expected.length);
				res.forEach((o, i) => expect(o.name.startsWith(expected[i])).toBe(true));
				for (const o of res) expect(o.value).toMatch(/^[0-9a-f-]{36}$/);
			},
		);

		test('supervisor dropdown (getPeople) lists the people in the account', async () => {
			const res = await options('jobOptions.supervisorPerson', 'getPeople');
			expect(res.length).toBe(3);
			expect(res.map((o) => o.name).join(' ')).toMatch(/sam\.supervisor@acme\.example/);
		});

		(hasNode('GreenhouseTrigger') ? describe : describe.skip)(
			'Greenhouse hire → IntelliHR Send Hired',
			() => {
				const path = hookPath('hire-to-intellihr');
				let workflowId: string;
				const send = (body: string, eventId: string) =>
					c.webhook(path, body, {
						headers: { Signature: `sha256 ${hmac(SECRET, body)}`, 'Greenhouse-Event-ID': eventId },
					});

				beforeAll(async () => {
					const pick = async (param: string, method: string, name: string) =>
						(await options(param, method)).find((o) => o.name.startsWith(name))!.value;
					const ghCred = await c.createCredential(
						'Greenhouse web hook (hire e2e)',
						'greenhouseWebhookApi',
						{ secretKey: SECRET },
					);
					workflowId = await deploy(c, {
						name: 'e2e: Greenhouse hire → IntelliHR',
						nodes: [
							pkgNode(
								'Greenhouse Trigger',
								'greenhouseTrigger',
								{ events: ['hire_candidate'], path },
								{ greenhouseWebhookApi: { id: ghCred.id, name: ghCred.name } },
								{ position: [0, 0] },
							),
							pkgNode(
								'IntelliHR',
								'intelliHr',
								{
									resource: 'person',
									operation: 'sendHired',
									candidateInput: 'input',
									// positionTitle and startDate keep their defaults, which read the trigger's job and offer
									businessEntity: await pick(
										'businessEntity',
										'getBusinessEntities',
										'Acme Pty Ltd',
									),
									businessUnit: await pick('businessUnit', 'getBusinessUnits', 'Engineering'),
									workClass: await pick('workClass', 'getWorkClasses', 'Full Time'),
									location: await pick('location', 'getLocations', 'Brisbane'),
									workType: await pick('workType', 'getWorkTypes', 'Permanent'),
									jobOptions: {
										recruitmentSource: await pick(
											'jobOptions.recruitmentSource',
											'getRecruitmentSources',
											'LinkedIn',
										),
									},
								},
								{ intelliHrApi: { id: cred.id, name: cred.name } },
							),
						],
						connections: chain('Greenhouse Trigger', 'IntelliHR'),
					});
				});

				test('a signed hire_candidate creates the person and their job in IntelliHR', async () => {
					const before = (await ihr().state()).counts;
					const res = await send(
						fixture('greenhouse-webhooks/hire_candidate.json'),
						'e2e-ihr-hire-1',
					);
					expect(res.status).toBe(200);
					const [exec] = await c.waitForExecutions(workflowId, 1, { includeData: true });
					expect(exec.status).toBe('success');
					expect(exec.data.resultData.runData.IntelliHR[0].data.main[0][0].json).toMatchObject({
						ats: 'intellihr',
						status: 'created',
						positionTitle: 'Developer',
						startDate: expect.stringMatching(/^2015-01-23/),
					});
					const s = await ihr().state();
					expect(s.counts).toEqual({ people: before.people + 1, jobs: before.jobs + 1 });
					const person = s.people.find((p: Json) => p.firstName === 'Johnny');
					expect(person).toMatchObject({ lastName: 'Smith' });
					expect(JSON.stringify(person)).toContain('personal@example.com');
				});

				test('the same delivery again starts nothing; the same hire under a new event id adds nothing in IntelliHR', async () => {
					await new Promise((r) => setTimeout(r, 1000));
					const body = fixture('greenhouse-webhooks/hire_candidate.json');
					const counts = (await ihr().state()).counts;
					expect((await send(body, 'e2e-ihr-hire-1')).status).toBe(200);
					await new Promise((r) => setTimeout(r, 500));
					expect(await c.executions(workflowId)).toHaveLength(1);
					expect((await send(body, 'e2e-ihr-hire-2')).status).toBe(200);
					const list = await c.waitForExecutions(workflowId, 2, { includeData: true });
					const newest = list.sort((a, b) => Number(b.id) - Number(a.id))[0];
					expect(newest.data.resultData.runData.IntelliHR[0].data.main[0][0].json).toMatchObject({
						status: 'skipped',
						personReused: true,
					});
					expect((await ihr().state()).counts).toEqual(counts);
				});

				test('an unsigned hire is 401 with no execution and nothing in IntelliHR', async () => {
					const before = (await c.executions(workflowId)).length;
					const counts = (await ihr().state()).counts;
					const res = await c.webhook(path, fixture('greenhouse-webhooks/hire_candidate.json'));
					expect(res.status).toBe(401);
					await new Promise((r) => setTimeout(r, 300));
					expect(await c.executions(workflowId)).toHaveLength(before);
					expect((await ihr().state()).counts).toEqual(counts);
				});
			},
		);
	},
	'intellihr',
);
