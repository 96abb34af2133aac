import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { InstantlyApi } from '../../credentials/InstantlyApi.credentials';

import { INSTANTLY_API_BASE } from '../../nodes/shared/origins';

describe('credentials', () => {
	test('Instantly API: Bearer key, pinned to api.instantly.ai; the test lists one lead (leads:read)', async () => {
		const cred = new InstantlyApi();
		expect(cred).toMatchObject({ name: 'instantlyApi', displayName: 'Instantly API' });
		const signed = await cred.authenticate({ apiKey: 'k3y' }, {
			url: '/leads/list',
		} as IHttpRequestOptions);
		expect(signed).toMatchObject({
			baseURL: INSTANTLY_API_BASE,
			headers: { Authorization: 'Bearer k3y' },
		});
		await expect(
			cred.authenticate(
				{ apiKey: 'k3y', baseUrlOverride: 'https://instantly.evil.example/api/v2' },
				{ url: '/leads/list' } as IHttpRequestOptions,
			),
		).rejects.toThrow(
			'API Base URL (Testing Only) points to instantly.evil.example; only api.instantly.ai may receive the key',
		);
		expect(cred.test.request).toMatchObject({
			url: '/leads/list',
			method: 'POST',
			body: { limit: 1 },
		});
		expect(cred.test.rules?.map((r) => (r.properties as IDataObject).value)).toEqual([401, 403]);
	});
});
