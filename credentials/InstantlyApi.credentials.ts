import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	instantlyBaseUrl,
	loopbackToggle,
	pinToOrigin,
	secretField,
} from '../nodes/shared/origins';

/**
 * Instantly API v2 key, sent as `Authorization: Bearer <key>`, for the Outreach Trigger's automatic
 * webhook registration (webhooks:all scope) and Enrich Missing Fields (leads:read). `authenticate` pins every request made with this
 * credential (also from the HTTP Request node) to https://api.instantly.ai: the key is never sent
 * to another host.
 */
export class InstantlyApi implements ICredentialType {
	name = 'instantlyApi';

	displayName = 'Instantly API';

	icon: Icon = {
		light: 'file:../nodes/OutreachTrigger/outreach.svg',
		dark: 'file:../nodes/OutreachTrigger/outreach.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-ats-sync/n8n-nodes-ats-sync/blob/main/docs/credentials/instantly-api.md';

	properties: INodeProperties[] = [
		{
			displayName:
				'In Instantly: Settings › Integrations › API Keys, create an API v2 key with the webhooks:all scope (the Outreach Trigger registers its webhook when the workflow is published) and leads:read (Enrich Missing Fields), or all:all.',
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
			placeholder: 'e.g. http://127.0.0.1:4010/instantly/api/v2',
			description:
				'Leave empty to use https://api.instantly.ai/api/v2. Otherwise only https://api.instantly.ai is accepted, or an address on this machine (localhost, 127.0.0.1, [::1]) when the loopback toggle below is on.',
		},
		loopbackToggle,
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		pinToOrigin(requestOptions, instantlyBaseUrl(credentials), 'Instantly');
		requestOptions.headers = {
			...requestOptions.headers,
			Authorization: `Bearer ${secretField(credentials, 'apiKey', {
				label: 'Instantly credential: API Key',
				fix: 'Create an API v2 key under Settings › Integrations › API Keys',
			})}`,
		};
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: {
			url: '/leads/list',
			method: 'POST',
			body: { limit: 1 },
			json: true,
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Instantly did not accept the API key. Create an API v2 key under Settings › Integrations › API Keys.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The API key works but may not read leads: give it the leads:read scope (or all:read).',
				},
			},
		],
	};
}
