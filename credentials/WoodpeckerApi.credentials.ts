import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	loopbackToggle,
	pinToOrigin,
	secretField,
	woodpeckerBaseUrl,
} from '../nodes/shared/origins';

/**
 * Woodpecker API key, sent as the `x-api-key` header
 * (https://developers.woodpecker.co/docs/webhooks/get-webhooks), for the Outreach Trigger's automatic
 * webhook registration. `authenticate` pins every request made with this credential (also from the
 * HTTP Request node) to https://api.woodpecker.co: the key is never sent to another host.
 */
export class WoodpeckerApi implements ICredentialType {
	name = 'woodpeckerApi';

	displayName = 'Woodpecker API';

	icon: Icon = {
		light: 'file:../nodes/OutreachTrigger/outreach.svg',
		dark: 'file:../nodes/OutreachTrigger/outreach.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-ats-sync/n8n-nodes-ats-sync/blob/main/docs/credentials/woodpecker-api.md';

	properties: INodeProperties[] = [
		{
			displayName:
				'In Woodpecker: Marketplace › Integrations › API keys (needs the "API keys & integrations" add-on), create a key. The Outreach Trigger uses it only to subscribe and unsubscribe its webhooks.',
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
			placeholder: 'e.g. http://127.0.0.1:4010/woodpecker/rest',
			description:
				'Leave empty to use https://api.woodpecker.co/rest. Otherwise only https://api.woodpecker.co is accepted, or an address on this machine (localhost, 127.0.0.1, [::1]) when the loopback toggle below is on.',
		},
		loopbackToggle,
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		pinToOrigin(requestOptions, woodpeckerBaseUrl(credentials), 'Woodpecker');
		const key = secretField(credentials, 'apiKey', {
			label: 'Woodpecker credential: API Key',
			fix: 'Copy it from Marketplace › Integrations › API keys in Woodpecker',
		});
		requestOptions.headers = { ...requestOptions.headers, 'x-api-key': key };
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: { url: '/v2/webhooks', headers: { Accept: 'application/json' } },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Woodpecker did not accept the API key. Copy it again from Marketplace › Integrations › API keys.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Woodpecker refused the key: the account needs the "API keys & integrations" add-on.',
				},
			},
		],
	};
}
