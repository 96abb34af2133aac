import { collectPages, nextLink, nextOffset } from '../../../../nodes/shared/http/pagination';

describe('pagination', () => {
	test('nextLink finds rel="next" among several links, verbatim', () => {
		const header =
			'<https://h.example/v3/jobs?cursor=abc%3D&x=1>; rel="next", <https://h.example/v3/jobs?page=9>; rel="last"';
		expect(nextLink(header)).toBe('https://h.example/v3/jobs?cursor=abc%3D&x=1');
		expect(nextLink('<https://h.example/a>; rel="prev"')).toBeUndefined();
		expect(nextLink(undefined)).toBeUndefined();
	});

	test('collectPages follows cursors to the end, stops at a limit, and never loops on a repeated cursor', async () => {
		const pages: Record<string, { items: number[]; next?: string }> = {
			start: { items: [1, 2], next: 'a' },
			a: { items: [3, 4], next: 'b' },
			b: { items: [5] },
		};
		const fetched: string[] = [];
		const all = await collectPages<number, string>(
			async (c) => (fetched.push(c ?? 'start'), pages[c ?? 'start']),
		);
		expect(all).toEqual([1, 2, 3, 4, 5]);
		expect(fetched).toEqual(['start', 'a', 'b']);
		expect(await collectPages<number, string>(async (c) => pages[c ?? 'start'], 3)).toEqual([
			1, 2, 3,
		]);
		let n = 0;
		expect(
			await collectPages<number, string>(async () => ({ items: [n++], next: 'same' })),
		).toEqual([0, 1]);
	});

	test('nextOffset stops on a short page or at the total', () => {
		expect(nextOffset(0, 100, 100)).toBe(100);
		expect(nextOffset(100, 100, 40)).toBeUndefined();
		expect(nextOffset(100, 100, 100, 200)).toBeUndefined();
	});
});
