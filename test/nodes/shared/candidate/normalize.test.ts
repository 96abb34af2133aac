import { normalizeLoose, parseCandidate } from '../../../../nodes/shared/candidate/normalize';

describe('normalized candidate schema', () => {
	test('loose input becomes the strict shape', () => {
		const r = parseCandidate({
			name: '  Ana María  López ',
			email: 'ANA@Example.COM, ana@example.com , work@acme.io',
			phone: 5550100123,
			linkedin: 'http://uk.linkedin.com/in/Ana-Lopez-123/?trk=x',
			location: 'Madrid, Spain',
			title: 'CTO',
			company: 'Acme',
			tags: 'a, b, a',
			campaignName: 'Q4',
		});
		expect(r).toEqual({
			ok: true,
			candidate: {
				fullName: 'Ana María  López',
				firstName: 'Ana',
				lastName: 'María López',
				emails: [
					{ value: 'ana@example.com', type: 'other' },
					{ value: 'work@acme.io', type: 'other' },
				],
				phones: [{ value: '5550100123', type: 'other' }],
				linkedinUrl: 'https://www.linkedin.com/in/ana-lopez-123',
				location: { city: 'Madrid', country: 'Spain' },
				currentTitle: 'CTO',
				currentCompany: 'Acme',
				previousJobs: [],
				tags: ['a', 'b'],
				extra: { campaignName: 'Q4' },
			},
		});
	});

	test('first + last without a full name', () => {
		const r = parseCandidate({
			firstName: 'Li',
			lastName: 'Wei',
			emails: [{ value: 'li@wei.cn', type: 'work' }],
		});
		expect(r.ok && r.candidate.fullName).toBe('Li Wei');
	});

	test.each([
		[{ emails: ['a@b.co'] }, 'fullName is missing: set fullName, or both firstName and lastName'],
		[{ fullName: 'A B', emails: ['a@b'] }, 'emails[0].value is not a valid email address'],
		[{ fullName: 'A B', emails: ['a b@c.com'] }, 'emails[0].value is not a valid email address'],
		[{ fullName: 'A B', emails: [{ value: 'a@b.co', type: 'home' }] }, 'emails[0].type'],
		[{ fullName: 'A B', phones: ['12'] }, 'phones[0].value must have between 6 and 18 digits'],
		[
			{ fullName: 'A B', phones: ['ring me'] },
			'phones[0].value has characters a phone number cannot contain',
		],
		[
			{ fullName: 'A B', linkedinUrl: 'https://linkedin.com/company/acme' },
			'linkedinUrl "https://linkedin.com/company/acme" is not a LinkedIn profile URL',
		],
		[{ fullName: 'A B', linkedinUrl: 'https://evil.com/in/x' }, 'is not a LinkedIn profile URL'],
		['just a string', 'candidate must be an object'],
	])('%j is rejected with a message naming the field', (input, message) => {
		const r = parseCandidate(input);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.issues.map((i) => `${i.field} ${i.message}`).join('; ')).toContain(message);
	});
});

describe('normalizeLoose: what is left out is reported, never also passed on', () => {
	test('without a name the fields pass on as sent, but not the refused LinkedIn URL, email or phone', () => {
		const { fields, errors } = normalizeLoose({
			linkedinUrl: 'https://www.linkedin.com/company/acme',
			emails: [{ value: 'not an email' }, { value: 'ok@example.com' }],
			phones: [{ value: '911' }],
			location: 'Austin, TX',
		});
		expect(fields.linkedinUrl).toBeUndefined();
		expect(fields.emails).toEqual([{ value: 'ok@example.com', type: 'other' }]);
		expect(fields.phones).toBeUndefined();
		expect(fields.location).toEqual({ city: 'Austin', state: 'Texas', country: 'United States' });
		expect(errors.join('\n')).toMatch(/linkedin .* left out/);
		expect(errors.join('\n')).toMatch(/"not an email" left out/);
		expect(errors.join('\n')).toMatch(/"911" left out/);
	});

	test('a refused value is quoted short in the message, whatever its size', () => {
		const { errors } = normalizeLoose({
			fullName: 'Jane Doe',
			emails: [{ value: 'x'.repeat(5000) }],
		});
		expect(errors[0].length).toBeLessThan(250);
	});
});
