import { createOnce } from '../../../../nodes/shared/http/createOnce';
import { AmbiguousWriteError } from '../../../../nodes/shared/http/failures';

import { fakeContext } from './fakeContext';

describe('createOnce', () => {
	test('after an ambiguous failure it looks up first and only creates again when absent', async () => {
		const { ctx } = fakeContext([]);
		const store: number[] = [];
		let attempts = 0;
		const create = async () => {
			attempts++;
			if (attempts === 1) throw new AmbiguousWriteError('Example', 'POST /things', 'ECONNRESET'); // not applied
			if (attempts === 2) {
				store.push(2);
				throw new AmbiguousWriteError('Example', 'POST /things', 'HTTP 500'); // applied, then failed
			}
			store.push(attempts);
			return attempts;
		};
		const find = async () => store[0];
		const result = await createOnce(ctx, { create, find, what: 'thing' });
		expect(result).toEqual({ value: 2, recovered: true });
		expect(store).toEqual([2]);
		expect(attempts).toBe(2);
	});

	test('non-ambiguous errors are not retried', async () => {
		const { ctx } = fakeContext([]);
		let attempts = 0;
		await expect(
			createOnce(ctx, {
				what: 'x',
				create: async () => {
					attempts++;
					throw new Error('422');
				},
				find: async () => undefined,
			}),
		).rejects.toThrow('422');
		expect(attempts).toBe(1);
	});
});
