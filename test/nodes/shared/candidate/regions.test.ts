import { countryOf, statesOf } from '../../../../nodes/shared/candidate/regions';

describe('regions', () => {
	test('countries by ISO code, English name or common short name, any case', () => {
		expect(countryOf('DE')).toBe('Germany');
		expect(countryOf('germany')).toBe('Germany');
		expect(countryOf('USA')).toBe('United States');
		expect(countryOf('uk')).toBe('United Kingdom');
		expect(countryOf('gb')).toBe('United Kingdom');
		expect(countryOf('Deutschland')).toBe('Germany');
	});

	test('codes that name no country are not countries', () => {
		for (const code of ['EU', 'UN', 'ZZ', 'XX', 'Texas']) expect(countryOf(code)).toBeUndefined();
	});

	test('state codes and names of the US, Canada and Australia, US first when shared', () => {
		expect(statesOf('TX')).toEqual([{ name: 'Texas', country: 'United States' }]);
		expect(statesOf('ontario')).toEqual([{ name: 'Ontario', country: 'Canada' }]);
		expect(statesOf('WA').map((s) => s.country)).toEqual(['United States', 'Australia']);
		expect(statesOf('Bavaria')).toEqual([]);
	});
});
