import type { ICredentialsDecrypted, ICredentialTestFunctions, IHookFunctions } from 'n8n-workflow';

import { GreenhouseWebhookApi } from '../../../credentials/GreenhouseWebhookApi.credentials';
import { PinpointApi } from '../../../credentials/PinpointApi.credentials';
import { GreenhouseTrigger } from '../../../nodes/GreenhouseTrigger/GreenhouseTrigger.node';
import { GREENHOUSE_ACTIONS } from '../../../nodes/GreenhouseTrigger/events';
import { PinpointTrigger } from '../../../nodes/PinpointTrigger/PinpointTrigger.node';

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

test('Greenhouse Trigger offers all 29 actions plus Any Event', () => {
	const events = new GreenhouseTrigger().description.properties.find((p) => p.name === 'events');
	expect(events?.options).toHaveLength(30);
	expect(GREENHOUSE_ACTIONS.map((a) => a.value)).toEqual(
		expect.arrayContaining([
			'hire_candidate',
			'candidate_stage_change',
			'new_candidate_application',
			'new_prospect_application',
			'update_candidate',
			'delete_application',
			'delete_candidate',
		]),
	);
});

describe('Greenhouse Webhook API credential', () => {
	const test_ = new GreenhouseTrigger().methods.credentialTest.greenhouseWebhookSecretTest;
	const run = async (secretKey: string) =>
		await test_.call(
			{} as ICredentialTestFunctions,
			{
				id: '1',
				name: 'x',
				type: 'greenhouseWebhookApi',
				data: { secretKey },
			} as ICredentialsDecrypted,
		);

	test('the secret is a password field, tested by the trigger node', () => {
		const cred = new GreenhouseWebhookApi();
		expect(cred.properties.find((p) => p.name === 'secretKey')?.typeOptions?.password).toBe(true);
		expect(new GreenhouseTrigger().description.credentials).toEqual([
			{ name: 'greenhouseWebhookApi', required: true, testedBy: 'greenhouseWebhookSecretTest' },
		]);
	});

	test('the test catches empty keys and stray spaces, and accepts the rest', async () => {
		expect(await run('')).toMatchObject({ status: 'Error' });
		expect(await run(' abc ')).toMatchObject({
			status: 'Error',
			message: expect.stringContaining('space'),
		});
		expect(await run('s3cr3t-value-with-32-characters!')).toMatchObject({ status: 'OK' });
	});
});

test('Pinpoint API credential: secrets are password fields; the test reads one job', () => {
	const cred = new PinpointApi();
	for (const f of ['apiKey', 'webhookSigningSecret'])
		expect(cred.properties.find((p) => p.name === f)?.typeOptions?.password).toBe(true);
	expect(cred.test.request).toMatchObject({ url: '/jobs', qs: { 'page[size]': 1 } });
	expect(cred.test.request.baseURL).toBeUndefined(); // authenticate sets it from the validated subdomain
});
