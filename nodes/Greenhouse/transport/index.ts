import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { collectPages, nextLink, type Page } from '../../shared/http/pagination';
import { greenhouseBaseUrl } from '../../shared/origins';
import {
	type ApiDefinition,
	apiRequest,
	type Context,
	getApiCredentials,
	type SystemRequestOptions,
} from '../../shared/http/request';
import { type BodyCheck, listOfRecords, recordWithId } from '../../shared/http/responseBody';

/** Greenhouse specifics only: base URL, scope hints, cursor paging. Everything else is shared. */
export const greenhouseApi: ApiDefinition = {
	system: 'Greenhouse',
	credentialType: 'greenhouseHarvestApi',
	baseUrl: greenhouseBaseUrl,
	expiringToken: { field: 'accessToken', expiresAtField: 'accessTokenExpiresAt' },
	// POST /v3/candidates answers {candidate, application} when the application is nested.
	dryRun: {
		created: (path, body, newId) => {
			const { application, ...candidate } = body;
			if (path !== '/v3/candidates') return { ...body, id: newId() };
			const made = { ...candidate, id: newId() };
			return application
				? { candidate: made, application: { ...(application as object), id: newId() } }
				: made;
		},
	},
	hint: (status, method, path) => {
		if (status === 401)
			return 'Greenhouse refused a freshly fetched token too. Check that the API credential is still active in Configure › Dev Center › API Credentials';
		if (status === 403) {
			return `Greenhouse refused this call. The API credential needs the scope ${scopeFor(method, path)} (Configure › Dev Center › API Credentials › Manage scopes), and the Acting User must be a Site Admin`;
		}
		if (status === 422)
			return 'Greenhouse rejected the values sent; fix the field named above and run again';
		if (status === 404) return 'Check the ID, or pick the record from the list instead';
		return undefined;
	},
};

/** Harvest v3 scopes are harvest:<resource>:<list|create|update|destroy>, named after the path. */
export function scopeFor(method: string, path: string): string {
	const resource = /^\/v3\/([a-z_]+)/.exec(path)?.[1] ?? 'unknown';
	const action =
		{ GET: 'list', POST: 'create', PATCH: 'update', PUT: 'update', DELETE: 'destroy' }[
			method.toUpperCase()
		] ?? 'list';
	return `harvest:${resource}:${action}`;
}

export async function ghRequest<T = IDataObject>(
	ctx: Context,
	method: IHttpRequestMethods,
	path: string,
	opts: SystemRequestOptions = {},
): Promise<T> {
	// A create must answer the record it made (with its id): anything else leaves the write unconfirmed.
	const expect = opts.expect ?? (method === 'POST' ? createdRecord : undefined);
	const res = await apiRequest<T>(ctx, greenhouseApi, { method, path, ...opts, expect });
	return res.body;
}

/** v3 answers a create with the record; POST /v3/candidates with {candidate, application} (or flat). */
const createdRecord: BodyCheck = (body) => {
	const nested = body && typeof body === 'object' && 'candidate' in body;
	return nested ? recordWithId('candidate')(body) : recordWithId()(body);
};

/** A v3 list is a JSON array of records with ids (also accepted under data or items). */
const listCheck: BodyCheck = (body) => {
	if (Array.isArray(body)) return listOfRecords()(body);
	const b = body as { data?: unknown; items?: unknown } | undefined;
	if (Array.isArray(b?.data)) return listOfRecords('data')(body);
	if (Array.isArray(b?.items)) return listOfRecords('items')(body);
	return listOfRecords()(body);
};

/** One page of a v3 list. The first call carries the filters; later calls follow rel="next" verbatim. */
export async function ghPage<T = IDataObject>(
	ctx: Context,
	path: string,
	qs: IDataObject,
	cursorUrl?: string,
	itemIndex?: number,
): Promise<Page<T, string>> {
	// v3 refuses a cursor together with any other query parameter, so a next link is sent as is.
	const expect = listCheck;
	const res = cursorUrl
		? await apiRequest<unknown>(ctx, greenhouseApi, {
				method: 'GET',
				url: cursorUrl,
				itemIndex,
				expect,
			})
		: await apiRequest<unknown>(ctx, greenhouseApi, { method: 'GET', path, qs, itemIndex, expect });
	return { items: listBody<T>(res.body), next: nextLink(res.headers.link) };
}

export async function ghList<T = IDataObject>(
	ctx: Context,
	path: string,
	qs: IDataObject,
	limit?: number,
	itemIndex?: number,
): Promise<T[]> {
	const perPage = limit === undefined ? 500 : Math.min(500, Math.max(1, limit));
	return await collectPages<T, string>(
		(cursor) => ghPage<T>(ctx, path, { ...qs, per_page: perPage }, cursor, itemIndex),
		limit,
	);
}

function listBody<T>(body: unknown): T[] {
	if (Array.isArray(body)) return body as T[];
	const b = body as { data?: unknown; items?: unknown } | undefined;
	if (Array.isArray(b?.data)) return b.data as T[];
	if (Array.isArray(b?.items)) return b.items as T[];
	return [];
}

export async function greenhouseSettings(
	ctx: Context,
): Promise<{ appUrl: string; actingUserId?: number }> {
	const c = await getApiCredentials(ctx, greenhouseApi);
	const id = Number(c.actingUserId);
	return {
		appUrl: String(c.appUrl || 'https://app.greenhouse.io').replace(/\/+$/, ''),
		actingUserId: Number.isInteger(id) && id > 0 ? id : undefined,
	};
}
