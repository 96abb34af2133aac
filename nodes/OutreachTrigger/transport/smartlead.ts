import type { IHookFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { httpStatusOf, settle } from '../../shared/errors';
import { type ApiDefinition, apiRequest } from '../../shared/http/request';
import { smartleadBaseUrl } from '../../shared/origins';
import { isRecord, type Rec, str } from '../../shared/values';
import type { NewHook, RemoteHook } from './hooks';

/*
 * Smartlead (https://server.smartlead.ai/api/v1), API key in the `api_key` query parameter
 * (https://api.smartlead.ai/api-reference/webhooks/create). The trigger uses the campaign webhook
 * endpoints, the only ones with a documented list and delete: GET /campaigns/{id}/webhooks,
 * POST /campaigns/{id}/webhooks (`id: null` adds one) and DELETE /campaigns/{id}/webhooks with
 * `{id}` in the body (https://api.smartlead.ai/api-reference/webhooks/update, and the published
 * client at https://app.unpkg.com/smartlead-mcp-server@1.2.1/files/dist/types/webhooks.js). One
 * Smartlead webhook carries several `event_types`; our hook id is "campaignId:webhookId".
 * GET /campaigns lists the campaigns for the Campaigns picker.
 */

export const smartleadApi: ApiDefinition = {
	system: 'Smartlead API',
	credentialType: 'smartleadApi',
	baseUrl: smartleadBaseUrl,
	headers: () => ({ Accept: 'application/json' }),
	hint: (status) => smartleadStatusHint(status),
};

export function smartleadStatusHint(status: number): string | undefined {
	if (status === 401)
		return 'Check the API key in the Smartlead API credential (Smartlead: Settings › API Key)';
	if (status === 404) return 'Smartlead does not know this campaign: pick it again under Campaigns';
	return undefined;
}

type Ctx = IHookFunctions | ILoadOptionsFunctions;

const send = async (ctx: Ctx, req: Parameters<typeof apiRequest>[2]) =>
	(await apiRequest(ctx, smartleadApi, req)).body;

const rowsOf = (body: unknown): Rec[] => {
	const list = isRecord(body) ? (body.data ?? body.webhooks ?? body.campaigns) : body;
	return Array.isArray(list) ? list.filter(isRecord) : [];
};

const hooksPath = (campaign: string) => `/campaigns/${encodeURIComponent(campaign)}/webhooks`;

/** The sorted, comma-joined event list: the "event" of a Smartlead hook in our vocabulary. */
const eventsKey = (types: unknown): string =>
	(Array.isArray(types) ? types.map((t) => String(t)) : []).sort().join(',');

export async function listSmartleadHooks(
	ctx: IHookFunctions,
	campaigns: string[],
): Promise<RemoteHook[]> {
	const hooks: RemoteHook[] = [];
	for (const campaign of campaigns) {
		const body = await send(ctx, { method: 'GET', path: hooksPath(campaign) });
		for (const h of rowsOf(body))
			hooks.push({
				id: `${campaign}:${str(h.id) ?? ''}`,
				url: str(h.webhook_url) ?? '',
				event: eventsKey(h.event_types),
				active: true,
			});
	}
	return hooks;
}

export async function createSmartleadHook(ctx: IHookFunctions, hook: NewHook): Promise<string> {
	if (!hook.campaign) throw new Error('Smartlead webhooks are added to a campaign; none was given');
	const body = await send(ctx, {
		method: 'POST',
		path: hooksPath(hook.campaign),
		body: {
			id: null,
			name: 'n8n Outreach Trigger',
			webhook_url: hook.url,
			event_types: hook.event.split(','),
		},
	});
	const id = isRecord(body) ? str(body.id ?? (isRecord(body.data) ? body.data.id : undefined)) : '';
	if (!id) throw new Error('Smartlead added the webhook but its answer carries no id');
	return `${hook.campaign}:${id}`;
}

export async function deleteSmartleadHook(ctx: IHookFunctions, id: string): Promise<void> {
	const colon = id.indexOf(':');
	const webhookId = Number(id.slice(colon + 1));
	const sent = await settle(
		send(ctx, {
			method: 'DELETE',
			path: hooksPath(id.slice(0, colon)),
			body: { id: Number.isFinite(webhookId) ? webhookId : id.slice(colon + 1) },
		}),
	);
	if (!sent.ok && httpStatusOf(sent.error) !== 404) throw sent.error;
}

export interface CampaignOption {
	name: string;
	value: string;
}

/** The account's campaigns, newest first as Smartlead lists them, whose name or id matches. */
export async function listSmartleadCampaigns(
	ctx: ILoadOptionsFunctions,
	filter?: string,
): Promise<CampaignOption[]> {
	const body = await send(ctx, { method: 'GET', path: '/campaigns' });
	const needle = (filter ?? '').trim().toLowerCase();
	return rowsOf(body)
		.map((c) => {
			const id = str(c.id) ?? '';
			const status = str(c.status);
			return { name: `${str(c.name) ?? id}${status ? ` (${status})` : ''}`, value: id };
		})
		.filter((c) => c.value && (!needle || `${c.name} ${c.value}`.toLowerCase().includes(needle)));
}
