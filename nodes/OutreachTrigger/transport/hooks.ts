import type { IHookFunctions } from 'n8n-workflow';

import { httpStatusOf, settle } from '../../shared/errors';
import { type ApiDefinition, type ApiRequest, apiRequest } from '../../shared/http/request';
import { isRecord, type Rec, str } from '../../shared/values';
import { instantlyApi } from './instantly';
import { lemlistLeadsApi } from './lemlist';
import { woodpeckerApi } from './woodpecker';

/**
 * The tools' webhook-management endpoints, called on publish and unpublish (n8n's webhookMethods).
 * Unlike the enrich lookups these are not time-boxed: no webhook is waiting for an answer, and the
 * shared transport's retry policy applies.
 *
 * lemlist: GET/POST /hooks, DELETE /hooks/{hookId}; a hook has one `type` (or all events when it
 * has none) and an optional `secret` echoed in every delivery body
 * (https://developer.lemlist.com/api-reference/endpoints/webhooks/add-webhook).
 * Instantly: GET/POST /webhooks, DELETE /webhooks/{id}, POST /webhooks/{id}/resume; `headers` are
 * sent with every delivery; `status` -1 means disabled after failed deliveries
 * (https://developer.instantly.ai/api-reference/webhook/create-webhook).
 * Woodpecker: GET /v2/webhooks lists `{target_url, event}` pairs (event in upper case), POST
 * /v1/webhooks/subscribe and /v1/webhooks/unsubscribe take the same pair; there is no hook id, so
 * ours is "event url" (https://developers.woodpecker.co/docs/webhooks/POST-subscribe-webhook).
 * Reply.io and Outreach.io: replyIoHooks.ts and outreachIoHooks.ts, on the helpers exported here.
 */

/** A hook as the tool lists it, in one vocabulary for every tool. */
export interface RemoteHook {
	id: string;
	url: string;
	event: string;
	/** False when the tool disabled it after failed deliveries. */
	active: boolean;
	/** The campaign the hook is limited to, where the tool says. */
	campaign?: string;
}

export interface NewHook {
	url: string;
	event: string;
	secret: string;
	campaign?: string;
}

export async function send(
	ctx: IHookFunctions,
	api: ApiDefinition,
	req: ApiRequest,
): Promise<unknown> {
	return (await apiRequest(ctx, api, req)).body;
}

/** A DELETE that treats "already gone" (404) as done. */
export async function removeById(
	ctx: IHookFunctions,
	api: ApiDefinition,
	path: string,
): Promise<void> {
	const sent = await settle(send(ctx, api, { method: 'DELETE', path }));
	if (!sent.ok && httpStatusOf(sent.error) !== 404) throw sent.error;
}

export const rows = (body: unknown, key?: string): Rec[] => {
	const list = key && isRecord(body) ? body[key] : body;
	return Array.isArray(list) ? list.filter(isRecord) : [];
};

// --- lemlist -----------------------------------------------------------------------------------

export async function listLemlistHooks(ctx: IHookFunctions): Promise<RemoteHook[]> {
	const body = await send(ctx, lemlistLeadsApi, { method: 'GET', path: '/hooks' });
	return rows(body).map((h) => ({
		id: str(h._id) ?? '',
		url: str(h.targetUrl) ?? '',
		event: str(h.type) ?? '*',
		active: true,
		campaign: str(h.campaignId),
	}));
}

export async function createLemlistHook(ctx: IHookFunctions, hook: NewHook): Promise<string> {
	const body = await send(ctx, lemlistLeadsApi, {
		method: 'POST',
		path: '/hooks',
		// campaignId is a query parameter in lemlist's reference.
		qs: hook.campaign ? { campaignId: hook.campaign } : undefined,
		body: { targetUrl: hook.url, type: hook.event, secret: hook.secret },
	});
	return requireId(isRecord(body) ? body._id : undefined, 'lemlist');
}

