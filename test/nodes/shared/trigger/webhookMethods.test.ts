import type { IHookFunctions } from 'n8n-workflow';

import { GreenhouseTrigger } from '../../../../nodes/GreenhouseTrigger/GreenhouseTrigger.node';

import { PinpointTrigger } from '../../../../nodes/PinpointTrigger/PinpointTrigger.node';

/** The node and credential descriptions: what n8n registers and shows. */

describe.each([
	['Greenhouse Trigger', new GreenhouseTrigger(), 'greenhouseTrigger', 'hire_candidate'],
	['Pinpoint Trigger', new PinpointTrigger(), 'pinpointTrigger', 'application_hired'],
])('%s', (displayName, node, name, defaultEvent) => {
	test('a POST webhook answered on receipt, on a full path the user may set', () => {
		const d = node.description;
		expect(d).toMatchObject({ displayName, name, group: ['trigger'], inputs: [] });
		expect(d.webhooks).toEqual([
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// '' lets the trigger's webhookResponse be the answer (the e2e checks it in n8n)
				responseData: '',
				path: '={{$parameter["path"]}}',
				isFullPath: true,
			},
		]);
		const events = d.properties.find((p) => p.name === 'events');
		expect(events?.default).toEqual([defaultEvent]);
		expect(events?.options?.map((o) => ('value' in o ? o.value : undefined))).toContain('*');
		expect(d.properties.find((p) => p.name === 'path')?.default).toBe('');
	});

	test('webhooks are set up in the product UI: the lifecycle methods do nothing and succeed', async () => {
		const hooks = node.webhookMethods.default;
		const ctx = {} as IHookFunctions;
		expect(await hooks.checkExists.call(ctx)).toBe(true);
		expect(await hooks.create.call(ctx)).toBe(true);
		expect(await hooks.delete.call(ctx)).toBe(true);
	});
});
