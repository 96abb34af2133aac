import type { IDataObject } from 'n8n-workflow';

import { candidateBody, fillEmptyPatch } from '../../../nodes/Greenhouse/mapping';
import { parseCandidate } from '../../../nodes/shared/candidate/normalize';

describe('mapping', () => {
	const c = (input: IDataObject) => {
		const r = parseCandidate(input);
		if (!r.ok) throw new Error(JSON.stringify(r.issues));
		return r.candidate;
	};

	test('a one-word name still gets a last name, and no empty fields are sent', () => {
		expect(candidateBody(c({ fullName: 'Cher', emails: ['cher@example.com'] }))).toEqual({
			first_name: 'Cher',
			last_name: '-',
			email_addresses: [{ value: 'cher@example.com', type: 'other' }],
			phone_numbers: [],
		});
	});

	test('fill empty never sends a contact list the candidate already has', () => {
		const existing = {
			id: 1,
			company: 'Old Co',
			title: '',
			email_addresses: [{ value: 'x@y.co' }],
			phone_numbers: [{ value: '1' }],
			addresses: [],
			social_media_addresses: [],
		};
		const patch = fillEmptyPatch(
			existing,
			c({
				fullName: 'A B',
				emails: ['new@y.co'],
				phones: ['+1 555 0199'],
				company: 'New Co',
				title: 'CTO',
				linkedinUrl: 'https://linkedin.com/in/ab',
				location: 'Paris, France',
			}),
		);
		expect(patch).toEqual({
			title: 'CTO',
			addresses: [{ value: 'Paris, France', type: 'home' }],
			social_media_addresses: [{ value: 'https://www.linkedin.com/in/ab' }],
		});
	});
});
