import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { HeyReachApi } from '../../credentials/HeyReachApi.credentials';
import { ReplyIoApi } from '../../credentials/ReplyIoApi.credentials';
import { SmartleadApi } from '../../credentials/SmartleadApi.credentials';
import { WoodpeckerApi } from '../../credentials/WoodpeckerApi.credentials';
import {
	HEYREACH_API_BASE,
	REPLY_IO_API_BASE,
	SMARTLEAD_API_BASE,
	WOODPECKER_API_BASE,
} from '../../nodes/shared/origins';

/** The outreach tools' API-key credentials: each key goes to its vendor's host only. */
type KeyCredential = ICredentialType & {
	authenticate: (
		c: ICredentialDataDecryptedObject,
		r: IHttpRequestOptions,
	) => Promise<IHttpRequestOptions>;
};

interface Case {
	make: () => KeyCredential;
	name: string;
	displayName: string;
	base: string;
	host: string;
	/** A request the node makes, and what signing adds to it. */
	request: IHttpRequestOptions;
	signed: IDataObject;
	loopbackBase: string;
	testUrl: string;
	testRules: number[];
}

const CASES: Case[] = [
	{
		make: () => new HeyReachApi() as unknown as KeyCredential,
		name: 'heyReachApi',
		displayName: 'HeyReach API',
		base: HEYREACH_API_BASE,
		host: 'api.heyreach.io',
		request: { url: '/public/webhooks/GetAllWebhooks' } as IHttpRequestOptions,
		signed: { headers: { 'X-API-KEY': 'k3y' }, disableFollowRedirect: true },
		loopbackBase: 'http://127.0.0.1:4010/heyreach/api',
		testUrl: '/public/auth/CheckApiKey',
		testRules: [401],
	},
	{
		make: () => new ReplyIoApi() as unknown as KeyCredential,
		name: 'replyIoApi',
		displayName: 'Reply.io API',
		base: REPLY_IO_API_BASE,
		host: 'api.reply.io',
		request: { url: '/webhooks' } as IHttpRequestOptions,
		signed: { headers: { 'X-API-Key': 'k3y' }, disableFollowRedirect: true },
		loopbackBase: 'http://127.0.0.1:4010/replyio/v3',
		testUrl: '/webhooks',
		testRules: [401, 403],
	},
	{
		make: () => new SmartleadApi() as unknown as KeyCredential,
		name: 'smartleadApi',
		displayName: 'Smartlead API',
		base: SMARTLEAD_API_BASE,
		host: 'server.smartlead.ai',
		request: { url: '/campaigns', qs: { limit: 1 } } as IHttpRequestOptions,
		signed: { qs: { limit: 1, api_key: 'k3y' }, disableFollowRedirect: true },
		loopbackBase: 'http://127.0.0.1:4010/smartlead/api/v1',
		testUrl: '/campaigns',
		testRules: [401, 403],
	},
	{
		make: () => new WoodpeckerApi() as unknown as KeyCredential,
		name: 'woodpeckerApi',
		displayName: 'Woodpecker API',
		base: WOODPECKER_API_BASE,
		host: 'api.woodpecker.co',
		request: { url: '/v2/webhooks' } as IHttpRequestOptions,
		signed: { headers: { 'x-api-key': 'k3y' }, disableFollowRedirect: true },
		loopbackBase: 'http://127.0.0.1:4010/woodpecker/rest',
		testUrl: '/v2/webhooks',
		testRules: [401, 403],
	},
];

describe.each(CASES)('$displayName credential', (c) => {
	const cred = c.make();
	const req = () => ({ ...c.request, qs: c.request.qs ? { ...c.request.qs } : undefined });

	test('is named and signs a request to its vendor', async () => {
		expect(cred).toMatchObject({ name: c.name, displayName: c.displayName });
		const signed = await cred.authenticate({ apiKey: 'k3y' }, req());
		expect(signed).toMatchObject({ baseURL: c.base, ...c.signed });
	});

	test('never sends the key to another host', async () => {
		await expect(
			cred.authenticate({ apiKey: 'k3y' }, {
				url: 'https://collector.example/steal',
			} as IHttpRequestOptions),
		).rejects.toThrow('refusing to send the API key to https://collector.example');
		const evil = `https://${c.host.split('.')[1]}.evil.example/api`;
		await expect(
			cred.authenticate({ apiKey: 'k3y', baseUrlOverride: evil }, req()),
		).rejects.toThrow(`only ${c.host} may receive the key`);
	});

	test('this machine only with the loopback toggle on', async () => {
		await expect(
			cred.authenticate({ apiKey: 'k3y', baseUrlOverride: c.loopbackBase }, req()),
		).rejects.toThrow(/loopback|Testing Only/i);
		const local = await cred.authenticate(
			{ apiKey: 'k3y', baseUrlOverride: c.loopbackBase, allowLoopbackBaseUrl: true },
			req(),
		);
		expect(local.baseURL).toBe(c.loopbackBase);
	});

	test.each([
		['', 'API Key is empty'],
		['   ', 'API Key contains only spaces'],
	])('refuses the key %p', async (apiKey, message) => {
		await expect(cred.authenticate({ apiKey }, req())).rejects.toThrow(message);
	});

	test('its credential test asks the API and names what a refusal means', () => {
		expect(cred.test?.request).toMatchObject({ url: c.testUrl });
		expect(cred.test?.rules?.map((r) => (r.properties as IDataObject).value)).toEqual(c.testRules);
	});
});
