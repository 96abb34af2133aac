import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { searchSmartleadCampaigns } from '../../../../nodes/OutreachTrigger/methods/campaignSearch';
import { SMARTLEAD_API_BASE } from '../../../../nodes/shared/origins';
import { listSearch } from '../../../contracts/helpers';
import { node, WorkflowHarness } from '../../../harness/runWorkflow';
const { startOutreachToolsSandbox } = require('../../../sandbox/outreach-tools');

function context(body: unknown, calls: IDataObject[]): ILoadOptionsFunctions {
	return {
		getNode: () => ({
			name: 'Outreach Trigger',
			type: 'n8n-nodes-ats-sync.outreachTrigger',
			typeVersion: 2.1,
			position: [0, 0],
			parameters: {},
		}),
		getCredentials: async () => ({ apiKey: 'k3y' }),
		helpers: {
			httpRequestWithAuthentication: async (type: string, o: IDataObject) => (
				calls.push({ type, ...o }),
				{ statusCode: 200, headers: {}, body }
			),
		},
	} as unknown as ILoadOptionsFunctions;
}

const CAMPAIGNS = [
	{ id: 1001, name: 'Backend engineers Q1', status: 'ACTIVE' },
	{ id: 1002, name: 'Design leads Berlin', status: 'PAUSED' },
	{ id: 1003, name: '' },
];

describe('Smartlead Campaigns picker', () => {
	test('GET /campaigns with the Smartlead credential; name (status) and the id as value', async () => {
		const calls: IDataObject[] = [];
		const res = await searchSmartleadCampaigns.call(context(CAMPAIGNS, calls));
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({
			type: 'smartleadApi',
			method: 'GET',
			url: `${SMARTLEAD_API_BASE}/campaigns`,
		});
		expect(res.results).toEqual([
			{ name: 'Backend engineers Q1 (ACTIVE)', value: '1001' },
			{ name: 'Design leads Berlin (PAUSED)', value: '1002' },
			{ name: '1003', value: '1003' },
		]);
	});

	test('the search text matches the name or the id, in any case', async () => {
		const calls: IDataObject[] = [];
		const byName = await searchSmartleadCampaigns.call(context(CAMPAIGNS, calls), ' design ');
		expect(byName.results.map((r) => r.value)).toEqual(['1002']);
		const byId = await searchSmartleadCampaigns.call(context(CAMPAIGNS, calls), '1001');
		expect(byId.results.map((r) => r.value)).toEqual(['1001']);
		const none = await searchSmartleadCampaigns.call(context(CAMPAIGNS, calls), 'nothing');
		expect(none.results).toEqual([]);
	});

	test('an answer that is not a list gives no campaigns rather than failing the picker', async () => {
		const res = await searchSmartleadCampaigns.call(context({ message: 'odd' }, []));
		expect(res.results).toEqual([]);
	});
});

describe('searchLemlistCampaigns', () => {
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
