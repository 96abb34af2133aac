import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { loopbackToggle } from '../nodes/shared/origins';

/**
 * Outreach.io OAuth2 (authorization code), for the Outreach Trigger: automatic webhook registration
 * (webhooks.all scope) and Enrich Missing Fields, which
 * reads prospects (GET /api/v2/prospects/{id}). Create an app in Outreach's developer portal with
 * n8n's OAuth callback URL as redirect URI, and copy its client id and secret here.
 *
 * n8n signs OAuth2 requests itself and never calls a credential's `authenticate`, so the token
 * cannot be pinned here as the API-key credentials are: the trigger only ever sends it to
 * https://api.outreach.io/api/v2 or, for a sandbox, to this machine (see enrich/origins.ts).
 */
export class OutreachIoOAuth2Api implements ICredentialType {
	name = 'outreachIoOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Outreach.io OAuth2 API';

	icon: Icon = {
		light: 'file:../nodes/OutreachTrigger/outreach.svg',
		dark: 'file:../nodes/OutreachTrigger/outreach.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-ats-sync/n8n-nodes-ats-sync/blob/main/docs/credentials/outreach-io-oauth2-api.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: 'https://api.outreach.io/oauth/authorize',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: 'https://api.outreach.io/oauth/token',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: 'prospects.read mailings.read sequences.read webhooks.all',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
		{
			displayName: 'API Base URL (Testing Only)',
			name: 'baseUrlOverride',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:4010/outreach/api/v2',
			description:
				'Leave empty to use https://api.outreach.io/api/v2. Otherwise only https://api.outreach.io is accepted, or an address on this machine (localhost, 127.0.0.1, [::1]) when the loopback toggle below is on.',
		},
		loopbackToggle,
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: 'https://api.outreach.io/api/v2',
			url: '/prospects',
			qs: { 'page[size]': 1 },
			headers: { Accept: 'application/vnd.api+json' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The connection works but may not read prospects: add the prospects.read scope to your Outreach app and reconnect.',
				},
			},
		],
	};
}
