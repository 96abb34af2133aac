import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { pagingProperties } from '../../../shared/descriptions/paging';
import { readLimit } from '../../../shared/parameters';
import { isEnabled, isLookupName, LOOKUP_LISTS } from '../../lookups';
import { ihrList } from '../../transport';
import type { IhrLookup } from '../../types';

const properties: INodeProperties[] = [
	{
		displayName: 'List',
		name: 'list',
		type: 'options',
		noDataExpression: true,
		default: 'businessUnits',
		description: 'Which reference list of the IntelliHR account to read',
		options: Object.entries(LOOKUP_LISTS)
			.map(([value, l]) => ({ name: l.label, value, description: `GET ${l.path}` }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	},
	...pagingProperties,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Enabled Only',
				name: 'enabledOnly',
				type: 'boolean',
				default: true,
				description: 'Whether to leave out records IntelliHR marks as disabled',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['lookup'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const list = this.getNodeParameter('list', i) as string;
	if (!isLookupName(list))
		throw inputError(
			this.getNode(),
			i,
			'List',
			`"${list}" is not a list this node knows`,
			'Pick a list from the dropdown',
		);
	const { enabledOnly = false } = this.getNodeParameter('options', i, {}) as {
		enabledOnly?: boolean;
	};
	const limit = readLimit(this, i);
	// Disabled records are dropped after paging, so keep paging until the limit is met.
	const records = await ihrList<IhrLookup>(
		this,
		LOOKUP_LISTS[list].path,
		{},
		enabledOnly ? undefined : limit,
		i,
	);
	const kept = enabledOnly ? records.filter(isEnabled) : records;
	return (limit === undefined ? kept : kept.slice(0, limit)) as IDataObject[];
}
