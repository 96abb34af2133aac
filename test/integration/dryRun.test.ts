import * as fs from 'node:fs';
import * as path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { sampleCandidate } from '../fixtures/candidates';
import { errorOf, node, outputOf, WorkflowHarness } from '../harness/runWorkflow';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- spied on: every request goes through it
const transport = require('../../nodes/shared/http/request');
const { startGreenhouseSandbox } = require('../sandbox/greenhouse');
const { startStardexSandbox } = require('../sandbox/stardex');
const { startIntelliHrSandbox } = require('../sandbox/intellihr');

/**
 * The proof of Dry Run: for the export node of every example workflow, with some people already in
 * the ATS, a dry run sends no write at all (the sandbox logs none), and a real run afterwards
 * takes the same decision per item and sends the same writes, bodies and all, modulo the new IDs.
 */
type Sandbox = {
	reset(): void;
	close(): Promise<void>;
	requests(): IDataObject[];
	credentials: IDataObject;
};
let gh: Sandbox & { seed(d: IDataObject): void };
let sdx: Sandbox & { jobs(): IDataObject[] };
let ihr: Sandbox & { lookups(): Record<string, IDataObject[]> };
const FAST = { limit: 100_000, windowMs: 60_000 };

beforeAll(async () => {
	[gh, sdx, ihr] = await Promise.all([
		startGreenhouseSandbox({ rateLimit: FAST }),
		startStardexSandbox({ rateLimit: { ...FAST, mode: 'sliding' } }),
		startIntelliHrSandbox(),
	]);
});
afterAll(async () => Promise.all([gh.close(), sdx.close(), ihr.close()]));

const EXAMPLES = path.resolve(__dirname, '../../examples/workflows');
const SYSTEMS: Record<string, { sandbox: () => Sandbox; cred: string; name: string }> = {
	greenhouse: { sandbox: () => gh, cred: 'greenhouseHarvestApi', name: 'Greenhouse' },
	stardex: { sandbox: () => sdx, cred: 'stardexApi', name: 'Stardex' },
	intelliHr: { sandbox: () => ihr, cred: 'intelliHrApi', name: 'IntelliHR' },
};
const exportsOfExamples = fs
	.readdirSync(EXAMPLES)
	.filter((f) => f.endsWith('.json'))
	.flatMap((file) => {
		const wf = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
		return (wf.nodes as Array<{ type: string; parameters: IDataObject }>)
			.filter((n) => SYSTEMS[n.type.split('.').pop() ?? ''])
			.map((n) => ({ file, system: n.type.split('.').pop() as string, parameters: n.parameters }));
	});

/** What an item of the example's input looks like: a trigger item, or a CSV row for Define Below. */
function inputs(system: string, parameters: IDataObject, tag: string): IDataObject[] {
	const people = [1, 2, 3, 4].map((n) => sampleCandidate(n, tag));
	if (parameters.candidateInput === 'fields')
		return [
			...people.map((c) => ({
				'Full Name': c.fullName,
				Email: (c.emails as IDataObject[])[0].value,
				LinkedIn: c.linkedinUrl,
				Title: c.currentTitle,
				Company: c.currentCompany,
			})),
			{ 'Full Name': 'No Contact', Email: 'not-an-email' },
		];
	const envelope = (n: number): IDataObject =>
		system === 'intelliHr'
			? { event: 'hired', positionTitle: 'Data Scientist', startDate: `2026-12-0${n + 1}` }
			: {
					tool: 'lemlist',
					event: 'interested',
					campaign: { id: `cmp_${n}`, name: `Berlin Engineer ${n}` },
					reply: { text: `Yes, interested (${n})` },
					interested: { value: true, reason: 'positive reply' },
				};
	// The last item is bad input: the dry run must say the same failure the real run has.
	return [
		...people.map((c, n) => ({ ...c, ...envelope(n) })),
		{ fullName: 'No Contact', emails: ['not-an-email'], ...envelope(5) },
	];
}

