import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { authenticatePinpoint, loopbackToggle } from '../nodes/shared/origins';
import { ACCESS_CHECK_FIELD, checkAccess, PINPOINT_ACCESS } from './accessCheck';

/**
 * Pinpoint (pinpointhq.com): API key sent as X-API-KEY to https://<subdomain>.pinpointhq.com/api/v1,
 * plus the signing secret Pinpoint uses for webhooks. `authenticate` pins every request made with
 * this credential (also from the HTTP Request node) to that one origin: the key is never sent
 * anywhere else, whatever URL a node or a next-page link names.
 */
export class PinpointApi implements ICredentialType {
	name = 'pinpointApi';

	displayName = 'Pinpoint API';

	icon: Icon = {
		light: 'file:../nodes/PinpointTrigger/pinpoint.svg',
		dark: 'file:../nodes/PinpointTrigger/pinpoint.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-ats-sync/n8n-nodes-ats-sync/blob/main/docs/credentials/pinpoint-api.md';

	properties: INodeProperties[] = [
		{
			displayName:
				'In Pinpoint: Settings › API & Webhooks (turn the Pinpoint API on) › API Keys › Create New. Give the key Read permission for Applications, Candidates and Jobs. The webhook signing secret is on the Webhooks tab of the same page.',
			name: 'setupNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Subdomain',
			name: 'subdomain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. acme',
			description:
				'The company part of your Pinpoint address: acme for https://acme.pinpointhq.com. A pasted address is accepted too.',
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
			displayName: 'Webhook Signing Secret',
			name: 'webhookSigningSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Needed by the Pinpoint Trigger: Pinpoint signs each webhook with it (PINPOINT-HMAC-SHA256). Deliveries without a valid signature are refused.',
		},
		{
			displayName: 'API Base URL (Testing Only)',
			name: 'baseUrlOverride',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:4010/api/v1',
			description:
				'Leave empty. Otherwise only an https://<company>.pinpointhq.com address is accepted, or an address on this machine (localhost, 127.0.0.1, [::1]) when the loopback toggle below is on.',
		},
		loopbackToggle,
		ACCESS_CHECK_FIELD,
	];

	// Runs on every Test press: a key that may list jobs but not read applications fails here.
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await checkAccess.call(this, PINPOINT_ACCESS, credentials);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return authenticatePinpoint(credentials, requestOptions);
	}

	test: ICredentialTestRequest = {
		request: {
			url: '/jobs',
			qs: { 'page[size]': 1 },
			headers: { Accept: 'application/vnd.api+json, application/json' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						"Pinpoint did not accept the API key. Check it, and that the Subdomain is your company's.",
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The key works but may not read jobs: give it Read permission for Jobs (and Applications, Candidates).',
				},
			},
		],
	};
}
