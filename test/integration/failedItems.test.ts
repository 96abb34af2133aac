import { createHmac } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { sampleCandidate } from '../fixtures/candidates';
import { chain, node, outputOf, WorkflowHarness } from '../harness/runWorkflow';
const { startGreenhouseSandbox } = require('../sandbox/greenhouse');

/**
 * What a no-code user sees when an item fails: under "On Error: Continue" the failed item reads like
 * the others (ats, status, name, email, the reason); under "Continue (using error output)" the failed
 * candidates leave on the error branch with their own fields and the reason; a started delivery is
 * answered with a small JSON body.
 */
let gh: Awaited<ReturnType<typeof startGreenhouseSandbox>>;
beforeAll(
	async () => (gh = await startGreenhouseSandbox({ rateLimit: { limit: 1000, windowMs: 10_000 } })),
);
afterAll(async () => gh.close());
beforeEach(() => gh.reset());

const SECRET = 'failed-items-secret';
const exportParams = (job: string) => ({
	resource: 'candidate',
	operation: 'export',
	candidateInput: 'input',
	job: { __rl: true, mode: 'id', value: job },
	ifExists: 'skip',
});

test('On Error: Continue: a failed item carries ats, status, the input name and email, and the reason', async () => {
	const wf = new WorkflowHarness(
		{
			nodes: [
				node(
					'Greenhouse',
					'greenhouse',
					exportParams('4012000'),
					{ greenhouseHarvestApi: 'Greenhouse' },
					{ onError: 'continueRegularOutput' },
				),
			],
			connections: {},
		},
		{ greenhouseHarvestApi: { accessToken: '', ...gh.credentials } as never },
	);
	const bad = {
		...sampleCandidate(2, 'failed'),
		fullName: 'Bea Bad',
		emails: ['bea@@example.com'],
	};
	const run = await wf.run('Greenhouse', [sampleCandidate(1, 'failed'), bad]);
	const out = outputOf(run, 'Greenhouse');
	expect(out[0]).toMatchObject({ ats: 'greenhouse', status: 'created' });
	expect(out[1]).toEqual({
		ats: 'greenhouse',
		status: 'failed',
		error: expect.stringMatching(/^\[item 1\] .*email/i),
		name: 'Bea Bad',
		email: 'bea@@example.com',
		itemIndex: 1,
	});
	expect(gh.state().counts.candidates).toBe(1);
});

function flowWithErrorOutput() {
	return new WorkflowHarness(
		{
			nodes: [
				node(
					'Outreach Trigger',
					'outreachTrigger',
					{
						path: 'outreach',
						source: 'generic',
						events: ['replied', 'interested'],
						authentication: 'hmac',
						secret: SECRET,
					},
					undefined,
					{ webhookId: 'wh-failed' },
				),
				node(
					'Greenhouse',
					'greenhouse',
					// A campaign mapped to a job that does not exist makes that item fail alone.
					exportParams('={{ $json.campaign.id === "gone" ? "999999" : "4012000" }}'),
					{ greenhouseHarvestApi: 'Greenhouse' },
					{ onError: 'continueErrorOutput' },
				),
			],
			connections: chain('Outreach Trigger', 'Greenhouse'),
		},
		{ greenhouseHarvestApi: { accessToken: '', ...gh.credentials } as never },
	);
}

function delivery(id: string, email: string, campaign: string) {
	const raw = JSON.stringify({
		event: 'replied',
		eventId: id,
		contact: { fullName: `Person ${id}`, email },
		campaign: { id: campaign, name: campaign },
		reply: { text: 'Yes, happy to talk next week.' },
	});
	return {
		rawBody: raw,
		headers: {
			'content-type': 'application/json',
			'x-signature': `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`,
		},
	};
}

test('Continue (using error output): the failed candidate leaves on the error branch with its fields and the reason', async () => {
	const wf = flowWithErrorOutput();
	const ok = await wf.deliver('Outreach Trigger', delivery('e1', 'ok@example.com', 'live'));
	const failed = await wf.deliver('Outreach Trigger', delivery('e2', 'gone@example.com', 'gone'));

	const [okMain, okError] = ok.run!.data.resultData.runData.Greenhouse[0].data!.main;
	expect(okMain!.map((i) => i.json.status)).toEqual(['created']);
	expect(okError ?? []).toEqual([]);

	const [failedMain, failedError] = failed.run!.data.resultData.runData.Greenhouse[0].data!.main;
	expect(failedMain ?? []).toEqual([]);
	expect(failedError).toHaveLength(1);
	const json = failedError![0].json as IDataObject;
	expect(json.error).toMatch(/^\[item 0\] .*999999/);
	expect(json.message).toBe('greenhouse: failed');
	// n8n adds the input item's own fields on the error branch: who it was about stays visible.
	expect(json.fullName).toBe('Person e2');
	expect(json.emails).toEqual([expect.objectContaining({ value: 'gone@example.com' })]);
	expect(gh.state().counts.candidates).toBe(1);
});

test('a started delivery is answered with a small JSON body, not a bare text', async () => {
	const wf = flowWithErrorOutput();
	const res = await wf.deliver('Outreach Trigger', delivery('j1', 'json@example.com', 'live'));
	expect(res.status).toBe(200);
	expect(res.responseBody).toEqual({
		received: true,
		started: 1,
		message: '1 event(s) started the workflow',
	});
	const dup = await wf.deliver('Outreach Trigger', delivery('j1', 'json@example.com', 'live'));
	expect(dup.responseBody).toEqual({
		received: true,
		message: 'nothing to start: 1 event(s) not selected, filtered out or already seen',
	});
});
