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
	smartleadBaseUrl,
} from '../nodes/shared/origins';

/**
 * Smartlead API key, sent as the `api_key` query parameter, the only way Smartlead's API takes it
 * (https://api.smartlead.ai/api-reference/webhooks/create), for the Outreach Trigger's automatic
 * webhook registration and its campaign picker. `authenticate` pins every request made with this
 * credential (also from the HTTP Request node) to https://server.smartlead.ai and never follows a
 * redirect: a key in the URL is never sent to another host.
 */
export class SmartleadApi implements ICredentialType {
	name = 'smartleadApi';

	displayName = 'Smartlead API';

	icon: Icon = {
		light: 'file:../nodes/OutreachTrigger/outreach.svg',
		dark: 'file:../nodes/OutreachTrigger/outreach.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-ats-sync/n8n-nodes-ats-sync/blob/main/docs/credentials/smartlead-api.md';

	properties: INodeProperties[] = [
		{
			displayName:
				'In Smartlead: Settings › API Key, copy the key. The Outreach Trigger uses it only to list campaigns and to add and delete its own campaign webhooks.',
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
			placeholder: 'e.g. http://127.0.0.1:4010/smartlead/api/v1',
			description:
				'Leave empty to use https://server.smartlead.ai/api/v1. Otherwise only https://server.smartlead.ai is accepted, or an address on this machine (localhost, 127.0.0.1, [::1]) when the loopback toggle below is on.',
		},
		loopbackToggle,
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		pinToOrigin(requestOptions, smartleadBaseUrl(credentials), 'Smartlead');
		const key = secretField(credentials, 'apiKey', {
			label: 'Smartlead credential: API Key',
			fix: 'Copy it from Settings › API Key in Smartlead',
		});
		requestOptions.qs = { ...(requestOptions.qs ?? {}), api_key: key };
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: { url: '/campaigns', headers: { Accept: 'application/json' } },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Smartlead did not accept the API key. Copy it again from Settings › API Key in Smartlead.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'Smartlead refused the key: check that the account has API access.',
				},
			},
		],
	};
}
