import {
	formatLocation,
	parseLocation,
	splitLocation,
} from '../../../../nodes/shared/candidate/location';

const US = 'United States';

describe('parseLocation', () => {
	test.each<[string, object]>([
		['Austin, Texas, United States', { city: 'Austin', state: 'Texas', country: US }],
		['Austin, TX', { city: 'Austin', state: 'Texas', country: US }],
		['Austin, TX 78701', { city: 'Austin', state: 'Texas', country: US }],
		['Austin, TX 78701-1234', { city: 'Austin', state: 'Texas', country: US }],
		['San Francisco, CA, USA', { city: 'San Francisco', state: 'California', country: US }],
		['Seattle, WA', { city: 'Seattle', state: 'Washington', country: US }],
		['Toronto, ON M5V 2T6', { city: 'Toronto', state: 'Ontario', country: 'Canada' }],
		['Montréal, QC, Canada', { city: 'Montréal', state: 'Quebec', country: 'Canada' }],
		['Sydney NSW 2000', { city: 'Sydney', state: 'New South Wales', country: 'Australia' }],
		['Perth, WA, Australia', { city: 'Perth', state: 'Western Australia', country: 'Australia' }],
		['Berlin, Germany', { city: 'Berlin', country: 'Germany' }],
		['Paris, FR', { city: 'Paris', country: 'France' }],
		['London, UK', { city: 'London', country: 'United Kingdom' }],
		['Munich, Bavaria', { city: 'Munich', state: 'Bavaria' }],
		['Paris, Île-de-France, France', { city: 'Paris', state: 'Île-de-France', country: 'France' }],
		['Germany', { country: 'Germany' }],
		['DE', { country: 'Germany' }],
		['Berlin', { city: 'Berlin' }],
		['123 Test Street\nNew York, NY 10001', { city: 'New York', state: 'New York', country: US }],
		['455 Broadway New York, NY 10280', { city: 'New York', state: 'New York', country: US }],
		['123 Fake St.', {}],
		['10001', {}],
		['', {}],
	])('%j → %j', (text, expected) => {
		expect(parseLocation(text)).toEqual(expected);
	});

	test('flat parts are named one by one: codes become names, the country follows the state', () => {
		expect(parseLocation({ city: 'Austin', state: 'TX', country: 'US' })).toEqual({
			city: 'Austin',
			state: 'Texas',
			country: US,
		});
		expect(parseLocation({ town: 'Leeds', country: 'GB' })).toEqual({
			city: 'Leeds',
			country: 'United Kingdom',
		});
		expect(parseLocation({ city: 'Perth', state: 'WA', country: 'Australia' })).toEqual({
			city: 'Perth',
			state: 'Western Australia',
			country: 'Australia',
		});
	});

	test('text longer than any location is not read', () => {
		expect(parseLocation(`${'a, '.repeat(400)}TX`)).toEqual({});
		expect(parseLocation(42)).toEqual({});
	});

	test('splitLocation is the same reader; formatLocation writes one line', () => {
		expect(splitLocation('Austin, TX')).toEqual(parseLocation('Austin, TX'));
		expect(formatLocation({ city: 'Austin', state: 'Texas', country: US })).toBe(
			'Austin, Texas, United States',
		);
		expect(formatLocation({})).toBeUndefined();
	});
});
