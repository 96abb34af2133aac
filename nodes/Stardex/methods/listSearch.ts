import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { jobLabel, jobUrl } from '../mapping';
import { sdxPage, stardexSettings } from '../transport';
import type { SdxJob } from '../types';

/** Job picker: open jobs, searched by Stardex itself (keywords[]); the token is the next offset. */
export async function searchJobs(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { appUrl } = await stardexSettings(this);
	const body: IDataObject = { is_archived: false, sort_by: 'created_at', sort_order: 'desc' };
	if (filter?.trim()) body.keywords = [filter.trim()];
	const offset = Number(paginationToken) > 0 ? Number(paginationToken) : 0;
	const page = await sdxPage<SdxJob>(this, '/v1/jobs/search', body, offset, 50);
	return {
		results: page.items.map((job) => ({
			name: jobLabel(job),
			value: String(job.id),
			url: jobUrl(appUrl, String(job.id)),
		})),
		paginationToken: page.next === undefined ? undefined : String(page.next),
	};
}
