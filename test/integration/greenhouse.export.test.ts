import * as fs from 'node:fs';
import * as path from 'node:path';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { sampleCandidate, sampleCandidates } from '../fixtures/candidates';
import { greenhouseExportWorkflow } from '../harness/greenhouse';
import { errorOf, outputOf } from '../harness/runWorkflow';
const { startGreenhouseSandbox } = require('../sandbox/greenhouse');

type Sandbox = Awaited<ReturnType<typeof startGreenhouseSandbox>>;
let gh: Sandbox;
const JOB = 4012000;

beforeAll(async () => {
	gh = await startGreenhouseSandbox({ rateLimit: { limit: 1000, windowMs: 10_000 } });
});
afterAll(async () => gh.close());
beforeEach(() => gh.reset());

function exportWorkflow(params: IDataObject = {}, credentials: IDataObject = gh.credentials) {
	return greenhouseExportWorkflow(credentials, params);
}

async function state() {
	return gh.state();
}

const emailOf = (c: IDataObject) =>
	String((c.email_addresses as IDataObject[])[0]?.value).toLowerCase();

describe('Greenhouse export through a real WorkflowExecute against the sandbox', () => {
	test('50 items with duplicates and bad input: exactly the valid unique ones are created, once, also on re-run', async () => {
		const valid = sampleCandidates(40, 'batch');
		const dupes = [3, 7, 11, 19, 23].map((n) => ({
			...sampleCandidate(n, 'batch'),
			emails: [
				{
					value: `${String((sampleCandidate(n, 'batch').emails as IDataObject[])[0].value).toUpperCase()}`,
					type: 'work',
				},
			],
		}));
		const bad: IDataObject[] = [
			{ emails: ['nobody@example.com'] },
			{ fullName: 'Bad Email', emails: ['not-an-email'] },
			{
				fullName: 'Bad LinkedIn',
				emails: ['badli@example.com'],
				linkedinUrl: 'https://twitter.com/someone',
			},
			{ fullName: 'No Email' },
			{ fullName: 'Bad Phone', emails: ['badphone@example.com'], phones: ['call me maybe'] },
		];
		const items = [...valid.slice(0, 20), ...dupes, ...bad, ...valid.slice(20)];
		const wf = exportWorkflow();

		const run = await wf.run('Greenhouse', items);
		expect(run.status).toBe('success');
		const out = outputOf(run, 'Greenhouse');
		expect(out).toHaveLength(50);
		const byStatus = (s: string) => out.filter((o) => o.status === s);
		expect(byStatus('created')).toHaveLength(40);
		expect(byStatus('skipped')).toHaveLength(5);
		expect(byStatus('skipped').every((o) => o.matchedBy === 'email+linkedin')).toBe(true);
		const failed = byStatus('failed');
		expect(failed.map((f) => f.itemIndex)).toEqual([25, 26, 27, 28, 29]);
		expect(failed[0].error).toMatch(/^\[item 25\] Candidate is not valid: fullName is missing/);
		expect(failed[1].error).toMatch(/\[item 26\].*emails\[0\]\.value is not a valid email address/);
		expect(failed[2].error).toMatch(
			/\[item 27\].*linkedinUrl "https:\/\/twitter.com\/someone" is not a LinkedIn profile URL/,
		);
		expect(failed[3].error).toMatch(/\[item 28\] Candidate emails are missing/);
		expect(failed[4].error).toMatch(
			/\[item 29\].*phones\[0\]\.value has characters a phone number cannot contain/,
		);

		let s = await state();
		expect(s.counts.candidates).toBe(40);
		expect(s.counts.applications).toBe(40);
		expect(
			new Set(s.candidates.map((c: IDataObject) => (c.email_addresses as IDataObject[])[0].value))
				.size,
		).toBe(40);
		expect(s.applications.every((a: IDataObject) => a.job_id === JOB)).toBe(true);
		const created = byStatus('created')[0];
		expect(created).toMatchObject({ ats: 'greenhouse', jobId: JOB, matchedBy: null });
		expect(created.profileUrl).toBe(
			`https://app.greenhouse.io/people/${created.candidateId}?application_id=${created.applicationId}`,
		);

		// pairedItem on every output, including failures
		const items0 = run.data.resultData.runData.Greenhouse[0].data!.main[0]!;
		expect(items0.map((i) => (i.pairedItem as { item: number }).item)).toEqual(
			Array.from({ length: 50 }, (_, i) => i),
		);

		const again = await wf.run('Greenhouse', items);
		const out2 = outputOf(again, 'Greenhouse');
		expect(out2.filter((o) => o.status === 'created')).toHaveLength(0);
		expect(out2.filter((o) => o.status === 'skipped')).toHaveLength(45);
		s = await state();
		expect(s.counts.candidates).toBe(40);
		expect(s.counts.applications).toBe(40);
	});

	test('a new candidate gets typed contact details, LinkedIn, location, employment, resume and note', async () => {
		const pdf = fs.readFileSync(path.join(__dirname, '../fixtures/resume.pdf'));
		const item: INodeExecutionData = {
			json: {
				...sampleCandidate(0, 'full'),
				previousJobs: [
					{
						title: 'Engineer',
						company: 'Previous Co',
						startDate: '2018-01-01',
						endDate: '2021-06-30',
					},
				],
				resume: { binaryProperty: 'cv' },
			},
			binary: {
				cv: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: 'jane.pdf' },
			},
		};
		const wf = exportWorkflow({ options: { note: 'Replied: sounds interesting!', sourceId: 8 } });
		const run = await wf.run('Greenhouse', [item]);
		expect(errorOf(run)).toBeUndefined();
		const [out] = outputOf(run, 'Greenhouse');
		expect(out).toMatchObject({ status: 'created', resumeAttached: true, employmentsAdded: 1 });
		const s = await state();
		const c = s.candidates[0];
		expect(c).toMatchObject({
			first_name: 'Jane',
			last_name: 'Smith',
			company: 'Acme Corp',
			title: 'Senior Backend Engineer',
			email_addresses: [{ value: 'jane-smith-full0@example.com', type: 'personal' }],
			phone_numbers: [{ value: '+1 555 0100', type: 'mobile' }],
			addresses: [{ value: 'Austin, Texas, United States', type: 'home' }],
			social_media_addresses: [{ value: 'https://www.linkedin.com/in/jane-smith-full0' }],
			tags: ['outreach'],
		});
		expect(s.applications[0]).toMatchObject({
			candidate_id: c.id,
			job_id: JOB,
			source_id: 8,
			prospect: false,
		});
		expect(s.employments[0]).toMatchObject({
			candidate_id: c.id,
			company_name: 'Previous Co',
			title: 'Engineer',
			start_date: '2018-01-01',
		});
		expect(s.attachments[0]).toMatchObject({
			application_id: s.applications[0].id,
			type: 'resume',
			filename: 'jane.pdf',
			isPdf: true,
			size: pdf.length,
		});
		expect(s.notes[0]).toMatchObject({
			candidate_id: c.id,
			body: 'Replied: sounds interesting!',
			user_id: Number(gh.credentials.actingUserId),
		});
	});

	test('no job: the candidate becomes a prospect (nested and separate application modes)', async () => {
		for (const mode of ['nested', 'separate']) {
			gh.reset();
			const wf = exportWorkflow({
				job: { __rl: true, mode: 'list', value: '' },
				options: { applicationMode: mode },
			});
			const run = await wf.run('Greenhouse', [sampleCandidate(1, mode)]);
			expect(outputOf(run, 'Greenhouse')[0]).toMatchObject({ status: 'created' });
			const s = await state();
			expect(s.counts.applications).toBe(1);
			expect(s.applications[0]).toMatchObject({ prospect: true, job_id: null });
		}
	});

	test('if-exists policies: Add to Job, Fill Empty Fields (never overwrites contact details), Error', async () => {
		const base = sampleCandidate(5, 'pol');
		await exportWorkflow({ job: { __rl: true, mode: 'list', value: '' } }).run('Greenhouse', [
			{ ...base, phones: [], currentTitle: undefined },
		]);
		let s = await state();
		const id = s.candidates[0].id;

		const applied = outputOf(
			await exportWorkflow({ ifExists: 'addToJob' }).run('Greenhouse', [base]),
			'Greenhouse',
		)[0];
		expect(applied).toMatchObject({
			status: 'applied',
			candidateId: id,
			matchedBy: 'email+linkedin',
		});
		const again = outputOf(
			await exportWorkflow({ ifExists: 'addToJob' }).run('Greenhouse', [base]),
			'Greenhouse',
		)[0];
		expect(again).toMatchObject({ status: 'skipped', reason: 'already applied to this job' });

		const changed = {
			...base,
			emails: [(base.emails as IDataObject[])[0], { value: 'new-address@example.com' }],
			currentCompany: 'Other Co',
		};
		const filled = outputOf(
			await exportWorkflow({ ifExists: 'fillEmpty' }).run('Greenhouse', [changed]),
			'Greenhouse',
		)[0];
		expect(filled).toMatchObject({ status: 'updated', updatedFields: ['title', 'phone_numbers'] });
		s = await state();
		const c = s.candidates.find((x: IDataObject) => x.id === id);
		expect(c.email_addresses).toEqual([
			{ value: (base.emails as IDataObject[])[0].value, type: 'personal' },
		]);
		expect(c.company).toBe(base.currentCompany);
		expect(c.title).toBe(base.currentTitle);

		const failed = outputOf(
			await exportWorkflow({ ifExists: 'error' }).run('Greenhouse', [base]),
			'Greenhouse',
		)[0];
		expect(failed.error).toMatch(
			new RegExp(
				`\\[item 0\\] Candidate already exists in Greenhouse as ${id} \\(https://app.greenhouse.io/people/${id}\\), matched by email\\+linkedin`,
			),
		);
		expect((await state()).counts.candidates).toBe(1);
	});

	test('unknown job, non-PDF resume and a missing binary property fail clearly before anything is written', async () => {
		const wf = exportWorkflow({ job: { __rl: true, mode: 'id', value: '999' } });
		const out = outputOf(await wf.run('Greenhouse', [sampleCandidate(1)]), 'Greenhouse')[0];
		// The create with the nested application refuses the job itself (no separate job check).
		expect(out.error).toBe(
			'[item 0] Job 999 was not found in Greenhouse or is not open (Unprocessable Content; job_id: Job 999 does not exist). Pick the job from the list, or check the ID and that the credential may see it',
		);
		const separate = exportWorkflow({
			job: { __rl: true, mode: 'id', value: '999' },
			options: { applicationMode: 'separate' },
		});
		// A separate application call would write the candidate first, so the job is checked before.
		expect(
			outputOf(await separate.run('Greenhouse', [sampleCandidate(1)]), 'Greenhouse')[0].error,
		).toBe(
			'[item 0] Job 999 was not found in Greenhouse. Pick the job from the list, or check the ID and that the credential may see it',
		);

		const txt: INodeExecutionData = {
			json: { ...sampleCandidate(2), resume: { binaryProperty: 'cv' } },
			binary: {
				cv: {
					data: Buffer.from('hello').toString('base64'),
					mimeType: 'text/plain',
					fileName: 'cv.txt',
				},
			},
		};
		const missing: INodeExecutionData = {
			json: { ...sampleCandidate(3), resume: { binaryProperty: 'resume' } },
			binary: { data: { data: 'JVBERi0=', mimeType: 'application/pdf' } },
		};
		const [a, b] = outputOf(await exportWorkflow().run('Greenhouse', [txt, missing]), 'Greenhouse');
		expect(a.error).toBe(
			'[item 0] Resume (binary property "cv") ("cv.txt", text/plain) is not a PDF. Convert the resume to PDF first',
		);
		expect(b.error).toBe(
			'[item 1] Resume (binary property "resume") does not exist on this item. The item has binary properties: data. Use one of those names',
		);
		expect((await state()).counts.candidates).toBe(0);
	});
});

