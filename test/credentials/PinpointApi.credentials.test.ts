import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { PinpointApi } from '../../credentials/PinpointApi.credentials';

test('Pinpoint API credential: secrets are password fields; the test reads one job', () => {
	const cred = new PinpointApi();
	for (const f of ['apiKey', 'webhookSigningSecret'])
		expect(cred.properties.find((p) => p.name === f)?.typeOptions?.password).toBe(true);
	expect(cred.test.request).toMatchObject({ url: '/jobs', qs: { 'page[size]': 1 } });
	expect(cred.test.request.baseURL).toBeUndefined(); // authenticate sets it from the validated subdomain
});

describe('Pinpoint credential: base URL and host pinning', () => {
	const cred = new PinpointApi();
	const auth = async (c: IDataObject, o: Partial<IHttpRequestOptions> & { uri?: string }) =>
		await cred.authenticate(c as never, { method: 'GET', ...o } as IHttpRequestOptions);

	test('authenticate adds X-API-KEY for the Pinpoint origin and pins relative URLs to it', async () => {
		const c = { subdomain: 'acme', apiKey: 'k-123' };
		const abs = await auth(c, { url: 'https://acme.pinpointhq.com/api/v1/jobs' });
		expect(abs.headers).toMatchObject({ 'X-API-KEY': 'k-123' });
		expect(abs.sendCredentialsOnCrossOriginRedirect).toBe(false);
		const rel = await auth(c, { url: '/jobs' });
		expect(rel.baseURL).toBe('https://acme.pinpointhq.com/api/v1');
		// A relative URL under someone else's base is refused, not silently re-pointed.
		await expect(auth(c, { url: '/jobs', baseURL: 'https://evil.com' })).rejects.toThrow(
			/refusing to send the API key to https:\/\/evil.com/,
		);
	});

	test.each([
		'https://evil.com/api/v1/jobs',
		'//evil.com/jobs',
		'https://acme.pinpointhq.com.evil.com/x',
		'http://acme.pinpointhq.com/api/v1/jobs',
	])('authenticate refuses to send the key to %s (also for the HTTP Request node)', async (url) => {
		await expect(auth({ subdomain: 'acme', apiKey: 'k-123' }, { url })).rejects.toThrow(
			/Pinpoint credential: refusing to send the API key to/,
		);
		await expect(auth({ subdomain: 'acme', apiKey: 'k-123' }, { uri: url })).rejects.toThrow(
			/refusing to send the API key/,
		);
	});

	test('an invalid subdomain fails before anything is sent', async () => {
		await expect(auth({ subdomain: 'evil.com', apiKey: 'k' }, { url: '/jobs' })).rejects.toThrow(
			/Subdomain/,
		);
	});
});
