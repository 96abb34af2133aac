/**
 * Every way an API may say when to come back (Retry-After as seconds, an HTTP date or a Unix
 * timestamp; no Retry-After and no X-RateLimit-Reset at all), against the Greenhouse and Stardex
 * sandboxes under a tight limit: every candidate is created once, none fails; a wait longer than
 * Max Rate-Limit Wait fails its item at once with the time to retry, and the rest go on.
 */
import type { IDataObject } from 'n8n-workflow';

import { sampleCandidates } from '../fixtures/candidates';
import { node, outputOf, WorkflowHarness } from '../harness/runWorkflow';
const { startGreenhouseSandbox } = require('../sandbox/greenhouse');
const { startStardexSandbox } = require('../sandbox/stardex');

interface Sandbox {
	credentials: IDataObject;
	reset(): void;
	setFaults(f: IDataObject): void;
	setRateLimit(c: unknown): void;
	stats(): { requests: number; status429: number };
	state(): IDataObject;
	close(): Promise<void>;
	jobs?: () => Array<{ id: string }>;
}

let gh: Sandbox;
let sdx: Sandbox;
beforeAll(async () => {
	gh = await startGreenhouseSandbox({});
	sdx = await startStardexSandbox({ jobs: 1 });
});
afterAll(async () => {
	await gh.close();
	await sdx.close();
});

type System = 'greenhouse' | 'stardex';
function exportRun(
	system: System,
	items: IDataObject[],
	requestOptions: IDataObject = {},
	options: IDataObject = {},
) {
	const sandbox = system === 'greenhouse' ? gh : sdx;
	const job = system === 'greenhouse' ? '4012000' : String(sdx.jobs?.()[0].id);
	const credentialType = system === 'greenhouse' ? 'greenhouseHarvestApi' : 'stardexApi';
	const n = node(
		system === 'greenhouse' ? 'Greenhouse' : 'Stardex',
		system,
		{
			resource: 'candidate',
			operation: 'export',
			candidateInput: 'input',
			job: { __rl: true, mode: 'id', value: job },
			ifExists: 'skip',
			requestOptions,
			options,
		},
		{ [credentialType]: 'sandbox' },
		{ onError: 'continueRegularOutput' },
	);
	const wf = new WorkflowHarness(
		{ nodes: [n], connections: {} },
		{ [credentialType]: { accessToken: '', ...sandbox.credentials } as never },
	);
	return wf.run(n.name, items).then((run) => outputOf(run, n.name));
}

const forms: Array<[string, IDataObject]> = [
	['Retry-After in seconds', { retryAfter: 'seconds' }],
	['Retry-After as an HTTP date', { retryAfter: 'http-date' }],
	['Retry-After as a Unix timestamp', { retryAfter: 'unix' }],
	[
		'Retry-After as a Unix timestamp, no X-RateLimit-Reset',
		{ retryAfter: 'unix', rateLimitHeaders: 'no-reset' },
	],
	['no Retry-After and no X-RateLimit-Reset', { retryAfter: 'none', rateLimitHeaders: 'no-reset' }],
	...resetForms(),
];

/** No Retry-After: the wait comes from X-RateLimit-Reset alone, in each form an API may use. */
function resetForms(): Array<[string, IDataObject]> {
	return [
		["JavaScript's Date text (lemlist's documented form)", 'js-date'],
		['an HTTP date', 'http-date'],
		['an ISO 8601 date-time', 'iso'],
	].map(([label, resetForm]) => [
		`X-RateLimit-Reset as ${label}, no Retry-After`,
		{ retryAfter: 'none', resetForm },
	]);
}

describe.each<System>(['greenhouse', 'stardex'])('%s under a tight limit', (system) => {
	test.each(forms)('%s: every candidate created once, none failed', async (name, faults) => {
		const sandbox = system === 'greenhouse' ? gh : sdx;
		sandbox.reset();
		sandbox.setRateLimit({ limit: 8, windowMs: 1000 });
		// A burst of 429s as well, so the node reads Retry-After even when its pacer keeps to the limit.
		sandbox.setFaults({ ...faults, burst429: 2 });
		const out = await exportRun(
			system,
			sampleCandidates(6, `rl-${system}-${forms.findIndex(([n]) => n === name)}`),
		);
		expect(out.map((o) => o.status)).toEqual(Array(6).fill('created'));
		expect(sandbox.stats().status429).toBeGreaterThanOrEqual(2);
		// Where the reset is the only word on when the window ends, the pacer keeps to it: the two
		// injected 429s are the only ones (a reset it could not read would let it run into the limit).
		if (faults.resetForm) expect(sandbox.stats().status429).toBe(2);
	});

	test('a window that ends beyond Max Rate-Limit Wait fails those items at once, saying until when', async () => {
		const sandbox = system === 'greenhouse' ? gh : sdx;
		sandbox.reset();
		// Greenhouse's guide gives Retry-After as a Unix timestamp: ten minutes away here.
		sandbox.setRateLimit({ limit: 6, windowMs: 600_000, mode: 'sliding' });
		sandbox.setFaults({ retryAfter: 'unix' });
		// One item at a time, so the first items finish before the allowance runs out and each later
		// item stops at its first request (with several at once, every item in flight meets the 429).
		const out = await exportRun(
			system,
			sampleCandidates(5, `far-${system}`),
			{ maxRateLimitWaitSeconds: 5 },
			{ parallelCandidates: 1 },
		);
		const failed = out.filter((o) => o.status === 'failed');
		expect(failed.length).toBeGreaterThan(0);
		expect(out.filter((o) => o.status === 'created').length).toBeGreaterThan(0);
		expect(failed.length + out.filter((o) => o.status === 'created').length).toBe(5);
		for (const f of failed)
			expect(String(f.error)).toMatch(
				/HTTP 429.*asked to wait (9|10) min \(until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\), longer than Max Rate-Limit Wait \(5 s\)/,
			);
		// Each failed item stopped at its first 429: nothing was retried, nothing slept for ten minutes.
		expect(sandbox.stats().status429).toBe(failed.length);
	});
});
