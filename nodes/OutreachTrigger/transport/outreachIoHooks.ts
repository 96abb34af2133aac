import type { IHookFunctions } from 'n8n-workflow';

import { isRecord, rec, str } from '../../shared/values';
import { type NewHook, type RemoteHook, removeById, requireId, rows, send } from './hooks';
import { outreachIoApi } from './outreachIo';

/*
 * Outreach.io API v2 webhooks, a JSON:API resource (https://developers.outreach.io/api/webhooks/):
 * one `resource` + `action` pair per webhook (our event name is "resource.action", as Outreach.io
 * names it in `meta.eventName`), an HTTPS `url`, and a `secret` with which Outreach.io signs every
 * delivery (Outreach-Webhook-Signature: hex HMAC-SHA256 of the raw body). `active` is false for a
 * webhook Outreach.io deactivated after failed deliveries; PATCH sets it back. Needs the
 * webhooks.all scope on the OAuth2 credential.
 */

const JSON_API = { 'Content-Type': 'application/vnd.api+json' };

/** The cursor of JSON:API's `links.next` (Outreach.io pages with page[after]). */
function nextPage(body: unknown): Record<string, string> | undefined {
	const next = str(rec(rec(body).links).next);
	if (!next) return undefined;
	const after = new URL(next).searchParams.get('page[after]');
	return after ? { 'page[after]': after } : undefined;
}

export async function listOutreachIoHooks(ctx: IHookFunctions): Promise<RemoteHook[]> {
	const hooks: RemoteHook[] = [];
	let after: Record<string, string> | undefined;
	// Bounded: 20 pages of 100 webhooks is far more than any organization has.
	for (let page = 0; page < 20; page++) {
		const body = await send(ctx, outreachIoApi, {
			method: 'GET',
			path: '/webhooks',
			qs: { 'page[size]': 100, ...after },
		});
		for (const h of rows(body, 'data')) {
			const a = rec(h.attributes);
			hooks.push({
				id: str(h.id) ?? '',
				url: str(a.url) ?? '',
				event: `${str(a.resource) ?? '*'}.${str(a.action) ?? '*'}`,
				active: a.active !== false,
			});
		}
		after = nextPage(body);
		if (!after) break;
	}
	return hooks;
}

export async function createOutreachIoHook(ctx: IHookFunctions, hook: NewHook): Promise<string> {
	const dot = hook.event.indexOf('.');
	const body = await send(ctx, outreachIoApi, {
		method: 'POST',
		path: '/webhooks',
		headers: JSON_API,
		body: {
			data: {
				type: 'webhook',
				attributes: {
					resource: hook.event.slice(0, dot),
					action: hook.event.slice(dot + 1),
					url: hook.url,
					secret: hook.secret,
				},
			},
		},
	});
	return requireId(isRecord(body) ? rec(body.data).id : undefined, 'Outreach.io');
}

export const deleteOutreachIoHook = (ctx: IHookFunctions, id: string) =>
	removeById(ctx, outreachIoApi, `/webhooks/${encodeURIComponent(id)}`);

/** Sets a deactivated webhook active again. */
export async function activateOutreachIoHook(ctx: IHookFunctions, id: string): Promise<void> {
	await send(ctx, outreachIoApi, {
		method: 'PATCH',
		path: `/webhooks/${encodeURIComponent(id)}`,
		headers: JSON_API,
		body: { data: { type: 'webhook', id: Number(id), attributes: { active: true } } },
		idempotent: true,
	});
}
