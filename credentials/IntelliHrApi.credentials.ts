import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { authenticateIntelliHr, INTELLIHR_API_BASE, loopbackToggle } from '../nodes/shared/origins';
import { ACCESS_CHECK_FIELD, checkAccess, INTELLIHR_ACCESS } from './accessCheck';

/**
 * IntelliHR (Humanforce) public API v1: one global host, `Authorization: Bearer <access key>`, and
 * the company subdomain in a `tenant` header (whether the API needs it is unconfirmed; it is always
 * sent). n8n's generic auth cannot validate a field, so `authenticate` is a function: it refuses a
 * subdomain that is not a plain company name before anything is sent, in the credential test too.
 */
export class IntelliHrApi implements ICredentialType {
	name = 'intelliHrApi';

	displayName = 'IntelliHR API';

	icon: Icon = {
		light: 'file:../nodes/IntelliHr/intellihr.svg',
		dark: 'file:../nodes/IntelliHr/intellihr.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-ats-sync/n8n-nodes-ats-sync/blob/main/docs/credentials/intellihr-api.md';

	properties: INodeProperties[] = [
		{
			displayName:
				'In IntelliHR: Settings › Public API Access Keys › Create Access Key. The key is shown only once, and it has full administrator access to your IntelliHR data.',
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
			displayName: 'Company Subdomain',
			name: 'subdomain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. acme',
			description:
				'The company part of your IntelliHR address: for https://acme.intellihr.net enter acme. The whole address is accepted too. It is sent as the tenant header; requests always go to api.intellihr.io.',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: INTELLIHR_API_BASE,
			description:
				'Leave at https://api.intellihr.io/v1. Only https addresses on *.intellihr.io are accepted, or this machine when the loopback toggle below is on. The company subdomain never changes this host.',
		},
		loopbackToggle,
		ACCESS_CHECK_FIELD,
	];

	// Runs on every Test press: a key that works but may not read what Send Hired needs fails here.
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await checkAccess.call(this, INTELLIHR_ACCESS, credentials);
	}

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => authenticateIntelliHr(credentials, requestOptions);

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{$credentials.apiBaseUrl || "${INTELLIHR_API_BASE}"}}`,
			url: '/people',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'IntelliHR did not accept the API key. Create a new one under Settings › Public API Access Keys and paste it again.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'IntelliHR refused the request. Check that the Company Subdomain is the company the API key was created in (e.g. acme for https://acme.intellihr.net).',
				},
			},
		],
	};
}
