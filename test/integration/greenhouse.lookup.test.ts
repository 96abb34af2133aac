/**
 * Candidate › Export's Lookup option against the Greenhouse sandbox: a preload pages the candidate
 * list once per execution and finds existing candidates by any email (any case) and by LinkedIn;
 * Auto preloads only when the list is small next to the batch; an ambiguous create is still
 * checked with a live lookup, never the index read at the start.
 */
import type { IDataObject } from 'n8n-workflow';

import { sampleCandidate, sampleCandidates } from '../fixtures/candidates';
import { greenhouseExportWorkflow } from '../harness/greenhouse';
import { outputOf } from '../harness/runWorkflow';
const { startGreenhouseSandbox } = require('../sandbox/greenhouse');

type Sandbox = Awaited<ReturnType<typeof startGreenhouseSandbox>>;
let gh: Sandbox;
beforeAll(async () => {
	gh = await startGreenhouseSandbox({ rateLimit: { limit: 100_000, windowMs: 10_000 } });
});
afterAll(async () => gh.close());
beforeEach(() => gh.reset());

async function exportRun(items: IDataObject[], options: IDataObject) {
	const wf = greenhouseExportWorkflow(gh.credentials, { options });
	return outputOf(await wf.run('Greenhouse', items), 'Greenhouse');
}

/** Requests to GET /v3/candidates since the last reset: list pages and per-email searches. */
function candidateReads() {
	const reads = (gh.requests() as Array<{ method: string; path: string; query: string }>).filter(
		(r) => r.method === 'GET' && r.path === '/v3/candidates',
	);
	return {
		emailSearches: reads.filter((r) => r.query.includes('email=')).length,
		listPages: reads.filter((r) => !r.query.includes('email=')).length,
	};
}

/** Existing candidates in the account, as Greenhouse stores them (emails in another case, LinkedIn as a social address). */
function seedExisting(count: number, tag: string) {
	gh.seed({
		candidates: Array.from({ length: count }, (_, i) => {
			const c = sampleCandidate(i, tag) as {
				emails: Array<{ value: string }>;
				linkedinUrl: string;
			};
			return {
				first_name: 'Old',
				last_name: `Record ${i}`,
				email_addresses: [{ value: c.emails[0].value.toUpperCase(), type: 'personal' }],
				social_media_addresses: [{ value: c.linkedinUrl.replace('https://www.', '') }],
			};
		}),
	});
}

test('Preload: one list page instead of one search per candidate; existing ones found by email in any case', async () => {
	seedExisting(30, 'pre');
	const items = [...sampleCandidates(20, 'pre'), ...sampleCandidates(20, 'new')];
	const out = await exportRun(items, { lookup: 'preload' });
	expect(out.filter((o) => o.status === 'skipped')).toHaveLength(20);
	expect(out.filter((o) => o.status === 'created')).toHaveLength(20);
	expect(candidateReads()).toEqual({ emailSearches: 0, listPages: 1 });
	const emails = (
		gh.state().candidates as Array<{ email_addresses: Array<{ value: string }> }>
	).map((c) => c.email_addresses[0].value.toLowerCase());
	expect(emails.length).toBe(50);
	expect(new Set(emails).size).toBe(50);
});

test('Preload also matches by LinkedIn address when no email matches', async () => {
	seedExisting(3, 'li');
	const changed = {
		...sampleCandidate(1, 'li'),
		emails: [{ value: 'someone.else@example.org', type: 'work' }],
	};
	const out = await exportRun([changed], { lookup: 'preload' });
	expect(out[0]).toMatchObject({ status: 'skipped', matchedBy: 'linkedin' });
	expect((gh.state().candidates as unknown[]).length).toBe(3);
});

test('Auto searches per candidate for a small batch (a single event never pages the list)', async () => {
	seedExisting(5, 'auto');
	const out = await exportRun(sampleCandidates(3, 'auto'), { lookup: 'auto' });
	expect(out.map((o) => o.status)).toEqual(['skipped', 'skipped', 'skipped']);
	expect(candidateReads()).toEqual({ emailSearches: 3, listPages: 0 });
});

test('Auto preloads a small account for a large batch, and falls back when the list is too long', async () => {
	seedExisting(40, 'big');
	const batch = sampleCandidates(30, 'big'); // budget: 3 pages
	let out = await exportRun(batch, { lookup: 'auto' });
	expect(out.every((o) => o.status === 'skipped')).toBe(true);
	expect(candidateReads()).toEqual({ emailSearches: 0, listPages: 1 });

	gh.reset();
	// 1,600 candidates are 4 pages: more than the 3 a batch of 30 may spend, so Auto stops after
	// 3 and searches per candidate (at most a tenth of a request per candidate lost).
	seedExisting(1600, 'big');
	out = await exportRun(batch, { lookup: 'auto' });
	expect(out.every((o) => o.status === 'skipped')).toBe(true);
	expect(candidateReads()).toEqual({ emailSearches: 30, listPages: 3 });
});

test('with a preload, a create answered 500 after it was applied is found by a live lookup, not created twice', async () => {
	gh.setFaults({ error5xxAfterWriteRate: 1, only: ['POST /v3/candidates'] });
	const out = await exportRun(sampleCandidates(4, 'amb'), { lookup: 'preload' });
	expect(out.map((o) => o.status)).toEqual(['created', 'created', 'created', 'created']);
	expect((gh.state().candidates as unknown[]).length).toBe(4);
	expect(candidateReads().emailSearches).toBe(4);
});

test('Per Candidate never pages the list, whatever the batch size', async () => {
	const out = await exportRun(sampleCandidates(30, 'per'), { lookup: 'perCandidate' });
	expect(out.every((o) => o.status === 'created')).toBe(true);
	// one search per candidate before the create, one after it (the duplicate check)
	expect(candidateReads()).toEqual({ emailSearches: 60, listPages: 0 });
});
