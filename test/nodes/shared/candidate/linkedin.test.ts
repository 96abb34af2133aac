import { linkedinSlug, normalizeLinkedinUrl } from '../../../../nodes/shared/candidate/linkedin';

describe('LinkedIn profile URLs', () => {
	test.each([
		'linkedin.com/in/jane',
		'https://www.linkedin.com/in/Jane/',
		'https://de.linkedin.com/in/jane?originalSubdomain=de',
		'http://linkedin.com/in/jane#about',
		'https://m.linkedin.com/in/jane',
		'https://www.linkedin.com/in/jane/en',
		'https://www.linkedin.com/in/jane/en/',
		'https://www.linkedin.com/in/jane/details/experience/',
		'www.linkedin.com/pub/jane/1a/2b/3c',
		'HTTPS://WWW.LINKEDIN.COM/IN/JANE',
	])('%s → https://www.linkedin.com/in/jane', (url) => {
		expect(normalizeLinkedinUrl(url)).toBe('https://www.linkedin.com/in/jane');
	});

	test.each([
		'https://www.linkedin.com/in/',
		'https://www.linkedin.com/company/acme',
		'https://www.linkedin.com/sales/lead/ACwAAA,NAME_SEARCH',
		'https://www.linkedin.com/feed/',
		'https://notlinkedin.com/in/jane',
		'https://linkedin.com.evil.example/in/jane',
		'ftp://linkedin.com/in/jane',
		'linkedin.com',
		'jane doe',
		'https://www.linkedin.com/in/jane doe',
		'https://www.linkedin.com/in/%E0%A4%A',
	])('%s is not a profile', (url) => {
		expect(normalizeLinkedinUrl(url)).toBeUndefined();
	});

	test('percent-encoded names are decoded and lower-cased', () => {
		expect(linkedinSlug('https://www.linkedin.com/in/j%C3%B6rg-m')).toBe('jörg-m');
		expect(linkedinSlug(undefined)).toBeUndefined();
	});
});
