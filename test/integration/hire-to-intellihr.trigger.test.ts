import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import {
	chain,
	errorOf,
	node,
	outputOf,
	type WebhookResult,
	WorkflowHarness,
} from '../harness/runWorkflow';
import { expectNoSecrets } from './secrets';
const { startIntelliHrSandbox } = require('../sandbox/intellihr');
const { startPinpointSandbox } = require('../sandbox/pinpoint');

/**
 * "Hire → IntelliHR" end to end in n8n-core: a signed Greenhouse hire_candidate / Pinpoint
 * application_hired webhook goes through the trigger (signature, dedupe, enrichment from the Pinpoint
 * sandbox) into the IntelliHR node's Send Hired Candidate with its default expressions, against the
 * IntelliHR sandbox. Checked: one person with one job, also when the job step fails once and the
 * execution is run again, and when the ATS redelivers the webhook.
 */

const GH_SECRET = 'gh-webhook-secret-5d41402abc4b2a76';

type IntelliHrSandbox = Awaited<ReturnType<typeof startIntelliHrSandbox>>;
let ihr: IntelliHrSandbox;
let ENTITY: string;
let UNIT: string;
let WORK_CLASS: string;
let LOCATION: string;
let WORK_TYPE: string;

/** The people and jobs this test made (the sandbox seeds a few people of its own). */
function created(email: string) {
	const { people, jobs } = ihr.state() as { people: IDataObject[]; jobs: IDataObject[] };
	const mine = people.filter((p) => p.primaryEmailAddress === email);
	return {
		people: mine,
		jobs: jobs.filter((j) => mine.some((p) => p.id === (j.person as IDataObject).id)),
	};
}

/** Emitted items (the harness runs the workflow from the node after the trigger). */
const emitted = (res: WebhookResult): IDataObject[] =>
	(res.response.workflowData?.[0] ?? []).map((i) => i.json);

const intelliHrNode = (requestOptions: IDataObject = {}) =>
	node(
		'IntelliHR',
		'intelliHr',
		{
			resource: 'person',
			operation: 'sendHired',
			businessEntity: ENTITY,
			businessUnit: UNIT,
			workClass: WORK_CLASS,
			location: LOCATION,
			workType: WORK_TYPE,
			requestOptions,
		},
		{ intelliHrApi: 'IntelliHR' },
	);

/** A 500 on POST /jobs, after the person was created: the failure between the two steps. */
const failJobs = () => ihr.setFaults({ error5xxRate: 1, only: ['POST /v1/jobs'] });
const healJobs = () => ihr.setFaults({});

beforeAll(async () => {
	ihr = await startIntelliHrSandbox();
	const l = ihr.lookups();
	ENTITY = l.businessEntities[0].id;
	UNIT = l.businessUnits[0].id;
	WORK_CLASS = l.workClasses[0].id;
	LOCATION = l.locations[0].id;
	WORK_TYPE = l.workTypes[0].id;
});
afterAll(async () => ihr.close());
beforeEach(() => ihr.reset());

