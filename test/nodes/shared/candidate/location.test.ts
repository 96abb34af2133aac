import { splitLocation } from '../../../../nodes/shared/candidate/location';

describe('normalized candidate schema', () => {
	test('location strings split into city, state, country', () => {
		expect(splitLocation('Austin, Texas, United States')).toEqual({
			city: 'Austin',
			state: 'Texas',
			country: 'United States',
		});
		expect(splitLocation('Berlin')).toEqual({ city: 'Berlin' });
	});
});
