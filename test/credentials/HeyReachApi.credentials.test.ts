import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { HeyReachApi } from '../../credentials/HeyReachApi.credentials';

import { HEYREACH_API_BASE } from '../../nodes/shared/origins';

describe('credentials', () => {
	test('HeyReach API: X-API-KEY, pinned to api.heyreach.io; the test checks the key', async () => {
		const cred = new HeyReachApi();
		expect(cred).toMatchObject({ name: 'heyReachApi', displayName: 'HeyReach API' });
		const signed = await cred.authenticate({ apiKey: 'k3y' }, {
			url: '/public/webhooks/GetAllWebhooks',
		} as IHttpRequestOptions);
		expect(signed).toMatchObject({
			baseURL: HEYREACH_API_BASE,
			headers: { 'X-API-KEY': 'k3y' },
			disableFollowRedirect: true,
		});
		await expect(
			cred.authenticate({ apiKey: 'k3y' }, {
				url: 'https://collector.example/steal',
			} as IHttpRequestOptions),
		).rejects.toThrow('refusing to send the API key to https://collector.example');
		await expect(
			cred.authenticate({ apiKey: 'k3y', baseUrlOverride: 'https://heyreach.evil.example/api' }, {
				url: '/public/auth/CheckApiKey',
			} as IHttpRequestOptions),
		).rejects.toThrow('only api.heyreach.io may receive the key');
		await expect(
			cred.authenticate({ apiKey: 'k3y', baseUrlOverride: 'http://127.0.0.1:4010/heyreach/api' }, {
				url: '/public/auth/CheckApiKey',
			} as IHttpRequestOptions),
		).rejects.toThrow(/loopback|Testing Only/i);
		await expect(
			cred.authenticate({ apiKey: '' }, { url: '/x' } as IHttpRequestOptions),
		).rejects.toThrow('API Key is empty');
		const local = await cred.authenticate(
			{
				apiKey: 'k3y',
				baseUrlOverride: 'http://127.0.0.1:4010/heyreach/api',
				allowLoopbackBaseUrl: true,
			},
			{ url: '/public/auth/CheckApiKey' } as IHttpRequestOptions,
		);
		expect(local.baseURL).toBe('http://127.0.0.1:4010/heyreach/api');
		expect(cred.test.request).toMatchObject({ url: '/public/auth/CheckApiKey' });
		expect(cred.test.rules?.map((r) => (r.properties as IDataObject).value)).toEqual([401]);
	});
});
