import {
	adoptToken,
	credentialsForCall,
	REFRESH_EARLY_MS,
	tokenIsStale,
} from '../../../../nodes/shared/http/expiringToken';

const TOKEN = { field: 'accessToken', expiresAtField: 'accessTokenExpiresAt' };
const NOW = Date.parse('2026-12-03T08:00:00Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();

describe('expiring tokens', () => {
	test.each([
		[at(REFRESH_EARLY_MS + 1000), false],
		[at(REFRESH_EARLY_MS - 1000), true],
		[at(-1000), true],
		['', false],
		['not a date', false],
		[undefined, false],
	])('expiry %s → stale %s', (expiresAt, stale) => {
		const creds: Record<string, string> = { accessToken: 't' };
		if (expiresAt !== undefined) creds.accessTokenExpiresAt = expiresAt;
		expect(tokenIsStale(creds, TOKEN, NOW)).toBe(stale);
	});

	test('a refresh empties the token in a copy only, and names the credential type', () => {
		const session = { accessToken: 'old', clientId: 'c' };
		const { data, options } = credentialsForCall(session, 'greenhouseHarvestApi', TOKEN);
		expect(data).toEqual({ accessToken: '', clientId: 'c' });
		expect(session.accessToken).toBe('old');
		expect(options.credentialsDecrypted).toMatchObject({ type: 'greenhouseHarvestApi', data });
		expect(credentialsForCall(session, 'x').data.accessToken).toBe('old');
	});

	test('a token n8n fetched during the call is kept with its expiry; an empty one is not', () => {
		const session: Record<string, string> = { accessToken: 'old', accessTokenExpiresAt: at(0) };
		adoptToken(session, { accessToken: '', accessTokenExpiresAt: at(5) }, TOKEN);
		expect(session.accessToken).toBe('old');
		adoptToken(session, { accessToken: 'new', accessTokenExpiresAt: at(3_600_000) }, TOKEN);
		expect(session).toEqual({ accessToken: 'new', accessTokenExpiresAt: at(3_600_000) });
	});
});
