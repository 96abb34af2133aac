import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The Secret Key of a Greenhouse web hook. Greenhouse signs every delivery with it; n8n only
 * checks signatures and never calls Greenhouse with it, so there is no request to test. The
 * Greenhouse Trigger node tests it instead (credentialTest `greenhouseWebhookSecretTest`: format
 * only), which satisfies the package's "every credential is tested" rule honestly.
 */
export class GreenhouseWebhookApi implements ICredentialType {
	name = 'greenhouseWebhookApi';

	displayName = 'Greenhouse Webhook API';

	icon: Icon = {
		light: 'file:../nodes/GreenhouseTrigger/greenhouse.svg',
		dark: 'file:../nodes/GreenhouseTrigger/greenhouse.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-ats-sync/n8n-nodes-ats-sync/blob/main/docs/credentials/greenhouse-webhook-api.md';

	properties: INodeProperties[] = [
		{
			displayName:
				'Paste the same value into the Secret Key field of the web hook in Greenhouse (Configure › Dev Center › Web Hooks). One credential can serve several web hooks if they share the key.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Greenhouse signs each delivery with this key (HMAC-SHA256). Use a long random value, e.g. 32+ characters.',
		},
	];
}
