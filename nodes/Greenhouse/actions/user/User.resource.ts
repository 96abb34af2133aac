import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getMany.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get users, e.g. to find the acting user ID',
				action: 'Get many users',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
