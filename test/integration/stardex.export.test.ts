import type { IDataObject } from 'n8n-workflow';

import { sampleCandidate, sampleCandidates } from '../fixtures/candidates';
import { errorOf, node, outputOf, WorkflowHarness } from '../harness/runWorkflow';
const { startStardexSandbox } = require('../sandbox/stardex');

type Sandbox = Awaited<ReturnType<typeof startStardexSandbox>>;
let sdx: Sandbox;
let JOB: string;
let OTHER_JOB: string;
const FAST = { limit: 100_000, windowMs: 60_000, mode: 'sliding' };

beforeAll(async () => {
	sdx = await startStardexSandbox({ rateLimit: FAST });
	[JOB, OTHER_JOB] = sdx.jobs().map((j: IDataObject) => String(j.id));
});
afterAll(async () => sdx.close());
beforeEach(() => {
	sdx.reset();
	sdx.configure({
		duplicateLinkedin: 'conflict',
		searchResults: 'full',
		patchJobIdAddsCandidate: true,
		stageFields: 'standard',
	});
	sdx.setRateLimit(FAST);
});

const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });

function stardex(params: IDataObject = {}, credentials: IDataObject = sdx.credentials) {
	const nodes = [
		node(
			'Stardex',
			'stardex',
			{
				resource: 'candidate',
				operation: 'export',
				candidateInput: 'input',
				job: byId(JOB),
				ifExists: 'skip',
				...params,
			},
			{ stardexApi: 'Stardex sandbox' },
			{ onError: 'continueRegularOutput' },
		),
	];
	return new WorkflowHarness(
		{ nodes, connections: {} },
		{ stardexApi: { ...credentials } as never },
	);
}

async function exportItems(items: IDataObject[], params: IDataObject = {}) {
	const run = await stardex(params).run('Stardex', items);
	expect(errorOf(run)).toBeUndefined();
	return outputOf(run, 'Stardex');
}

const state = () => sdx.state();
const email0 = (c: IDataObject) => String((c.emails as IDataObject[])[0].value);

