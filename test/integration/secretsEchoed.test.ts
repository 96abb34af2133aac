import type { IDataObject, IRun } from 'n8n-workflow';

import { sampleCandidates } from '../fixtures/candidates';
import { node, type WebhookResult, WorkflowHarness } from '../harness/runWorkflow';
import { expectNoSecrets } from './secrets';
const { startGreenhouseSandbox } = require('../sandbox/greenhouse');
const { startStardexSandbox } = require('../sandbox/stardex');
const { startPinpointSandbox } = require('../sandbox/pinpoint');

/**
 * Secrets that an API echoes back, and redirects to another origin, through whole runs against
 * the sandboxes' fault model: the echo reaches no output, error or webhook answer (redaction by
 * value, whatever words surround it), and the other origin never receives a credential.
 */

type Sb = {
	url: string;
	credentials: IDataObject;
	setFaults(f: IDataObject): void;
	reset(): void;
	close(): Promise<void>;
	foreignOrigin: { received(): unknown[] };
};
let gh: Sb;
let sdx: Sb;
let pp: Sb & {
	addApplication(a: IDataObject): { application: IDataObject };
	signedDelivery(e: string, id: string): { rawBody: Buffer; headers: Record<string, string> };
};
const FAST = { limit: 100_000, windowMs: 60_000 };

beforeAll(async () => {
	[gh, sdx, pp] = await Promise.all([
		startGreenhouseSandbox({ rateLimit: FAST }),
		startStardexSandbox({ rateLimit: FAST }),
		startPinpointSandbox({ rateLimit: FAST }),
	]);
});
afterAll(async () => Promise.all([gh.close(), sdx.close(), pp.close()]));
beforeEach(() => [gh, sdx, pp].forEach((s) => s.reset()));

function exportRun(system: 'Greenhouse' | 'Stardex', items: IDataObject[]): Promise<IRun> {
	const type = system === 'Greenhouse' ? 'greenhouseHarvestApi' : 'stardexApi';
	const sb = system === 'Greenhouse' ? gh : sdx;
	const job =
		system === 'Greenhouse'
			? '4012000'
			: String((sdx as never as { jobs(): IDataObject[] }).jobs()[0].id);
	const n = node(
		system,
		system.toLowerCase(),
		{
			resource: 'candidate',
			operation: 'export',
			candidateInput: 'input',
			job: { __rl: true, mode: 'id', value: job },
			ifExists: 'skip',
		},
		{ [type]: `${system} sandbox` },
		{ onError: 'continueRegularOutput' },
	);
	return new WorkflowHarness(
		{ nodes: [n], connections: {} },
		{ [type]: { accessToken: '', ...sb.credentials } as never },
	).run(system, items);
}

const everything = (run: IRun) => JSON.stringify(run.data.resultData);

describe('echoed secrets never reach outputs or errors', () => {
	test('Greenhouse: the token endpoint echoes the client secret (plain and as Basic)', async () => {
		gh.setFaults({ echoSecretsRate: 1, echoSecretsStatus: 400, only: ['POST /token'] });
		const run = await exportRun('Greenhouse', sampleCandidates(2, 'echo'));
		const basic = Buffer.from(`${gh.credentials.clientId}:${gh.credentials.clientSecret}`).toString(
			'base64',
		);
		expect(everything(run)).toContain('[redacted]');
		expectNoSecrets(run, [String(gh.credentials.clientSecret), basic]);
		expect(everything(run)).not.toContain(String(gh.credentials.clientSecret));
	});

	test('Stardex: every answer echoes the key without a "Bearer" in front', async () => {
		sdx.setFaults({ echoSecretsRate: 1, echoSecretsStatus: 400 });
		const run = await exportRun('Stardex', sampleCandidates(3, 'echo'));
		expect(everything(run)).toContain('[redacted]');
		expect(everything(run)).not.toContain(String(sdx.credentials.apiKey));
	});

	test('Pinpoint "Ask Pinpoint to Retry": the 503 answer and the log carry no key', async () => {
		const { application } = pp.addApplication({
			firstName: 'Ada',
			lastName: 'Lovelace',
			email: 'ada@example.com',
			stage: 'Hired',
		});
		pp.setFaults({ echoSecretsRate: 1, echoSecretsStatus: 503 });
		const wf = new WorkflowHarness(
			{
				nodes: [
					node(
						'Pinpoint Trigger',
						'pinpointTrigger',
						{ events: ['application_hired'], options: { onFetchFailure: 'retry' } },
						{ pinpointApi: 'Pinpoint' },
					),
				],
				connections: {},
			},
			{ pinpointApi: { ...pp.credentials } as never },
		);
		const d = pp.signedDelivery('application_hired', String(application.id));
		const res: WebhookResult = await wf.deliver('Pinpoint Trigger', {
			rawBody: d.rawBody,
			headers: d.headers,
		});
		expect(res.status).toBe(503);
		const answered = JSON.stringify(res.responseBody ?? '');
		expect(answered).toContain('[redacted]');
		expect(answered).not.toContain(String(pp.credentials.apiKey));
	});
});

describe('redirects to another origin are not followed with a credential', () => {
	test.each(['Greenhouse', 'Stardex'] as const)(
		'%s: the other origin receives nothing',
		async (system) => {
			const sb = system === 'Greenhouse' ? gh : sdx;
			sb.setFaults({
				redirectRate: 1,
				redirectStatus: 307,
				only: system === 'Greenhouse' ? ['GET /v3/candidates'] : [],
			});
			const run = await exportRun(system, sampleCandidates(1, 'redir'));
			expect(sb.foreignOrigin.received()).toEqual([]);
			expect(everything(run)).toMatch(
				/HTTP 307: a redirect to http:\/\/127\.0\.0\.1:\d+, which is not followed/,
			);
		},
	);

	test('Pinpoint: the X-API-KEY does not follow a 302 either', async () => {
		const { application } = pp.addApplication({
			firstName: 'Grace',
			lastName: 'Hopper',
			stage: 'Hired',
		});
		pp.setFaults({ redirectRate: 1, redirectStatus: 302 });
		const wf = new WorkflowHarness(
			{
				nodes: [
					node(
						'Pinpoint Trigger',
						'pinpointTrigger',
						{ events: ['application_hired'] },
						{ pinpointApi: 'Pinpoint' },
					),
				],
				connections: {},
			},
			{ pinpointApi: { ...pp.credentials } as never },
		);
		const d = pp.signedDelivery('application_hired', String(application.id));
		const res = await wf.deliver('Pinpoint Trigger', { rawBody: d.rawBody, headers: d.headers });
		expect(res.status).toBe(200);
		expect(pp.foreignOrigin.received()).toEqual([]);
	});
});
