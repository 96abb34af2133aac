import { createOnce } from '../../../../nodes/shared/http/createOnce';
import {
	AmbiguousWriteError,
	MayHaveBeenCreatedError,
} from '../../../../nodes/shared/http/failures';
import { setRetryPolicy } from '../../../../nodes/shared/http/retryPolicy';

import { fakeContext } from './fakeContext';

const ambiguous = () => new AmbiguousWriteError('Example', 'POST /things', 'HTTP 500');

describe('createOnce', () => {
	test('an ambiguous create is never sent again: a lookup that finds the record recovers it', async () => {
		const { ctx } = fakeContext([]);
		const store: number[] = [];
		let creates = 0;
		let finds = 0;
		const result = await createOnce(ctx, {
			what: 'thing',
			create: async () => {
				creates++;
				store.push(7); // applied, then the answer was lost
				throw ambiguous();
			},
			// Read-after-write lag: the record shows only from the third lookup on.
			find: async () => (++finds >= 3 ? store[0] : undefined),
		});
		expect(result).toEqual({ value: 7, recovered: true });
		expect(creates).toBe(1);
		expect(finds).toBe(3);
	});

	test('not found within the confirm window: fails as "may have been created", after one create only', async () => {
		const { ctx } = fakeContext([]);
		setRetryPolicy(ctx, { confirmWindowMs: 300 });
		let creates = 0;
		let finds = 0;
		const attempt = createOnce(ctx, {
			what: 'thing a@example.com',
			create: async () => {
				creates++;
				throw ambiguous();
			},
			find: async () => {
				finds++;
				return undefined;
			},
		});
		await expect(attempt).rejects.toBeInstanceOf(MayHaveBeenCreatedError);
		await expect(attempt).rejects.toThrow(
			/^The thing a@example\.com may have been created: a re-run will find it\. Example did not confirm POST \/things \(HTTP 500\)/,
		);
		expect(creates).toBe(1);
		expect(finds).toBeGreaterThanOrEqual(1);
		expect(finds).toBeLessThanOrEqual(12);
	});

	test('failing lookups prove nothing: the item fails as "may have been created", naming the lookup error', async () => {
		const { ctx } = fakeContext([]);
		setRetryPolicy(ctx, { confirmWindowMs: 200 });
		const attempt = createOnce(ctx, {
			what: 'thing',
			create: async () => {
				throw ambiguous();
			},
			find: async () => {
				throw new Error('search is down');
			},
		});
		await expect(attempt).rejects.toThrow(
			/may have been created.*last lookup failed too: search is down/,
		);
		await expect(attempt).rejects.toHaveProperty('mayHaveBeenCreated', true);
	});

	test('non-ambiguous errors are passed on without a lookup', async () => {
		const { ctx } = fakeContext([]);
		let attempts = 0;
		let finds = 0;
		await expect(
			createOnce(ctx, {
				what: 'x',
				create: async () => {
					attempts++;
					throw new Error('422');
				},
				find: async () => {
					finds++;
					return undefined;
				},
			}),
		).rejects.toThrow('422');
		expect(attempts).toBe(1);
		expect(finds).toBe(0);
	});
});
