import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { apiRequest } from '../../shared/http/request';
import { isRecord, str } from '../../shared/values';
import { lemlistLeadsApi } from '../transport/lemlist';
import { listSmartleadCampaigns } from '../transport/smartlead';

/**
 * The Campaigns picker's "From List" mode for Smartlead: the account's campaigns whose name or id
 * contains the search text (Smartlead's GET /campaigns has no search parameter, so the list is
 * filtered here).
 */
export async function searchSmartleadCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return { results: await listSmartleadCampaigns(this, filter) };
}

/**
 * The Campaigns picker's "From List" mode for lemlist: GET /campaigns (100 a page; `offset` is the
 * page token). lemlist has no name search there, so the filter is applied to each page here
 * (https://developer.lemlist.com/api-reference/endpoints/campaigns/get-many-campaigns).
 */
export async function searchLemlistCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken) > 0 ? Number(paginationToken) : 0;
	const { body } = await apiRequest(this, lemlistLeadsApi, {
		method: 'GET',
		path: '/campaigns',
		qs: { version: 'v2', limit: 100, offset },
	});
	const rows = (Array.isArray(body) ? body : []).filter(isRecord);
	const wanted = filter?.trim().toLowerCase() ?? '';
	const results = rows
		.map((c) => ({ id: str(c._id), name: str(c.name) ?? str(c._id) ?? '' }))
		.filter((c): c is { id: string; name: string } => Boolean(c.id))
		.filter(
			(c) => !wanted || c.name.toLowerCase().includes(wanted) || c.id.toLowerCase() === wanted,
		)
		.map((c) => ({ name: c.name, value: c.id }));
	return {
		results,
		paginationToken: rows.length === 100 ? String(offset + 100) : undefined,
	};
}