/** The example's export node, as the user would finish it (IntelliHR's required lists picked). */
function exportNode(system: string, parameters: IDataObject, dryRun: boolean) {
	const { name, cred } = SYSTEMS[system];
	const params: IDataObject = { ...parameters };
	if (system === 'intelliHr') {
		const l = ihr.lookups();
		Object.assign(params, {
			businessEntity: l.businessEntities[0].id,
			businessUnit: l.businessUnits[0].id,
			workClass: l.workClasses[0].id,
			location: l.locations[0].id,
			workType: l.workTypes[0].id,
		});
	}
	if (system === 'stardex' && params.ifExists === 'addToJob')
		params.job = { __rl: true, mode: 'id', value: String(sdx.jobs()[0].id) };
	params.options = { ...((params.options as IDataObject) ?? {}), dryRun };
	const creds =
		system === 'greenhouse'
			? { accessToken: '', ...gh.credentials }
			: SYSTEMS[system].sandbox().credentials;
	return new WorkflowHarness(
		{
			nodes: [
				node(
					name,
					system,
					params,
					{ [cred]: `${name} sandbox` },
					{ onError: 'continueRegularOutput' },
				),
			],
			connections: {},
		},
		{ [cred]: creds as never },
	);
}

const isWrite = (method: string, p: string) =>
	!['GET', 'HEAD'].includes(method) && !/\/search$/.test(p) && p !== '/token';
const writesLogged = (s: Sandbox) =>
	s.requests().filter((e) => isWrite(String(e.method), String(e.path).split('?')[0]));

/** IDs differ between runs: numbers, negative numbers and UUIDs in paths, and any *id / *_id field. */
function withoutIds(value: unknown, key = ''): unknown {
	if (/(^id$|_id$|Id$)/.test(key) && (typeof value === 'number' || typeof value === 'string'))
		return '<id>';
	if (typeof value === 'string' && key === 'path')
		return value.replace(/\/(-?\d+|[0-9a-f]{8}-[0-9a-f-]{27})(?=\/|$)/g, '/{id}');
	if (Array.isArray(value)) return value.map((v) => withoutIds(v));
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutIds(v, k)]));
	return value;
}

async function run(system: string, parameters: IDataObject, items: IDataObject[], dryRun: boolean) {
	const { name } = SYSTEMS[system];
	const sent: IDataObject[][] = items.map(() => []);
	const spy = jest.spyOn(transport, 'apiRequest');
	const real =
		spy.getMockImplementation() ?? jest.requireActual('../../nodes/shared/http/request').apiRequest;
	spy.mockImplementation((async (ctx: unknown, api: unknown, req: IDataObject) => {
		const p = String(req.path ?? '');
		if (isWrite(String(req.method), p) && typeof req.itemIndex === 'number')
			sent[req.itemIndex].push({
				method: req.method,
				path: p,
				...(req.body ? { body: req.body } : {}),
				// A multipart upload is recorded as its summary (fields, file name, type and size).
				...(req.raw ? { body: (req.raw as IDataObject).summary } : {}),
			});
		return await real(ctx, api, req);
	}) as never);
	try {
		const result = await exportNode(system, parameters, dryRun).run(name, items);
		expect(errorOf(result)).toBeUndefined();
		return { out: outputOf(result, name), sent };
	} finally {
		spy.mockRestore();
	}
}

describe.each(exportsOfExamples)(
	'Dry Run of $file ($system export)',
	({ file, system, parameters }) => {
		test('sends no write, then a real run does what the dry run said', async () => {
			const sandbox = SYSTEMS[system].sandbox();
			sandbox.reset();
			const tag = file.replace(/[^a-z]/g, '').slice(0, 12);
			const items = inputs(system, parameters, tag);
			// Two of the people are in the ATS already, so the dry run meets existing records too.
			await run(system, parameters, items.slice(0, 2), false);
			const before = writesLogged(sandbox).length;

			const dry = await run(system, parameters, items, true);
			expect(writesLogged(sandbox).length).toBe(before);
			expect(dry.out).toHaveLength(items.length);
			for (const o of dry.out) expect(o).toMatchObject({ dryRun: true, status: 'dryRun' });
			// What the item says it would send is what reached the transport, and what it held back.
			expect(dry.out.map((o) => o.requests)).toEqual(dry.sent);
			expect(dry.out[items.length - 1].wouldFail).toMatch(/Candidate is not valid: emails/);

			const decision = (o: IDataObject) => (o.wouldFail ? 'failed' : o.decision);
			const real = await run(system, parameters, items, false);
			expect(real.out.map((o) => o.status)).toEqual(dry.out.map(decision));
			expect(withoutIds(real.sent)).toEqual(withoutIds(dry.sent));
			expect(real.sent.flat().length).toBeGreaterThan(0);
			expect(writesLogged(sandbox).length - before).toBe(real.sent.flat().length);
		});
	},
);

