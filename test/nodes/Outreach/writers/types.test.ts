import { differing, leadEmail, LeadNotFoundError } from '../../../../nodes/Outreach/writers/types';

describe('differing: which variables a lead does not carry yet', () => {
	const wanted = { atsProfileUrl: 'https://x/1', atsCandidateId: '1' };

	test('none when the lead has the same values (numbers compared as text)', () => {
		expect(
			differing({ atsProfileUrl: 'https://x/1', atsCandidateId: 1, other: 'y' }, wanted),
		).toEqual([]);
	});

	test('missing, null and changed values are to be written', () => {
		expect(differing({ atsProfileUrl: null, atsCandidateId: '2' }, wanted)).toEqual([
			'atsProfileUrl',
			'atsCandidateId',
		]);
		expect(differing(undefined, wanted)).toEqual(['atsProfileUrl', 'atsCandidateId']);
		expect(differing(['x'], wanted)).toEqual(['atsProfileUrl', 'atsCandidateId']);
	});

	test('a lead that is not found names the tool and what was looked for', () => {
		expect(new LeadNotFoundError('lemlist', 'with email a@b.co').message).toBe(
			'lemlist has no lead with email a@b.co',
		);
	});
});

describe('leadEmail: the email a tool finds its leads by', () => {
	test('the email when the item has one', () => {
		expect(leadEmail({ email: 'a@b.co' }, 'Woodpecker', 'why')).toBe('a@b.co');
	});

	test('none: a lead not found, naming the tool, why and what to map', () => {
		expect(() => leadEmail({}, 'lemlist', 'lemlist reads leads by email')).toThrow(
			new LeadNotFoundError(
				'lemlist',
				'without an email (lemlist reads leads by email; map Lead Email)',
			),
		);
		expect(() => leadEmail({ email: '' }, 'Woodpecker', 'x')).toThrow(LeadNotFoundError);
	});
});
