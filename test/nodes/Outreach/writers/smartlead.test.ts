import type { ApiRequest } from '../../../../nodes/shared/http/request';
import { smartleadWriter } from '../../../../nodes/Outreach/writers/smartlead';
import { LeadNotFoundError } from '../../../../nodes/Outreach/writers/types';

/** A fake Smartlead: answers GET /leads with `lead` and records every request. */
function fake(lead: unknown) {
	const sent: ApiRequest[] = [];
	const call = async (req: ApiRequest) => {
		sent.push(req);
		return req.method === 'GET' ? lead : { ok: true };
	};
	return { sent, call };
}

const LEAD = {
	id: 42,
	email: 'Ana@Example.pt',
	custom_fields: { tier: 'A', atsCandidateId: 7 },
	lead_campaign_data: [{ campaign_id: 11 }, { campaign_id: 12 }],
};
const wanted = { atsProfileUrl: 'https://ats/7', atsCandidateId: '7' };

describe('smartleadWriter.mark', () => {
	test('reads by email, then POSTs only the wanted custom fields with the email to the first campaign', async () => {
		const { sent, call } = fake(LEAD);
		const out = await smartleadWriter.mark(call, { email: 'ana@example.pt' }, wanted);
		expect(out).toEqual({ marked: ['42'], already: [] });
		expect(sent).toEqual([
			expect.objectContaining({ method: 'GET', path: '/leads', qs: { email: 'ana@example.pt' } }),
			expect.objectContaining({
				method: 'POST',
				path: '/campaigns/11/leads/42',
				body: { email: 'Ana@Example.pt', custom_fields: wanted },
			}),
		]);
	});

	test('the item campaign picks the campaign; values already there (numbers as text) send nothing', async () => {
		const { sent, call } = fake({ ...LEAD, custom_fields: { ...wanted, atsCandidateId: 7 } });
		const out = await smartleadWriter.mark(
			call,
			{ email: 'ana@example.pt', campaignId: '12' },
			wanted,
		);
		expect(out).toEqual({ marked: [], already: ['42'] });
		expect(sent).toHaveLength(1);
	});

	test.each([
		[
			'no lead (Smartlead answers {})',
			{},
			{ email: 'ana@example.pt' },
			/with email ana@example.pt/,
		],
		['another email', { ...LEAD, email: 'x@y.z' }, { email: 'ana@example.pt' }, /with email/],
		[
			'not in the item campaign',
			LEAD,
			{ email: 'ana@example.pt', campaignId: '99' },
			/in campaign 99/,
		],
		['another lead id', LEAD, { email: 'ana@example.pt', leadId: '41' }, /and id 41/],
		[
			'in no campaign',
			{ ...LEAD, lead_campaign_data: [] },
			{ email: 'ana@example.pt' },
			/in any campaign/,
		],
	])('%s: not found, and nothing is written', async (_name, lead, ref, message) => {
		const { sent, call } = fake(lead);
		const done = smartleadWriter.mark(call, ref, wanted);
		await expect(done).rejects.toBeInstanceOf(LeadNotFoundError);
		await expect(done).rejects.toThrow(message);
		expect(sent.filter((r) => r.method === 'POST')).toEqual([]);
	});

	test('without an email it says to map Lead Email and sends nothing', async () => {
		const { sent, call } = fake(LEAD);
		await expect(smartleadWriter.mark(call, { leadId: '42' }, wanted)).rejects.toThrow(
			/map Lead Email/,
		);
		expect(sent).toEqual([]);
	});
});