describe('Stardex export through a real WorkflowExecute against the sandbox', () => {
	test('a batch with duplicates and bad items: exactly the valid unique persons, once, also on re-run', async () => {
		const valid = sampleCandidates(30, 'sdx');
		// The same people again, spelled differently: upper-case email, LinkedIn URL without www and with a trailing slash.
		const dupes = [2, 5, 11, 17].map((n) => {
			const c = sampleCandidate(n, 'sdx');
			return {
				...c,
				emails: [{ value: email0(c).toUpperCase(), type: 'work' }],
				linkedinUrl: `linkedin.com/in/${String(c.linkedinUrl).split('/in/')[1]}/`,
			};
		});
		const bad: IDataObject[] = [
			{ emails: ['nobody@example.com'], linkedinUrl: 'https://www.linkedin.com/in/nobody-x' },
			{
				fullName: 'Bad Email',
				emails: ['not-an-email'],
				linkedinUrl: 'https://www.linkedin.com/in/bad-email-x',
			},
			{
				fullName: 'Bad LinkedIn',
				emails: ['badli@example.com'],
				linkedinUrl: 'https://twitter.com/someone',
			},
			{ fullName: 'No LinkedIn', emails: ['nolinkedin@example.com'] },
			{ fullName: 'Nothing To Match' },
		];
		const items = [...valid.slice(0, 15), ...dupes, ...bad, ...valid.slice(15)];
		const wf = stardex();

		const run = await wf.run('Stardex', items);
		expect(run.status).toBe('success');
		const out = outputOf(run, 'Stardex');
		expect(out).toHaveLength(39);
		const byStatus = (s: string) => out.filter((o) => o.status === s);
		expect(byStatus('created')).toHaveLength(30);
		expect(byStatus('skipped')).toHaveLength(4);
		expect(
			byStatus('skipped').every(
				(o) => o.matchedBy === 'email+linkedin' && o.reason === 'person already exists',
			),
		).toBe(true);
		const failed = byStatus('failed');
		expect(failed.map((f) => f.itemIndex)).toEqual([19, 20, 21, 22, 23]);
		expect(failed[0].error).toMatch(/^\[item 19\] Candidate is not valid: fullName is missing/);
		expect(failed[1].error).toMatch(
			/^\[item 20\] Candidate is not valid: emails\[0\]\.value is not a valid email address/,
		);
		expect(failed[2].error).toMatch(
			/^\[item 21\] Candidate is not valid: linkedinUrl "https:\/\/twitter.com\/someone" is not a LinkedIn profile URL/,
		);
		expect(failed[3].error).toBe(
			"[item 22] LinkedIn URL is missing: Stardex requires a LinkedIn profile URL to create a person, and no existing person matched the candidate's email. Add linkedinUrl to the candidate (or map LinkedIn URL under Define Below), or set Options › If LinkedIn URL Is Missing to Skip",
		);
		expect(failed[4].error).toMatch(
			/^\[item 23\] LinkedIn URL is missing: Stardex requires a LinkedIn profile URL to create a person, and the candidate has no email/,
		);

		let s = await state();
		expect(s.counts.persons).toBe(30);
		expect(s.counts.candidates).toBe(30);
		expect(new Set(s.persons.map((p: IDataObject) => p.linkedin_public_id)).size).toBe(30);
		expect(
			s.candidates.every(
				(c: IDataObject) => c.job_id === JOB && c.current_pipeline_stage_name === 'Sourced',
			),
		).toBe(true);
		const created = byStatus('created')[0];
		const person = s.persons.find((p: IDataObject) => p.id === created.candidateId);
		expect(created).toMatchObject({
			ats: 'stardex',
			jobId: JOB,
			matchedBy: null,
			profileUrl: `https://app.stardex.ai/persons/${created.candidateId}`,
		});
		expect(created.stardexCandidateId).toBe((person.candidates as IDataObject[])[0].candidate_id);
		// The duplicates point at the person created earlier in the same run.
		const dupOut = out[15];
		expect(dupOut.candidateId).toBe(out[2].candidateId);
		expect(dupOut.stardexCandidateId).toBe(out[2].stardexCandidateId);

		const paired = run.data.resultData.runData.Stardex[0].data!.main[0]!;
		expect(paired.map((i) => (i.pairedItem as { item: number }).item)).toEqual(
			Array.from({ length: 39 }, (_, i) => i),
		);

		const again = outputOf(await wf.run('Stardex', items), 'Stardex');
		expect(again.filter((o) => o.status === 'created')).toHaveLength(0);
		expect(again.filter((o) => o.status === 'skipped')).toHaveLength(34);
		expect(again.filter((o) => o.status === 'failed')).toHaveLength(5);
		s = await state();
		expect(s.counts.persons).toBe(30);
		expect(s.counts.candidates).toBe(30);
	});

	test('a new person gets name, typed emails and phones, LinkedIn, location, title, company, job, external id and notes', async () => {
		const c = {
			...sampleCandidate(0, 'full'),
			emails: [
				{ value: 'jane@acme.com', type: 'work' },
				{ value: 'jane@gmail.com', type: 'personal' },
				{ value: 'j.smith@example.org' },
			],
			phones: [
				{ value: '+1 555 0100', type: 'mobile' },
				{ value: '+1 555 0199', type: 'home' },
			],
		};
		const [out] = await exportItems([c], {
			options: { externalSourceId: 'lemlist:ctc_1', notes: 'Replied: sounds interesting!' },
		});
		expect(out).toMatchObject({ status: 'created', email: 'jane@acme.com' });
		const [p] = (await state()).persons;
		expect(p).toMatchObject({
			name: 'Jane Smith',
			first_name: 'Jane',
			last_name: 'Smith',
			linkedin_public_id: 'jane-smith-full0',
			current_job_title: 'Senior Backend Engineer',
			current_company_name: 'Acme Corp',
			linkedin_location: 'Austin, Texas, United States',
			external_source_id: 'lemlist:ctc_1',
			emails: [
				{ contact_data_type: 'work', value: 'jane@acme.com' },
				{ contact_data_type: 'personal', value: 'jane@gmail.com' },
				{ contact_data_type: 'other', value: 'j.smith@example.org' },
			],
			phones: [
				{ contact_data_type: 'mobile', value: '+1 555 0100' },
				{ contact_data_type: 'other', value: '+1 555 0199' },
			],
		});
		expect(p.candidates).toEqual([
			expect.objectContaining({ job_id: JOB, candidate_id: out.stardexCandidateId }),
		]);
	});

	test('no job: the person is created without a job record', async () => {
		const [out] = await exportItems([sampleCandidate(1, 'nojob')], {
			job: { __rl: true, mode: 'list', value: '' },
		});
		expect(out).toMatchObject({ status: 'created', jobId: null, stardexCandidateId: null });
		expect((await state()).counts).toMatchObject({ persons: 1, candidates: 0 });
	});

	test('if-exists policies: Add to Job (once), Fill Empty Fields (never touches contact details), Error', async () => {
		const base = sampleCandidate(5, 'pol');
		await exportItems([{ ...base, phones: [], currentTitle: undefined }], {
			job: { __rl: true, mode: 'list', value: '' },
		});
		const id = (await state()).persons[0].id;

		const applied = (await exportItems([base], { ifExists: 'addToJob' }))[0];
		expect(applied).toMatchObject({
			status: 'applied',
			candidateId: id,
			matchedBy: 'email+linkedin',
			jobId: JOB,
		});
		let s = await state();
		expect(s.candidates).toEqual([
			expect.objectContaining({ id: applied.stardexCandidateId, person_id: id, job_id: JOB }),
		]);
		const again = (await exportItems([base], { ifExists: 'addToJob' }))[0];
		expect(again).toMatchObject({
			status: 'skipped',
			reason: 'already on this job',
			stardexCandidateId: applied.stardexCandidateId,
		});
		expect((await state()).counts.candidates).toBe(1);

		const changed = {
			...base,
			emails: [
				{ value: 'new-address@example.com', type: 'work' },
				...(base.emails as IDataObject[]),
			],
			currentCompany: 'Other Co',
		};
		const filled = (await exportItems([changed], { ifExists: 'fillEmpty' }))[0];
		expect(filled).toMatchObject({
			status: 'updated',
			updatedFields: ['current_job_title', 'phone_numbers'],
			stardexCandidateId: applied.stardexCandidateId,
		});
		s = await state();
		const p = s.persons.find((x: IDataObject) => x.id === id);
		expect(p.emails).toEqual([{ contact_data_type: 'personal', value: email0(base) }]);
		expect(p.current_company_name).toBe(base.currentCompany);
		expect(p.current_job_title).toBe(base.currentTitle);
		expect(p.phones).toEqual([
			{ contact_data_type: 'mobile', value: (base.phones as IDataObject[])[0].value },
		]);
		expect((await exportItems([changed], { ifExists: 'fillEmpty' }))[0]).toMatchObject({
			status: 'skipped',
			reason: 'no empty fields to fill',
		});

		const failed = (await exportItems([base], { ifExists: 'error' }))[0];
		expect(failed.error).toBe(
			`[item 0] Candidate already exists in Stardex as ${id} (https://app.stardex.ai/persons/${id}), matched by email+linkedin. Set "If Candidate Exists" to Skip, Add to Job or Fill Empty Fields to go on`,
		);
		expect((await state()).counts.persons).toBe(1);
	});

	test('Fill Empty Fields sends the email list only to a person who has no emails at all', async () => {
		sdx.seed({
			persons: [
				{
					name: 'Omar Haddad',
					linkedin_url: 'https://www.linkedin.com/in/omar-haddad-seed',
					emails: [],
					phones: ['+44 20 7946 0000'],
				},
			],
		});
		const c = {
			fullName: 'Omar Haddad',
			emails: ['omar@example.com'],
			phones: ['+1 555 0111'],
			linkedinUrl: 'https://linkedin.com/in/omar-haddad-seed',
			title: 'CTO',
		};
		const [out] = await exportItems([c], { ifExists: 'fillEmpty' });
		expect(out).toMatchObject({
			status: 'updated',
			matchedBy: 'linkedin',
			updatedFields: ['current_job_title', 'emails'],
		});
		const [p] = (await state()).persons;
		expect(p.emails).toEqual([{ contact_data_type: 'other', value: 'omar@example.com' }]);
		expect(p.phones).toEqual([{ contact_data_type: 'mobile', value: '+44 20 7946 0000' }]);
	});

	test('Add to Job when Stardex ignores job_id on PATCH: a clear error instead of a false "applied"', async () => {
		sdx.configure({ patchJobIdAddsCandidate: false });
		const base = sampleCandidate(7, 'nopatch');
		await exportItems([base], { job: byId(OTHER_JOB) });
		const [out] = await exportItems([base], { ifExists: 'addToJob' });
		expect(out.status).toBe('failed');
		expect(out.error).toMatch(
			/^\[item 0\] Job a0b0c0d0-\S+: Stardex accepted adding person \S+ to it \(PATCH \/v1\/persons\/\{id\} with job_id\) but does not list them on the job afterwards\. Add the person to the job in Stardex by hand/,
		);
	});

	test('a candidate without LinkedIn URL is still matched by email; Skip makes new ones skipped instead of failed', async () => {
		await exportItems([sampleCandidate(3, 'noli')]);
		const known = { ...sampleCandidate(3, 'noli'), linkedinUrl: undefined };
		const unknown = { ...sampleCandidate(4, 'noli'), linkedinUrl: undefined };
		const [a, b] = await exportItems([known, unknown], { options: { missingLinkedin: 'skip' } });
		expect(a).toMatchObject({
			status: 'skipped',
			matchedBy: 'email',
			reason: 'person already exists',
		});
		expect(b).toMatchObject({
			status: 'skipped',
			candidateId: null,
			reason: 'no LinkedIn URL, and no existing person matched by email',
		});
		expect((await state()).counts.persons).toBe(1);
	});

	test('search results without candidates[] or contact lists (summary shape) still dedupe and apply policies', async () => {
		sdx.configure({ searchResults: 'summary' });
		const c = sampleCandidate(8, 'sum');
		await exportItems([c], { job: { __rl: true, mode: 'list', value: '' } });
		const [byEmail] = await exportItems([{ ...c, linkedinUrl: undefined }], {
			ifExists: 'addToJob',
		});
		expect(byEmail).toMatchObject({ status: 'applied', matchedBy: 'email' });
		const [again] = await exportItems([c], { ifExists: 'addToJob' });
		expect(again).toMatchObject({
			status: 'skipped',
			reason: 'already on this job',
			matchedBy: 'linkedin',
		});
		expect((await state()).counts).toMatchObject({ persons: 1, candidates: 1 });
	});

	test('an unknown job fails clearly before anything is written', async () => {
		const [out] = await exportItems([sampleCandidate(1)], {
			job: byId('00000000-0000-4000-8000-000000000999'),
		});
		expect(out.error).toBe(
			'[item 0] Job 00000000-0000-4000-8000-000000000999 was not found in Stardex. Pick the job from the list, or check the ID and that the API key may see it',
		);
		expect((await state()).counts.persons).toBe(0);
	});
});

