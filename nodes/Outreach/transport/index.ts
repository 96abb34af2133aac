import { TimeLimitError, requestBefore } from '../../shared/http/requestBefore';
import type { ApiDefinition, ApiRequest, Context } from '../../shared/http/request';
import {
	instantlyBaseUrl,
	lemlistBaseUrl,
	smartleadBaseUrl,
	woodpeckerBaseUrl,
} from '../../shared/origins';

/*
 * The outreach tools' APIs as the Outreach node writes to them. The definitions are the node's
 * own (not the trigger's) because the hints differ: writing needs other scopes than reading.
 * lemlist: https://api.lemlist.com/api, Basic auth with the API key as password
 * (https://developer.lemlist.com/api-reference). Instantly: https://api.instantly.ai/api/v2, Bearer
 * API key with scopes (https://developer.instantly.ai/api-reference).
 */

export const lemlistApi: ApiDefinition = {
	system: 'lemlist API',
	credentialType: 'lemlistLeadsApi',
	baseUrl: lemlistBaseUrl,
	headers: () => ({ Accept: 'application/json' }),
	hint: (status) => {
		if (status === 401 || status === 403)
			return 'Check the API key in the Lemlist Leads API credential (lemlist: Settings › Integrations › API)';
		if (status === 404) return 'lemlist has no such lead';
		return undefined;
	},
};

export const instantlyApi: ApiDefinition = {
	system: 'Instantly API',
	credentialType: 'instantlyApi',
	baseUrl: instantlyBaseUrl,
	headers: () => ({ Accept: 'application/json' }),
	hint: (status) => {
		if (status === 401)
			return 'Check the API key in the Instantly API credential (Instantly: Settings › Integrations › API Keys, API v2)';
		if (status === 403)
			return 'The API key needs the leads:update scope (or leads:all, all:all) to write custom variables; create one under Settings › Integrations › API Keys';
		if (status === 402) return 'Instantly says the workspace has no active paid plan';
		return undefined;
	},
};

/** Woodpecker (https://api.woodpecker.co/rest), `x-api-key` (https://developers.woodpecker.co/docs). */
export const woodpeckerApi: ApiDefinition = {
	system: 'Woodpecker API',
	credentialType: 'woodpeckerApi',
	baseUrl: woodpeckerBaseUrl,
	headers: () => ({ Accept: 'application/json' }),
	hint: (status) => {
		if (status === 401)
			return 'Check the API key in the Woodpecker API credential (Marketplace › Integrations › API keys)';
		if (status === 403)
			return 'Woodpecker refused the key: the account needs the "API keys & integrations" add-on';
		return undefined;
	},
};

/**
 * Smartlead (https://server.smartlead.ai/api/v1); the key goes in the `api_key` query parameter,
 * which the credential adds (https://api.smartlead.ai/api-reference/leads/update).
 */
export const smartleadApi: ApiDefinition = {
	system: 'Smartlead API',
	credentialType: 'smartleadApi',
	baseUrl: smartleadBaseUrl,
	headers: () => ({ Accept: 'application/json' }),
	hint: (status) => {
		if (status === 401)
			return 'Check the API key in the Smartlead API credential (Smartlead: Settings › API Key)';
		if (status === 404) return 'Smartlead has no such campaign or lead for this API key';
		if (status === 422) return 'Smartlead refused the custom fields (at most 200 per lead)';
		return undefined;
	},
};

/** A request to one tool inside the item's time limit; resolves to the body. */
export type Call = (req: ApiRequest) => Promise<unknown>;

export interface TimeBox {
	deadline: number;
	budgetMs: number;
}

/**
 * Marking a lead is a side step after the ATS export: one attempt per request, and every request
 * of the item inside one time limit, so a slow outreach tool never holds the workflow for long.
 */
export function callWithin(ctx: Context, api: ApiDefinition, limit: TimeBox): Call {
	return async (req) => (await requestBefore(ctx, api, req, limit)).body;
}

export { TimeLimitError };
