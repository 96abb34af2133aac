import type { IDataObject } from 'n8n-workflow';

import { chain, errorOf, node, outputOf, WorkflowHarness } from '../harness/runWorkflow';
import {
	outreachFixture,
	stardexExportNode,
	useToolsAndStardex,
} from '../harness/outreachSandboxes';

/**
 * Issue 17 §4: after the ATS export, Mark as Synced writes the ATS link onto the lead in the
 * outreach tool (the outreach-tools sandbox, contract-checked), with no mapping. It is idempotent,
 * time-boxed, and its failure is its own status: the export is neither undone nor repeated.
 */

const sandboxes = useToolsAndStardex();

beforeEach(() => sandboxes.tools.setFaults({}));

const SECRET = 'lemlist-shared-secret-123';
const fixture = outreachFixture;
const LENA = {
	_id: 'lea_Pq7wErT2',
	email: 'lena.hoffmann@example.de',
	firstName: 'Lena',
	lastName: 'Hoffmann',
	linkedinUrl: 'linkedin.com/in/lena-hoffmann-dev/',
	campaignId: 'cam_A1b2C3d4',
};
const lemlistLead = () =>
	sandboxes.tools.state().lemlist.leads.find((l: IDataObject) => l._id === LENA._id);

function flow(markOptions: IDataObject = {}) {
	const nodes = [
		node(
			'Outreach Trigger',
			'outreachTrigger',
			{
				path: 'mark-lemlist',
				source: 'lemlist',
				events: ['replied'],
				authentication: 'bodySecret',
				secret: SECRET,
				enrichMissing: true,
			},
			{ lemlistLeadsApi: 'lemlist sandbox' },
		),
		stardexExportNode(sandboxes.job),
		node(
			'Mark as Synced',
			'outreach',
			{ tool: 'lemlist', resource: 'lead', operation: 'markSynced', options: markOptions },
			{ lemlistLeadsApi: 'lemlist sandbox' },
			{ onError: 'continueRegularOutput' },
		),
	];
	return new WorkflowHarness(
		{ nodes, connections: chain('Outreach Trigger', 'Stardex', 'Mark as Synced') },
		{
			lemlistLeadsApi: { ...sandboxes.tools.credentials.lemlist },
			stardexApi: { ...sandboxes.sdx.credentials } as never,
		},
	);
}

describe('lemlist reply → Stardex export → Mark as Synced', () => {
	test('the ATS link lands on the lead with no mapping; a second run sends no write', async () => {
		sandboxes.tools.addLemlistLead(LENA);
		const body = fixture('lemlist-emailsReplied-no-linkedin.json');
		const first = await flow().deliver('Outreach Trigger', { body });
		const [marked] = outputOf(first.run!, 'Mark as Synced');
		const person = String(sandboxes.sdx.state().persons[0].id);
		expect(marked).toMatchObject({
			ats: 'stardex',
			status: 'created',
			candidateId: person,
			markTool: 'lemlist',
			markedSynced: true,
			markStatus: 'marked',
			markedLeads: [LENA._id],
		});
		expect(lemlistLead()).toMatchObject({
			atsProfileUrl: marked.profileUrl,
			atsCandidateId: person,
		});
		expect(sandboxes.tools.state().writes.lemlistVariables).toBe(1);

		// Another workflow (no trigger memory): Stardex skips the person, the lead already carries the link.
		const again = await flow().deliver('Outreach Trigger', { body });
		expect(outputOf(again.run!, 'Mark as Synced')).toEqual([
			expect.objectContaining({
				status: 'skipped',
				markedSynced: true,
				markStatus: 'alreadyMarked',
			}),
		]);
		expect(sandboxes.tools.state().writes.lemlistVariables).toBe(1);
		expect(sandboxes.sdx.state().counts).toMatchObject({ persons: 1 });
	});

	test('lemlist failing (500) is reported as markedSynced: false; the export stands and is not repeated', async () => {
		sandboxes.tools.addLemlistLead(LENA);
		const wf = flow();
		// The trigger's enrichment read succeeds; only the variable writes fail.
		sandboxes.tools.setFaults({ error5xxRate: 1, only: ['POST /lemlist/api/leads/'] });
		const res = await wf.deliver('Outreach Trigger', {
			body: fixture('lemlist-emailsReplied-no-linkedin.json'),
		});
		expect(errorOf(res.run!)).toBeUndefined();
		const [item] = outputOf(res.run!, 'Mark as Synced');
		expect(item).toMatchObject({ status: 'created', markedSynced: false, markStatus: 'failed' });
		expect(String(item.reason)).toMatch(/lemlist API/);
		expect(sandboxes.sdx.state().counts).toMatchObject({ persons: 1 });
		expect(lemlistLead().atsCandidateId).toBeUndefined();
	});

	test('a lemlist slower than the time limit: markedSynced: false, timedOut', async () => {
		sandboxes.tools.addLemlistLead(LENA);
		const wf = flow({ timeLimitSeconds: 1 });
		sandboxes.tools.setFaults({ latencyMs: 1500, only: ['POST /lemlist/api/leads/'] });
		const res = await wf.deliver('Outreach Trigger', {
			body: fixture('lemlist-emailsReplied-no-linkedin.json'),
		});
		expect(outputOf(res.run!, 'Mark as Synced')).toEqual([
			expect.objectContaining({ status: 'created', markedSynced: false, markStatus: 'timedOut' }),
		]);
	});
});

