import {
	beginDryRun,
	dryRunAnswer,
	endDryRun,
	isDryRun,
	isMadeUpId,
} from '../../../../nodes/shared/http/dryRun';
import { type ApiDefinition, apiRequest } from '../../../../nodes/shared/http/request';
import { forgetSecrets, rememberSecrets } from '../../../../nodes/shared/secrets';
import { fakeContext } from './fakeContext';

const api: ApiDefinition = {
	system: 'Example',
	credentialType: 'exampleApi',
	baseUrl: (c) => String(c.apiBaseUrl),
	dryRun: { readsByPost: (p) => p.endsWith('/search'), wrap: (data) => ({ data }) },
};

afterEach(() => forgetSecrets());

describe('dry run at the choke point', () => {
	test('no write of any method reaches n8n; each is recorded and answered with a made-up record', async () => {
		const { ctx, calls } = fakeContext([]);
		beginDryRun(ctx);
		const created = await apiRequest(ctx, api, {
			method: 'POST',
			path: '/things',
			body: { name: 'A' },
		});
		expect(created).toMatchObject({ status: 201, body: { data: { name: 'A', id: -1 } } });
		for (const method of ['PUT', 'PATCH', 'DELETE'] as const)
			await apiRequest(ctx, api, { method, path: '/things/7', body: { name: 'B' } });
		expect(calls).toHaveLength(0);
		const requests = endDryRun(ctx);
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /things',
			'PUT /things/7',
			'PATCH /things/7',
			'DELETE /things/7',
		]);
		expect(requests[0].body).toEqual({ name: 'A' });
		expect(isDryRun(ctx)).toBe(false);
	});

	test('reads go out; a search by POST too; a read naming a made-up record is answered here', async () => {
		const { ctx, calls } = fakeContext([
			{ status: 200, body: { data: [] } },
			{ status: 200, body: { data: [] } },
		]);
		beginDryRun(ctx);
		await apiRequest(ctx, api, { method: 'GET', path: '/things', qs: { email: 'a@example.com' } });
		await apiRequest(ctx, api, { method: 'POST', path: '/things/search', body: { q: 'a' } });
		expect(calls).toHaveLength(2);
		const made = await apiRequest(ctx, api, { method: 'POST', path: '/things', body: { n: 1 } });
		const id = (made.body as { data: { id: number } }).data.id;
		expect(isMadeUpId(ctx, id)).toBe(true);
		expect(isMadeUpId(ctx, String(id))).toBe(true);
		expect(isMadeUpId(ctx, 5)).toBe(false);
		const list = await apiRequest(ctx, api, {
			method: 'GET',
			path: '/jobs',
			qs: { thing_ids: `3,${id}` },
		});
		expect(list.body).toEqual({ data: [] });
		const one = await apiRequest(ctx, api, { method: 'GET', path: `/things/${id}` });
		expect(one.body).toEqual({ data: { n: 1, id } });
		expect(calls).toHaveLength(2);
		expect(endDryRun(ctx)).toHaveLength(1);
	});

	test('outside a dry run nothing is held back', async () => {
		const { ctx, calls } = fakeContext([{ status: 201, body: { id: 9 } }]);
		expect(dryRunAnswer(ctx, {}, { method: 'POST', path: '/x' })).toBeUndefined();
		await apiRequest(ctx, api, { method: 'POST', path: '/things', body: { n: 1 } });
		expect(calls).toHaveLength(1);
	});

	test('recorded bodies carry no secret the package knows', async () => {
		const { ctx } = fakeContext([]);
		rememberSecrets('sk_live_abcdef123456');
		beginDryRun(ctx);
		await apiRequest(ctx, api, {
			method: 'POST',
			path: '/things',
			body: { note: 'key sk_live_abcdef123456 leaked' },
		});
		expect(JSON.stringify(endDryRun(ctx))).not.toContain('sk_live_abcdef123456');
	});
});

describe('dry run and items working at once', () => {
	test('a second item cannot start recording while one records (it would mix their writes)', () => {
		const { ctx } = fakeContext([]);
		beginDryRun(ctx);
		expect(() => beginDryRun(ctx)).toThrow(/dry run item started while another/);
		expect(endDryRun(ctx)).toEqual([]);
		beginDryRun(ctx);
		expect(isDryRun(ctx)).toBe(true);
	});
});
