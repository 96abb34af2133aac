import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { node, WorkflowHarness } from '../../harness/runWorkflow';

/** The Greenhouse node in n8n-core against nock on a fake Harvest host, with its token exchange. */

export const API = 'https://harvest.greenhouse.io';
export const CREDS = {
	clientId: 'client-42',
	clientSecret: 'shh-secret',
	actingUserId: '4080001',
	accessToken: '',
	apiBaseUrl: API,
	tokenUrl: 'https://auth.greenhouse.io/token',
	appUrl: 'https://app.greenhouse.io',
};

export function harness(params: IDataObject, creds: IDataObject = CREDS) {
	const n = node('Greenhouse', 'greenhouse', params, { greenhouseHarvestApi: 'Greenhouse' });
	return new WorkflowHarness(
		{ nodes: [n], connections: {} },
		{ greenhouseHarvestApi: { ...creds } as never },
	);
}

/** The check of every new token: a one-row user list, which only a Site Admin sees filled. */
export function expectListVisibility(times = 1, users: unknown[] = [{ id: 4080001 }]) {
	return nock(API, bearer).get('/v3/users').query({ per_page: 1 }).times(times).reply(200, users);
}

/** The token exchange every first request triggers: Basic client:secret, form grant_type + sub. */
export function expectToken(times = 1) {
	expectListVisibility(times);
	return nock('https://auth.greenhouse.io', {
		reqheaders: {
			authorization: `Basic ${Buffer.from('client-42:shh-secret').toString('base64')}`,
			'content-type': 'application/x-www-form-urlencoded',
		},
	})
		.post('/token', 'grant_type=client_credentials&sub=4080001')
		.times(times)
		.reply(200, {
			token_type: 'Bearer',
			access_token: 'jwt-1',
			expires_at: '2099-01-01T00:00:00Z',
		});
}

export const bearer = { reqheaders: { authorization: 'Bearer jwt-1' } };
