import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { searchJobs } from '../../../../nodes/Greenhouse/methods/listSearch';
import { API, CREDS } from '../harness';

describe('job picker (listSearch)', () => {
	test('filters by name across pages and hands back the next link as the pagination token', async () => {
		const calls: IDataObject[] = [];
		const pages = [
			{
				statusCode: 200,
				headers: { link: `<${API}/v3/jobs?cursor=p2>; rel="next"` },
				body: [
					{ id: 1, name: 'Designer' },
					{ id: 2, name: 'Backend Engineer', requisition_id: 'R-2' },
				],
			},
			{ statusCode: 200, headers: {}, body: [{ id: 3, name: 'Frontend Engineer' }] },
		];
		const ctx = {
			getNode: () => ({ name: 'G', type: 't', typeVersion: 1, position: [0, 0], parameters: {} }),
			getCredentials: async () => CREDS,
			helpers: {
				httpRequestWithAuthentication: async (_t: string, o: IDataObject) => (
					calls.push(o),
					pages.shift()
				),
			},
		} as unknown as ILoadOptionsFunctions;
		const res = await searchJobs.call(ctx, 'engineer');
		expect(res.results).toEqual([
			{ name: 'Backend Engineer (R-2)', value: '2', url: 'https://app.greenhouse.io/sdash/2' },
			{ name: 'Frontend Engineer', value: '3', url: 'https://app.greenhouse.io/sdash/3' },
		]);
		expect(calls[0]).toMatchObject({
			url: `${API}/v3/jobs`,
			qs: { status: 'open', per_page: 100 },
		});
		expect(calls[1]).toMatchObject({ url: `${API}/v3/jobs?cursor=p2` });
		expect(calls[1].qs).toBeUndefined();
	});
});
