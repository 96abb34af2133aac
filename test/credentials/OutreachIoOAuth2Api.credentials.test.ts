import { OutreachIoOAuth2Api } from '../../credentials/OutreachIoOAuth2Api.credentials';

import { OUTREACH_IO_API_BASE } from '../../nodes/shared/origins';

describe('credentials', () => {
	test('Outreach.io OAuth2 API: authorization code against api.outreach.io with the read scopes', () => {
		const cred = new OutreachIoOAuth2Api();
		expect(cred).toMatchObject({
			name: 'outreachIoOAuth2Api',
			displayName: 'Outreach.io OAuth2 API',
			extends: ['oAuth2Api'],
		});
		const defaults = Object.fromEntries(cred.properties.map((p) => [p.name, p.default]));
		expect(defaults).toMatchObject({
			grantType: 'authorizationCode',
			authUrl: 'https://api.outreach.io/oauth/authorize',
			accessTokenUrl: 'https://api.outreach.io/oauth/token',
			scope: 'prospects.read mailings.read sequences.read webhooks.all',
			authentication: 'body',
			baseUrlOverride: '',
		});
		expect(cred.test.request).toMatchObject({ baseURL: OUTREACH_IO_API_BASE, url: '/prospects' });
	});
});
