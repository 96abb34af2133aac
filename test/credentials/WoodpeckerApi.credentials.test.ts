import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { WoodpeckerApi } from '../../credentials/WoodpeckerApi.credentials';

import { WOODPECKER_API_BASE } from '../../nodes/shared/origins';

describe('credentials', () => {
	test('Woodpecker API: x-api-key, pinned to api.woodpecker.co; the test lists the webhooks', async () => {
		const cred = new WoodpeckerApi();
		expect(cred).toMatchObject({ name: 'woodpeckerApi', displayName: 'Woodpecker API' });
		const signed = await cred.authenticate({ apiKey: 'k3y' }, {
			url: '/v2/webhooks',
		} as IHttpRequestOptions);
		expect(signed).toMatchObject({ baseURL: WOODPECKER_API_BASE, headers: { 'x-api-key': 'k3y' } });
		await expect(
			cred.authenticate({ apiKey: 'k3y' }, {
				url: 'https://collector.example/steal',
			} as IHttpRequestOptions),
		).rejects.toThrow('refusing to send the API key to https://collector.example');
		await expect(
			cred.authenticate(
				{ apiKey: 'k3y', baseUrlOverride: 'https://woodpecker.evil.example/rest' },
				{ url: '/v2/webhooks' } as IHttpRequestOptions,
			),
		).rejects.toThrow('only api.woodpecker.co may receive the key');
		// this machine only with the loopback toggle on
		await expect(
			cred.authenticate(
				{ apiKey: 'k3y', baseUrlOverride: 'http://127.0.0.1:4010/woodpecker/rest' },
				{ url: '/v2/webhooks' } as IHttpRequestOptions,
			),
		).rejects.toThrow(/loopback|Testing Only/i);
		await expect(
			cred.authenticate({ apiKey: '   ' }, { url: '/v2/webhooks' } as IHttpRequestOptions),
		).rejects.toThrow('API Key contains only spaces');
		const local = await cred.authenticate(
			{
				apiKey: 'k3y',
				baseUrlOverride: 'http://127.0.0.1:4010/woodpecker/rest',
				allowLoopbackBaseUrl: true,
			},
			{ url: '/v2/webhooks' } as IHttpRequestOptions,
		);
		expect(local.baseURL).toBe('http://127.0.0.1:4010/woodpecker/rest');
		expect(cred.test.request).toMatchObject({ url: '/v2/webhooks' });
		expect(cred.test.rules?.map((r) => (r.properties as IDataObject).value)).toEqual([401, 403]);
	});
});
