import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { jobUrl } from '../mapping';
import { ghPage, greenhouseSettings } from '../transport';
import type { GhJob } from '../types';

/**
 * Job picker. v3 has no name filter, so pages are filtered here; the pagination token is the
 * verbatim next link, so scrolling continues where the last page ended.
 */
export async function searchJobs(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { appUrl } = await greenhouseSettings(this);
	const needle = filter?.trim().toLowerCase();
	const results: INodeListSearchResult['results'] = [];
	let cursor = paginationToken;
	// Keep reading pages until a search has something to show, within a bound.
	for (let pages = 0; pages < 10; pages++) {
		const page = await ghPage<GhJob>(this, '/v3/jobs', { status: 'open', per_page: 100 }, cursor);
		for (const job of page.items) {
			const label = job.requisition_id ? `${job.name} (${job.requisition_id})` : job.name;
			if (!needle || label.toLowerCase().includes(needle) || String(job.id) === needle) {
				results.push({ name: label, value: String(job.id), url: jobUrl(appUrl, job.id) });
			}
		}
		cursor = page.next;
		if (!cursor || !needle || results.length >= 20) break;
	}
	return { results, paginationToken: cursor };
}
