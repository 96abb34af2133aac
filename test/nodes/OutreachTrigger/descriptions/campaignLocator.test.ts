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

	test.each([
		['smartlead', 'searchSmartleadCampaigns', undefined],
		['lemlist', 'searchLemlistCampaigns', '^cam_[A-Za-z0-9]+$'],
	])(
		"the Outreach Trigger's %s copy names a listSearch method the node has, and checks typed ids",
		(source, expected, regex) => {
			const trigger = new OutreachTrigger();
			const copy = trigger.description.properties.find(
				(p) => p.name === 'campaigns' && p.displayOptions?.show?.source?.includes(source),
			) as { options: Array<{ values: INodeProperties[] }> } | undefined;
			const [list, byId] = copy?.options[0].values[0].modes ?? [];
			const method = list?.typeOptions?.searchListMethod;
			expect(method).toBe(expected);
			expect(Object.keys(trigger.methods.listSearch)).toContain(method);
			const validation = byId?.validation as Array<{ properties: { regex: string } }> | undefined;
			expect(validation?.[0].properties.regex).toBe(regex);
		},
	);

	test('Registration defaults to automatic for Smartlead, HeyReach, Reply.io and Outreach.io only from version 2.1 (older workflows stay manual)', () => {
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
		for (const tool of ['heyreach', 'replyIo', 'outreachIo'])
			expect(forTool(tool)).toEqual(forTool('smartlead'));
	});
});
