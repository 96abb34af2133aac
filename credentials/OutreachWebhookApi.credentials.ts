import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The secret an outreach tool sends back with every webhook delivery (in the body, a header, the
 * URL or as an HMAC key, depending on the tool). It lives here rather than in a node parameter
 * so it is encrypted at rest and not exported with the workflow JSON. n8n never calls the tool
 * with it; the Outreach Trigger's credentialTest (`outreachWebhookSecretTest`) checks its form.
 */
export class OutreachWebhookApi implements ICredentialType {
	name = 'outreachWebhookApi';

	displayName = 'Outreach Webhook API';

	icon: Icon = {
		light: 'file:../nodes/OutreachTrigger/outreach.svg',
		dark: 'file:../nodes/OutreachTrigger/outreach.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-ats-sync/n8n-nodes-ats-sync/blob/main/docs/credentials/outreach-webhook-api.md';

	properties: INodeProperties[] = [
		{
			displayName:
				"Use a long random value and give the same one to the tool: lemlist and Smartlead as the webhook's secret, Instantly as a custom header value, Outreach.io as the signing secret, Woodpecker, HeyReach and Reply.io as ?token= in the URL. The Outreach Trigger shows where for the tool you choose.",
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Deliveries without this value are answered with 401 and start nothing. At least 16 characters.',
		},
	];
}
