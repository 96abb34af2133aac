import { nextPage } from '../../../../nodes/IntelliHr/transport';

describe('next page', () => {
	test.each([
		['counters say more', { meta: { pagination: { current_page: 1, total_pages: 3 } } }, 1, 2],
		[
			'counters say last',
			{
				meta: { pagination: { current_page: 3, total_pages: 3 } },
				links: { next: 'https://api.intellihr.io/v1/people?page=4' },
			},
			3,
			undefined,
		],
		[
			'links.next only',
			{ links: { next: 'https://api.intellihr.io/v1/people?limit=1&page=3' } },
			2,
			3,
		],
		['links.next null', { links: { next: null } }, 2, undefined],
		['nothing, full page', {}, 1, 2],
	])('%s', (_name, body, current, expected) => {
		expect(nextPage(body as never, current, 10, 10)).toBe(expected);
	});
	test('nothing, short page → stop', () => {
		expect(nextPage({}, 1, 10, 4)).toBeUndefined();
	});
});
