import type { IDataObject } from 'n8n-workflow';

import { sampleCandidate } from '../fixtures/candidates';
import { errorOf, node, outputOf, WorkflowHarness } from '../harness/runWorkflow';
const { startGreenhouseSandbox } = require('../sandbox/greenhouse');
const { startStardexSandbox } = require('../sandbox/stardex');

/**
 * Job Routing through a real WorkflowExecute: three campaigns, two mapped to jobs, the third and a
 * campaign-less item going to the fallback; each fallback mode; From Input with a bad ID.
 */
let gh: Awaited<ReturnType<typeof startGreenhouseSandbox>>;
let sdx: Awaited<ReturnType<typeof startStardexSandbox>>;
const FAST = { limit: 100_000, windowMs: 60_000 };

beforeAll(async () => {
	[gh, sdx] = await Promise.all([
		startGreenhouseSandbox({ rateLimit: FAST }),
		startStardexSandbox({ rateLimit: { ...FAST, mode: 'sliding' } }),
	]);
});
afterAll(async () => Promise.all([gh.close(), sdx.close()]));
beforeEach(() => {
	gh.reset();
	sdx.reset();
});

const byId = (id: string | number) => ({ __rl: true, mode: 'id', value: String(id) });

/** Campaign items: Backend (by name), Design (by id), Sales (not mapped), and one with no campaign. */
function items(tag: string): IDataObject[] {
	const campaigns = [
		{ id: 'cmp_1', name: 'Backend Q3' },
		{ id: 'cmp_2', name: 'Design' },
		{ id: 'cmp_3', name: 'Sales Q4' },
		undefined,
	];
	return campaigns.map((campaign, n) => ({ ...sampleCandidate(n + 1, tag), campaign }));
}

function routing(jobs: [string, string], fallback: string): IDataObject {
	return {
		jobRouting: 'byCampaign',
		campaignJobs: {
			routes: [
				{ campaign: ' backend q3 ', job: byId(jobs[0]) },
				{ campaign: 'CMP_2', job: byId(jobs[1]) },
			],
		},
		campaignFallback: fallback,
	};
}

async function run(system: 'greenhouse' | 'stardex', params: IDataObject, input: IDataObject[]) {
	const name = system === 'greenhouse' ? 'Greenhouse' : 'Stardex';
	const cred = system === 'greenhouse' ? 'greenhouseHarvestApi' : 'stardexApi';
	const creds = system === 'greenhouse' ? { accessToken: '', ...gh.credentials } : sdx.credentials;
	const wf = new WorkflowHarness(
		{
			nodes: [
				node(
					name,
					system,
					{
						resource: 'candidate',
						operation: 'export',
						candidateInput: 'input',
						ifExists: 'skip',
						...params,
					},
					{ [cred]: `${name} sandbox` },
					{ onError: 'continueRegularOutput' },
				),
			],
			connections: {},
		},
		{ [cred]: creds as never },
	);
	const result = await wf.run(name, input);
	expect(errorOf(result)).toBeUndefined();
	return outputOf(result, name);
}

describe('Job Routing: Greenhouse', () => {
	const [JOB_A, JOB_B] = [4012000, 4012001];

	test('By Campaign, Fallback No Job: two mapped jobs, the unknown and missing campaigns as prospects', async () => {
		const out = await run(
			'greenhouse',
			routing([String(JOB_A), String(JOB_B)], 'noJob'),
			items('gr1'),
		);
		expect(out.map((o) => o.status)).toEqual(['created', 'created', 'created', 'created']);
		expect(out.map((o) => o.jobId ?? null)).toEqual([JOB_A, JOB_B, null, null]);
		expect(out.map((o) => (o.jobRoute as IDataObject).by)).toEqual([
			'campaign',
			'campaign',
			'fallback',
			'fallback',
		]);
		expect(out[0].jobRoute).toMatchObject({ campaign: 'Backend Q3', matchedBy: 'name' });
		expect(out[1].jobRoute).toMatchObject({ campaign: 'Design', matchedBy: 'id' });
		const apps = gh.state().applications as IDataObject[];
		expect(apps.filter((a) => a.job_id === JOB_A)).toHaveLength(1);
		expect(apps.filter((a) => a.job_id === JOB_B)).toHaveLength(1);
		expect(apps.filter((a) => a.prospect === true)).toHaveLength(2);
	});

	test('Fallback Skip Item: the unknown campaigns are skipped and nothing is written for them', async () => {
		const out = await run(
			'greenhouse',
			routing([String(JOB_A), String(JOB_B)], 'skip'),
			items('gr2'),
		);
		expect(out.map((o) => o.status)).toEqual(['created', 'created', 'skipped', 'skipped']);
		expect(out[2].reason).toMatch(/campaign "Sales Q4" is not in Job Routing/);
		expect(out[3].reason).toMatch(/the item has no campaign/);
		expect(gh.state().counts.candidates).toBe(2);
	});

	test('Fallback Error: the unknown campaigns fail per item, naming the campaign; the others go on', async () => {
		const out = await run(
			'greenhouse',
			routing([String(JOB_A), String(JOB_B)], 'error'),
			items('gr3'),
		);
		expect(out.map((o) => o.status)).toEqual(['created', 'created', 'failed', 'failed']);
		expect(out[2].error).toMatch(/Campaign "Sales Q4" is not mapped to a job/);
		expect(out[3].error).toMatch(/Campaign is missing/);
		expect(gh.state().counts.candidates).toBe(2);
	});

	test('From Input: a job ID per item; a non-numeric one fails that item only, naming the field', async () => {
		const input = items('gr4')
			.slice(0, 3)
			.map((c, n) => ({ ...c, wanted: [String(JOB_B), 'backend', ''][n] }));
		const out = await run(
			'greenhouse',
			{ jobRouting: 'fromInput', jobIdInput: '={{ $json.wanted }}' },
			input,
		);
		expect(out.map((o) => o.status)).toEqual(['created', 'failed', 'created']);
		expect(out[0]).toMatchObject({ jobId: JOB_B, jobRoute: { by: 'input', jobId: String(JOB_B) } });
		expect(out[1].error).toMatch(/Job ID \(From Input\) "backend" is not a Greenhouse job ID/);
		expect(out[2].jobId ?? null).toBeNull();
		expect(gh.state().counts.candidates).toBe(2);
	});
});

describe('Job Routing: Stardex', () => {
	test('By Campaign: two mapped jobs, No Job for the rest; the output names each route', async () => {
		const [jobA, jobB] = sdx.jobs().map((j: IDataObject) => String(j.id));
		const out = await run('stardex', routing([jobA, jobB], 'noJob'), items('sr1'));
		expect(out.map((o) => o.status)).toEqual(['created', 'created', 'created', 'created']);
		expect(out.map((o) => o.jobId)).toEqual([jobA, jobB, null, null]);
		expect(out.map((o) => (o.jobRoute as IDataObject).by)).toEqual([
			'campaign',
			'campaign',
			'fallback',
			'fallback',
		]);
	});
});