describe('Mark as Synced on its own', () => {
	function mark(tool: string, options: IDataObject = {}, credentials: IDataObject = {}) {
		const credType = {
			lemlist: 'lemlistLeadsApi',
			instantly: 'instantlyApi',
			woodpecker: 'woodpeckerApi',
			smartlead: 'smartleadApi',
		}[tool]!;
		const base =
			sandboxes.tools.credentials[tool as 'lemlist' | 'instantly' | 'woodpecker' | 'smartlead'];
		return new WorkflowHarness(
			{
				nodes: [
					node(
						'Mark',
						'outreach',
						{ tool, resource: 'lead', operation: 'markSynced', options },
						{ [credType]: 'sandbox' },
						{ onError: 'continueRegularOutput' },
					),
				],
				connections: {},
			},
			{ [credType]: { ...base, ...credentials } as never },
		);
	}
	const exported = (email: string, candidateId: number, extra: IDataObject = {}) => ({
		ats: 'greenhouse',
		status: 'created',
		candidateId,
		profileUrl: `https://app.greenhouse.io/people/${candidateId}`,
		email,
		...extra,
	});
	const runMark = async (wf: WorkflowHarness, items: IDataObject[]) =>
		outputOf(await wf.run('Mark', items), 'Mark');

	test('lemlist: every campaign lead of the email, or only the item campaign; changed values are updated', async () => {
		sandboxes.tools.addLemlistLead({ ...LENA, _id: 'lea_a', campaignId: 'cam_1' });
		sandboxes.tools.addLemlistLead({ ...LENA, _id: 'lea_b', campaignId: 'cam_2' });
		const [all] = await runMark(mark('lemlist'), [exported(LENA.email, 5)]);
		expect(all).toMatchObject({ markStatus: 'marked', markedLeads: ['lea_a', 'lea_b'] });
		const [one] = await runMark(mark('lemlist'), [
			exported(LENA.email, 6, { campaign: { id: 'cam_2' } }),
		]);
		expect(one).toMatchObject({ markStatus: 'marked', markedLeads: ['lea_b'] });
		const leads = sandboxes.tools.state().lemlist.leads;
		expect(leads.map((l: IDataObject) => l.atsCandidateId)).toEqual(['5', '6']);
		// 2 adds, then 1 update (PATCH) of the variables lea_b already had.
		expect(sandboxes.tools.state().writes.lemlistVariables).toBe(3);
		expect(sandboxes.tools.requests().map((r: IDataObject) => r.method)).toEqual([
			'GET',
			'POST',
			'POST',
			'GET',
			'PATCH',
		]);
	});

	test('Instantly: the lead keeps its other variables; a read-only key reports the missing scope', async () => {
		const lead = sandboxes.tools.addInstantlyLead({
			email: 'marco.rossi@example.org',
			payload: { tier: 'A' },
		});
		const [done] = await runMark(mark('instantly'), [exported('Marco.Rossi@example.org', 9)]);
		expect(done).toMatchObject({
			markedSynced: true,
			markStatus: 'marked',
			markedLeads: [lead.id],
		});
		expect(sandboxes.tools.state().instantly.leads[0].payload).toEqual({
			tier: 'A',
			atsProfileUrl: 'https://app.greenhouse.io/people/9',
			atsCandidateId: '9',
		});
		const [again] = await runMark(mark('instantly'), [exported('marco.rossi@example.org', 9)]);
		expect(again).toMatchObject({ markStatus: 'alreadyMarked', alreadyMarkedLeads: [lead.id] });
		expect(sandboxes.tools.state().writes.instantlyLeads).toBe(1);

		const readOnly = mark('instantly', {}, { apiKey: 'sandbox-instantly-leads-only-key' });
		const [refused] = await runMark(readOnly, [exported('marco.rossi@example.org', 10)]);
		expect(refused).toMatchObject({ markedSynced: false, markStatus: 'failed' });
		expect(String(refused.reason)).toMatch(/leads:update/);
	});

	test('Woodpecker: snippet14 / snippet15 by default; an unknown prospect is not created; names must be snippets', async () => {
		sandboxes.tools.addWoodpeckerProspect({
			id: 77,
			email: 'erlich@example.com',
			snippet1: 'keep me',
		});
		const [done] = await runMark(mark('woodpecker'), [exported('Erlich@example.com', 12)]);
		expect(done).toMatchObject({ markedSynced: true, markStatus: 'marked', markedLeads: ['77'] });
		expect(sandboxes.tools.state().woodpecker.prospects[0]).toMatchObject({
			snippet1: 'keep me',
			snippet14: 'https://app.greenhouse.io/people/12',
			snippet15: '12',
		});
		const [again] = await runMark(mark('woodpecker'), [exported('erlich@example.com', 12)]);
		expect(again).toMatchObject({ markStatus: 'alreadyMarked' });
		const [unknown] = await runMark(mark('woodpecker'), [exported('nobody@example.com', 13)]);
		expect(unknown).toMatchObject({ markedSynced: false, markStatus: 'notFound' });
		expect(sandboxes.tools.state().woodpecker.prospects).toHaveLength(1);
		expect(sandboxes.tools.state().writes.woodpeckerProspects).toBe(1);

		const [custom] = await runMark(
			mark('woodpecker', { urlVariable: 'snippet3', idVariable: 'snippet4' }),
			[exported('erlich@example.com', 12)],
		);
		expect(custom).toMatchObject({
			markStatus: 'marked',
			markedVariables: { snippet3: expect.any(String), snippet4: '12' },
		});
		const [bad] = await runMark(mark('woodpecker', { urlVariable: 'atsProfileUrl' }), [
			exported('erlich@example.com', 12),
		]);
		expect(String(bad.error)).toMatch(/Profile URL Variable.*snippet1 to snippet15/);
	});

	test('Smartlead: custom fields merged onto the lead via its campaign; idempotent; unknown or other-campaign leads are not written', async () => {
		const lead = sandboxes.tools.addSmartleadLead({
			id: 501,
			email: 'ana.silva@example.pt',
			custom_fields: { tier: 'A' },
			campaigns: [1002, 1003],
		});
		const [done] = await runMark(mark('smartlead'), [exported('Ana.Silva@example.pt', 21)]);
		expect(done).toMatchObject({ markedSynced: true, markStatus: 'marked', markedLeads: ['501'] });
		expect(sandboxes.tools.smartleadLeads()[0].custom_fields).toEqual({
			tier: 'A',
			atsProfileUrl: 'https://app.greenhouse.io/people/21',
			atsCandidateId: '21',
		});
		const posted = sandboxes.tools.requests().filter((r: IDataObject) => r.method === 'POST');
		expect(posted.map((r: IDataObject) => String(r.path).split('?')[0])).toEqual([
			`/smartlead/api/v1/campaigns/1002/leads/${lead.id}`,
		]);
		const [again] = await runMark(mark('smartlead'), [exported('ana.silva@example.pt', 21)]);
		expect(again).toMatchObject({ markStatus: 'alreadyMarked', alreadyMarkedLeads: ['501'] });
		expect(sandboxes.tools.smartleadLeadWrites()).toBe(1);

		const out = await runMark(mark('smartlead'), [
			exported('nobody@example.com', 22),
			exported('ana.silva@example.pt', 23, { campaign: { id: '1001' } }),
			exported('ana.silva@example.pt', 24, { campaign: { id: '1003' } }),
		]);
		expect(out.map((o) => [o.markedSynced, o.markStatus])).toEqual([
			[false, 'notFound'],
			[false, 'notFound'],
			[true, 'marked'],
		]);
		expect(out[1].reason).toMatch(/in campaign 1001/);
		expect(sandboxes.tools.smartleadLeads()[0].custom_fields.atsCandidateId).toBe('24');
		expect(sandboxes.tools.smartleadLeadWrites()).toBe(2);

		const badKey = mark('smartlead', {}, { apiKey: 'not-a-key' });
		const [refused] = await runMark(badKey, [exported('ana.silva@example.pt', 25)]);
		expect(refused).toMatchObject({ markedSynced: false, markStatus: 'failed' });
		expect(String(refused.reason)).toMatch(/Smartlead API/);
	});

	test('items that cannot be marked say why, and the rest of the batch goes on', async () => {
		sandboxes.tools.addLemlistLead(LENA);
		const out = await runMark(mark('lemlist'), [
			{ ats: 'stardex', status: 'failed', error: 'boom', email: LENA.email },
			{ ...exported(LENA.email, 1), tool: 'instantly' },
			{ ats: 'stardex', status: 'skipped', reason: 'no LinkedIn URL', email: LENA.email },
			exported('nobody@example.com', 2),
			exported(LENA.email, 3),
		]);
		expect(out.map((o) => [o.markedSynced, o.markStatus])).toEqual([
			[false, 'skipped'],
			[false, 'skipped'],
			[false, 'skipped'],
			[false, 'notFound'],
			[true, 'marked'],
		]);
		expect(out[0].reason).toMatch(/export before this step failed/);
		expect(out[1].reason).toMatch(/came from instantly/);
		expect(out[2].reason).toMatch(/no ATS profileUrl or candidateId/);
		expect(out[3].reason).toMatch(/no lead with email nobody@example.com/);
	});

	test('a variable name the tools cannot take is a per-item error naming the field', async () => {
		const [failed] = await runMark(mark('lemlist', { urlVariable: 'ats url' }), [
			exported(LENA.email, 1),
		]);
		expect(failed).toMatchObject({ status: 'failed' });
		expect(String(failed.error)).toMatch(/Profile URL Variable.*"ats url"/);
		expect(sandboxes.tools.requests()).toHaveLength(0);
	});
});