describe('Greenhouse hire → IntelliHR send-hired', () => {
	const raw = fs.readFileSync(
		path.join(__dirname, '../fixtures/greenhouse-webhooks/hire_candidate.json'),
	);
	const headers = (eventId: string, body: Buffer = raw) => ({
		'Content-Type': 'application/json',
		Signature: `sha256 ${createHmac('sha256', GH_SECRET).update(body).digest('hex')}`,
		'Greenhouse-Event-ID': eventId,
	});

	const EMAIL = 'personal@example.com';

	function workflow(requestOptions: IDataObject = {}) {
		return new WorkflowHarness(
			{
				nodes: [
					node(
						'Greenhouse Trigger',
						'greenhouseTrigger',
						{ events: ['hire_candidate'] },
						{ greenhouseWebhookApi: 'GH webhook' },
					),
					intelliHrNode(requestOptions),
				],
				connections: chain('Greenhouse Trigger', 'IntelliHR'),
			},
			{ greenhouseWebhookApi: { secretKey: GH_SECRET }, intelliHrApi: ihr.credentials },
		);
	}

	test('the documented hire creates one person with one job, with the offer start date and the job name', async () => {
		const wf = workflow();
		const res = await wf.deliver('Greenhouse Trigger', {
			rawBody: raw,
			headers: headers('evt-hire-1'),
		});
		expect(res.status).toBe(200);
		expect(res.run?.status).toBe('success');
		const [trigger] = outputOf(res.run!, 'IntelliHR');
		expect(trigger).toMatchObject({
			ats: 'intellihr',
			status: 'created',
			personReused: false,
			email: 'personal@example.com',
			positionTitle: 'Developer',
			startDate: '2015-01-23',
		});
		const { people, jobs } = created(EMAIL);
		expect(people).toHaveLength(1);
		expect(people[0]).toMatchObject({
			firstName: 'Johnny',
			lastName: 'Smith',
			emailAddresses: [
				{ email: 'personal@example.com', isPrimary: true, isPersonal: true },
				{ email: 'work@example.com', isPrimary: false, isPersonal: false },
			],
			phoneNumbers: [
				{ number: '518-555-1212', isPrimary: true },
				{ number: '212-555-1212', isPrimary: false },
			],
		});
		expect(jobs).toHaveLength(1);
		expect(jobs[0]).toMatchObject({
			person: { id: people[0].id },
			name: 'Developer',
			companyStartDate: '2015-01-23T00:00:00+00:00',
			businessUnit: { id: UNIT },
		});
		expectNoSecrets(res.run!, [GH_SECRET, ihr.credentials.apiKey]);
	});

	test('a redelivery (same Greenhouse-Event-ID) starts nothing; the ping and a bad signature start nothing', async () => {
		const wf = workflow();
		expect(
			(await wf.deliver('Greenhouse Trigger', { rawBody: raw, headers: headers('evt-hire-2') })).run
				?.status,
		).toBe('success');
		const again = await wf.deliver('Greenhouse Trigger', {
			rawBody: raw,
			headers: headers('evt-hire-2'),
		});
		expect(again.status).toBe(200);
		expect(again.run).toBeUndefined();
		const ping = fs.readFileSync(path.join(__dirname, '../fixtures/greenhouse-webhooks/ping.json'));
		const pong = await wf.deliver('Greenhouse Trigger', {
			rawBody: ping,
			headers: { 'Content-Type': 'application/json' },
		});
		expect(pong.status).toBe(200);
		expect(pong.run).toBeUndefined();
		expect(pong.response.workflowData).toBeUndefined();
		const forged = await wf.deliver('Greenhouse Trigger', {
			rawBody: raw,
			headers: { ...headers('evt-hire-3'), Signature: 'sha256 0000' },
		});
		expect(forged).toMatchObject({ status: 401, response: { noWebhookResponse: true } });
		expect(forged.run).toBeUndefined();
		expect(created(EMAIL).people).toHaveLength(1);
		expect(created(EMAIL).jobs).toHaveLength(1);
	});

	test('the job step fails after the person was created; running the execution again finishes it without a duplicate', async () => {
		const wf = workflow({ maxRetries: 0 });
		failJobs();
		const res = await wf.deliver('Greenhouse Trigger', {
			rawBody: raw,
			headers: headers('evt-hire-4'),
		});
		healJobs();
		expect(res.status).toBe(200); // the webhook was accepted; the failure is in the execution
		expect(errorOf(res.run!)).toMatch(
			/\[item 0\] Person .* was created in IntelliHR, but the job could not be added: .*run the item again/,
		);
		expect(created(EMAIL).people).toHaveLength(1);
		expect(created(EMAIL).jobs).toHaveLength(0);

		// What n8n's "Retry execution" does: the trigger's item goes to IntelliHR again.
		const triggerItems = emitted(res);
		expect(triggerItems).toHaveLength(1);
		const rerun = await wf.run('IntelliHR', triggerItems);
		expect(rerun.status).toBe('success');
		expect(outputOf(rerun, 'IntelliHR')[0]).toMatchObject({
			status: 'jobAdded',
			personReused: true,
		});
		// And once more: nothing is added twice.
		expect(outputOf(await wf.run('IntelliHR', triggerItems), 'IntelliHR')[0]).toMatchObject({
			status: 'skipped',
			personReused: true,
		});
		// Greenhouse retrying the webhook does not start a third run either.
		const retried = await wf.deliver('Greenhouse Trigger', {
			rawBody: raw,
			headers: headers('evt-hire-4'),
		});
		expect(retried.status).toBe(200);
		expect(retried.run).toBeUndefined();
		expect(created(EMAIL).people).toHaveLength(1);
		expect(created(EMAIL).jobs).toHaveLength(1);
	});
});

