/**
 * Lookup Auto / Per Candidate / Preload on the Stardex export: the preload reads the person list once
 * (100 a page) instead of two searches per candidate, and finds the same existing persons.
 */
import type { IDataObject } from 'n8n-workflow';

import { sampleCandidate, sampleCandidates } from '../../../../fixtures/candidates';
import { errorOf, node, outputOf, WorkflowHarness } from '../../../../harness/runWorkflow';
const { startStardexSandbox } = require('../../../../sandbox/stardex');

type Sandbox = Awaited<ReturnType<typeof startStardexSandbox>>;
let sdx: Sandbox;
let JOB: string;
const FAST = { limit: 100_000, windowMs: 60_000, mode: 'sliding' };

beforeAll(async () => {
	sdx = await startStardexSandbox({ rateLimit: FAST });
	JOB = String(sdx.jobs()[0].id);
});
afterAll(async () => sdx.close());
beforeEach(() => {
	sdx.reset();
	sdx.configure({ duplicateLinkedin: 'conflict', searchResults: 'full' });
	sdx.setRateLimit(FAST);
});

/** An account of `n` persons who are not in the batch. */
function seedAccount(n: number) {
	sdx.seed({
		persons: Array.from({ length: n }, (_, k) => ({
			name: `Existing ${k}`,
			linkedin_url: `https://www.linkedin.com/in/existing-${k}`,
			emails: [`existing-${k}@example.com`],
		})),
	});
}

async function run(items: IDataObject[], lookup?: string) {
	const wf = new WorkflowHarness(
		{
			nodes: [
				node(
					'Stardex',
					'stardex',
					{
						resource: 'candidate',
						operation: 'export',
						candidateInput: 'input',
						job: { __rl: true, mode: 'id', value: JOB },
						ifExists: 'skip',
						options: lookup ? { lookup } : {},
					},
					{ stardexApi: 'Stardex sandbox' },
					{ onError: 'continueRegularOutput' },
				),
			],
			connections: {},
		},
		{ stardexApi: { ...sdx.credentials } as never },
	);
	const before = sdx.requests().length;
	const r = await wf.run('Stardex', items);
	expect(errorOf(r)).toBeUndefined();
	const log = sdx.requests().slice(before) as Array<{ method: string; path: string }>;
	const count = (m: string, p: string) => log.filter((e) => e.method === m && e.path === p).length;
	return {
		out: outputOf(r, 'Stardex'),
		searches: count('POST', '/v1/persons/search'),
		creates: count('POST', '/v1/persons'),
		total: log.length,
	};
}

const statuses = (out: IDataObject[]) =>
	out.reduce<Record<string, number>>((a, o) => {
		a[String(o.status)] = (a[String(o.status)] ?? 0) + 1;
		return a;
	}, {});

describe('Stardex export: Lookup', () => {
	test('Auto preloads a small account: list pages instead of two searches per candidate, existing persons still found', async () => {
		seedAccount(250);
		// Two of the batch exist already: one by LinkedIn URL, one by email only (another LinkedIn URL).
		const batch = sampleCandidates(40, 'pre');
		const byLinkedin = batch[3];
		const byEmail = batch[7];
		sdx.seed({
			persons: [
				{ name: 'Same Profile', linkedin_url: byLinkedin.linkedinUrl, emails: [] },
				{
					name: 'Same Email',
					linkedin_url: 'https://www.linkedin.com/in/someone-else-entirely',
					emails: [(byEmail.emails as IDataObject[])[0].value],
				},
			],
		});
		const r = await run(batch);
		expect(statuses(r.out)).toEqual({ created: 38, skipped: 2 });
		expect(r.out[3]).toMatchObject({ status: 'skipped', matchedBy: 'linkedin' });
		expect(r.out[7]).toMatchObject({ status: 'skipped', matchedBy: 'email' });
		// 252 persons: 3 pages of 100; no per-candidate search; 38 creates; one job check.
		expect(r.searches).toBe(3);
		expect(r.creates).toBe(38);
		expect(r.total).toBe(3 + 38 + 1);
		expect(sdx.state().persons).toHaveLength(252 + 38);
	});

	test('Auto searches per candidate when the list would cost more than a tenth of the searches', async () => {
		seedAccount(250);
		const r = await run(sampleCandidates(10, 'small'));
		// One page shows 250 persons (3 pages) > 1 page budget: then two searches per new candidate.
		expect(r.searches).toBe(1 + 10 * 2);
		expect(statuses(r.out)).toEqual({ created: 10 });
	});

	test('Per Candidate never reads the list; Preload always does', async () => {
		seedAccount(120);
		const per = await run(sampleCandidates(5, 'per'), 'perCandidate');
		expect(per.searches).toBe(5 * 2);
		const pre = await run(sampleCandidates(5, 'pre'), 'preload');
		expect(pre.searches).toBe(2);
		expect(statuses(pre.out)).toEqual({ created: 5 });
	});

	test('search results without contact lists: the index is not trusted, every candidate is searched', async () => {
		sdx.configure({ searchResults: 'summary' });
		const existing = sampleCandidate(4, 'sum');
		sdx.seed({
			persons: [
				{
					name: 'Same Email',
					linkedin_url: 'https://www.linkedin.com/in/other-profile-sum',
					emails: [(existing.emails as IDataObject[])[0].value],
				},
			],
		});
		const r = await run(sampleCandidates(20, 'sum'));
		expect(r.searches).toBe(1 + 20 * 2);
		expect(statuses(r.out)).toEqual({ created: 19, skipped: 1 });
		expect(r.out[4]).toMatchObject({ status: 'skipped', matchedBy: 'email' });
	});

	test('a person twice in one batch is created once (the run remembers its creates)', async () => {
		const c = sampleCandidate(1, 'twice');
		const r = await run([c, { ...c }, sampleCandidate(2, 'twice')], 'preload');
		expect(statuses(r.out)).toEqual({ created: 2, skipped: 1 });
		expect(r.creates).toBe(2);
	});
});
