import type { IExecuteFunctions } from 'n8n-workflow';

import {
	candidateIndex,
	type LookupMode,
} from '../../../../../nodes/Greenhouse/actions/candidate/preload';
import { fakeContext, type Step } from '../../../shared/http/fakeContext';

const BASE = 'https://harvest.greenhouse.io';

/** A v3 list page; `next` adds a Link rel="next" to a cursor URL. */
function page(ids: number[], next?: string): Step {
	return {
		status: 200,
		body: ids.map((id) => ({
			id,
			email_addresses: [{ value: `Person${id}@Example.com`, type: 'personal' }],
			social_media_addresses: [{ value: `linkedin.com/in/person-${id}/` }],
		})),
		headers: next ? { link: `<${BASE}/v3/candidates?cursor=${next}>; rel="next"` } : {},
	};
}

function context(steps: Step[], inputItems: number) {
	const { ctx, calls } = fakeContext(steps);
	const c = ctx as unknown as Record<string, unknown>;
	c.getCredentials = async () => ({ apiBaseUrl: BASE });
	c.getInputData = () => Array.from({ length: inputItems }, () => ({ json: {} }));
	return { ctx: ctx as IExecuteFunctions, calls };
}

const build = (ctx: IExecuteFunctions, mode: LookupMode) => candidateIndex(ctx, mode, 0);

describe('candidate preload', () => {
	test('pages the whole list once per run, 500 a page, following the cursor verbatim', async () => {
		const { ctx, calls } = context([page([1, 2], 'abc'), page([3])], 1);
		const index = await build(ctx, 'preload');
		expect(index?.pages).toBe(2);
		expect(index?.size).toBe(3);
		expect(calls.map((c) => [c.url, c.qs])).toEqual([
			[`${BASE}/v3/candidates`, { per_page: 500 }],
			[`${BASE}/v3/candidates?cursor=abc`, undefined],
		]);
		// Emails are keys in lower case; LinkedIn addresses by profile name.
		expect(index?.byEmail.get('person3@example.com')?.[0].id).toBe(3);
		expect(index?.byLinkedin.get('person-2')?.[0].id).toBe(2);
		expect(await build(ctx, 'preload')).toBe(index);
		expect(calls).toHaveLength(2);
	});

	test('Per Candidate never reads the list', async () => {
		const { ctx, calls } = context([page([1])], 100);
		expect(await build(ctx, 'perCandidate')).toBeUndefined();
		expect(calls).toHaveLength(0);
	});

	test('Auto reads at most a tenth as many pages as there are items, then gives up on the index', async () => {
		const { ctx, calls } = context([page([1], 'p2'), page([2], 'p3'), page([3])], 25);
		expect(await build(ctx, 'auto')).toBeUndefined();
		expect(calls).toHaveLength(2);
	});

	test('Auto with fewer than ten items never reads the list', async () => {
		const { ctx, calls } = context([page([1])], 9);
		expect(await build(ctx, 'auto')).toBeUndefined();
		expect(calls).toHaveLength(0);
	});

	test('a list that fails falls back to per-candidate searches, once for the run', async () => {
		const { ctx, calls } = context([{ status: 403, body: { message: 'Forbidden' } }], 50);
		expect(await build(ctx, 'preload')).toBeUndefined();
		expect(await build(ctx, 'preload')).toBeUndefined();
		expect(calls).toHaveLength(1);
	});

	test('a cursor handed back twice ends the paging instead of looping', async () => {
		const { ctx, calls } = context([page([1], 'same'), page([2], 'same')], 50);
		const index = await build(ctx, 'preload');
		expect(index?.size).toBe(2);
		expect(calls).toHaveLength(2);
	});
});
