import { linkedinSlug, normalizeLinkedinUrl } from '../../../../nodes/shared/candidate/linkedin';

describe('normalized candidate schema', () => {
	test('LinkedIn URLs normalize to one canonical form', () => {
		for (const url of [
			'linkedin.com/in/jane',
			'https://www.linkedin.com/in/Jane/',
			'https://de.linkedin.com/in/jane?originalSubdomain=de',
			'http://linkedin.com/in/jane#about',
		]) {
			expect(normalizeLinkedinUrl(url)).toBe('https://www.linkedin.com/in/jane');
		}
		expect(linkedinSlug('https://www.linkedin.com/in/j%C3%B6rg-m')).toBe('jörg-m');
		expect(normalizeLinkedinUrl('https://www.linkedin.com/in/')).toBeUndefined();
	});
});
