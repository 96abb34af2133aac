import type { IHookFunctions } from 'n8n-workflow';

import { isRecord, str } from '../../shared/values';
import { type NewHook, type RemoteHook, removeById, requireId, rows, send } from './hooks';
import { replyIoApi } from './replyIo';

/*
 * Reply.io v3 webhook subscriptions (beta): one `eventType` per subscription, sent to `url`
 * (https://docs.reply.io/api-reference/webhooks/create-a-webhook-subscription). GET /webhooks
 * lists them, DELETE /webhooks/{id} removes one, POST /webhooks/{id}/enable re-enables one whose
 * `enabled` is false (https://docs.reply.io/api-reference/webhooks/get-a-webhook-subscription).
 * The documented body has no signing secret, so our token travels in the URL. `includeEmailText`
 * puts the reply text in the payload, so replies can be classified.
 */

/** The list answer: an array, or an object holding it (the list page's shape is not in our sources). */
const listed = (body: unknown) =>
	Array.isArray(body)
		? rows(body)
		: rows(body, isRecord(body) && 'data' in body ? 'data' : 'items');

export async function listReplyIoHooks(ctx: IHookFunctions): Promise<RemoteHook[]> {
	const body = await send(ctx, replyIoApi, { method: 'GET', path: '/webhooks' });
	return listed(body).map((h) => ({
		id: str(h.id) ?? '',
		url: str(h.url) ?? '',
		event: str(h.eventType) ?? '',
		active: h.enabled !== false,
	}));
}

export async function createReplyIoHook(ctx: IHookFunctions, hook: NewHook): Promise<string> {
	const body = await send(ctx, replyIoApi, {
		method: 'POST',
		path: '/webhooks',
		body: {
			eventType: hook.event,
			url: hook.url,
			scope: 'Personal',
			enabled: true,
			payloadConfig: {
				includeEmailUrl: false,
				includeEmailText: true,
				includeProspectCustomFields: false,
			},
		},
	});
	return requireId(isRecord(body) ? body.id : undefined, 'Reply.io');
}

export const deleteReplyIoHook = (ctx: IHookFunctions, id: string) =>
	removeById(ctx, replyIoApi, `/webhooks/${encodeURIComponent(id)}`);

/** Re-enables a subscription that is disabled (by Reply.io after failed deliveries, or by hand). */
export async function enableReplyIoHook(ctx: IHookFunctions, id: string): Promise<void> {
	await send(ctx, replyIoApi, {
		method: 'POST',
		path: `/webhooks/${encodeURIComponent(id)}/enable`,
		idempotent: true,
	});
}
