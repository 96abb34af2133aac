import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsProperty } from '../shared/descriptions/requestOptions';
import * as lookup from './actions/lookup/Lookup.resource';
import * as person from './actions/person/Person.resource';
import { router } from './actions/router';
import { loadOptions } from './methods';

export class IntelliHr implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'IntelliHR',
		name: 'intelliHr',
		icon: { light: 'file:intellihr.svg', dark: 'file:intellihr.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Send hired candidates to IntelliHR as a person with a job, without duplicates, and read people and reference lists',
		defaults: { name: 'IntelliHR' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'intelliHrApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Lookup', value: 'lookup' },
					{ name: 'Person', value: 'person' },
				],
				default: 'person',
			},
			...person.description,
			...lookup.description,
			requestOptionsProperty,
		],
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
