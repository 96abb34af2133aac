import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pagingProperties } from '../../../shared/descriptions/paging';
import { readLimit } from '../../../shared/parameters';
import { jobUrl } from '../../mapping';
import { ghList, greenhouseSettings } from '../../transport';
import type { GhJob } from '../../types';

const properties: INodeProperties[] = [
	...pagingProperties,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'open',
		options: [
			{ name: 'Any', value: '' },
			{ name: 'Closed', value: 'closed' },
			{ name: 'Draft', value: 'draft' },
			{ name: 'Open', value: 'open' },
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['job'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const status = this.getNodeParameter('status', i, 'open') as string;
	const { appUrl } = await greenhouseSettings(this);
	const jobs = await ghList<GhJob>(
		this,
		'/v3/jobs',
		status ? { status } : {},
		readLimit(this, i),
		i,
	);
	return jobs.map((j) => ({ ...j, url: jobUrl(appUrl, j.id) }) as IDataObject);
}
