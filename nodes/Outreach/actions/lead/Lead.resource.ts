import type { INodeProperties } from 'n8n-workflow';

import * as markSynced from './markSynced.operation';

export { markSynced };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lead'] } },
		options: [
			{
				name: 'Mark as Synced',
				value: 'markSynced',
				description:
					'Write the ATS profile URL and candidate ID onto the lead as custom variables, unless it already carries them',
				action: 'Mark a lead as synced',
			},
		],
		default: 'markSynced',
	},
	...markSynced.description,
];
