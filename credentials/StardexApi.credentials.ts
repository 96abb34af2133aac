import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { authenticateStardex, loopbackToggle, STARDEX_API_BASE } from '../nodes/shared/origins';
import { ACCESS_CHECK_FIELD, checkAccess, STARDEX_ACCESS } from './accessCheck';

/**
 * Stardex v1 API key, sent as `Authorization: Bearer <key>`. Stardex allows 60 requests per minute
 * per key; the node paces itself from the X-RateLimit-* headers.
 */
export class StardexApi implements ICredentialType {
	name = 'stardexApi';

	displayName = 'Stardex API';

	icon: Icon = {
		light: 'file:../nodes/Stardex/stardex.svg',
		dark: 'file:../nodes/Stardex/stardex.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-ats-sync/n8n-nodes-ats-sync/blob/main/docs/credentials/stardex-api.md';

	properties: INodeProperties[] = [
		{
			displayName:
				'Create an API key in Stardex under Settings (Stardex\'s docs say only "from the Stardex Settings"; look for an API or Integrations section there). Requests made with the key count against its limit of 60 per minute.',
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
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: 'https://api.stardex.ai',
			description:
				'Leave at https://api.stardex.ai. Only https addresses on *.stardex.ai are accepted, or this machine when the loopback toggle below is on.',
		},
		loopbackToggle,
		{
			displayName: 'App URL',
			name: 'appUrl',
			type: 'string',
			default: 'https://app.stardex.ai',
			description:
				'Base of the profile and job links in the output (e.g. <App URL>/persons/<ID>). Stardex documents no link format, so these links are a best guess; change the base if your Stardex opens elsewhere.',
		},
		ACCESS_CHECK_FIELD,
	];

	// Runs on every Test press: a key that may search jobs but not persons fails here.
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await checkAccess.call(this, STARDEX_ACCESS, credentials);
	}

	// A function, not generic auth: the key is only attached to requests for the checked API host.
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => authenticateStardex(credentials, requestOptions);

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{$credentials.apiBaseUrl || "${STARDEX_API_BASE}"}}`,
			url: '/v1/jobs/search',
			method: 'POST',
			body: { limit: 1 },
			json: true,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Stardex did not accept the API key. Check that it was copied whole, and create a new one in Stardex under Settings if it was revoked.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The API key works but may not search jobs. Ask a Stardex admin for a key with access to jobs and persons.',
				},
			},
		],
	};
}
