import { runFaultSoak, runSamePersonRace, SOAK_SYSTEMS } from '../scenarios/faultSoak';

/**
 * The bounded soak under the full fault model (the large one is `npm run bench`): per system, a few
 * hundred candidates through concurrent executions while the sandbox injects every fault it has,
 * then a re-run of the failed items. Nothing lost, nothing twice, no output that contradicts the ATS.
 */
describe.each(SOAK_SYSTEMS.map((s) => [s.name, s] as const))(
	'%s under the full fault model',
	(_name, sys) => {
		test('soak: 0 lost, 0 duplicated, 0 misreported; a re-run finishes every failed item', async () => {
			const r = await runFaultSoak(sys, 200, { executions: 8, seed: 3, invalidEvery: 25 });
			expect(r.faults).toBeGreaterThan(10);
			expect(r.misreportedExamples).toEqual([]);
			expect(r.lost).toBe(0);
			expect(r.duplicated).toBe(0);
			expect(r.rerunFailed).toBe(0);
			expect(r.foundOnRerun).toBe(r.mayHaveBeenCreatedExisting);
			expect(r.createdFirstPass + r.failedFirstPass).toBe(200);
		}, 300_000);

		test('same person exported by two executions at once: in one process never twice; in queue mode every duplicate is reported', async () => {
			const local = await runSamePersonRace(sys, 12, 'one process');
			expect(local).toMatchObject({ duplicates: 0, failed: 0 });
			const queue = await runSamePersonRace(sys, 12, 'queue mode (2 workers)');
			expect(queue.failed).toBe(0);
			expect(queue.duplicatesReported).toBe(queue.pairsDuplicated);
		}, 120_000);
	},
);