describe('Greenhouse read-after-write: writes naming a just-created record', () => {
	const fullItem = (n: number, tag: string): INodeExecutionData => ({
		json: {
			...sampleCandidate(n, tag),
			previousJobs: [{ title: 'Engineer', company: 'Previous Co', startDate: '2019-03' }],
			resume: { binaryProperty: 'cv' },
		},
		binary: {
			cv: {
				data: fs.readFileSync(path.join(__dirname, '../fixtures/resume.pdf')).toString('base64'),
				mimeType: 'application/pdf',
				fileName: `cv-${n}.pdf`,
			},
		},
	});

	test.each([
		['option', 'nested'],
		['fault', 'separate'],
	])(
		'a lag (as %s, %s application) is waited out: everything lands once, nothing twice',
		async (how, mode) => {
			if (how === 'option') gh.configure({ readAfterWriteLagMs: 700 });
			else gh.setFaults({ readAfterWriteLagMs: 700 });
			try {
				const wf = exportWorkflow({
					options: { note: 'Replied', applicationMode: mode },
				});
				const before = gh.requests().length;
				const run = await wf.run('Greenhouse', [
					fullItem(1, `raw-${mode}`),
					fullItem(2, `raw-${mode}`),
				]);
				const out = outputOf(run, 'Greenhouse');
				expect(out.map((o) => o.status)).toEqual(['created', 'created']);
				expect(out.map((o) => o.resumeAttached)).toEqual([true, true]);
				const s = await state();
				expect(s.counts).toMatchObject({
					candidates: 2,
					applications: 2,
					employments: 2,
					attachments: 2,
					notes: 2,
				});
				const refused = gh
					.requests()
					.slice(before)
					.filter((r: { status: number }) => r.status === 422 || r.status === 404);
				expect(refused.length).toBeGreaterThan(0);
			} finally {
				gh.configure({ readAfterWriteLagMs: 0 });
				gh.setFaults({});
			}
		},
	);

	test('a record Greenhouse never knows fails the item after the bounded wait, naming the field', async () => {
		gh.configure({ readAfterWriteLagMs: 60_000 });
		try {
			const wf = exportWorkflow({
				options: { note: 'Replied' },
				requestOptions: { newRecordWaitSeconds: 1.5 },
			});
			const run = await wf.run('Greenhouse', [sampleCandidate(3, 'never')]);
			const [out] = outputOf(run, 'Greenhouse');
			expect(String(out.error)).toContain('candidate_id');
			expect((await state()).counts).toMatchObject({ candidates: 1, notes: 0 });
		} finally {
			gh.configure({ readAfterWriteLagMs: 0 });
		}
	});
});

