import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { SmartleadApi } from '../../credentials/SmartleadApi.credentials';

import { SMARTLEAD_API_BASE } from '../../nodes/shared/origins';

describe('credentials', () => {
	test('Smartlead API: api_key query parameter, pinned to server.smartlead.ai; the test lists campaigns', async () => {
		const cred = new SmartleadApi();
		expect(cred).toMatchObject({ name: 'smartleadApi', displayName: 'Smartlead API' });
		const signed = await cred.authenticate({ apiKey: 'k3y' }, {
			url: '/campaigns',
			qs: { limit: 1 },
		} as IHttpRequestOptions);
		expect(signed).toMatchObject({
			baseURL: SMARTLEAD_API_BASE,
			qs: { limit: 1, api_key: 'k3y' },
			disableFollowRedirect: true,
		});
		await expect(
			cred.authenticate({ apiKey: 'k3y' }, {
				url: 'https://collector.example/steal',
			} as IHttpRequestOptions),
		).rejects.toThrow('refusing to send the API key to https://collector.example');
		await expect(
			cred.authenticate(
				{ apiKey: 'k3y', baseUrlOverride: 'https://smartlead.evil.example/api/v1' },
				{ url: '/campaigns' } as IHttpRequestOptions,
			),
		).rejects.toThrow('only server.smartlead.ai may receive the key');
		await expect(
			cred.authenticate(
				{ apiKey: 'k3y', baseUrlOverride: 'http://127.0.0.1:4010/smartlead/api/v1' },
				{ url: '/campaigns' } as IHttpRequestOptions,
			),
		).rejects.toThrow(/loopback|Testing Only/i);
		await expect(
			cred.authenticate({ apiKey: '   ' }, { url: '/campaigns' } as IHttpRequestOptions),
		).rejects.toThrow('API Key contains only spaces');
		const local = await cred.authenticate(
			{
				apiKey: 'k3y',
				baseUrlOverride: 'http://127.0.0.1:4010/smartlead/api/v1',
				allowLoopbackBaseUrl: true,
			},
			{ url: '/campaigns' } as IHttpRequestOptions,
		);
		expect(local.baseURL).toBe('http://127.0.0.1:4010/smartlead/api/v1');
		expect(cred.test.request).toMatchObject({ url: '/campaigns' });
		expect(cred.test.rules?.map((r) => (r.properties as IDataObject).value)).toEqual([401, 403]);
	});
});
