import type { IDataObject } from 'n8n-workflow';

import { searchJobs } from '../../../../nodes/Stardex/methods/listSearch';
import { API, ok, loadOptionsContext } from '../harness';

describe('pickers', () => {
	test('job list search: open jobs, Stardex keywords[], label with the client, next offset as the token', async () => {
		const calls: IDataObject[] = [];
		const ctx = loadOptionsContext(
			[
				{
					statusCode: 200,
					body: ok(
						[
							{ id: 'j1', name: 'VP Finance', client_company_name: 'Acme' },
							{ id: 'j2', name: 'Controller' },
						],
						{ total: 120, offset: 50, limit: 2 },
					),
				},
			],
			calls,
		);
		const res = await searchJobs.call(ctx, ' finance ', '50');
		expect(calls[0]).toMatchObject({
			method: 'POST',
			url: `${API}/v1/jobs/search`,
			body: {
				is_archived: false,
				sort_by: 'created_at',
				sort_order: 'desc',
				keywords: ['finance'],
				offset: 50,
				limit: 50,
			},
		});
		expect(res).toEqual({
			results: [
				{ name: 'VP Finance (Acme)', value: 'j1', url: 'https://app.stardex.ai/jobs/j1' },
				{ name: 'Controller', value: 'j2', url: 'https://app.stardex.ai/jobs/j2' },
			],
			paginationToken: '52',
		});
	});
});
