import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsProperty } from '../shared/descriptions/requestOptions';
import * as lead from './actions/lead/Lead.resource';
import { router } from './actions/router';

export class Outreach implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Outreach Tool',
		name: 'outreach',
		icon: { light: 'file:outreach.svg', dark: 'file:outreach.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["tool"]}}',
		description:
			'Write the ATS link back onto the lead in lemlist, Instantly, Woodpecker or Smartlead after an export (Mark as Synced)',
		defaults: { name: 'Outreach Tool' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'lemlistLeadsApi', required: true, displayOptions: { show: { tool: ['lemlist'] } } },
			{ name: 'instantlyApi', required: true, displayOptions: { show: { tool: ['instantly'] } } },
			{ name: 'woodpeckerApi', required: true, displayOptions: { show: { tool: ['woodpecker'] } } },
			{ name: 'smartleadApi', required: true, displayOptions: { show: { tool: ['smartlead'] } } },
		],
		properties: [
			{
				displayName: 'Tool',
				name: 'tool',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Instantly', value: 'instantly' },
					{ name: 'Lemlist', value: 'lemlist' },
					{ name: 'Smartlead', value: 'smartlead' },
					{ name: 'Woodpecker', value: 'woodpecker' },
				],
				default: 'lemlist',
				description: 'The outreach tool the leads are in; the same credential as the trigger',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Lead', value: 'lead' }],
				default: 'lead',
			},
			...lead.description,
			requestOptionsProperty,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
