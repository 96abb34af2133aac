import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getMany.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lookup'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'Get the records of a reference list: business units, locations, work classes and more',
				action: 'Get many lookup records',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
