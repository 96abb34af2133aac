import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { exportOrDryRun } from '../../../../nodes/shared/export/dryRun';
import { apiRequest, type ApiDefinition } from '../../../../nodes/shared/http/request';
import { fakeContext } from '../http/fakeContext';

const api: ApiDefinition = {
	system: 'Example',
	credentialType: 'exampleApi',
	baseUrl: (c) => String(c.apiBaseUrl),
};

function withOptions(ctx: IExecuteFunctions, dryRun: boolean, item: IDataObject = {}) {
	Object.assign(ctx, {
		getNodeParameter: (name: string, _i: number, fallback: unknown) =>
			name === 'options.dryRun' ? dryRun : fallback,
		getInputData: () => [{ json: item }],
	});
	return ctx;
}

describe('exportOrDryRun', () => {
	test('off: the export runs and answers as it is', async () => {
		const { ctx } = fakeContext([]);
		const out = await exportOrDryRun(withOptions(ctx, false), 0, 'x', async () => ({
			status: 'created',
		}));
		expect(out).toEqual({ status: 'created' });
	});

	test('a create: wouldCreate, made-up IDs and the link nulled, the writes listed', async () => {
		const { ctx, calls } = fakeContext([]);
		const out = await exportOrDryRun(withOptions(ctx, true), 0, 'x', async () => {
			const made = await apiRequest<IDataObject>(ctx, api, {
				method: 'POST',
				path: '/people',
				body: { a: 1 },
			});
			const id = made.body.id as number;
			return { ats: 'x', status: 'created', candidateId: id, profileUrl: `https://app/p/${id}` };
		});
		expect(calls).toHaveLength(0);
		expect(out).toEqual({
			ats: 'x',
			status: 'dryRun',
			dryRun: true,
			decision: 'created',
			wouldCreate: true,
			candidateId: null,
			profileUrl: null,
			requests: [{ method: 'POST', path: '/people', body: { a: 1 } }],
		});
	});

	test.each([
		[
			{ status: 'skipped', reason: 'exists' },
			{ wouldSkip: { id: 5, url: 'https://app/p/5', reason: 'exists' } },
		],
		[{ status: 'applied', jobId: 9 }, { wouldApply: { id: 5, url: 'https://app/p/5', jobId: 9 } }],
		[
			{ status: 'jobAdded', jobId: 'j' },
			{ wouldApply: { id: 5, url: 'https://app/p/5', jobId: 'j' } },
		],
		[
			{ status: 'updated', updatedFields: ['title'] },
			{ wouldUpdate: { id: 5, url: 'https://app/p/5', fields: ['title'] } },
		],
	])('%o → %o', async (result, expected) => {
		const { ctx } = fakeContext([]);
		const out = await exportOrDryRun(withOptions(ctx, true), 0, 'x', async () => ({
			candidateId: 5,
			profileUrl: 'https://app/p/5',
			...result,
		}));
		expect(out).toMatchObject({ ...expected, dryRun: true, status: 'dryRun', requests: [] });
	});

	test('a failure is an output, wouldFail, naming the person; the next item runs for real', async () => {
		const { ctx } = fakeContext([]);
		withOptions(ctx, true, { fullName: 'Ann Lee', emails: ['ann@example.com'] });
		const out = await exportOrDryRun(ctx, 0, 'x', async () => {
			throw new Error('[item 0] Job 12 was not found');
		});
		expect(out).toMatchObject({
			wouldFail: 'Job 12 was not found',
			name: 'Ann Lee',
			email: 'ann@example.com',
			dryRun: true,
		});
		withOptions(ctx, false);
		// The write of the next, real item reaches n8n's helper (which has no answer left here).
		await expect(
			exportOrDryRun(
				ctx,
				1,
				'x',
				async () => (await apiRequest<IDataObject>(ctx, api, { method: 'POST', path: '/p' })).body,
			),
		).rejects.toThrow(/no more steps/);
	});
});
