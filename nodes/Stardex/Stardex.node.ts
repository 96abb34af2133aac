import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsProperty } from '../shared/descriptions/requestOptions';
import * as candidate from './actions/candidate/Candidate.resource';
import * as job from './actions/job/Job.resource';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class Stardex implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Stardex',
		name: 'stardex',
		icon: { light: 'file:stardex.svg', dark: 'file:stardex.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Export candidates to Stardex without duplicates, move them between pipeline stages, and read jobs',
		defaults: { name: 'Stardex' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'stardexApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Candidate', value: 'candidate' },
					{ name: 'Job', value: 'job' },
				],
				default: 'candidate',
			},
			...candidate.description,
			...job.description,
			requestOptionsProperty,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
