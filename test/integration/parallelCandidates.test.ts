import type { IDataObject } from 'n8n-workflow';

import { sampleCandidate, sampleCandidates } from '../fixtures/candidates';
import { node, outputOf, WorkflowHarness } from '../harness/runWorkflow';
import { heldPersonKeys } from '../../nodes/shared/export/personLock';
const { startGreenhouseSandbox } = require('../sandbox/greenhouse');
const { startStardexSandbox } = require('../sandbox/stardex');

/**
 * Options › Parallel Candidates: several items at once must give the same outputs, in the same order,
 * with the same requests as one at a time, and never create a person twice.
 */

type Sandbox = Awaited<ReturnType<typeof startGreenhouseSandbox>>;
let gh: Sandbox;
let sdx: Sandbox;

beforeAll(async () => {
	gh = await startGreenhouseSandbox({ rateLimit: { limit: 1000, windowMs: 10_000 } });
	sdx = await startStardexSandbox({ rateLimit: { limit: 1000, windowMs: 10_000 } });
});
afterAll(async () => {
	await gh.close();
	await sdx.close();
});

type System = 'greenhouse' | 'stardex';
const SYSTEMS: System[] = ['greenhouse', 'stardex'];
const sandboxOf = (system: System) => (system === 'greenhouse' ? gh : sdx);

async function exportRun(
	system: System,
	items: IDataObject[],
	options: IDataObject,
	onError: 'continueRegularOutput' | 'stopWorkflow' = 'continueRegularOutput',
) {
	const sandbox = sandboxOf(system);
	const credentialType = system === 'greenhouse' ? 'greenhouseHarvestApi' : 'stardexApi';
	const job = system === 'greenhouse' ? '4012000' : String(sdx.jobs()[0].id);
	const n = node(
		system === 'greenhouse' ? 'Greenhouse' : 'Stardex',
		system,
		{
			resource: 'candidate',
			operation: 'export',
			candidateInput: 'input',
			job: { __rl: true, mode: 'id', value: job },
			ifExists: 'skip',
			options,
		},
		{ [credentialType]: 'sandbox' },
		{ onError },
	);
	const wf = new WorkflowHarness(
		{ nodes: [n], connections: {} },
		{ [credentialType]: { accessToken: '', ...sandbox.credentials } as never },
	);
	return { run: await wf.run(n.name, items), name: n.name };
}

/** method + path of every request but the token, counted. */
function requestCounts(sandbox: Sandbox): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const r of sandbox.requests() as Array<{ method: string; path: string }>) {
		if (r.path === '/token') continue;
		const key = `${r.method} ${r.path.replace(/\/[0-9a-f-]{6,}(?=\/|$)/g, '/{id}')}`;
		counts[key] = (counts[key] ?? 0) + 1;
	}
	return counts;
}

/** 12 items: the same person three times (spelled differently), a bad item, the rest new people. */
function batch(tag: string): IDataObject[] {
	const items = sampleCandidates(10, tag);
	const twin = sampleCandidate(1, tag);
	const upper = String((twin.emails as IDataObject[])[0].value).toUpperCase();
	items.splice(2, 0, { ...twin, emails: [{ value: upper, type: 'work' }] });
	items.splice(5, 0, { fullName: 'No Contact' });
	items.push(twin);
	return items;
}

/** Status, email and item of each output; ids as "the same record as output n" (ids differ per run). */
const summary = (out: IDataObject[]) =>
	out.map((o) => [
		o.status,
		o.email ?? null,
		o.itemIndex ?? null,
		o.candidateId ? out.findIndex((x) => x.candidateId === o.candidateId) : null,
	]);

describe.each(SYSTEMS)('%s export, several candidates at once', (system) => {
	test('same outputs in input order, same requests and one create per person as one at a time', async () => {
		const sandbox = sandboxOf(system);
		const outs: IDataObject[][] = [];
		const counts: Array<Record<string, number>> = [];
		for (const parallelCandidates of [1, 3, 4]) {
			sandbox.reset();
			// Slow answers make the items overlap, so a missing lock or ordering would show.
			sandbox.setResponseDelay(15);
			const { run, name } = await exportRun(system, batch('par'), { parallelCandidates });
			sandbox.setResponseDelay(0);
			outs.push(outputOf(run, name));
			counts.push(requestCounts(sandbox));
			const state = sandbox.state() as IDataObject;
			const records = (state.candidates ?? state.persons) as unknown[];
			expect(records).toHaveLength(10);
		}
		const [one, three, four] = outs;
		expect(one.map((o) => o.status)).toEqual(
			[
				'created',
				'created',
				'skipped',
				'created',
				'created',
				'failed',
				'created',
				'created',
				'created',
				'created',
				'created',
				'created',
				'skipped',
			].slice(0, one.length),
		);
		expect(one).toHaveLength(13);
		expect(summary(three)).toEqual(summary(one));
		expect(summary(four)).toEqual(summary(one));
		// The failed item says which item and field, in its own place.
		expect(String(three[5].error)).toMatch(/\[item 5\]/);
		expect(counts[1]).toEqual(counts[0]);
		expect(counts[2]).toEqual(counts[0]);
		expect(heldPersonKeys()).toBe(0);
	});

	test('with a search per candidate too: the same requests and outputs as one at a time', async () => {
		const sandbox = sandboxOf(system);
		const runs: Array<{ out: unknown[]; counts: Record<string, number> }> = [];
		for (const parallelCandidates of [1, 3]) {
			sandbox.reset();
			sandbox.setResponseDelay(10);
			const options = {
				parallelCandidates,
				...(system === 'greenhouse' ? { lookup: 'perCandidate' } : {}),
			};
			const { run, name } = await exportRun(system, batch('per'), options);
			sandbox.setResponseDelay(0);
			runs.push({ out: summary(outputOf(run, name)), counts: requestCounts(sandbox) });
		}
		expect(runs[1].out).toEqual(runs[0].out);
		expect(runs[1].counts).toEqual(runs[0].counts);
	});

	test('the default works on several items at once, at most four', async () => {
		const sandbox = sandboxOf(system);
		sandbox.reset();
		sandbox.setResponseDelay(40);
		const started = Date.now();
		const { run, name } = await exportRun(system, sampleCandidates(8, 'width'), {});
		sandbox.setResponseDelay(0);
		expect(outputOf(run, name).map((o) => o.status)).toEqual(Array(8).fill('created'));
		// Items overlap: some request arrives while another item's request is still being answered.
		const at = (sandbox.requests() as Array<{ at: number; path: string }>)
			.filter((r) => r.path !== '/token' && r.at >= started)
			.map((r) => r.at);
		const overlapping = at.slice(1).filter((t, i) => t - at[i] < 30).length;
		expect(overlapping).toBeGreaterThan(0);
	});

	test('without continue-on-fail the first failing item stops the run with its own error', async () => {
		const sandbox = sandboxOf(system);
		sandbox.reset();
		const items = sampleCandidates(8, 'stop');
		items.splice(3, 0, { fullName: 'No Contact' });
		const { run } = await exportRun(system, items, { parallelCandidates: 3 }, 'stopWorkflow');
		const error = (run as { data: { resultData: { error?: Error } } }).data.resultData.error;
		expect(String(error?.message)).toMatch(/\[item 3\]/);
		const state = sandbox.state() as IDataObject;
		const records = (state.candidates ?? state.persons) as unknown[];
		// Items started before the failure finish; none after it starts: at most 3 + 2 created.
		expect(records.length).toBeLessThanOrEqual(5);
		expect(heldPersonKeys()).toBe(0);
	});
});
