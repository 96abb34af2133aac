import { selectedCampaigns } from '../../../../nodes/OutreachTrigger/registration/campaigns';

const reader = (campaigns: unknown) => ({
	getNodeParameter: (name: string, fallback?: unknown) =>
		name === 'campaigns' ? campaigns : fallback,
});

describe('the picked campaigns', () => {
	test('each picker value, from the list or by id, trimmed, once', () => {
		expect(
			selectedCampaigns(
				reader({
					items: [
						{ campaign: { __rl: true, mode: 'list', value: '1001', cachedResultName: 'Q1' } },
						{ campaign: { __rl: true, mode: 'id', value: ' 1002 ' } },
						{ campaign: { __rl: true, mode: 'id', value: '1001' } },
						{ campaign: 1003 },
					],
				}),
			),
		).toEqual(['1001', '1002', '1003']);
	});

	test('nothing picked, empty pickers and odd shapes give no campaign', () => {
		expect(selectedCampaigns(reader(undefined))).toEqual([]);
		expect(selectedCampaigns(reader({}))).toEqual([]);
		expect(selectedCampaigns(reader({ items: 'x' }))).toEqual([]);
		expect(
			selectedCampaigns(
				reader({ items: [{ campaign: { __rl: true, mode: 'list', value: '' } }, null, {}] }),
			),
		).toEqual([]);
	});
});
