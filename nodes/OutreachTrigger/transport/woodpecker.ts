import type { ApiDefinition } from '../../shared/http/request';
import { woodpeckerBaseUrl } from '../../shared/origins';

/*
 * Woodpecker (https://api.woodpecker.co/rest), `x-api-key: <API key>`
 * (https://developers.woodpecker.co/docs/webhooks/get-webhooks). Only the webhook subscriptions are
 * used; the API needs the "API keys & integrations" add-on.
 */

export const woodpeckerApi: ApiDefinition = {
	system: 'Woodpecker API',
	credentialType: 'woodpeckerApi',
	baseUrl: woodpeckerBaseUrl,
	headers: () => ({ Accept: 'application/json' }),
	hint: (status) => woodpeckerStatusHint(status),
};

export function woodpeckerStatusHint(status: number): string | undefined {
	if (status === 401)
		return 'Check the API key in the Woodpecker API credential (Marketplace › Integrations › API keys)';
	if (status === 403)
		return 'Woodpecker refused the key: the account needs the "API keys & integrations" add-on';
	return undefined;
}
