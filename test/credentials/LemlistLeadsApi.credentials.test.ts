import type { IHttpRequestOptions } from 'n8n-workflow';

import { LemlistLeadsApi } from '../../credentials/LemlistLeadsApi.credentials';

import { LEMLIST_API_BASE } from '../../nodes/shared/origins';

describe('credentials', () => {
	test('Lemlist Leads API: Basic auth with an empty user name and the key as password, pinned to api.lemlist.com', async () => {
		const cred = new LemlistLeadsApi();
		expect(cred).toMatchObject({
			name: 'lemlistLeadsApi',
			displayName: 'Lemlist Leads API',
			documentationUrl:
				'https://github.com/n8n-nodes-ats-sync/n8n-nodes-ats-sync/blob/main/docs/credentials/lemlist-leads-api.md',
		});
		expect(cred.properties.find((p) => p.name === 'apiKey')?.typeOptions?.password).toBe(true);
		const signed = await cred.authenticate({ apiKey: 'k3y' }, {
			url: '/team',
		} as IHttpRequestOptions);
		expect(signed.headers?.Authorization).toBe(`Basic ${Buffer.from(':k3y').toString('base64')}`);
		expect(signed).toMatchObject({
			baseURL: LEMLIST_API_BASE,
			sendCredentialsOnCrossOriginRedirect: false,
		});
		await expect(
			cred.authenticate({ apiKey: 'k3y' }, {
				url: 'https://evil.example/api/team',
			} as IHttpRequestOptions),
		).rejects.toThrow('refusing to send the API key to https://evil.example');
		expect(cred.test.request).toMatchObject({ url: '/team' });
	});
});
