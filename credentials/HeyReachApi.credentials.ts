import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { heyreachBaseUrl, loopbackToggle, pinToOrigin, secretField } from '../nodes/shared/origins';

/**
 * HeyReach API key, sent as the `X-API-KEY` header (https://documenter.getpostman.com/view/23808049/2sA2xb5F75,
 * HeyReach's published API collection), for the Outreach Trigger's automatic webhook registration.
 * `authenticate` pins every request made with this credential (also from the HTTP Request node) to
 * https://api.heyreach.io: the key is never sent to another host.
 */
export class HeyReachApi implements ICredentialType {
	name = 'heyReachApi';

	displayName = 'HeyReach API';

	icon: Icon = {
		light: 'file:../nodes/OutreachTrigger/outreach.svg',
		dark: 'file:../nodes/OutreachTrigger/outreach.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-ats-sync/n8n-nodes-ats-sync/blob/main/docs/credentials/heyreach-api.md';

	properties: INodeProperties[] = [
		{
			displayName:
				'In HeyReach: Integrations › API, create a key. The Outreach Trigger uses it only to create and delete its own webhooks.',
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
			placeholder: 'e.g. http://127.0.0.1:4010/heyreach/api',
			description:
				'Leave empty to use https://api.heyreach.io/api. Otherwise only https://api.heyreach.io is accepted, or an address on this machine (localhost, 127.0.0.1, [::1]) when the loopback toggle below is on.',
		},
		loopbackToggle,
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		pinToOrigin(requestOptions, heyreachBaseUrl(credentials), 'HeyReach');
		const key = secretField(credentials, 'apiKey', {
			label: 'HeyReach credential: API Key',
			fix: 'Create one in HeyReach under Integrations › API',
		});
		requestOptions.headers = { ...requestOptions.headers, 'X-API-KEY': key };
		return requestOptions;
	}

	// GET /public/auth/CheckApiKey answers 200 for a valid key (HeyReach's API collection).
	test: ICredentialTestRequest = {
		request: { url: '/public/auth/CheckApiKey', headers: { Accept: 'application/json' } },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'HeyReach did not accept the API key. Create a new one under Integrations › API in HeyReach.',
				},
			},
		],
	};
}
