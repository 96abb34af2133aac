import type { ICredentialsDecrypted, ICredentialTestFunctions } from 'n8n-workflow';

import { GreenhouseWebhookApi } from '../../../../credentials/GreenhouseWebhookApi.credentials';

import { GreenhouseTrigger } from '../../../../nodes/GreenhouseTrigger/GreenhouseTrigger.node';

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
