import type { IHookFunctions } from 'n8n-workflow';

import { httpStatusOf, settle } from '../../shared/errors';
import { type ApiDefinition, apiRequest, type ApiRequest } from '../../shared/http/request';
import { heyreachBaseUrl } from '../../shared/origins';
import { isRecord, str } from '../../shared/values';
import type { NewHook, RemoteHook } from './hooks';

/*
 * HeyReach (https://api.heyreach.io/api), `X-API-KEY: <API key>`, per HeyReach's published API
 * collection (https://documenter.getpostman.com/view/23808049/2sA2xb5F75): POST
 * /public/webhooks/GetAllWebhooks `{offset, limit}` answers `{totalCount, items[{id, webhookName,
 * webhookUrl, eventType, campaignIds, isActive}]}`; POST /public/webhooks/CreateWebhook takes
 * `{webhookName (at most 25 characters), webhookUrl, eventType, campaignIds, isActive}`, one event per
 * webhook, `campaignIds: []` for every campaign; DELETE /public/webhooks/DeleteWebhook?webhookId=….
 * What CreateWebhook answers is not in the sources, so a missing id is looked up by URL and event.
 */

export const heyreachApi: ApiDefinition = {
	system: 'HeyReach API',
	credentialType: 'heyReachApi',
	baseUrl: heyreachBaseUrl,
	headers: () => ({ Accept: 'application/json' }),
	hint: (status) =>
		status === 401
			? 'Check the API key in the HeyReach API credential (HeyReach: Integrations › API)'
			: undefined,
};

const send = async (ctx: IHookFunctions, req: ApiRequest) =>
	(await apiRequest(ctx, heyreachApi, req)).body;

const PAGE = 100;

export async function listHeyReachHooks(ctx: IHookFunctions): Promise<RemoteHook[]> {
	const hooks: RemoteHook[] = [];
	// Bounded: 20 pages of 100 webhooks is far more than any workspace has.
	for (let page = 0; page < 20; page++) {
		const body = await send(ctx, {
			method: 'POST',
			path: '/public/webhooks/GetAllWebhooks',
			body: { offset: page * PAGE, limit: PAGE },
			idempotent: true,
		});
		const items = isRecord(body) && Array.isArray(body.items) ? body.items.filter(isRecord) : [];
		for (const h of items)
			hooks.push({
				id: str(h.id) ?? '',
				url: str(h.webhookUrl) ?? '',
				event: str(h.eventType) ?? '',
				active: h.isActive !== false,
			});
		const total = isRecord(body) ? Number(body.totalCount) : NaN;
		if (items.length < PAGE || !(total > (page + 1) * PAGE)) break;
	}
	return hooks;
}

export async function createHeyReachHook(ctx: IHookFunctions, hook: NewHook): Promise<string> {
	const body = await send(ctx, {
		method: 'POST',
		path: '/public/webhooks/CreateWebhook',
		body: {
			webhookName: 'n8n Outreach Trigger',
			webhookUrl: hook.url,
			eventType: hook.event,
			campaignIds: hook.campaign ? [Number(hook.campaign)] : [],
			isActive: true,
		},
	});
	const given = isRecord(body) ? str(body.webhookId ?? body.id) : str(body);
	if (given) return given;
	const found = (await listHeyReachHooks(ctx)).find(
		(h) => h.url === hook.url && h.event === hook.event,
	);
	if (!found?.id) throw new Error('HeyReach created the webhook but it could not be found again');
	return found.id;
}

export async function deleteHeyReachHook(ctx: IHookFunctions, id: string): Promise<void> {
	const sent = await settle(
		send(ctx, { method: 'DELETE', path: '/public/webhooks/DeleteWebhook', qs: { webhookId: id } }),
	);
	if (!sent.ok && httpStatusOf(sent.error) !== 404) throw sent.error;
}