describe('Pinpoint hired → IntelliHR send-hired', () => {
	type PinpointSandbox = Awaited<ReturnType<typeof startPinpointSandbox>>;
	let pp: PinpointSandbox;
	beforeAll(async () => {
		pp = await startPinpointSandbox({ rateLimit: { limit: 1000, windowMs: 10_000 } });
	});
	afterAll(async () => pp.close());
	beforeEach(() => pp.reset());

	const EMAIL = 'grace.hopper@example.com';

	function workflow(requestOptions: IDataObject = {}) {
		return new WorkflowHarness(
			{
				nodes: [
					node(
						'Pinpoint Trigger',
						'pinpointTrigger',
						{ events: ['application_hired'] },
						{ pinpointApi: 'Pinpoint' },
					),
					intelliHrNode(requestOptions),
				],
				connections: chain('Pinpoint Trigger', 'IntelliHR'),
			},
			{ pinpointApi: pp.credentials, intelliHrApi: ihr.credentials },
		);
	}

	function hiredApplicant() {
		const { application } = pp.addApplication({
			firstName: 'Grace',
			lastName: 'Hopper',
			email: 'Grace.Hopper@Example.com',
			phone: '+1 212 555 0199',
			stage: 'Offer',
		});
		pp.hire(application.id, '2026-12-01');
		return application.id as string;
	}

	test.each(['jsonapi', 'flat'])(
		'the thin webhook is enriched from the API (%s answers) and becomes one person with one job',
		async (format) => {
			pp.configure({ format });
			const id = hiredApplicant();
			const wf = workflow();
			const delivery = pp.signedDelivery('application_hired', id);
			const res = await wf.deliver('Pinpoint Trigger', {
				rawBody: delivery.rawBody,
				headers: delivery.headers,
			});
			expect(res.status).toBe(200);
			expect(res.run?.status).toBe('success');
			const [item] = emitted(res);
			expect(item).toMatchObject({
				fullName: 'Grace Hopper',
				positionTitle: 'Senior Backend Engineer',
				startDate: '2026-12-01',
				enrichment: { ok: true },
			});
			expect(outputOf(res.run!, 'IntelliHR')[0]).toMatchObject({
				status: 'created',
				email: 'grace.hopper@example.com',
				positionTitle: 'Senior Backend Engineer',
				startDate: '2026-12-01',
			});
			expect(created(EMAIL).people).toHaveLength(1);
			expect(created(EMAIL).people[0]).toMatchObject({ firstName: 'Grace', lastName: 'Hopper' });
			expect(JSON.stringify(created(EMAIL).people[0])).toContain('+1 212 555 0199');
			expect(created(EMAIL).jobs).toHaveLength(1);
			const reads = pp
				.requests()
				.map((r: { method: string; path: string }) => `${r.method} ${r.path}`);
			expect(reads).toEqual([`GET /api/v1/applications/${id}`]);
			expectNoSecrets(res.run!, [
				pp.credentials.apiKey,
				pp.credentials.webhookSigningSecret,
				ihr.credentials.apiKey,
			]);
		},
	);

	test('injected failure between person and job, then a re-run and a redelivery: still one person with one job', async () => {
		const id = hiredApplicant();
		const wf = workflow({ maxRetries: 0 });
		const delivery = pp.signedDelivery('application_hired', id);
		failJobs();
		const res = await wf.deliver('Pinpoint Trigger', {
			rawBody: delivery.rawBody,
			headers: delivery.headers,
		});
		healJobs();
		expect(created(EMAIL).jobs).toHaveLength(0);
		expect(errorOf(res.run!)).toMatch(/was created in IntelliHR, but the job could not be added/);
		const rerun = await wf.run('IntelliHR', emitted(res));
		expect(outputOf(rerun, 'IntelliHR')[0]).toMatchObject({
			status: 'jobAdded',
			personReused: true,
		});
		const redelivered = await wf.deliver('Pinpoint Trigger', {
			rawBody: delivery.rawBody,
			headers: delivery.headers,
		});
		expect(redelivered.status).toBe(200);
		expect(redelivered.run).toBeUndefined();
		expect(created(EMAIL).people).toHaveLength(1);
		expect(created(EMAIL).jobs).toHaveLength(1);
	});
});

