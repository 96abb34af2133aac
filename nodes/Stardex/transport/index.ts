import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { apiError } from '../../shared/errors';
import { collectPages, nextOffset, type Page } from '../../shared/http/pagination';
import { stardexBaseUrl } from '../../shared/origins';
import {
	type ApiDefinition,
	apiRequest,
	type Context,
	getApiCredentials,
	type RawBody,
} from '../../shared/http/request';
import { type BodyCheck, listOfRecords, recordWithId } from '../../shared/http/responseBody';
import type { SdxMeta } from '../types';

/**
 * Stardex specifics only: base URL, what to do about an error status, the v1 response envelope
 * and offset paging. Auth (Bearer key), rate-limit pacing (X-RateLimit-* headers, 60 requests per
 * minute per key), 429 waits and retries are the shared transport's.
 */
export const stardexApi: ApiDefinition = {
	// Searches are POSTs that only read; v1 wraps every answer in {success, data}.
	dryRun: {
		readsByPost: (path) => /\/search$/.test(path),
		wrap: (data) => ({ success: true, data }),
	},
	system: 'Stardex',
	credentialType: 'stardexApi',
	baseUrl: stardexBaseUrl,
	hint: (status) => {
		if (status === 401)
			return 'Stardex did not accept the API key: check it in the Stardex API credential, or create a new one in Stardex under Settings';
		if (status === 403)
			return 'The API key works but may not do this: ask a Stardex admin for a key with access to it';
		if (status === 404) return 'Check the ID, or pick the record from the list instead';
		if (status === 409)
			return 'Stardex already has a record with this value (LinkedIn URLs are unique in Stardex)';
		if (status === 400 || status === 422)
			return 'Stardex rejected the values sent; fix the field named above and run again';
		return undefined;
	},
};

/** Largest page asked for: the documented maximum of Stardex's other list endpoints. */
export const PAGE_SIZE = 100;

export type Envelope = { ok: true; data: unknown; meta?: SdxMeta } | { ok: false };

/**
 * v1 answers `{success:true, data, meta?}` or `{success:false, error:{code, message}}`; v0 answered
 * `{error, data}`. Anything without an envelope is taken as the data itself.
 */
export function unwrapEnvelope(body: unknown): Envelope {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: true, data: body };
	const b = body as IDataObject;
	if (b.success === false) return { ok: false };
	if (b.success === true)
		return { ok: true, data: b.data, meta: (b.meta ?? undefined) as SdxMeta | undefined };
	if (b.error) return { ok: false };
	if ('data' in b)
		return { ok: true, data: b.data, meta: (b.meta ?? undefined) as SdxMeta | undefined };
	return { ok: true, data: b };
}

export interface SdxRequestOptions {
	body?: IDataObject;
	/** A multipart upload (a document), sent as is. */
	raw?: RawBody;
	qs?: IDataObject;
	itemIndex?: number;
	/** Searches are reads sent as POST: mark them idempotent so they are retried like GETs. */
	idempotent?: boolean;
	/** What `data` must be in a success envelope (a failure envelope is reported as an error below). */
	expect?: BodyCheck;
}

/** The envelope's data is a record with an id (a person, a job). */
export const SDX_RECORD = recordWithId();
/** The envelope's data is a list of records with ids (a search page). */
export const SDX_LIST = listOfRecords();

export async function sdxRequest<T = IDataObject>(
	ctx: Context,
	method: IHttpRequestMethods,
	path: string,
	opts: SdxRequestOptions = {},
): Promise<{ data: T; meta?: SdxMeta }> {
	const check = opts.expect;
	const expect: BodyCheck | undefined = check
		? (body) => {
				const e = unwrapEnvelope(body);
				return e.ok ? check(e.data) : undefined;
			}
		: undefined;
	const res = await apiRequest<unknown>(ctx, stardexApi, { method, path, ...opts, expect });
	const envelope = unwrapEnvelope(res.body);
	if (!envelope.ok) {
		// A 2xx that says success:false goes through the same error path as an HTTP error.
		throw apiError(
			ctx.getNode(),
			{
				system: stardexApi.system,
				method,
				path,
				status: res.status,
				body: res.body,
				hint: stardexApi.hint?.(res.status >= 400 ? res.status : 400, method, path),
			},
			opts.itemIndex,
		);
	}
	return { data: envelope.data as T, meta: envelope.meta };
}

/** One page of a v1 search (POST with offset/limit in the body). */
export async function sdxPage<T>(
	ctx: Context,
	path: string,
	body: IDataObject,
	offset: number,
	pageSize: number,
	itemIndex?: number,
): Promise<Page<T, number>> {
	const { data, meta } = await sdxRequest<unknown>(ctx, 'POST', path, {
		body: { ...body, offset, limit: pageSize },
		itemIndex,
		idempotent: true,
		expect: SDX_LIST,
	});
	const items = (Array.isArray(data) ? data : []) as T[];
	// The server may cap the page below what was asked; meta.limit says what it used.
	const served = Number(meta?.limit);
	const effective = Number.isInteger(served) && served > 0 ? Math.min(pageSize, served) : pageSize;
	const total = Number(meta?.total);
	return {
		items,
		next: nextOffset(offset, effective, items.length, Number.isFinite(total) ? total : undefined),
	};
}

/** Every result of a v1 search, or the first `limit`. */
export async function sdxSearch<T = IDataObject>(
	ctx: Context,
	path: string,
	body: IDataObject,
	limit?: number,
	itemIndex?: number,
): Promise<T[]> {
	const pageSize = limit === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, Math.max(1, limit));
	return await collectPages<T, number>(
		(offset) => sdxPage<T>(ctx, path, body, offset ?? 0, pageSize, itemIndex),
		limit,
	);
}

export async function stardexSettings(ctx: Context): Promise<{ appUrl: string }> {
	const c = await getApiCredentials(ctx, stardexApi);
	return { appUrl: String(c.appUrl || 'https://app.stardex.ai').replace(/\/+$/, '') };
}