describe('Stardex export › Skip Lookup When Lead Is Marked (a re-run of marked leads)', () => {
	const PEOPLE = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'].map((name) => ({
		fullName: name,
		emails: [`${name.split(' ')[0].toLowerCase()}@example.com`],
		linkedinUrl: `https://www.linkedin.com/in/${name.replace(' ', '-').toLowerCase()}`,
	}));
	function exportWith(options: IDataObject) {
		return new WorkflowHarness(
			{
				nodes: [
					node(
						'Stardex',
						'stardex',
						{
							resource: 'candidate',
							operation: 'export',
							candidateInput: 'input',
							ifExists: 'skip',
							options,
						},
						{ stardexApi: 'Stardex sandbox' },
					),
				],
				connections: {},
			},
			{ stardexApi: { ...sandboxes.sdx.credentials } as never },
		);
	}
	const run = async (options: IDataObject, items: IDataObject[]) => {
		const before = sandboxes.sdx.requests().length;
		const out = outputOf(await exportWith(options).run('Stardex', items), 'Stardex');
		return { out, requests: sandboxes.sdx.requests().length - before };
	};

	test('3 marked leads: the lookups are saved with the option on, and nothing else changes', async () => {
		const first = await run({}, PEOPLE);
		expect(first.out.map((o) => o.status)).toEqual(['created', 'created', 'created']);
		// What the lemlist trigger carries after Mark as Synced: the lead's variables under extra.variables.
		const marked = PEOPLE.map((p, k) => ({
			...p,
			extra: {
				variables: {
					atsCandidateId: first.out[k].candidateId,
					atsProfileUrl: first.out[k].profileUrl,
				},
			},
		}));

		const off = await run({}, marked);
		const on = await run({ skipLookupWhenMarked: true }, marked);
		expect(off.out.map((o) => o.status)).toEqual(['skipped', 'skipped', 'skipped']);
		expect(on.out.map((o) => [o.status, o.matchedBy])).toEqual([
			['skipped', 'marker'],
			['skipped', 'marker'],
			['skipped', 'marker'],
		]);
		expect(on.out.map((o) => o.candidateId)).toEqual(off.out.map((o) => o.candidateId));
		expect({ off: off.requests, on: on.requests }).toEqual({ off: off.requests, on: 0 });
		expect(off.requests).toBeGreaterThanOrEqual(3);
		expect(sandboxes.sdx.state().counts).toMatchObject({ persons: 3 });

		// A marker of another ATS (or none) is ignored: the lookup runs as before.
		const foreign = marked.map((m) => ({
			...m,
			extra: {
				variables: { ...m.extra.variables, atsProfileUrl: 'https://app.greenhouse.io/people/1' },
			},
		}));
		expect((await run({ skipLookupWhenMarked: true }, foreign)).requests).toBe(off.requests);
	});
});