test('every export node of the examples is covered', () => {
	expect(exportsOfExamples.map((e) => e.system).sort()).toEqual(
		expect.arrayContaining(['greenhouse', 'intelliHr', 'stardex']),
	);
	expect(exportsOfExamples.length).toBeGreaterThanOrEqual(9);
});

describe('Dry Run: the other decisions, and Job Routing', () => {
	const people = (tag: string) =>
		[1, 2].map((n) => ({
			...sampleCandidate(n, tag),
			campaign: { id: `c${n}`, name: `Camp ${n}` },
		}));

	test.each([
		['greenhouse', 'addToJob', 'applied', 'wouldApply'],
		['greenhouse', 'fillEmpty', 'updated', 'wouldUpdate'],
		['stardex', 'addToJob', 'applied', 'wouldApply'],
		['stardex', 'fillEmpty', 'updated', 'wouldUpdate'],
	])(
		'%s, If Candidate Exists %s: the dry run says %s, with the record and link',
		async (system, ifExists, status, key) => {
			const sandbox = SYSTEMS[system].sandbox();
			sandbox.reset();
			const job = system === 'greenhouse' ? '4012001' : String(sdx.jobs()[1].id);
			const base: IDataObject = {
				resource: 'candidate',
				operation: 'export',
				candidateInput: 'input',
			};
			// Known with no job and fewer fields, so there is a job to add and fields to fill.
			const seeded = people(`${system}${ifExists}`).map((c) => ({
				...c,
				currentTitle: undefined,
				phones: [],
			}));
			await run(system, { ...base, ifExists: 'skip' }, seeded, false);
			const before = writesLogged(sandbox).length;
			const params = {
				...base,
				ifExists,
				jobRouting: 'byCampaign',
				campaignJobs: {
					routes: [{ campaign: 'camp 1', job: { __rl: true, mode: 'id', value: job } }],
				},
				campaignFallback: 'skip',
			};
			const items = people(`${system}${ifExists}`);
			const dry = await run(system, params, items, true);
			expect(writesLogged(sandbox).length).toBe(before);
			const first = dry.out[0];
			expect(first[key]).toMatchObject({
				id: expect.anything(),
				url: expect.stringMatching(/^https?:\/\//),
			});
			if (key === 'wouldUpdate')
				expect(JSON.stringify((first.wouldUpdate as IDataObject).fields)).toMatch(/title/);
			if (key === 'wouldApply')
				expect(first.jobRoute).toMatchObject({ by: 'campaign', jobId: job });
			// The unmapped campaign falls back to Skip Item: no lookup, no request.
			expect(dry.out[1]).toMatchObject({ wouldSkip: { id: null }, requests: [] });
			expect(dry.out.map((o) => o.requests)).toEqual(dry.sent);

			const real = await run(system, params, items, false);
			expect(real.out.map((o) => o.status)).toEqual([status, 'skipped']);
			expect(withoutIds(real.sent)).toEqual(withoutIds(dry.sent));
		},
	);
});

test('IntelliHR Send Hired: a known person with a new job → wouldApply; the real run adds that job', async () => {
	ihr.reset();
	const base: IDataObject = { resource: 'person', operation: 'sendHired', candidateInput: 'input' };
	const hire = (title: string) => [
		{ ...sampleCandidate(7, 'ihrjob'), positionTitle: title, startDate: '2026-12-07' },
	];
	await run(
		'intelliHr',
		{ ...base, positionTitle: '={{ $json.positionTitle }}', startDate: '={{ $json.startDate }}' },
		hire('Recruiter'),
		false,
	);
	const before = writesLogged(ihr).length;
	const params = {
		...base,
		positionTitle: '={{ $json.positionTitle }}',
		startDate: '={{ $json.startDate }}',
	};
	const dry = await run('intelliHr', params, hire('Data Scientist'), true);
	expect(writesLogged(ihr).length).toBe(before);
	expect(dry.out[0]).toMatchObject({
		decision: 'jobAdded',
		wouldApply: { id: expect.any(String), url: expect.stringMatching(/^https:\/\//) },
	});
	expect((dry.out[0].requests as IDataObject[]).map((r) => `${r.method} ${r.path}`)).toEqual([
		'POST /jobs',
	]);
	const real = await run('intelliHr', params, hire('Data Scientist'), false);
	expect(real.out[0].status).toBe('jobAdded');
	expect(withoutIds(real.sent)).toEqual(withoutIds(dry.sent));
});
