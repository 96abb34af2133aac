import { parseCandidate } from '../../../../nodes/shared/candidate/normalize';
import type { Candidate } from '../../../../nodes/shared/candidate/schema';
import { markedRecord } from '../../../../nodes/shared/export/marker';

function candidate(extra: Record<string, unknown>): Candidate {
	const parsed = parseCandidate({ fullName: 'Lena Hoffmann', emails: ['lena@example.de'], extra });
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
	return parsed.candidate;
}

describe('markedRecord: the marker Mark as Synced left on the lead', () => {
	const GH = 'https://app.greenhouse.io';

	test('read from extra.variables (lemlist) or extra, when both variables are set', () => {
		const marker = { atsCandidateId: 4021, atsProfileUrl: `${GH}/people/4021` };
		expect(markedRecord(candidate({ variables: marker }), GH)).toEqual({
			candidateId: '4021',
			profileUrl: `${GH}/people/4021`,
		});
		expect(markedRecord(candidate(marker), GH)?.candidateId).toBe('4021');
		expect(markedRecord(candidate({ variables: { atsCandidateId: '4021' } }), GH)).toBeUndefined();
	});

	test("another ATS's marker, or a profile URL that is no URL, does not count", () => {
		const stardex = { atsCandidateId: 'p1', atsProfileUrl: 'https://app.stardex.ai/persons/p1' };
		expect(markedRecord(candidate({ variables: stardex }), GH)).toBeUndefined();
		expect(markedRecord(candidate({ variables: stardex }), 'https://app.stardex.ai')).toBeDefined();
		const broken = { atsCandidateId: '1', atsProfileUrl: 'people/1' };
		expect(markedRecord(candidate({ variables: broken }), GH)).toBeUndefined();
	});
});
