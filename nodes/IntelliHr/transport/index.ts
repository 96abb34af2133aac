import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { collectPages, type Page } from '../../shared/http/pagination';
import {
	type ApiDefinition,
	apiRequest,
	type Context,
	getApiCredentials,
	type SystemRequestOptions,
} from '../../shared/http/request';
import { listOfRecords, recordWithId } from '../../shared/http/responseBody';
import type { IhrList } from '../types';
import { intelliHrBaseUrl, intelliHrTenant } from '../../shared/origins';

/**
 * IntelliHR specifics only: fixed API host, the tenant header, page/limit paging and hints.
 * The credential's `authenticate` adds the Bearer key (and checks everything again).
 */
export const intelliHrApi: ApiDefinition = {
	system: 'IntelliHR',
	credentialType: 'intelliHrApi',
	baseUrl: intelliHrBaseUrl,
	// Validates the subdomain before any request; an invalid one throws a message naming the field.
	headers: (c) => ({ tenant: intelliHrTenant(c) }),
	// Records and lists come as {data: ...}.
	dryRun: { wrap: (data) => ({ data }) },
	hint: (status) => {
		if (status === 401)
			return 'IntelliHR did not accept the API key. Create a new one under Settings › Public API Access Keys and update the IntelliHR credential';
		if (status === 403)
			return "IntelliHR refused the call. Check that the credential's Company Subdomain is the company the API key was created in";
		if (status === 404) return 'Check the ID, or pick the record from the list instead';
		return undefined;
	},
};

/** IntelliHR caps `limit` at 100. */
export const MAX_PAGE_SIZE = 100;

export async function ihrRequest<T = IDataObject>(
	ctx: Context,
	method: IHttpRequestMethods,
	path: string,
	opts: SystemRequestOptions = {},
): Promise<T> {
	const res = await apiRequest<T>(ctx, intelliHrApi, { method, path, ...opts });
	return res.body;
}

const RECORD = recordWithId('data');
const LIST = listOfRecords('data');

/** A single record comes as {data: {...}, meta}. */
export async function ihrRecord<T>(
	ctx: Context,
	method: IHttpRequestMethods,
	path: string,
	opts: { body?: IDataObject; itemIndex?: number } = {},
): Promise<T> {
	const body = await ihrRequest<{ data?: T }>(ctx, method, path, { ...opts, expect: RECORD });
	return (body && typeof body === 'object' && 'data' in body ? body.data : body) as T;
}

/** One page of a list, and the number of the next page (from meta.pagination, else links.next). */
export async function ihrPage<T>(
	ctx: Context,
	path: string,
	qs: IDataObject,
	page: number,
	perPage: number,
	itemIndex?: number,
): Promise<Page<T, number>> {
	const body = await ihrRequest<IhrList<T>>(ctx, 'GET', path, {
		qs: { ...qs, page, limit: perPage },
		itemIndex,
		expect: LIST,
	});
	const items = Array.isArray(body?.data) ? body.data : [];
	return { items, next: nextPage(body, page, perPage, items.length) };
}

export async function ihrList<T>(
	ctx: Context,
	path: string,
	qs: IDataObject = {},
	limit?: number,
	itemIndex?: number,
): Promise<T[]> {
	const perPage = limit === undefined ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, Math.max(1, limit));
	return await collectPages<T, number>(
		(page) => ihrPage<T>(ctx, path, qs, page ?? 1, perPage, itemIndex),
		limit,
	);
}

/** Pure: where the next page is. Prefers the pagination counters, then links.next, then a full page. */
export function nextPage(
	body: IhrList<unknown> | undefined,
	page: number,
	perPage: number,
	received: number,
): number | undefined {
	const p = body?.meta?.pagination;
	const current = Number(p?.current_page);
	const total = Number(p?.total_pages);
	if (p && Number.isInteger(current) && Number.isInteger(total))
		return current < total ? current + 1 : undefined;
	if (body?.links && typeof body.links === 'object') {
		const next = body.links.next;
		if (typeof next !== 'string' || !next) return undefined;
		const n = Number(/[?&]page=(\d+)/.exec(next)?.[1]);
		return Number.isInteger(n) && n > page ? n : page + 1;
	}
	return received >= perPage ? page + 1 : undefined;
}

export async function tenantOf(ctx: Context): Promise<string> {
	return intelliHrTenant(await getApiCredentials(ctx, intelliHrApi));
}

/** filters[<name>][eq]=<value>, IntelliHR's filter syntax. */
export function eqFilter(name: string, value: string): IDataObject {
	return { [`filters[${name}][eq]`]: value };
}
