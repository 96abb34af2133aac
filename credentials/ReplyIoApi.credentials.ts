import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { loopbackToggle, pinToOrigin, replyIoBaseUrl, secretField } from '../nodes/shared/origins';

/**
 * Reply.io API key, sent as the `X-API-Key` header
 * (https://docs.reply.io/api-reference/webhooks/create-a-webhook-subscription), for the Outreach
 * Trigger's automatic webhook registration. `authenticate` pins every request made with this
 * credential (also from the HTTP Request node) to https://api.reply.io: the key is never sent to
 * another host.
 */
export class ReplyIoApi implements ICredentialType {
	name = 'replyIoApi';

	displayName = 'Reply.io API';

	icon: Icon = {
		light: 'file:../nodes/OutreachTrigger/outreach.svg',
		dark: 'file:../nodes/OutreachTrigger/outreach.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-ats-sync/n8n-nodes-ats-sync/blob/main/docs/credentials/reply-io-api.md';

	properties: INodeProperties[] = [
		{
			displayName:
				'In Reply.io: Settings › API Key, copy the key. The Outreach Trigger uses it only to create and delete its webhook subscriptions.',
			name: 'setupNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'API Base URL (Testing Only)',
			name: 'baseUrlOverride',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:4010/replyio/v3',
			description:
				'Leave empty to use https://api.reply.io/v3. Otherwise only https://api.reply.io is accepted, or an address on this machine (localhost, 127.0.0.1, [::1]) when the loopback toggle below is on.',
		},
		loopbackToggle,
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		pinToOrigin(requestOptions, replyIoBaseUrl(credentials), 'Reply.io');
		const key = secretField(credentials, 'apiKey', {
			label: 'Reply.io credential: API Key',
			fix: 'Copy it from Settings › API Key in Reply.io',
		});
		requestOptions.headers = { ...requestOptions.headers, 'X-API-Key': key };
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: { url: '/webhooks', headers: { Accept: 'application/json' } },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Reply.io did not accept the API key. Copy it again from Settings › API Key.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Reply.io refused the key: the plan or the user may not manage webhooks (ask the account owner).',
				},
			},
		],
	};
}
