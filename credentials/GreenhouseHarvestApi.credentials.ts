import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	authenticateGreenhouse,
	GREENHOUSE_API_BASE,
	greenhouseTokenExpiry,
	greenhouseTokenOwner,
	greenhouseTokenFrom,
	greenhouseTokenRequest,
	greenhouseVisibilityProblem,
	greenhouseVisibilityRequest,
	loopbackToggle,
} from '../nodes/shared/origins';

/**
 * Greenhouse Harvest v3 (v1/v2 were switched off on 2026-08-31). OAuth 2.0 client credentials:
 * preAuthentication trades Client ID + Secret (+ acting user as `sub`) for a JWT, which n8n keeps in
 * the expirable hidden field below together with its expiry. The nodes' transport fetches a new one
 * a minute before that expiry, and once when an API call answers 401.
 */
export class GreenhouseHarvestApi implements ICredentialType {
	name = 'greenhouseHarvestApi';

	displayName = 'Greenhouse Harvest V3 API';

	icon: Icon = {
		light: 'file:../nodes/Greenhouse/greenhouse.svg',
		dark: 'file:../nodes/Greenhouse/greenhouse.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-ats-sync/n8n-nodes-ats-sync/blob/main/docs/credentials/greenhouse-harvest-api.md';

	properties: INodeProperties[] = [
		{
			displayName:
				'In Greenhouse: Configure › Dev Center › API Credentials › Create new API credentials › type "Harvest V3 (OAuth)". Grant the scopes listed in the README (e.g. harvest:candidates:list, harvest:candidates:create, harvest:applications:create, harvest:jobs:list, harvest:users:list, harvest:attachments:create, harvest:notes:create, harvest:candidate_employments:create).',
			name: 'setupNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 7b1c2d3e-123',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Acting User ID',
			name: 'actingUserId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 4080123',
			description:
				"Numeric Greenhouse user ID that API actions are recorded as (sent as \"sub\" when fetching the token). It must be a Site Admin, because Harvest v3 list endpoints only answer Site Admins. Find it with this node's User › Get Many operation, or in Greenhouse under Configure › Users (the number in the user's URL). Leave empty to act as the credential's own service user.",
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Access Token Issued For',
			name: 'accessTokenFor',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Access Token Expires At',
			name: 'accessTokenExpiresAt',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: 'https://harvest.greenhouse.io',
			description:
				'Leave at https://harvest.greenhouse.io. Only https addresses on *.greenhouse.io are accepted, or this machine when the loopback toggle below is on.',
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: 'https://auth.greenhouse.io/token',
			description:
				'Leave at https://auth.greenhouse.io/token. Only https addresses on *.greenhouse.io are accepted, or this machine when the loopback toggle below is on.',
		},
		loopbackToggle,
		{
			displayName: 'App URL',
			name: 'appUrl',
			type: 'string',
			default: 'https://app.greenhouse.io',
			description:
				'Base of candidate profile links in the output, e.g. https://app2.greenhouse.io for accounts on that host',
		},
	];

	// Trades Client ID + Secret for a token; a wrong field fails with a message that says what to fix.
	// Every new token is also checked to see lists (only Site Admins do), so a wrong acting user
	// fails here, in the credential test and in the first run, instead of creating duplicates.
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const res = (await this.helpers.httpRequest(greenhouseTokenRequest(credentials))) as {
			statusCode: number;
			body: unknown;
		};
		const accessToken = greenhouseTokenFrom(res, credentials);
		const seen = (await this.helpers.httpRequest(
			greenhouseVisibilityRequest(credentials, accessToken),
		)) as { statusCode: number; body: unknown };
		const problem = greenhouseVisibilityProblem(seen, credentials);
		if (problem) throw new Error(problem);
		return {
			accessToken,
			accessTokenExpiresAt: greenhouseTokenExpiry(res),
			accessTokenFor: greenhouseTokenOwner(credentials),
		};
	}

	// A function, not generic auth: the token is only attached to requests for the checked API host,
	// and a token issued for other values (say, the secret before it was changed) is not sent, so a
	// credential test always proves the values as entered.
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => authenticateGreenhouse(credentials, requestOptions);

	test: ICredentialTestRequest = {
		// The export finds existing candidates by listing them, so the test proves exactly that. The
		// token exchange and the Site Admin check run first (preAuthentication, always with the
		// secret as entered: n8n fetches a new token for every credential test).
		request: {
			baseURL: `={{$credentials.apiBaseUrl || "${GREENHOUSE_API_BASE}"}}`,
			url: '/v3/candidates',
			qs: { per_page: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Greenhouse did not accept the token. Check the Client ID, Client Secret and Acting User ID.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The credential works but may not list candidates, which the export needs to find existing ones: grant the scope harvest:candidates:list (Dev Center › API Credentials › Manage scopes) and make sure the Acting User is a Site Admin.',
				},
			},
		],
	};
}
