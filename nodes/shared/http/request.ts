import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { apiError, redact } from '../errors';
import { runState } from '../runState';
import { adoptToken, credentialsForCall, type ExpiringToken, tokenIsStale } from './expiringToken';
import { AmbiguousWriteError, classifyThrown, networkWords, type ThrownFailure } from './failures';
import { RateLimitPacer, retryAfterMs } from './rateLimit';
import {
	type Attempts,
	getRetryPolicy,
	retryAfterFailure,
	retryAfterRateLimit,
	type RetryPolicy,
} from './retryPolicy';

/**
 * The one HTTP choke point every system goes through. It adds, on top of n8n's
 * httpRequestWithAuthentication (which owns auth): token refresh before expiry and once after a
 * 401 for credentials that fetch their own token (expiringToken.ts), pacing from X-RateLimit-* headers (rateLimit.ts), the retry policy (retryPolicy.ts), no blind
 * resending of writes (an ambiguous failure raises AmbiguousWriteError and the caller decides with
 * a fresh lookup, createOnce.ts), and API error bodies turned into one clear, secret-free message.
 */

export type Context =
	IExecuteFunctions | ILoadOptionsFunctions | IWebhookFunctions | IHookFunctions | IPollFunctions;

export interface ApiDefinition {
	/** Product name as users know it, used in messages. */
	system: string;
	credentialType: string;
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** Extra headers derived from the credential that n8n's generic auth cannot express. */
	headers?(credentials: ICredentialDataDecryptedObject): Record<string, string>;
	/** What the user can do about an error status on this endpoint, e.g. which scope is missing. */
	hint?(status: number, method: string, path: string): string | undefined;
	/** The credential fetches its own expiring token: the transport refreshes it (expiringToken.ts). */
	expiringToken?: ExpiringToken;
	/** An OAuth2 credential: n8n refreshes its token when a request throws 401, so errors are thrown. */
	oauth2?: boolean;
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path under the base URL, e.g. /v3/candidates. */
	path?: string;
	/** An absolute URL, e.g. a Link rel="next" to follow verbatim. Must be on the API's own host. */
	url?: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	headers?: Record<string, string>;
	/** Defaults to true for GET/HEAD/PUT/DELETE and false for POST/PATCH. */
	idempotent?: boolean;
	itemIndex?: number;
}

export interface ApiResponse<T = unknown> {
	status: number;
	headers: Record<string, string>;
	body: T;
}

interface Session {
	credentials: ICredentialDataDecryptedObject;
	baseUrl: string;
	pacer: RateLimitPacer;
}

/** One request as sent, with what its messages need. */
interface Call {
	api: ApiDefinition;
	req: ApiRequest;
	url: string;
	/** The path the messages name, e.g. /v3/candidates. */
	path: string;
	idempotent: boolean;
	/** Fetch a new token before the next send (set once, after a 401). */
	refreshToken: boolean;
	/** A 401 already forced a refresh: a second one is the answer. */
	refreshedAfter401: boolean;
}

type Answer = { statusCode: number; headers: Record<string, string>; body: unknown };

type Sent = { response: Answer } | { failure: ThrownFailure };

// A session lives for one node run (runState), so pacing never leaks between executions or
// queue-mode workers.
async function getSession(ctx: Context, api: ApiDefinition): Promise<Session> {
	const slot = runState<{ session?: Promise<Session> }>(
		ctx,
		`session:${api.credentialType}`,
		() => ({}),
	);
	slot.session ??= ctx.getCredentials(api.credentialType).then((credentials) => ({
		credentials,
		baseUrl: api.baseUrl(credentials).replace(/\/+$/, ''),
		pacer: new RateLimitPacer(),
	}));
	return await slot.session;
}

export async function getApiCredentials(
	ctx: Context,
	api: ApiDefinition,
): Promise<ICredentialDataDecryptedObject> {
	return (await getSession(ctx, api)).credentials;
}

export async function apiRequest<T = unknown>(
	ctx: Context,
	api: ApiDefinition,
	req: ApiRequest,
): Promise<ApiResponse<T>> {
	const session = await getSession(ctx, api);
	const policy = getRetryPolicy(ctx);
	const url = resolveUrl(session.baseUrl, req, api.system);
	const call: Call = {
		api,
		req,
		url,
		path: req.path ?? new URL(url).pathname,
		idempotent: req.idempotent ?? !['POST', 'PATCH'].includes(req.method),
		refreshToken: false,
		refreshedAfter401: false,
	};
	const signal = abortSignalOf(ctx);
	const attempts: Attempts = { failures: 0, rateLimited: 0 };
	for (;;) {
		await session.pacer.beforeRequest(policy.maxRateLimitWaitMs, signal);
		const sent = await send(ctx, session, call, policy.timeoutMs);
		const answer = 'failure' in sent ? thrownAnswer(api, sent.failure) : sent.response;
		const next = answer
			? afterResponse(ctx, session, call, answer, attempts, policy)
			: { waitMs: afterFailure(ctx, session, call, failureOf(sent), attempts, policy) };
		if ('done' in next) return next.done as ApiResponse<T>;
		await sleep(next.waitMs, signal);
	}
}

