import type { INodeProperties } from 'n8n-workflow';

import * as exportCandidate from './export.operation';
import * as get from './get.operation';
import * as getAll from './getMany.operation';

export { exportCandidate as export, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['candidate'] } },
		options: [
			{
				name: 'Export',
				value: 'export',
				description: 'Create the candidate unless they are already in Greenhouse',
				action: 'Export a candidate',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a candidate by ID',
				action: 'Get a candidate',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get candidates by email or update time',
				action: 'Get many candidates',
			},
		],
		default: 'export',
	},
	...exportCandidate.description,
	...get.description,
	...getAll.description,
];
