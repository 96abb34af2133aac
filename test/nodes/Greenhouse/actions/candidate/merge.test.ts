import type { IDataObject } from 'n8n-workflow';

import { mergeIntoOlder } from '../../../../../nodes/Greenhouse/actions/candidate/merge';
import { sampleCandidate } from '../../../../fixtures/candidates';
import { greenhouseExportWorkflow } from '../../../../harness/greenhouse';
import { outputOf } from '../../../../harness/runWorkflow';

const { startGreenhouseSandbox, ALL_SCOPES } = require('../../../../sandbox/greenhouse');

/**
 * "Merge Duplicates Created at the Same Moment" against the Greenhouse sandbox, whose twinOnCreate
 * switch plays another queue-mode worker creating the same person just before us.
 */
let gh: Awaited<ReturnType<typeof startGreenhouseSandbox>>;

beforeAll(async () => {
	gh = await startGreenhouseSandbox({
		rateLimit: { limit: 1000, windowMs: 10_000 },
		clients: {
			'sandbox-client-1': { secret: 'sandbox-secret', scopes: ALL_SCOPES },
			'no-merge-1': {
				secret: 's',
				scopes: ALL_SCOPES.filter((s: string) => s !== 'harvest:candidates:merge'),
			},
		},
	});
});
afterAll(async () => gh.close());
beforeEach(() => gh.reset());

async function exportOne(options: IDataObject, credentials: IDataObject = {}) {
	const wf = greenhouseExportWorkflow({ ...gh.credentials, ...credentials }, { options });
	const run = await wf.run('Greenhouse', [
		{
			...sampleCandidate(0, 'merge'),
			previousJobs: [{ title: 'Engineer', company: 'Old Co', startDate: '2019-03' }],
		},
	]);
	return outputOf(run, 'Greenhouse')[0];
}

const mergeCalls = () =>
	gh.requests().filter((r: { method: string; path: string }) => /\/merge$/.test(r.path));

describe('merge of a same-moment duplicate (Greenhouse export)', () => {
	test('off (the default): the duplicate is reported and both records stay, as before', async () => {
		gh.configure({ twinOnCreate: true });
		try {
			const out = await exportOne({ note: 'Hello' });
			const s = gh.state();
			const [twin, ours] = s.candidates;
			expect(out).toMatchObject({
				status: 'created',
				candidateId: ours.id,
				duplicateOf: [twin.id],
			});
			expect(out).not.toHaveProperty('merged');
			expect(s.candidates).toHaveLength(2);
			expect(s.merges).toEqual([]);
		} finally {
			gh.configure({ twinOnCreate: false });
		}
	});

	test('on: ours is merged into the older record after every write; the item names both ids', async () => {
		gh.configure({ twinOnCreate: true });
		try {
			const out = await exportOne({ note: 'Hello', mergeDuplicates: true });
			const s = gh.state();
			expect(s.candidates).toHaveLength(1);
			const [kept] = s.candidates;
			expect(s.merges).toHaveLength(1);
			const { merged: oursId } = s.merges[0];
			expect(s.merges[0].kept).toBe(kept.id);
			expect(out).toMatchObject({
				status: 'created',
				merged: true,
				candidateId: kept.id,
				mergedCandidateId: oursId,
				duplicateOf: [kept.id],
				employmentsAdded: 1,
			});
			expect(String(out.profileUrl)).toContain(`/people/${kept.id}`);
			// Everything written to ours moved with the merge: nothing lost.
			expect(s.notes.map((n: IDataObject) => n.candidate_id)).toEqual([kept.id]);
			expect(s.employments.map((e: IDataObject) => e.candidate_id)).toEqual([kept.id]);
			expect(s.applications.every((a: IDataObject) => a.candidate_id === kept.id)).toBe(true);
			expect(oursId).toBeGreaterThan(kept.id);
			expect(gh.contractReport().violations).toEqual([]);
		} finally {
			gh.configure({ twinOnCreate: false });
		}
	});

	test('on, without a duplicate: no merge call and no merge fields', async () => {
		const out = await exportOne({ mergeDuplicates: true });
		expect(out.status).toBe('created');
		expect(out).not.toHaveProperty('merged');
		expect(out).not.toHaveProperty('duplicateOf');
		expect(mergeCalls()).toEqual([]);
	});

	test('on, but Greenhouse refuses the merge (no harvest:candidates:merge): the item still succeeds, says so, both stay', async () => {
		gh.configure({ twinOnCreate: true });
		try {
			const out = await exportOne(
				{ mergeDuplicates: true },
				{ clientId: 'no-merge-1', clientSecret: 's' },
			);
			const s = gh.state();
			expect(out).toMatchObject({
				status: 'created',
				merged: false,
				duplicateOf: [s.candidates[0].id],
			});
			expect(String(out.mergeError)).toMatch(
				new RegExp(
					`^Merging candidate ${s.candidates[1].id} into ${s.candidates[0].id} failed, both records are still there: .*403`,
				),
			);
			expect(out.candidateId).toBe(s.candidates[1].id);
			expect(s.candidates).toHaveLength(2);
		} finally {
			gh.configure({ twinOnCreate: false });
		}
	});

	test("ours is the older record: nothing is merged (the newer one's export merges into ours)", async () => {
		// No request is made on this path, so no context is needed.
		await expect(mergeIntoOlder({} as never, 1001, [1005, 1009], 0)).resolves.toEqual({
			merged: false,
			mergeNote:
				'Candidate 1001 is the older record, so it is kept; an export that created one of the others merges it into this one when its option is on',
		});
	});
});
