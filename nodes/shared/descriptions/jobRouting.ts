import type { INodeProperties } from 'n8n-workflow';

import type { JobLocatorSpec } from './jobLocator';

/** The Job Routing choice of the exports: one job, a job per outreach campaign, or a job ID per item. */

export const JOB_ROUTING_MODES = ['oneJob', 'byCampaign', 'fromInput'] as const;
export type JobRoutingMode = (typeof JOB_ROUTING_MODES)[number];
export const CAMPAIGN_FALLBACKS = ['noJob', 'skip', 'error'] as const;
export type CampaignFallback = (typeof CAMPAIGN_FALLBACKS)[number];

const MATCHING =
	"Matched against the item's campaign ID or name (the Outreach Trigger's campaign), trimmed and case-insensitive";

/** Job Routing, then the One Job picker (unchanged name, so existing workflows keep their job), the table and the input field. */
export function jobRoutingProperties(
	spec: JobLocatorSpec,
	/** The node's job picker (jobLocator.ts), used for One Job and in each campaign row. */
	jobPicker: INodeProperties,
): INodeProperties[] {
	return [
		{
			displayName: 'Job Routing',
			name: 'jobRouting',
			type: 'options',
			default: 'oneJob',
			description: 'How the job each candidate is applied to is chosen',
			options: [
				{
					name: 'By Campaign',
					value: 'byCampaign',
					description: "A job per outreach campaign, read from the item's campaign",
				},
				{
					name: 'From Input',
					value: 'fromInput',
					description: 'A job ID per item, e.g. from an expression',
				},
				{ name: 'One Job', value: 'oneJob', description: 'The same job for every item' },
			],
		},
		{ ...jobPicker, displayOptions: { show: { jobRouting: ['oneJob'] } } },
		{
			displayName: 'Campaigns',
			name: 'campaignJobs',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Campaign',
			default: {},
			description: `Which job each campaign's candidates are applied to. ${MATCHING}; the first matching row wins.`,
			displayOptions: { show: { jobRouting: ['byCampaign'] } },
			options: [
				{
					displayName: 'Route',
					name: 'routes',
					values: [
						{
							displayName: 'Campaign Name or ID',
							name: 'campaign',
							type: 'string',
							default: '',
							placeholder: 'e.g. Senior Backend Q3',
							description: `The campaign as the outreach tool names it, or its ID. ${MATCHING}.`,
						},
						jobPicker,
					],
				},
			],
		},
		{
			displayName: 'Fallback',
			name: 'campaignFallback',
			type: 'options',
			default: 'noJob',
			description: 'What happens to an item whose campaign is in no row, or that has no campaign',
			displayOptions: { show: { jobRouting: ['byCampaign'] } },
			options: [
				{
					name: 'Error',
					value: 'error',
					description: 'Fail the item, naming the campaign that is not mapped',
				},
				{
					name: 'No Job',
					value: 'noJob',
					description: 'Export the candidate with no job (a prospect)',
				},
				{
					name: 'Skip Item',
					value: 'skip',
					description: 'Export nothing and report the item as skipped',
				},
			],
		},
		{
			displayName: 'Job ID',
			name: 'jobIdInput',
			type: 'string',
			default: '',
			placeholder: spec.idPlaceholder,
			description: `The ${spec.system} job ID for this item, usually an expression. Empty exports the candidate with no job.`,
			displayOptions: { show: { jobRouting: ['fromInput'] } },
		},
	];
}
