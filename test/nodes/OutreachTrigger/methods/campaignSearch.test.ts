import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { searchSmartleadCampaigns } from '../../../../nodes/OutreachTrigger/methods/campaignSearch';
import { SMARTLEAD_API_BASE } from '../../../../nodes/shared/origins';

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
