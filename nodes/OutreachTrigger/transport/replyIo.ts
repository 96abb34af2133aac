import type { ApiDefinition } from '../../shared/http/request';
import { replyIoBaseUrl } from '../../shared/origins';

/*
 * Reply.io API v3 (https://api.reply.io/v3), `X-API-Key: <API key>`
 * (https://docs.reply.io/api-reference/webhooks/create-a-webhook-subscription). Only the webhook
 * subscriptions are used.
 */

export const replyIoApi: ApiDefinition = {
	system: 'Reply.io API',
	credentialType: 'replyIoApi',
	baseUrl: replyIoBaseUrl,
	headers: () => ({ Accept: 'application/json' }),
	hint: (status) => replyIoStatusHint(status),
};

export function replyIoStatusHint(status: number): string | undefined {
	if (status === 401)
		return 'Check the API key in the Reply.io API credential (Settings › API Key)';
	if (status === 403)
		return 'Reply.io refused the key: this user or plan may not manage webhooks (Team scope needs the team owner)';
	return undefined;
}