describe('Greenhouse transport against sandbox faults', () => {
	test('one event costs a lookup, a create and the duplicate check: no job check when the create validates the job', async () => {
		const run = await exportWorkflow().run('Greenhouse', [sampleCandidate(5, 'one')]);
		expect(outputOf(run, 'Greenhouse')[0].status).toBe('created');
		const api = (gh.requests() as Array<{ method: string; path: string }>)
			.filter((r) => r.path !== '/token')
			.map((r) => `${r.method} ${r.path}`);
		// GET /v3/users: each new token is checked once to see lists (a Site Admin acting user);
		// the second GET /v3/candidates looks for a duplicate another worker made meanwhile.
		expect(api).toEqual([
			'GET /v3/users',
			'GET /v3/candidates',
			'POST /v3/candidates',
			'GET /v3/candidates',
		]);
	});

	test('a create applied but answered with 500 is found by lookup and not created twice', async () => {
		gh.setFaults({ error5xxAfterWriteRate: 1, only: ['POST /v3/candidates'] });
		const run = await exportWorkflow().run('Greenhouse', sampleCandidates(3, 'amb'));
		const out = outputOf(run, 'Greenhouse');
		expect(out.map((o) => o.status)).toEqual(['created', 'created', 'created']);
		const s = await state();
		expect(s.counts.candidates).toBe(3);
		expect(s.counts.applications).toBe(3);
	});

	test('resets after writes and 5xx before processing: never created twice; unconfirmed items say so, and a re-run finishes them', async () => {
		gh.setFaults({ seed: 7, resetAfterWriteRate: 0.3, error5xxRate: 0.15, resetRate: 0.1 });
		const items = sampleCandidates(15, 'flaky');
		const options = { requestOptions: { maxRetries: 8, confirmWindowSeconds: 1 } };
		const out = outputOf(await exportWorkflow(options).run('Greenhouse', items), 'Greenhouse');
		expect(gh.stats().faults).toBeGreaterThan(3);
		const s1 = await state();
		// Never two records for one person, and every created item names a record that exists.
		expect(new Set(s1.candidates.map(emailOf)).size).toBe(s1.candidates.length);
		for (const o of out.filter((x) => x.status === 'created'))
			expect(s1.candidates.some((c: IDataObject) => c.id === o.candidateId)).toBe(true);
		// Every failure is an unconfirmed write, and says so.
		for (const o of out.filter((x) => x.status === 'failed')) {
			expect(o.mayHaveBeenCreated).toBe(true);
			expect(String(o.error)).toMatch(/may have been created: a re-run will find it/);
		}
		gh.setFaults({});
		const again = outputOf(
			await exportWorkflow({ ...options, ifExists: 'addToJob' }).run('Greenhouse', items),
			'Greenhouse',
		);
		expect(again.filter((o) => o.status === 'failed')).toEqual([]);
		const s2 = await state();
		expect(s2.counts.candidates).toBe(15);
		expect(s2.counts.applications).toBe(15);
	});

	test('a lookup answered with an HTML page or cut-off JSON fails the item; it never counts as "nobody found"', async () => {
		for (const fault of [{ html200Rate: 1 }, { truncatedJsonRate: 1 }]) {
			gh.reset();
			gh.setFaults({ ...fault, only: ['GET /v3/candidates'] });
			const out = outputOf(
				await exportWorkflow({ requestOptions: { maxRetries: 1 } }).run('Greenhouse', [
					sampleCandidate(1, 'html'),
				]),
				'Greenhouse',
			);
			expect(out[0]).toMatchObject({ status: 'failed' });
			expect(String(out[0].error)).toMatch(
				/Greenhouse answered GET \/v3\/candidates with HTTP 200: the (answer was an HTML page|JSON answer was cut off)/,
			);
			expect((await state()).counts.candidates).toBe(0);
		}
	});

	test('a create answered 2xx with HTML is unconfirmed: looked up, never sent twice', async () => {
		gh.setFaults({ html200Rate: 1, only: ['POST /v3/candidates'] });
		const out = outputOf(
			await exportWorkflow({ requestOptions: { confirmWindowSeconds: 1 } }).run('Greenhouse', [
				sampleCandidate(2, 'html'),
			]),
			'Greenhouse',
		);
		expect(out[0]).toMatchObject({ status: 'failed', mayHaveBeenCreated: true });
		expect(
			gh
				.requests()
				.filter(
					(r: { method: string; path: string }) =>
						r.path === '/v3/candidates' && r.method === 'POST',
				),
		).toHaveLength(1);
		gh.setFaults({});
		// The HTML page applied nothing; the re-run creates the candidate, once.
		const again = outputOf(
			await exportWorkflow().run('Greenhouse', [sampleCandidate(2, 'html')]),
			'Greenhouse',
		);
		expect(again[0]).toMatchObject({ status: 'created' });
		expect((await state()).counts.candidates).toBe(1);
	});

	test('429s are waited out and pacing keeps within the limit', async () => {
		gh.setRateLimit({ limit: 6, windowMs: 1000 });
		const run = await exportWorkflow().run('Greenhouse', sampleCandidates(8, 'rl'));
		expect(outputOf(run, 'Greenhouse').filter((o) => o.status === 'created')).toHaveLength(8);
		expect((await state()).counts.candidates).toBe(8);
		gh.setRateLimit({ limit: 1000, windowMs: 10_000 });
	});

	test('an expired token is refreshed once and the request resent', async () => {
		const wf = exportWorkflow();
		await wf.run('Greenhouse', [sampleCandidate(1, 'tok')]);
		expect(wf.credentialsHelper.preAuthCalls).toBe(1);
		gh.expireTokens();
		const run = await wf.run('Greenhouse', [sampleCandidate(2, 'tok')]);
		expect(outputOf(run, 'Greenhouse')[0].status).toBe('created');
		expect(wf.credentialsHelper.preAuthCalls).toBe(2);
	});

	test.each(['expires_at', 'expires_in'] as const)(
		'the token expiry is read from %s and a token near its expiry is replaced before any 401',
		async (field) => {
			gh.configure({ tokenExpiryField: field });
			const wf = exportWorkflow();
			await wf.run('Greenhouse', [sampleCandidate(1, 'exp')]);
			const stored = wf.credentialsHelper.data.greenhouseHarvestApi;
			const expiresAt = Date.parse(String(stored.accessTokenExpiresAt));
			expect(Math.abs(expiresAt - (Date.now() + 3_600_000))).toBeLessThan(60_000);
			// The stored token now expires within the refresh margin; the sandbox still accepts it.
			stored.accessTokenExpiresAt = new Date(Date.now() + 20_000).toISOString();
			const before = gh.requests().length;
			const run = await wf.run('Greenhouse', [sampleCandidate(2, 'exp')]);
			expect(outputOf(run, 'Greenhouse')[0].status).toBe('created');
			expect(wf.credentialsHelper.preAuthCalls).toBe(2);
			const answers = gh.requests().slice(before);
			expect(answers.filter((r: { status: number }) => r.status === 401)).toHaveLength(0);
			expect(gh.issuedTokens()).toHaveLength(2);
			gh.configure({ tokenExpiryField: 'expires_at' });
		},
	);

	test('wrong client secret and a missing scope give clear messages without secrets', async () => {
		const wrong = await exportWorkflow(
			{},
			{ ...gh.credentials, clientSecret: 'not-the-secret-123' },
		).run('Greenhouse', [sampleCandidate(1)]);
		const e1 = String(outputOf(wrong, 'Greenhouse')[0].error);
		expect(e1).toContain(
			'Greenhouse did not accept the Client ID and Client Secret (invalid_client)',
		);
		expect(e1).not.toContain('not-the-secret-123');
	});
});
