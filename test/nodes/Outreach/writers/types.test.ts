import { differing, LeadNotFoundError } from '../../../../nodes/Outreach/writers/types';

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
