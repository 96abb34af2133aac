import {
	isBlank,
	shown,
	toBoolean,
	toDate,
	toList,
	toMoney,
	toNumber,
	toText,
	toUrl,
} from '../../../../nodes/shared/customFields/coerce';

const value = (r: { ok: boolean; value?: unknown }) => (r.ok ? r.value : 'REFUSED');

describe('custom field value readers', () => {
	test('text: strings trimmed, numbers and booleans as text, objects refused, an optional length cap', () => {
		expect(value(toText('  hi  '))).toBe('hi');
		expect(value(toText(42))).toBe('42');
		expect(value(toText(false))).toBe('false');
		expect(value(toText({ a: 1 }))).toBe('REFUSED');
		expect(value(toText('abcd', 3))).toBe('REFUSED');
		expect(toText('abcd', 3)).toMatchObject({ problem: 'is 4 characters long' });
	});

	test.each([
		[true, true],
		['yes', true],
		['TRUE', true],
		[1, true],
		['no', false],
		['0', false],
		[false, false],
		['maybe', 'REFUSED'],
		['', 'REFUSED'],
		[null, 'REFUSED'],
	])('yes/no %p → %p', (input, out) => expect(value(toBoolean(input))).toBe(out));

	test.each([
		[7, 7],
		['7.5', 7.5],
		[' -3 ', -3],
		['.5', 0.5],
		['1,5', 'REFUSED'],
		['1e3', 'REFUSED'],
		['seven', 'REFUSED'],
		[Number.NaN, 'REFUSED'],
		[Infinity, 'REFUSED'],
	])('number %p → %p', (input, out) => expect(value(toNumber(input))).toBe(out));

	test.each([
		['2026-12-03', '2026-12-03'],
		['2024-02-29', '2024-02-29'],
		['2026-12-03T23:30:00Z', '2026-12-03'],
		['2026-12-03T10:00:00+02:00', '2026-12-03'],
		['2025-02-29', 'REFUSED'],
		['2026-13-01', 'REFUSED'],
		['03/12/2026', 'REFUSED'],
		[20261203, 'REFUSED'],
	])('date %p → %p', (input, out) => expect(value(toDate(input))).toBe(out));

	test.each([
		['https://example.com/a?b=1', 'https://example.com/a?b=1'],
		['http://example.org', 'http://example.org'],
		['example.com', 'REFUSED'],
		['ftp://example.com', 'REFUSED'],
		['javascript:alert(1)', 'REFUSED'],
		['https://localhost', 'REFUSED'],
	])('URL %p → %p', (input, out) => expect(value(toUrl(input))).toBe(out));

	test('lists: arrays, JSON arrays, comma-separated text; blanks dropped', () => {
		expect(toList(['a', '', 'b'])).toEqual(['a', 'b']);
		expect(toList('["a","b, c"]')).toEqual(['a', 'b, c']);
		expect(toList(' a , b ,, ')).toEqual(['a', 'b']);
		expect(toList('[not json')).toEqual(['[not json']);
		expect(toList(5)).toEqual([5]);
		expect(toList(null)).toEqual([]);
	});

	test.each([
		['85000 EUR', { amount: 85000, currency_code: 'EUR' }],
		['usd 12.5', { amount: 12.5, currency_code: 'USD' }],
		[
			{ amount: '3', currency_code: 'gbp' },
			{ amount: 3, currency_code: 'GBP' },
		],
		['85000', 'REFUSED'],
		['EURO 5', 'REFUSED'],
		[{ amount: 'x', currency_code: 'EUR' }, 'REFUSED'],
	])('currency %p → %p', (input, out) => expect(value(toMoney(input))).toEqual(out));

	test('blank and shown', () => {
		expect([undefined, null, '  ', [], ['', null]].every(isBlank)).toBe(true);
		expect([0, false, 'x', ['x']].some(isBlank)).toBe(false);
		expect(shown('x'.repeat(100))).toHaveLength(62);
		expect(shown({ a: 1 })).toBe('"{"a":1}"');
	});
});
