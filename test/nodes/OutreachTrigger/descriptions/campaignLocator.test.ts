import type { INodeProperties } from 'n8n-workflow';

import { OutreachTrigger } from '../../../../nodes/OutreachTrigger/OutreachTrigger.node';
import { campaignLocator } from '../../../../nodes/OutreachTrigger/descriptions/campaignLocator';

describe('the Campaigns parameter', () => {
	const made = campaignLocator({
		source: 'acme',
		tool: 'Acme',
		searchListMethod: 'searchAcmeCampaigns',
		idPlaceholder: 'e.g. 42',
		whenEmpty: 'Without one, every campaign',
		versions: [2],
	});

	test('a list of resource locators (list with search, or id), shown for one source with automatic registration', () => {
		expect(made).toMatchObject({
			name: 'campaigns',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			description:
				'The Acme campaigns whose events start this workflow. Without one, every campaign.',
			displayOptions: { show: { source: ['acme'], registration: ['auto'], '@version': [2] } },
		});
		const [option] = (made as { options: Array<{ name: string; values: INodeProperties[] }> })
			.options;
		expect(option.name).toBe('items');
		expect(option.values[0]).toMatchObject({
			name: 'campaign',
			type: 'resourceLocator',
			modes: [
				{
					name: 'list',
					typeOptions: { searchListMethod: 'searchAcmeCampaigns', searchable: true },
				},
				{ name: 'id', type: 'string', placeholder: 'e.g. 42' },
			],
		});
	});

	test("the Outreach Trigger's Smartlead copy names a listSearch method the node has", () => {
		const trigger = new OutreachTrigger();
		const smartlead = trigger.description.properties.find(
			(p) => p.name === 'campaigns' && p.displayOptions?.show?.source?.includes('smartlead'),
		) as { options: Array<{ values: INodeProperties[] }> } | undefined;
		const method = smartlead?.options[0].values[0].modes?.[0].typeOptions?.searchListMethod;
		expect(method).toBe('searchSmartleadCampaigns');
		expect(Object.keys(trigger.methods.listSearch)).toContain(method);
	});

	test('Registration defaults to automatic for Smartlead and HeyReach only from version 2.1 (older workflows stay manual)', () => {
		const regs = new OutreachTrigger().description.properties.filter(
			(p) => p.name === 'registration',
		);
		const forTool = (tool: string) =>
			regs
				.filter((p) => (p.displayOptions?.show?.source as string[]).includes(tool))
				.map((p) => [p.default, p.displayOptions?.show?.['@version']]);
		expect(forTool('heyreach')).toEqual(forTool('smartlead'));
		expect(forTool('smartlead')).toEqual([
			['auto', [{ _cnd: { gte: 2.1 } }]],
			['manual', [1, 1.1, 2]],
		]);
		expect(forTool('lemlist')).toEqual([
			['auto', [{ _cnd: { gte: 1.1 } }]],
			['manual', [1]],
		]);
	});
});