describe('Stardex Move to Stage', () => {
	function move(params: IDataObject) {
		const nodes = [
			node(
				'Stardex',
				'stardex',
				{
					resource: 'candidate',
					operation: 'moveToStage',
					job: byId(JOB),
					candidateBy: 'email',
					...params,
				},
				{ stardexApi: 'Stardex sandbox' },
				{ onError: 'continueRegularOutput' },
			),
		];
		return new WorkflowHarness(
			{ nodes, connections: {} },
			{ stardexApi: { ...sdx.credentials } as never },
		);
	}
	const stage = (name: string) =>
		(sdx.jobs()[0].pipeline_stages as IDataObject[]).find((s) => s.name === name)!.id as string;

	test('by email, person ID and candidate ID; a stage chosen by ID or by name', async () => {
		const [a, b, c] = await exportItems(sampleCandidates(3, 'mv'));
		const items = sampleCandidates(3, 'mv');

		const byEmail = outputOf(
			await move({
				candidateEmail: '={{ $json.emails[0].value }}',
				stage: stage('Technical Interview'),
			}).run('Stardex', [items[0]]),
			'Stardex',
		)[0];
		expect(byEmail).toMatchObject({
			ats: 'stardex',
			status: 'moved',
			candidateId: a.candidateId,
			stardexCandidateId: a.stardexCandidateId,
			jobId: JOB,
			stageName: 'Technical Interview',
			stageId: stage('Technical Interview'),
			previousStageId: stage('Sourced'),
		});

		const byPerson = outputOf(
			await move({ candidateBy: 'personId', personId: b.candidateId, stage: 'offer' }).run(
				'Stardex',
				[{}],
			),
			'Stardex',
		)[0];
		expect(byPerson).toMatchObject({
			status: 'moved',
			stardexCandidateId: b.stardexCandidateId,
			stageName: 'Offer',
		});

		const byCandidate = outputOf(
			await move({
				candidateBy: 'candidateId',
				stardexCandidateId: c.stardexCandidateId,
				stage: stage('Sourced'),
			}).run('Stardex', [{}]),
			'Stardex',
		)[0];
		expect(byCandidate).toMatchObject({ status: 'unchanged', candidateId: c.candidateId });

		const s = await state();
		const stageOf = (id: unknown) =>
			s.candidates.find((x: IDataObject) => x.id === id).current_pipeline_stage_name;
		expect([
			stageOf(a.stardexCandidateId),
			stageOf(b.stardexCandidateId),
			stageOf(c.stardexCandidateId),
		]).toEqual(['Technical Interview', 'Offer', 'Sourced']);
		expect(
			s.candidates
				.find((x: IDataObject) => x.id === a.stardexCandidateId)
				.pipeline_stage_history.map((h: IDataObject) => h.stage_name),
		).toEqual(['Sourced', 'Technical Interview']);
	});

	test('pipeline stages in other shapes: {stage_id, stage_name, position} and plain names', async () => {
		await exportItems([sampleCandidate(1, 'shape')]);
		const email = email0(sampleCandidate(1, 'shape'));
		const [screening, placed] = [stage('Screening'), stage('Placed')];
		sdx.configure({ stageFields: 'alt' });
		expect(
			outputOf(
				await move({ candidateEmail: email, stage: screening }).run('Stardex', [{}]),
				'Stardex',
			)[0],
		).toMatchObject({ status: 'moved', stageName: 'Screening', stageId: screening });
		sdx.configure({ stageFields: 'names' });
		expect(
			outputOf(
				await move({ candidateEmail: email, stage: 'Placed' }).run('Stardex', [{}]),
				'Stardex',
			)[0],
		).toMatchObject({ status: 'moved', stageName: 'Placed', stageId: placed });
	});

	test('a stage that is not in the job, and a candidate who is not on it, fail clearly', async () => {
		await exportItems([sampleCandidate(1, 'miss')]);
		const wrongStage = outputOf(
			await move({ candidateEmail: email0(sampleCandidate(1, 'miss')), stage: 'Hired' }).run(
				'Stardex',
				[{}],
			),
			'Stardex',
		)[0];
		expect(wrongStage.error).toBe(
			'[item 0] Stage "Hired" is not a stage of job Senior Backend Engineer (Acme Corp). Pick one of: Sourced, Contacted, Screening, Technical Interview, Offer, Placed',
		);
		const notOnJob = outputOf(
			await move({ candidateEmail: 'stranger@example.com', stage: 'Offer' }).run('Stardex', [{}]),
			'Stardex',
		)[0];
		expect(notOnJob.error).toMatch(
			/^\[item 0\] Candidate The candidate with email stranger@example.com was not found on job Senior Backend Engineer \(Acme Corp\) \(Stardex answered POST \/v1\/candidates\/update-stage with HTTP 404: NOT_FOUND: Candidate not found/,
		);
	});
});

describe('Stardex jobs', () => {
	function jobs(params: IDataObject) {
		const nodes = [
			node('Stardex', 'stardex', { resource: 'job', ...params }, { stardexApi: 'Stardex sandbox' }),
		];
		return new WorkflowHarness(
			{ nodes, connections: {} },
			{ stardexApi: { ...sdx.credentials } as never },
		);
	}

	test('Get Many pages through 250 jobs with offset/limit; status and keyword filters; Limit stops early', async () => {
		sdx.seed({ jobs: 250 });
		const all = outputOf(
			await jobs({ operation: 'getAll', returnAll: true, status: 'any' }).run('Stardex', [{}]),
			'Stardex',
		);
		expect(all).toHaveLength(250);
		expect(new Set(all.map((j) => j.id)).size).toBe(250);
		const searches = sdx.requests().filter((r: IDataObject) => r.path === '/v1/jobs/search');
		expect(searches).toHaveLength(3);

		const open = outputOf(
			await jobs({ operation: 'getAll', returnAll: true, status: 'open' }).run('Stardex', [{}]),
			'Stardex',
		);
		expect(open).toHaveLength(225);
		expect(open.every((j) => j.is_archived === false)).toBe(true);
		expect(open[0].url).toBe(`https://app.stardex.ai/jobs/${open[0].id}`);

		const archived = outputOf(
			await jobs({ operation: 'getAll', returnAll: true, status: 'archived' }).run('Stardex', [{}]),
			'Stardex',
		);
		expect(archived).toHaveLength(25);

		const some = outputOf(
			await jobs({ operation: 'getAll', returnAll: false, limit: 30, status: 'any' }).run(
				'Stardex',
				[{}],
			),
			'Stardex',
		);
		expect(some).toHaveLength(30);

		const finance = outputOf(
			await jobs({
				operation: 'getAll',
				returnAll: true,
				status: 'any',
				filters: { keywords: 'vp finance, globex' },
			}).run('Stardex', [{}]),
			'Stardex',
		);
		expect(finance.length).toBeGreaterThan(0);
		expect(
			finance.every(
				(j) => String(j.name).startsWith('VP Finance') && j.client_company_name === 'Globex',
			),
		).toBe(true);
	});

	test('Get returns the job with its pipeline stages, by ID or by URL', async () => {
		const byUrl = outputOf(
			await jobs({
				operation: 'get',
				job: { __rl: true, mode: 'url', value: `https://app.stardex.ai/jobs/${JOB}` },
			}).run('Stardex', [{}]),
			'Stardex',
		)[0];
		expect(byUrl).toMatchObject({
			id: JOB,
			name: 'Senior Backend Engineer',
			client_company_name: 'Acme Corp',
			url: `https://app.stardex.ai/jobs/${JOB}`,
		});
		expect((byUrl.stages as IDataObject[]).map((s) => s.name)).toEqual([
			'Sourced',
			'Contacted',
			'Screening',
			'Technical Interview',
			'Offer',
			'Placed',
		]);
	});
});

describe('Stardex limits and faults', () => {
	test('60/min-style sliding window (small here): pacing keeps within the limit, everything is created', async () => {
		sdx.setRateLimit({ limit: 8, windowMs: 1500, mode: 'sliding' });
		const started = Date.now();
		const out = await exportItems(sampleCandidates(6, 'rl'));
		expect(out.filter((o) => o.status === 'created')).toHaveLength(6);
		expect((await state()).counts.persons).toBe(6);
		// 6 × (2 searches + 1 create) + 1 job check = 19 requests at 8 per 1.5 s: at least two full windows.
		expect(Date.now() - started).toBeGreaterThanOrEqual(2500);
		expect(sdx.stats().status429).toBeLessThanOrEqual(1);
	});

	test('429s with Retry-After and the documented body are waited out', async () => {
		sdx.setFaults({ burst429: 2 });
		const out = await exportItems([sampleCandidate(1, 'burst')]);
		expect(out[0].status).toBe('created');
		expect(sdx.stats().status429).toBe(2);
		const r = await fetch(`${sdx.url}/v1/jobs/search`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${sdx.credentials.apiKey}`,
				'content-type': 'application/json',
			},
			body: '{}',
		});
		expect(r.status).toBe(200);
		sdx.setFaults({ burst429: 1 });
		const limited = await fetch(`${sdx.url}/v1/jobs/search`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${sdx.credentials.apiKey}`,
				'content-type': 'application/json',
			},
			body: '{}',
		});
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('1');
		expect(await limited.json()).toMatchObject({
			success: false,
			error: { code: 'RATE_LIMIT_EXCEEDED', retry_after_seconds: 1, limit: FAST.limit },
		});
	});

	test('a create that is applied but answered 500 is found by lookup and not created twice', async () => {
		sdx.setFaults({ error5xxAfterWriteRate: 1, only: ['POST /v1/persons'] });
		const out = await exportItems(sampleCandidates(3, 'amb'));
		expect(out.map((o) => o.status)).toEqual(['created', 'created', 'created']);
		expect(out.every((o) => o.stardexCandidateId)).toBe(true);
		const s = await state();
		expect(s.counts).toMatchObject({ persons: 3, candidates: 3 });
		expect(sdx.stats().faults).toBe(3);
	});

	test('resets after writes, 5xx and resets before processing: never created twice; unconfirmed items say so, and a re-run finishes them', async () => {
		sdx.setFaults({ seed: 11, resetAfterWriteRate: 0.3, error5xxRate: 0.15, resetRate: 0.1 });
		const items = sampleCandidates(10, 'flaky');
		const options = { requestOptions: { maxRetries: 8, confirmWindowSeconds: 1 } };
		const out = await exportItems(items, options);
		expect(sdx.stats().faults).toBeGreaterThan(3);
		const s1 = await state();
		for (const o of out.filter((x) => x.status === 'created'))
			expect(s1.persons.some((p: IDataObject) => p.id === o.candidateId)).toBe(true);
		for (const o of out.filter((x) => x.status === 'failed')) {
			expect(o.mayHaveBeenCreated).toBe(true);
			expect(String(o.error)).toMatch(/may have been created: a re-run will find it/);
		}
		sdx.setFaults({});
		const again = await exportItems(items, { ...options, ifExists: 'addToJob' });
		expect(again.filter((o) => o.status === 'failed')).toEqual([]);
		expect((await state()).counts).toMatchObject({ persons: 10, candidates: 10 });
	});

	test('a wrong API key and a read-only key give clear messages without the key', async () => {
		const wrong = outputOf(
			await stardex({}, { ...sdx.credentials, apiKey: 'ats-not-the-key-123' }).run('Stardex', [
				sampleCandidate(1),
			]),
			'Stardex',
		)[0];
		expect(wrong.error).toContain('Stardex answered GET /v1/jobs/');
		expect(wrong.error).toContain(
			'HTTP 401: INVALID_API_KEY: The provided API key is invalid or expired. Stardex did not accept the API key',
		);
		expect(wrong.error).not.toContain('ats-not-the-key-123');
		const readOnly = outputOf(
			await stardex({}, sdx.readOnlyCredentials).run('Stardex', [sampleCandidate(2)]),
			'Stardex',
		)[0];
		expect(readOnly.error).toBe(
			'[item 0] Stardex answered POST /v1/persons with HTTP 403: INSUFFICIENT_PERMISSIONS: This API key does not have permission to perform this action. The API key works but may not do this: ask a Stardex admin for a key with access to it',
		);
		expect((await state()).counts.persons).toBe(0);
	});
});

