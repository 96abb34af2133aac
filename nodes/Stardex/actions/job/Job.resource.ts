import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getMany.operation';

export { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['job'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a job with its pipeline stages',
				action: 'Get a job',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Search jobs by status and keywords',
				action: 'Get many jobs',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
];
