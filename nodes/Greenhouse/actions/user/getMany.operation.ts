import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pagingProperties } from '../../../shared/descriptions/paging';
import { readLimit } from '../../../shared/parameters';
import { ghList } from '../../transport';

const properties: INodeProperties[] = [
	...pagingProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				default: '',
				placeholder: 'e.g. recruiter@example.com',
				description:
					'Only the user with this primary email, e.g. to find your own user ID for the credential',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as { email?: string };
	return await ghList<IDataObject>(
		this,
		'/v3/users',
		filters.email ? { primary_email: filters.email.trim() } : {},
		readLimit(this, i),
		i,
	);
}