describe('the example workflows work as shipped, once the three IntelliHR lookups are picked', () => {
	function fromExample(file: string) {
		const wf = JSON.parse(
			fs.readFileSync(path.join(__dirname, '../../examples/workflows', file), 'utf8'),
		);
		const ihrNode = wf.nodes.find((n: IDataObject) => n.type === 'n8n-nodes-ats-sync.intelliHr');
		Object.assign(ihrNode.parameters, {
			businessEntity: ENTITY,
			businessUnit: UNIT,
			workClass: WORK_CLASS,
			location: LOCATION,
			workType: WORK_TYPE,
		});
		return {
			nodes: wf.nodes,
			connections: wf.connections,
			trigger: wf.nodes.find((n: IDataObject) => n.webhookId).name as string,
		};
	}

	test('greenhouse-hire-to-intellihr.json', async () => {
		const { nodes, connections, trigger } = fromExample('greenhouse-hire-to-intellihr.json');
		const wf = new WorkflowHarness(
			{ nodes, connections },
			{ greenhouseWebhookApi: { secretKey: GH_SECRET }, intelliHrApi: ihr.credentials },
		);
		const raw = fs.readFileSync(
			path.join(__dirname, '../fixtures/greenhouse-webhooks/hire_candidate.json'),
		);
		const res = await wf.deliver(trigger, {
			rawBody: raw,
			headers: { Signature: `sha256 ${createHmac('sha256', GH_SECRET).update(raw).digest('hex')}` },
		});
		expect(outputOf(res.run!, 'IntelliHR')[0]).toMatchObject({
			status: 'created',
			positionTitle: 'Developer',
			startDate: '2015-01-23',
		});
	});

	test('pinpoint-hired-to-intellihr.json', async () => {
		const pp = await startPinpointSandbox();
		try {
			const { application } = pp.addApplication({ stage: 'Hired', startDate: '2026-12-01' });
			const { nodes, connections, trigger } = fromExample('pinpoint-hired-to-intellihr.json');
			const wf = new WorkflowHarness(
				{ nodes, connections },
				{ pinpointApi: pp.credentials, intelliHrApi: ihr.credentials },
			);
			const d = pp.signedDelivery('application_hired', application.id);
			const res = await wf.deliver(trigger, { rawBody: d.rawBody, headers: d.headers });
			expect(outputOf(res.run!, 'IntelliHR')[0]).toMatchObject({
				status: 'created',
				email: 'ada.lovelace@example.com',
				positionTitle: 'Senior Backend Engineer',
				startDate: '2026-12-01',
			});
		} finally {
			await pp.close();
		}
	});
});
