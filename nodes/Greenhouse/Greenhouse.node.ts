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
import * as user from './actions/user/User.resource';
import { listSearch, loadOptions } from './methods';

export class Greenhouse implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Greenhouse',
		name: 'greenhouse',
		icon: { light: 'file:greenhouse.svg', dark: 'file:greenhouse.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Export candidates to Greenhouse (Harvest v3) without duplicates, and read jobs and users',
		defaults: { name: 'Greenhouse' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'greenhouseHarvestApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Candidate', value: 'candidate' },
					{ name: 'Job', value: 'job' },
					{ name: 'User', value: 'user' },
				],
				default: 'candidate',
			},
			...candidate.description,
			...job.description,
			...user.description,
			requestOptionsProperty,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
