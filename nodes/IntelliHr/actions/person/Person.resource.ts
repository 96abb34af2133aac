import type { INodeProperties } from 'n8n-workflow';

import * as find from './find.operation';
import * as get from './get.operation';
import * as sendHired from './sendHired.operation';

export { find, get, sendHired };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['person'] } },
		options: [
			{
				name: 'Find by Email',
				value: 'find',
				description: 'Find people by primary email address',
				action: 'Find people by email',
			},
			{ name: 'Get', value: 'get', description: 'Get a person by ID', action: 'Get a person' },
			{
				name: 'Send Hired Candidate',
				value: 'sendHired',
				description: 'Create the person and their job, reusing a person with the same email',
				action: 'Send a hired candidate',
			},
		],
		default: 'sendHired',
	},
	...sendHired.description,
	...find.description,
	...get.description,
];
