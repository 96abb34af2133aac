import { listSearch } from '../../../contracts/helpers';
import { node, WorkflowHarness } from '../../../harness/runWorkflow';
const { startOutreachToolsSandbox } = require('../../../sandbox/outreach-tools');

/** The lemlist Campaign picker against the outreach-tools sandbox (GET /campaigns, contract-checked). */
type Tools = Awaited<ReturnType<typeof startOutreachToolsSandbox>>;
let tools: Tools;
beforeAll(async () => {
	tools = await startOutreachToolsSandbox();
});
afterAll(async () => {
	await tools.close();
});
beforeEach(() => tools.reset());

const harness = (apiKey?: string) =>
	new WorkflowHarness(
		{
			nodes: [
				node(
					'Outreach Trigger',
					'outreachTrigger',
					{ path: 'p', source: 'lemlist', events: ['replied'] },
					{ lemlistLeadsApi: 'sandbox' },
					{ typeVersion: 1.1 },
				),
			],
			connections: {},
		},
		{ lemlistLeadsApi: { ...tools.credentials.lemlist, ...(apiKey ? { apiKey } : {}) } },
	);

describe('searchLemlistCampaigns', () => {
	test('lists the campaigns by name; the filter matches part of a name or a whole id', async () => {
		const wf = harness();
		const all = await listSearch(wf, 'Outreach Trigger', 'searchLemlistCampaigns');
		expect(all).toEqual({
			results: [
				{ name: 'Sandbox campaign', value: 'cam_sandbox' },
				{ name: 'Other campaign', value: 'cam_sbxOther' },
			],
			paginationToken: undefined,
		});
		const byName = await listSearch(wf, 'Outreach Trigger', 'searchLemlistCampaigns', 'OTHER');
		expect(byName.results.map((r) => r.value)).toEqual(['cam_sbxOther']);
		const byId = await listSearch(wf, 'Outreach Trigger', 'searchLemlistCampaigns', 'cam_sandbox');
		expect(byId.results.map((r) => r.value)).toEqual(['cam_sandbox']);
		expect(tools.contractReport().violations).toEqual([]);
	});

	test('a full page of 100 gives the next offset as the page token', async () => {
		for (let i = 0; i < 120; i++)
			tools.addLemlistCampaign({ _id: `cam_bulk${i}`, name: `Bulk ${i}` });
		const first = await listSearch(harness(), 'Outreach Trigger', 'searchLemlistCampaigns');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('100');
	});

	test('a wrong API key fails with the credential to fix', async () => {
		await expect(
			listSearch(harness('wrong'), 'Outreach Trigger', 'searchLemlistCampaigns'),
		).rejects.toThrow(/Lemlist Leads API credential|401/);
	});
});
