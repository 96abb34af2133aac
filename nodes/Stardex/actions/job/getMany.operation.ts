import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pagingProperties } from '../../../shared/descriptions/paging';
import { readLimit } from '../../../shared/parameters';
import { jobUrl } from '../../mapping';
import { sdxSearch, stardexSettings } from '../../transport';
import type { SdxJob } from '../../types';

const properties: INodeProperties[] = [
	...pagingProperties,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'open',
		options: [
			{ name: 'Any', value: 'any' },
			{ name: 'Archived', value: 'archived' },
			{ name: 'Open', value: 'open', description: 'Jobs that are not archived' },
		],
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Keywords',
				name: 'keywords',
				type: 'string',
				default: '',
				placeholder: 'e.g. engineer, remote',
				description: 'Comma-separated keywords Stardex searches jobs for (sent as keywords[])',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['job'], operation: ['getAll'] } },
	properties,
);

/** POST /v1/jobs/search body for a status and comma-separated keywords. */
export function jobSearchBody(status: string, keywords?: string): IDataObject {
	const body: IDataObject = {};
	if (status === 'open') body.is_archived = false;
	if (status === 'archived') body.is_archived = true;
	const words = (keywords ?? '')
		.split(',')
		.map((k) => k.trim())
		.filter(Boolean);
	if (words.length) body.keywords = words;
	return body;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const status = this.getNodeParameter('status', i, 'open') as string;
	const filters = this.getNodeParameter('filters', i, {}) as { keywords?: string };
	const { appUrl } = await stardexSettings(this);
	const jobs = await sdxSearch<SdxJob>(
		this,
		'/v1/jobs/search',
		jobSearchBody(status, filters.keywords),
		readLimit(this, i),
		i,
	);
	return jobs.map((j) => ({ ...j, url: jobUrl(appUrl, String(j.id)) }) as IDataObject);
}
