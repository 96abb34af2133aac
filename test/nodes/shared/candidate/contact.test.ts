import {
	leadEmails,
	parseEmail,
	parseEmails,
	parsePhone,
	parsePhones,
} from '../../../../nodes/shared/candidate/contact';

describe('emails', () => {
	test('bare address from the usual spellings', () => {
		expect(parseEmail('Jane@Example.com ')).toBe('jane@example.com');
		expect(parseEmail('Jane Doe <jane@example.com>')).toBe('jane@example.com');
		expect(parseEmail('mailto:jane@example.com?subject=hi')).toBe('jane@example.com');
		expect(parseEmail('no address here')).toBeUndefined();
		expect(parseEmail(`${'a'.repeat(300)}@example.com`)).toBeUndefined();
	});

	test('lists in one string, deduplicated in order', () => {
		expect(parseEmails('a@x.com, B@y.com; a@x.com', ['c@z.com'])).toEqual([
			'a@x.com',
			'b@y.com',
			'c@z.com',
		]);
	});

	test("a reply's sender is the lead's address only when the lead has none", () => {
		expect(leadEmails(['lead@acme.com'], 'colleague@acme.com')).toEqual({
			emails: ['lead@acme.com'],
			from: 'colleague@acme.com',
		});
		expect(leadEmails(['lead@acme.com'], 'Lead <LEAD@acme.com>')).toEqual({
			emails: ['lead@acme.com'],
		});
		expect(leadEmails([undefined], 'only@acme.com')).toEqual({ emails: ['only@acme.com'] });
		expect(leadEmails([])).toEqual({ emails: [] });
	});
});

describe('phones', () => {
	test('tel: links and numbers; duplicates by digits', () => {
		expect(parsePhone('tel:+15550100199')).toBe('+15550100199');
		expect(parsePhone(4915112345678)).toBe('4915112345678');
		expect(parsePhones('+1 (555) 010-0199', '+15550100199', '030 1234567')).toEqual([
			'+1 (555) 010-0199',
			'030 1234567',
		]);
	});

	test('a value too long to be a number is passed on cut short, for the schema to refuse', () => {
		expect(parsePhone('1'.repeat(1000))).toHaveLength(41);
		expect(parsePhone('  ')).toBeUndefined();
	});
});
