import type { INodeProperties } from 'n8n-workflow';

/**
 * The Campaigns parameter: a list of campaign pickers (resource locators: "From List" with search,
 * or "By ID"), shown for one source with automatic registration. Each tool that scopes its hooks to
 * campaigns gets its own copy, with its own listSearch method (methods/) and its own wording; the
 * parameter name and value shape are the same for all, so registration/campaigns.ts reads any.
 */
export interface CampaignLocatorOptions {
	/** The Source value this copy is shown for. */
	source: string;
	/** The tool's name as users know it. */
	tool: string;
	/** The listSearch method that lists the tool's campaigns. */
	searchListMethod: string;
	/** Placeholder for "By ID", e.g. "e.g. 1234567". */
	idPlaceholder: string;
	/** What the tool does when no campaign is picked, for the description (no final period). */
	whenEmpty: string;
	/** Node versions this copy is shown for (n8n's @version condition). */
	versions: unknown[];
}

export const CAMPAIGNS_PARAMETER = 'campaigns';

export function campaignLocator(o: CampaignLocatorOptions): INodeProperties {
	return {
		displayName: 'Campaigns',
		name: CAMPAIGNS_PARAMETER,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Campaign',
		default: {},
		description: `The ${o.tool} campaigns whose events start this workflow. ${o.whenEmpty}.`,
		displayOptions: {
			show: {
				source: [o.source],
				registration: ['auto'],
				'@version': o.versions as number[],
			},
		},
		options: [
			{
				displayName: 'Campaign',
				name: 'items',
				values: [
					{
						displayName: 'Campaign',
						name: 'campaign',
						type: 'resourceLocator',
						default: { mode: 'list', value: '' },
						required: true,
						modes: [
							{
								displayName: 'From List',
								name: 'list',
								type: 'list',
								typeOptions: { searchListMethod: o.searchListMethod, searchable: true },
							},
							{
								displayName: 'By ID',
								name: 'id',
								type: 'string',
								placeholder: o.idPlaceholder,
							},
						],
					},
				],
			},
		],
	};
}
