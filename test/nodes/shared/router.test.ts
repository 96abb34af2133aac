import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperations } from '../../../nodes/shared/router';
import { releaseItemSlot } from '../../../nodes/shared/itemSlots';
import { readParallelCandidates } from '../../../nodes/shared/parameters';

/** A fake n8n context: `count` items, the given options, and whether the node continues on fail. */
function context(count: number, options: IDataObject, continueOnFail: boolean) {
	const items: INodeExecutionData[] = Array.from({ length: count }, (_, i) => ({
		json: { name: `Person ${i}` },
	}));
	const params: IDataObject = { resource: 'candidate', operation: 'export', options };
	const reads: string[] = [];
	// An option given as a function stands for an expression: its value differs per item.
	const resolve = (v: unknown, i: number) =>
		typeof v === 'function' ? (v as (i: number) => unknown)(i) : v;
	return {
		reads,
		getInputData: () => items,
		getNodeParameter: (name: string, i: number, fallback?: unknown) => {
			reads.push(`${name}@${i}`);
			const v = name
				.split('.')
				.reduce<unknown>((o, k) => (o as IDataObject | undefined)?.[k], params);
			return resolve(v, i) ?? fallback;
		},
		getNode: () => ({
			name: 'Test',
			type: 'test',
			typeVersion: 1,
			position: [0, 0],
			// As n8n stores it: an expression is a string starting with "=".
			parameters: {
				...params,
				options: Object.fromEntries(
					Object.entries(options).map(([k, v]) => [k, typeof v === 'function' ? '={{ … }}' : v]),
				),
			},
		}),
		continueOnFail: () => continueOnFail,
	} as unknown as IExecuteFunctions & { reads: string[] };
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An operation that takes longer for earlier items and fails the items listed. */
function operation(failing: number[], log: { running: number; most: number; started: number[] }) {
	return {
		parallelItems: readParallelCandidates,
		execute: async function (this: IExecuteFunctions, i: number) {
			log.started.push(i);
			log.running++;
			log.most = Math.max(log.most, log.running);
			await tick(30 - (i % 5) * 5);
			log.running--;
			if (failing.includes(i)) throw new Error(`bad input ${i}`);
			return { item: i };
		},
	};
}

const newLog = () => ({ running: 0, most: 0, started: [] as number[] });

describe('runOperations: items at once (Parallel Candidates)', () => {
	test.each([
		[undefined, 4],
		[1, 1],
		[2, 2],
		[4, 4],
		[9, 4],
		[0, 1],
	])('option %p works on %p items at a time, outputs in input order', async (option, width) => {
		const log = newLog();
		const options = option === undefined ? {} : { parallelCandidates: option };
		const ctx = context(10, options, true);
		const [out] = await runOperations.call(ctx, { candidate: { export: operation([], log) } }, 'x');
		expect(log.most).toBe(width);
		expect(log.started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(out.map((o) => o.json.item)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(out.map((o) => o.pairedItem)).toEqual(out.map((_, i) => ({ item: i })));
	});

	test('a run with Dry Run on goes one item at a time (a dry run records one item at once)', async () => {
		const log = newLog();
		const ctx = context(6, { parallelCandidates: 4, dryRun: true }, true);
		const [out] = await runOperations.call(ctx, { candidate: { export: operation([], log) } }, 'x');
		expect(log.most).toBe(1);
		expect(out.map((o) => o.json.item)).toEqual([0, 1, 2, 3, 4, 5]);
	});

	test('Dry Run as an expression on for one item only: the run still goes one item at a time', async () => {
		const log = newLog();
		const dryRun = (i: number) => i === 4;
		const ctx = context(6, { parallelCandidates: 4, dryRun } as unknown as IDataObject, true);
		await runOperations.call(ctx, { candidate: { export: operation([], log) } }, 'x');
		expect(log.most).toBe(1);
		expect(ctx.reads.filter((r) => r.startsWith('options.dryRun@'))).toHaveLength(5);
	});

	test('Dry Run off as a plain value: not read item by item', async () => {
		const ctx = context(50, { parallelCandidates: 4, dryRun: false }, true);
		expect(readParallelCandidates(ctx)).toBe(4);
		expect(ctx.reads.filter((r) => r.startsWith('options.dryRun@'))).toEqual([]);
	});

	test('continue-on-fail: a failed item keeps its place and names itself; the others go on', async () => {
		const ctx = context(8, {}, true);
		const [out] = await runOperations.call(
			ctx,
			{ candidate: { export: operation([2, 5], newLog()) } },
			'x',
		);
		expect(out.map((o) => o.json.status ?? o.json.item)).toEqual([
			0,
			1,
			'failed',
			3,
			4,
			'failed',
			6,
			7,
		]);
		expect(out[2].json.error).toMatch(/^\[item 2\] bad input 2/);
		expect(out[5].json).toMatchObject({ itemIndex: 5, name: 'Person 5' });
	});

	test('without continue-on-fail the first failed item is thrown and no later item starts', async () => {
		const log = newLog();
		const ctx = context(10, {}, false);
		await expect(
			runOperations.call(ctx, { candidate: { export: operation([3, 4], log) } }, 'x'),
		).rejects.toThrow(/\[item 3\] bad input 3/);
		// Items 0-7 may have started (4 at a time); nothing after the failure was started later.
		expect(Math.max(...log.started)).toBeLessThanOrEqual(7);
		expect(log.running).toBe(0);
	});

	test('an operation without parallelItems runs one item at a time', async () => {
		const log = newLog();
		const { parallelItems: _, ...plain } = operation([], log);
		const ctx = context(5, { parallelCandidates: 4 }, true);
		await runOperations.call(ctx, { candidate: { export: plain } }, 'x');
		expect(log.most).toBe(1);
	});

	/**
	 * An operation whose items "create" (the main phase), hand their slot on, then write follow-ups
	 * for a long time. Logs how many are in each phase at once and the order things happened.
	 */
	function releasing(failAfterRelease: number[] = []) {
		const log = { main: 0, mostMain: 0, open: 0, mostOpen: 0, events: [] as string[] };
		const op = {
			parallelItems: readParallelCandidates,
			execute: async function (this: IExecuteFunctions, i: number) {
				log.open++;
				log.mostOpen = Math.max(log.mostOpen, log.open);
				log.main++;
				log.mostMain = Math.max(log.mostMain, log.main);
				log.events.push(`start ${i}`);
				await tick(5);
				log.main--;
				releaseItemSlot(this, i);
				await tick(60);
				log.open--;
				log.events.push(`end ${i}`);
				if (failAfterRelease.includes(i)) throw new Error(`follow-up failed ${i}`);
				return { item: i };
			},
		};
		return { log, op };
	}

	test('an item that released its slot lets the next start; at most 2 × width open, outputs in order', async () => {
		const { log, op } = releasing();
		const ctx = context(12, { parallelCandidates: 3 }, true);
		const [out] = await runOperations.call(ctx, { candidate: { export: op } }, 'x');
		expect(out.map((o) => o.json.item)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
		expect(log.mostMain).toBe(3);
		expect(log.mostOpen).toBe(6);
		// Item 3 started while items 0-2 were still writing their follow-ups.
		expect(log.events.indexOf('start 3')).toBeLessThan(log.events.indexOf('end 0'));
		expect(log.open).toBe(0);
	});

	test('one at a time, releasing a slot changes nothing', async () => {
		const { log, op } = releasing();
		const ctx = context(4, { parallelCandidates: 1 }, true);
		const [out] = await runOperations.call(ctx, { candidate: { export: op } }, 'x');
		expect(out.map((o) => o.json.item)).toEqual([0, 1, 2, 3]);
		expect(log.mostOpen).toBe(1);
		expect(log.events).toEqual([
			'start 0',
			'end 0',
			'start 1',
			'end 1',
			'start 2',
			'end 2',
			'start 3',
			'end 3',
		]);
	});

	test('a follow-up failing after the release: no new item starts, the others finish, the first failure is thrown', async () => {
		const { log, op } = releasing([1]);
		const ctx = context(20, { parallelCandidates: 2 }, false);
		await expect(runOperations.call(ctx, { candidate: { export: op } }, 'x')).rejects.toThrow(
			/\[item 1\] follow-up failed 1/,
		);
		expect(log.open).toBe(0);
		const started = log.events.filter((e) => e.startsWith('start')).length;
		// Items start while 0 and 1 are finishing (up to 2 working + 2 finishing), none once 1 failed.
		expect(started).toBeGreaterThan(2);
		expect(started).toBeLessThan(20);
		const failedAt = log.events.indexOf('end 1');
		expect(log.events.slice(failedAt).some((e) => e.startsWith('start'))).toBe(false);
	});

	test("continue-on-fail: a follow-up failure after the release is that item's failed output only", async () => {
		const { op } = releasing([2]);
		const ctx = context(6, { parallelCandidates: 3 }, true);
		const [out] = await runOperations.call(ctx, { candidate: { export: op } }, 'x');
		expect(out.map((o) => o.json.status ?? o.json.item)).toEqual([0, 1, 'failed', 3, 4, 5]);
		expect(out[2].json.error).toMatch(/follow-up failed 2/);
	});

	test('an item that releases its slot and ends at once (no follow-ups) is not waited for twice', async () => {
		let open = 0;
		const op = {
			parallelItems: readParallelCandidates,
			execute: async function (this: IExecuteFunctions, i: number) {
				open++;
				await tick(2);
				releaseItemSlot(this, i);
				open--;
				return { item: i };
			},
		};
		const ctx = context(9, { parallelCandidates: 2 }, true);
		const [out] = await runOperations.call(ctx, { candidate: { export: op } }, 'x');
		expect(out.map((o) => o.json.item)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
		expect(open).toBe(0);
	});
});