describe('Greenhouse export › Skip Lookup When Lead Is Marked', () => {
	const { startGreenhouseSandbox } = require('../sandbox/greenhouse');
	let gh: Awaited<ReturnType<typeof startGreenhouseSandbox>>;
	beforeAll(async () => {
		gh = await startGreenhouseSandbox({ rateLimit: { limit: 100_000, windowMs: 10_000 } });
	});
	afterAll(async () => gh.close());

	const exportWith = (ifExists: string, options: IDataObject) =>
		new WorkflowHarness(
			{
				nodes: [
					node(
						'Greenhouse',
						'greenhouse',
						{
							resource: 'candidate',
							operation: 'export',
							candidateInput: 'input',
							ifExists,
							options,
						},
						{ greenhouseHarvestApi: 'Greenhouse sandbox' },
					),
				],
				connections: {},
			},
			{ greenhouseHarvestApi: { accessToken: '', ...gh.credentials } as never },
		);
	const lena = (variables: IDataObject) => ({
		fullName: 'Lena Hoffmann',
		emails: ['lena.hoffmann@example.de'],
		extra: { variables },
	});
	const apiCalls = () => gh.requests().filter((r: IDataObject) => r.path !== '/token').length;

	test('with Skip, a Greenhouse marker means no request; other policies and foreign markers look up as before', async () => {
		gh.reset();
		const created = outputOf(
			await exportWith('skip', {}).run('Greenhouse', [lena({})]),
			'Greenhouse',
		)[0];
		const marker = {
			atsCandidateId: String(created.candidateId),
			atsProfileUrl: created.profileUrl,
		};

		let before = apiCalls();
		const [skipped] = outputOf(
			await exportWith('skip', { skipLookupWhenMarked: true }).run('Greenhouse', [lena(marker)]),
			'Greenhouse',
		);
		expect(skipped).toMatchObject({
			status: 'skipped',
			matchedBy: 'marker',
			candidateId: created.candidateId,
		});
		expect(apiCalls() - before).toBe(0);

		for (const [ifExists, variables] of [
			['fillEmpty', marker],
			['skip', { ...marker, atsCandidateId: 'not-a-number' }],
			['skip', { ...marker, atsProfileUrl: 'https://app.stardex.ai/persons/1' }],
		] as const) {
			before = apiCalls();
			const [out] = outputOf(
				await exportWith(ifExists, { skipLookupWhenMarked: true }).run('Greenhouse', [
					lena(variables),
				]),
				'Greenhouse',
			);
			expect(out.matchedBy).not.toBe('marker');
			expect(apiCalls() - before).toBeGreaterThan(0);
		}
		expect(gh.state().counts.candidates).toBe(1);
	});
});

