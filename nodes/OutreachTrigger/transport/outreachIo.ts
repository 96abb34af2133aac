import { httpStatusOf, settle } from '../../shared/errors';
import type { ApiDefinition } from '../../shared/http/request';
import { outreachIoBaseUrl } from '../../shared/origins';
import type { Call } from './call';

/*
 * Outreach.io API v2 (https://api.outreach.io/api/v2, JSON:API), OAuth2 (n8n signs the requests
 * and refreshes the token). The prospect is read with GET /prospects/{id}; needs the
 * prospects.read scope.
 */

export const outreachIoApi: ApiDefinition = {
	system: 'Outreach.io API',
	credentialType: 'outreachIoOAuth2Api',
	baseUrl: outreachIoBaseUrl,
	headers: () => ({ Accept: 'application/vnd.api+json, application/json' }),
	hint: (status) => outreachIoStatusHint(status),
	oauth2: true,
};

export function outreachIoStatusHint(status: number): string | undefined {
	if (status === 401)
		return 'Reconnect the Outreach.io OAuth2 API credential: the token was refused and could not be refreshed';
	if (status === 403)
		return 'The Outreach.io OAuth2 API credential needs the prospects.read scope; reconnect it after adding the scope to your Outreach app';
	return undefined;
}

/** The body of GET /prospects/{id}, or undefined when Outreach.io has no such prospect (404). */
export async function readProspect(call: Call, id: string): Promise<unknown> {
	const read = await settle(call({ method: 'GET', path: `/prospects/${encodeURIComponent(id)}` }));
	if (read.ok) return read.value;
	if (httpStatusOf(read.error) === 404) return undefined;
	throw read.error;
}
