import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

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
