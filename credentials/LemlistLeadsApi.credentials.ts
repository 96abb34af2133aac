import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { lemlistBaseUrl, loopbackToggle, pinToOrigin, secretField } from '../nodes/shared/origins';

/**
 * lemlist API key, for the Outreach Trigger's automatic webhook registration and Enrich Missing Fields. lemlist uses Basic auth with an
 * empty user name and the API key as the password. `authenticate` pins every request made with this
 * credential (also from the HTTP Request node) to https://api.lemlist.com: the key is never sent to
 * another host, whatever URL a node names.
 */
export class LemlistLeadsApi implements ICredentialType {
	name = 'lemlistLeadsApi';

	displayName = 'Lemlist Leads API';

	icon: Icon = {
		light: 'file:../nodes/OutreachTrigger/outreach.svg',
		dark: 'file:../nodes/OutreachTrigger/outreach.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-ats-sync/n8n-nodes-ats-sync/blob/main/docs/credentials/lemlist-leads-api.md';

	properties: INodeProperties[] = [
		{
			displayName:
				'In lemlist: Settings › Integrations › API, generate an API key. The Outreach Trigger uses it to register its webhook when the workflow is published (and delete it when unpublished) and, with Enrich Missing Fields, to read leads.',
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
			placeholder: 'e.g. http://127.0.0.1:4010/lemlist/api',
			description:
				'Leave empty to use https://api.lemlist.com/api. Otherwise only https://api.lemlist.com is accepted, or an address on this machine (localhost, 127.0.0.1, [::1]) when the loopback toggle below is on.',
		},
		loopbackToggle,
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		pinToOrigin(requestOptions, lemlistBaseUrl(credentials), 'lemlist');
		const key = secretField(credentials, 'apiKey', {
			label: 'lemlist credential: API Key',
			fix: 'Copy it from Settings › Integrations › API in lemlist',
		});
		const basic = Buffer.from(`:${key}`).toString('base64');
		requestOptions.headers = { ...requestOptions.headers, Authorization: `Basic ${basic}` };
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: { url: '/team', headers: { Accept: 'application/json' } },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'lemlist did not accept the API key. Copy it again from Settings › Integrations › API in lemlist.',
				},
			},
		],
	};
}