export const deleteLemlistHook = (ctx: IHookFunctions, id: string) =>
	removeById(ctx, lemlistLeadsApi, `/hooks/${encodeURIComponent(id)}`);

// --- Instantly ---------------------------------------------------------------------------------

/** The header Instantly sends back with every delivery, holding our token. */
export const INSTANTLY_TOKEN_HEADER = 'X-Outreach-Trigger-Token';

export async function listInstantlyHooks(ctx: IHookFunctions): Promise<RemoteHook[]> {
	const hooks: RemoteHook[] = [];
	let after: string | undefined;
	// Bounded: 20 pages of 100 webhooks is far more than any workspace has.
	for (let page = 0; page < 20; page++) {
		const body = await send(ctx, instantlyApi, {
			method: 'GET',
			path: '/webhooks',
			qs: { limit: 100, ...(after ? { starting_after: after } : {}) },
		});
		for (const h of rows(body, 'items'))
			hooks.push({
				id: str(h.id) ?? '',
				url: str(h.target_hook_url) ?? '',
				event: str(h.event_type) ?? '',
				active: h.status !== -1,
			});
		after = isRecord(body) ? str(body.next_starting_after) : undefined;
		if (!after) break;
	}
	return hooks;
}

export async function createInstantlyHook(ctx: IHookFunctions, hook: NewHook): Promise<string> {
	const body = await send(ctx, instantlyApi, {
		method: 'POST',
		path: '/webhooks',
		body: {
			name: 'n8n Outreach Trigger',
			target_hook_url: hook.url,
			event_type: hook.event,
			campaign: hook.campaign ?? null,
			headers: { [INSTANTLY_TOKEN_HEADER]: hook.secret },
		},
	});
	return requireId(isRecord(body) ? body.id : undefined, 'Instantly');
}

export const deleteInstantlyHook = (ctx: IHookFunctions, id: string) =>
	removeById(ctx, instantlyApi, `/webhooks/${encodeURIComponent(id)}`);

/** Re-enables a hook Instantly disabled after failed deliveries. */
export async function resumeInstantlyHook(ctx: IHookFunctions, id: string): Promise<void> {
	await send(ctx, instantlyApi, {
		method: 'POST',
		path: `/webhooks/${encodeURIComponent(id)}/resume`,
		idempotent: true,
	});
}

// --- Woodpecker --------------------------------------------------------------------------------

/** Woodpecker names a subscription by its (event, target_url) pair; this is our id for it. */
const woodpeckerId = (event: string, url: string) => `${event.toLowerCase()} ${url}`;

export async function listWoodpeckerHooks(ctx: IHookFunctions): Promise<RemoteHook[]> {
	const body = await send(ctx, woodpeckerApi, { method: 'GET', path: '/v2/webhooks' });
	return rows(body, 'webhooks').map((h) => {
		const url = str(h.target_url) ?? '';
		const event = (str(h.event) ?? '').toLowerCase();
		return { id: woodpeckerId(event, url), url, event, active: true };
	});
}

export async function createWoodpeckerHook(ctx: IHookFunctions, hook: NewHook): Promise<string> {
	await send(ctx, woodpeckerApi, {
		method: 'POST',
		path: '/v1/webhooks/subscribe',
		body: { target_url: hook.url, event: hook.event },
	});
	return woodpeckerId(hook.event, hook.url);
}

export async function deleteWoodpeckerHook(ctx: IHookFunctions, id: string): Promise<void> {
	const space = id.indexOf(' ');
	const sent = await settle(
		send(ctx, woodpeckerApi, {
			method: 'POST',
			path: '/v1/webhooks/unsubscribe',
			body: { target_url: id.slice(space + 1), event: id.slice(0, space) },
			idempotent: true,
		}),
	);
	if (!sent.ok && httpStatusOf(sent.error) !== 404) throw sent.error;
}

export function requireId(id: unknown, tool: string): string {
	const value = str(id);
	if (!value) throw new Error(`${tool} created the webhook but its answer carries no id`);
	return value;
}