describe('the sandbox duplicate-LinkedIn behaviours (UNCONFIRMED in the docs, both switchable)', () => {
	const post = (body: IDataObject) =>
		fetch(`${sdx.url}/v1/persons`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${sdx.credentials.apiKey}`,
				'content-type': 'application/json',
			},
			body: JSON.stringify(body),
		});

	test('409 by default, or the existing person', async () => {
		const first = (await (
			await post({ name: 'Ada L', linkedin_url: 'https://www.linkedin.com/in/ada-l' })
		).json()) as { data: { id: string } };
		// The same profile spelled differently (the contract wants a URI: linkedin_url is `uri`).
		const conflict = await post({ name: 'Ada L', linkedin_url: 'https://linkedin.com/in/ADA-L/' });
		expect(conflict.status).toBe(409);
		expect(await conflict.json()).toEqual({
			success: false,
			error: {
				code: 'DUPLICATE_PERSON',
				message: 'A person with this linkedin_url already exists',
				existing_person_id: first.data.id,
			},
		});
		sdx.configure({ duplicateLinkedin: 'existing' });
		const existing = await post({
			name: 'Ada L',
			linkedin_url: 'https://www.linkedin.com/in/ada-l',
			job_id: JOB,
		});
		expect(existing.status).toBe(200);
		expect(((await existing.json()) as IDataObject).data).toMatchObject({
			id: first.data.id,
			candidate_id: expect.any(String),
		});
		expect((await state()).counts).toMatchObject({ persons: 1, candidates: 1 });
	});

	test('defaults: 60 requests per minute per key over a sliding window, then 429 with Retry-After and the documented fields', async () => {
		const d = await startStardexSandbox();
		try {
			const call = () =>
				fetch(`${d.url}/v1/jobs/search`, {
					method: 'POST',
					headers: {
						authorization: `Bearer ${d.credentials.apiKey}`,
						'content-type': 'application/json',
					},
					body: '{"limit":1}',
				});
			const answers: Response[] = [];
			for (let i = 0; i < 60; i++) answers.push(await call());
			expect(answers.every((r) => r.status === 200)).toBe(true);
			expect(answers[0].headers.get('x-ratelimit-limit')).toBe('60');
			expect(answers[59].headers.get('x-ratelimit-remaining')).toBe('0');
			const limited = await call();
			expect(limited.status).toBe(429);
			expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(55);
			const body = (await limited.json()) as { error: IDataObject };
			expect(body.error).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', limit: 60 });
			expect(Number(body.error.retry_after_seconds)).toBeGreaterThan(55);
			d.configure({ rateLimitBodyShape: 'alongside' });
			expect(await (await call()).json()).toMatchObject({
				success: false,
				error: { code: 'RATE_LIMIT_EXCEEDED' },
				limit: 60,
				retry_after_seconds: expect.any(Number),
				reset_at: expect.any(String),
			});
		} finally {
			await d.close();
		}
	});
});
