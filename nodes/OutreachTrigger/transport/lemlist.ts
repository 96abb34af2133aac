import { httpStatusOf, settle } from '../../shared/errors';
import type { ApiDefinition } from '../../shared/http/request';
import { lemlistBaseUrl } from '../../shared/origins';
import type { Call } from './call';

/*
 * lemlist (https://api.lemlist.com/api), Basic auth with an empty user name and the API key as
 * password. The lead is read with GET /leads/{email}?version=v2 ("Get Lead by Email",
 * https://developer.lemlist.com/api-reference: version=v2 is mandatory).
 */

export const lemlistLeadsApi: ApiDefinition = {
	system: 'lemlist API',
	credentialType: 'lemlistLeadsApi',
	baseUrl: lemlistBaseUrl,
	headers: () => ({ Accept: 'application/json' }),
	hint: (status) => lemlistStatusHint(status),
};

export function lemlistStatusHint(status: number): string | undefined {
	if (status === 401 || status === 403)
		return 'Check the API key in the Lemlist Leads API credential (lemlist: Settings › Integrations › API)';
	if (status === 404) return 'lemlist has no lead with this email in any campaign';
	return undefined;
}

/** The body of GET /leads/{email}?version=v2, or undefined when lemlist has no such lead (404). */
export async function readLeadsByEmail(call: Call, email: string): Promise<unknown> {
	const read = await settle(
		call({ method: 'GET', path: `/leads/${encodeURIComponent(email)}`, qs: { version: 'v2' } }),
	);
	if (read.ok) return read.value;
	if (httpStatusOf(read.error) === 404) return undefined;
	throw read.error;
}
