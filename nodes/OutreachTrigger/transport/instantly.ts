import type { IDataObject } from 'n8n-workflow';

import { httpStatusOf, settle } from '../../shared/errors';
import type { ApiDefinition } from '../../shared/http/request';
import { instantlyBaseUrl } from '../../shared/origins';
import type { Call } from './call';

/*
 * Instantly API v2 (https://api.instantly.ai/api/v2), `Authorization: Bearer <API key>`, scope
 * leads:read. Leads are read with POST /leads/list (a POST "because of the complex arguments it
 * accepts", https://developer.instantly.ai "List leads"). Filtering by email with `contacts: [email]`
 * is UNCONFIRMED: when the API answers 400 to it, the lookup is sent again as `search: email`.
 */

export const instantlyApi: ApiDefinition = {
	system: 'Instantly API',
	credentialType: 'instantlyApi',
	baseUrl: instantlyBaseUrl,
	headers: () => ({ Accept: 'application/json' }),
	hint: (status, _method, path) => instantlyStatusHint(status, path),
};

export function instantlyStatusHint(status: number, path = ''): string | undefined {
	if (status === 403 && path.startsWith('/webhooks'))
		return 'The API key may not manage webhooks: create one with the webhooks:all scope (or all:all) under Settings › Integrations › API Keys';
	if (status === 402)
		return 'Instantly says the workspace has no active paid plan; webhooks need one';
	if (status === 401)
		return 'Check the API key in the Instantly API credential (Instantly: Settings › Integrations › API Keys, API v2)';
	if (status === 403)
		return 'The API key needs the leads:read scope (or all:read); create one with it under Settings › Integrations › API Keys';
	return undefined;
}

/** The body of POST /leads/list for one email. */
export async function listLeadsByEmail(call: Call, email: string): Promise<unknown> {
	const list = (body: IDataObject) =>
		call({ method: 'POST', path: '/leads/list', body: { ...body, limit: 10 }, idempotent: true });
	const byContacts = await settle(list({ contacts: [email] }));
	if (byContacts.ok) return byContacts.value;
	if (httpStatusOf(byContacts.error) === 400) return await list({ search: email });
	throw byContacts.error;
}
