import { targetOf } from '../../../../../nodes/Outreach/actions/lead/target';

describe('targetOf: what Mark as Synced reads from the input item', () => {
	test('an export output: profileUrl, candidateId (number → text) and email', () => {
		expect(
			targetOf(
				{
					ats: 'greenhouse',
					status: 'created',
					candidateId: 42,
					profileUrl: 'https://x/42',
					email: 'a@b.co',
				},
				'lemlist',
				{},
			),
		).toEqual({
			lead: { email: 'a@b.co', leadId: undefined, campaignId: undefined },
			profileUrl: 'https://x/42',
			candidateId: '42',
			itemTool: undefined,
			notExported: undefined,
		});
	});

	test('a candidate item: first email, the tool lead id under extra, campaign.id, tool', () => {
		const t = targetOf(
			{
				emails: [{ value: 'lena@example.de', type: 'other' }],
				extra: { lemlistLeadId: 'lea_1', instantlyLeadId: 'x' },
				campaign: { id: 'cam_9', name: 'Q4' },
				tool: 'lemlist',
			},
			'lemlist',
			{},
		);
		expect(t.lead).toEqual({ email: 'lena@example.de', leadId: 'lea_1', campaignId: 'cam_9' });
		expect(t.itemTool).toBe('lemlist');
	});

	test('the options win over the item; a failed export is not marked', () => {
		const t = targetOf(
			{ status: 'failed', email: 'a@b.co', candidateId: 1, campaign: 'cam_1' },
			'instantly',
			{
				leadEmail: 'c@d.co',
				leadId: 'l2',
				campaignId: 'cam_2',
				candidateId: '7',
				profileUrl: 'https://y',
			},
		);
		expect(t).toMatchObject({
			lead: { email: 'c@d.co', leadId: 'l2', campaignId: 'cam_2' },
			candidateId: '7',
			profileUrl: 'https://y',
		});
		expect(t.notExported).toMatch(/failed/);
	});
});