async function send(ctx: Context, session: Session, call: Call, timeoutMs: number): Promise<Sent> {
	const { api, req } = call;
	const options: IHttpRequestOptions = {
		method: req.method,
		url: call.url,
		qs: req.qs,
		body: req.body,
		json: true,
		headers: { ...api.headers?.(session.credentials), ...req.headers },
		returnFullResponse: true,
		// Every status comes back as a response we can read (a boolean: n8n 1.x has no per-status
		// form). OAuth2 is the exception: n8n refreshes its token only when a request throws 401.
		ignoreHttpStatusErrors: !api.oauth2,
		timeout: timeoutMs,
	};
	const token = api.expiringToken;
	const refresh = Boolean(token && (call.refreshToken || tokenIsStale(session.credentials, token)));
	call.refreshToken = false;
	const withToken = token
		? credentialsForCall(session.credentials, token, refresh, api.credentialType)
		: undefined;
	try {
		const response = await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			api.credentialType,
			options,
			withToken?.options,
		);
		return response ? { response } : { failure: { kind: 'other', message: 'no response' } };
	} catch (error) {
		return { failure: classifyThrown(error) };
	} finally {
		if (token && withToken) adoptToken(session.credentials, withToken.data, token);
	}
}

/** An OAuth2 request's error answer (thrown so n8n could refresh the token), read like a response. */
function thrownAnswer(api: ApiDefinition, f: ThrownFailure): Answer | undefined {
	if (!api.oauth2 || f.kind !== 'http') return undefined;
	return { statusCode: f.status, headers: f.headers ?? {}, body: f.body };
}

function failureOf(sent: Sent): ThrownFailure {
	return 'failure' in sent ? sent.failure : { kind: 'other', message: 'no response' };
}

/** A request that threw: the wait before resending it, or the error to fail with. */
function afterFailure(
	ctx: Context,
	session: Session,
	call: Call,
	f: ThrownFailure,
	attempts: Attempts,
	policy: RetryPolicy,
): number {
	const { api, req } = call;
	if (f.kind === 'http')
		throw apiError(
			ctx.getNode(),
			{
				system: api.system,
				method: req.method,
				path: call.path,
				status: f.status,
				body: f.body,
				hint: api.hint?.(f.status, req.method, req.path ?? ''),
			},
			req.itemIndex,
		);
	if (f.kind === 'other') {
		// Not an HTTP answer: e.g. the credential's token exchange refused; its message says what to fix.
		const message = redact(f.message);
		throw new NodeApiError(ctx.getNode(), { message }, { message, itemIndex: req.itemIndex });
	}
	if (!call.idempotent && f.mayHaveArrived)
		throw new AmbiguousWriteError(api.system, label(call), networkWords(f.code));
	const tried = attempts.failures + 1;
	const wait = retryAfterFailure(attempts, policy);
	if (wait !== undefined) return wait;
	throw apiError(
		ctx.getNode(),
		{
			system: api.system,
			method: req.method,
			path: call.path,
			body: {
				message: `${networkWords(f.code)} (${tried} ${tried === 1 ? 'attempt' : 'attempts'})`,
			},
			hint: `Check that ${session.baseUrl} is reachable from n8n, or raise the retry limits under Request Options`,
		},
		req.itemIndex,
	);
}

/** An HTTP answer: the response, the wait before resending the request, or the error to fail with. */
function afterResponse(
	ctx: Context,
	session: Session,
	call: Call,
	response: Answer,
	attempts: Attempts,
	policy: RetryPolicy,
): { done: ApiResponse } | { waitMs: number } {
	const { api, req } = call;
	const headers = lowerCaseKeys(response.headers);
	session.pacer.update(headers);
	const status = response.statusCode;
	if (status === 401 && api.expiringToken && !call.refreshedAfter401) {
		// The token was refused (revoked, or expired early): fetch a new one and resend, once.
		call.refreshedAfter401 = true;
		call.refreshToken = true;
		return { waitMs: 0 };
	}
	if (status === 429) {
		const wait = retryAfterRateLimit(attempts, policy, headers);
		if (wait !== undefined) return { waitMs: wait };
	}
	if (status >= 500 && !call.idempotent)
		throw new AmbiguousWriteError(api.system, label(call), `HTTP ${status}`);
	if (status >= 500) {
		const wait = retryAfterFailure(attempts, policy);
		if (wait !== undefined) return { waitMs: wait };
	}
	if (status < 400) return { done: { status, headers, body: response.body } };
	throw apiError(
		ctx.getNode(),
		{
			system: api.system,
			method: req.method,
			path: call.path,
			status,
			body: response.body,
			retryAfterSeconds:
				status === 429 ? Math.round((retryAfterMs(headers) ?? 0) / 1000) : undefined,
			hint:
				status === 429
					? 'The API kept rate-limiting this run. Run again later, or raise Max Rate-Limit Retries / Max Rate-Limit Wait under Options'
					: api.hint?.(status, req.method, req.path ?? ''),
		},
		req.itemIndex,
	);
}

function label(call: Call): string {
	return `${call.req.method} ${call.path}`;
}

function resolveUrl(baseUrl: string, req: ApiRequest, system: string): string {
	if (!req.url) return `${baseUrl}${req.path ?? ''}`;
	// A next-page link is followed verbatim, but only to the API's own origin: n8n would attach the
	// credential to whatever host the link names.
	if (new URL(req.url).origin !== new URL(baseUrl).origin) {
		throw new Error(
			`${system} returned a next-page link to another host (${new URL(req.url).origin}); refusing to send credentials there`,
		);
	}
	return req.url;
}

export function abortSignalOf(ctx: Context): AbortSignal | undefined {
	const c = ctx as { getExecutionCancelSignal?: () => AbortSignal | undefined };
	return typeof c.getExecutionCancelSignal === 'function'
		? c.getExecutionCancelSignal()
		: undefined;
}

function lowerCaseKeys(headers: Record<string, unknown> | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(headers ?? {}))
		out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
	return out;
}
