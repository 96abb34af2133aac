import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { ReplyIoApi } from '../../credentials/ReplyIoApi.credentials';

import { REPLY_IO_API_BASE } from '../../nodes/shared/origins';

describe('credentials', () => {
	test('Reply.io API: X-API-Key, pinned to api.reply.io; the test lists the webhooks', async () => {
		const cred = new ReplyIoApi();
		expect(cred).toMatchObject({ name: 'replyIoApi', displayName: 'Reply.io API' });
		const signed = await cred.authenticate({ apiKey: 'k3y' }, {
			url: '/webhooks',
		} as IHttpRequestOptions);
		expect(signed).toMatchObject({ baseURL: REPLY_IO_API_BASE, headers: { 'X-API-Key': 'k3y' } });
		await expect(
			cred.authenticate({ apiKey: 'k3y' }, {
				url: 'https://collector.example/steal',
			} as IHttpRequestOptions),
		).rejects.toThrow('refusing to send the API key to https://collector.example');
		await expect(
			cred.authenticate({ apiKey: 'k3y', baseUrlOverride: 'https://reply.evil.example/v3' }, {
				url: '/webhooks',
			} as IHttpRequestOptions),
		).rejects.toThrow('only api.reply.io may receive the key');
		// this machine only with the loopback toggle on
		await expect(
			cred.authenticate({ apiKey: 'k3y', baseUrlOverride: 'http://127.0.0.1:4010/replyio/v3' }, {
				url: '/webhooks',
			} as IHttpRequestOptions),
		).rejects.toThrow(/loopback|Testing Only/i);
		await expect(
			cred.authenticate({ apiKey: '   ' }, { url: '/webhooks' } as IHttpRequestOptions),
		).rejects.toThrow('API Key contains only spaces');
		const local = await cred.authenticate(
			{
				apiKey: 'k3y',
				baseUrlOverride: 'http://127.0.0.1:4010/replyio/v3',
				allowLoopbackBaseUrl: true,
			},
			{ url: '/webhooks' } as IHttpRequestOptions,
		);
		expect(local.baseURL).toBe('http://127.0.0.1:4010/replyio/v3');
		expect(cred.test.request).toMatchObject({ url: '/webhooks' });
		expect(cred.test.rules?.map((r) => (r.properties as IDataObject).value)).toEqual([401, 403]);
	});
});