describe('the marker through the Outreach Trigger: lemlist lead variables → Stardex skips without a request', () => {
	test('a reply whose lead carries atsCandidateId / atsProfileUrl is skipped with matchedBy "marker"', async () => {
		const nested = fixture('lemlist-linkedinReplied-nested-lead.json');
		const lead = nested.lead as IDataObject;
		const send = async (variables: IDataObject, id: string) => {
			const body = {
				...nested,
				_id: id,
				secret: SECRET,
				lead: { ...lead, variables: { ...(lead.variables as IDataObject), ...variables } },
			};
			const wf = new WorkflowHarness(
				{
					nodes: [
						node(
							'Outreach Trigger',
							'outreachTrigger',
							{
								path: 'mark-nested',
								source: 'lemlist',
								events: ['replied'],
								authentication: 'bodySecret',
								secret: SECRET,
							},
							{},
						),
						node(
							'Stardex',
							'stardex',
							{
								resource: 'candidate',
								operation: 'export',
								candidateInput: 'input',
								ifExists: 'skip',
								options: { skipLookupWhenMarked: true },
							},
							{ stardexApi: 'Stardex sandbox' },
						),
					],
					connections: chain('Outreach Trigger', 'Stardex'),
				},
				{ stardexApi: { ...sandboxes.sdx.credentials } as never },
			);
			const before = sandboxes.sdx.requests().length;
			const res = await wf.deliver('Outreach Trigger', { body });
			return {
				out: outputOf(res.run!, 'Stardex'),
				requests: sandboxes.sdx.requests().length - before,
			};
		};

		const first = await send({}, 'act_first');
		expect(first.out).toEqual([expect.objectContaining({ status: 'created' })]);
		const marker = {
			atsCandidateId: first.out[0].candidateId,
			atsProfileUrl: first.out[0].profileUrl,
		};
		const again = await send(marker, 'act_again');
		expect(again.out).toEqual([
			expect.objectContaining({
				status: 'skipped',
				matchedBy: 'marker',
				candidateId: marker.atsCandidateId,
			}),
		]);
		expect(again.requests).toBe(0);
		expect(sandboxes.sdx.state().counts).toMatchObject({ persons: 1 });
	});
});
