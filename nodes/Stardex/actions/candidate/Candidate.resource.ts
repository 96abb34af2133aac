import type { INodeProperties } from 'n8n-workflow';

import * as exportCandidate from './export.operation';
import * as moveToStage from './moveToStage.operation';

export { exportCandidate as export, moveToStage };

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
				description: 'Create the person (optionally on a job) unless they are already in Stardex',
				action: 'Export a candidate',
			},
			{
				name: 'Move to Stage',
				value: 'moveToStage',
				description: 'Move a candidate to another pipeline stage of a job',
				action: 'Move a candidate to a stage',
			},
		],
		default: 'export',
	},
	...exportCandidate.description,
	...moveToStage.description,
];
