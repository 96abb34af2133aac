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
import { rememberCredentialSecrets } from '../secrets';
import { adoptToken, credentialsForCall, type ExpiringToken, tokenIsStale } from './expiringToken';
import { dryRunAnswer, type DryRunShape } from './dryRun';
import { AmbiguousWriteError, classifyThrown, networkWords, type ThrownFailure } from './failures';
import { RateLimitPacer, retryAfterMs } from './rateLimit';
import { type BodyCheck, readJsonBody } from './responseBody';
import {
	type Attempts,
	getRetryPolicy,
	retryAfterFailure,
	retryAfterRateLimit,
	type RetryPolicy,
} from './retryPolicy';
import { pathProblem, requestTargetProblem } from './target';

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
	/** How the API answers, for a dry run's made-up answers to writes (dryRun.ts). */
	dryRun?: DryRunShape;
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path under the base URL, e.g. /v3/candidates. */
	path?: string;
	/** An absolute URL, e.g. a Link rel="next" to follow verbatim. Must be on the API's own host. */
	url?: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** A body that is not JSON (a multipart upload, multipart.ts): sent as is, with its content type. */
	raw?: RawBody;
	headers?: Record<string, string>;
	/** Defaults to true for GET/HEAD/PUT/DELETE and false for POST/PATCH. */
	idempotent?: boolean;
	itemIndex?: number;
	/** What a 2xx body must be (responseBody.ts); any 2xx must be JSON or empty. */
	expect?: BodyCheck;
}

export interface RawBody {
	data: Buffer;
	contentType: string;
	/** What a dry run records in place of the bytes. */
	summary: IDataObject;
}

/** What a system's own request helper (ghRequest, ihrRequest) takes besides method and path. */
export type SystemRequestOptions = Pick<
	ApiRequest,
	'qs' | 'itemIndex' | 'idempotent' | 'expect'
> & { body?: IDataObject };

export interface ApiResponse<T = unknown> {
	status: number;
	headers: Record<string, string>;
	body: T;
}

interface Session {
	credentials: ICredentialDataDecryptedObject;
	baseUrl: string;
	pacer: RateLimitPacer;
	/** Open while one request fetches the credential's token: the others wait for it, not fetch too. */
	tokenFetch?: Promise<void>;
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
	slot.session ??= ctx.getCredentials(api.credentialType).then((credentials) => {
		// Whatever the API echoes back later, these values never reach an output (secrets.ts).
		rememberCredentialSecrets(credentials);
		return session(api, credentials);
	});
	return await slot.session;
}

function session(api: ApiDefinition, credentials: ICredentialDataDecryptedObject): Session {
	return {
		credentials,
		baseUrl: api.baseUrl(credentials).replace(/\/+$/, ''),
		pacer: new RateLimitPacer(),
	};
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
	assertSendable(ctx, api, req, url, session);
	// A dry run holds every write back here, whichever code path built it (dryRun.ts).
	const held = dryRunAnswer(ctx, api.dryRun ?? {}, {
		...req,
		...(req.raw ? { body: req.raw.summary } : {}),
		path: req.path ?? new URL(url).pathname,
	});
	if (held) return { status: held.status, headers: held.headers, body: held.body as T };
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
		const ticket = await session.pacer.beforeRequest(policy.maxRateLimitWaitMs, signal);
		const sent = await send(ctx, session, call, policy.timeoutMs);
		const answer = 'failure' in sent ? thrownAnswer(api, sent.failure) : sent.response;
		session.pacer.answered(ticket, answer ? lowerCaseKeys(answer.headers) : undefined);
		const next = answer
			? afterResponse(ctx, session, call, answer, attempts, policy)
			: { waitMs: afterFailure(ctx, session, call, failureOf(sent), attempts, policy) };
		if ('done' in next) return next.done as ApiResponse<T>;
		await sleep(next.waitMs, signal);
	}
}

/** The choke point's own checks, whatever the transport built: where the request goes, and its path. */
function assertSendable(
	ctx: Context,
	api: ApiDefinition,
	req: ApiRequest,
	url: string,
	session: Session,
): void {
	const refused = requestTargetProblem(url, session.baseUrl, session.credentials);
	if (refused)
		throw new NodeApiError(
			ctx.getNode(),
			{ message: refused },
			{
				message: `${api.system}: refusing to send the credential, ${refused}. Check the credential's API Base URL`,
				itemIndex: req.itemIndex,
			},
		);
	const badPath = pathProblem(req.path ?? '');
	if (badPath) {
		const message = `${api.system}: refusing to call ${req.method} ${(req.path ?? '').slice(0, 120)}: ${badPath}. Check the ID given`;
		throw new NodeApiError(ctx.getNode(), { message }, { message, itemIndex: req.itemIndex });
	}
}

async function send(ctx: Context, session: Session, call: Call, timeoutMs: number): Promise<Sent> {
	const { api, req } = call;
	const options: IHttpRequestOptions = {
		method: req.method,
		url: call.url,
		qs: req.qs,
		body: req.raw?.data ?? req.body,
		json: true,
		headers: {
			...api.headers?.(session.credentials),
			...req.headers,
			...(req.raw ? { 'content-type': req.raw.contentType } : {}),
		},
		returnFullResponse: true,
		// Every status comes back as a response we can read (a boolean: n8n 1.x has no per-status
		// form). OAuth2 is the exception: n8n refreshes its token only when a request throws 401.
		ignoreHttpStatusErrors: !api.oauth2,
		timeout: timeoutMs,
		// A credential never follows a redirect: the answer comes back as it is (afterResponse).
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
	};
	const token = api.expiringToken;
	// Items working at once: one request fetches the token, the others then use it.
	for (let n = 0; token && session.tokenFetch && n < 5; n++) await session.tokenFetch;
	const refresh = Boolean(token && (call.refreshToken || tokenIsStale(session.credentials, token)));
	call.refreshToken = false;
	// OAuth2 credentials are read by n8n itself whatever is passed (it refreshes and stores their tokens).
	const handed = api.oauth2
		? undefined
		: credentialsForCall(session.credentials, api.credentialType, refresh ? token : undefined);
	let fetched: (() => void) | undefined;
	const fetching =
		handed && token && !handed.data[token.field]
			? new Promise<void>((resolve) => (fetched = resolve))
			: undefined;
	if (fetching) session.tokenFetch = fetching;
	try {
		const response = await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			api.credentialType,
			options,
			handed?.options,
		);
		return response ? { response } : { failure: { kind: 'other', message: 'no response' } };
	} catch (error) {
		return { failure: classifyThrown(error) };
	} finally {
		if (token && handed) adoptToken(session.credentials, handed.data, token);
		if (fetching && session.tokenFetch === fetching) session.tokenFetch = undefined;
		fetched?.();
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
	const status = response.statusCode;
	if (status === 401 && api.expiringToken && !call.refreshedAfter401) {
		// The token was refused (revoked, or expired early): fetch a new one and resend, once.
		call.refreshedAfter401 = true;
		call.refreshToken = true;
		return { waitMs: 0 };
	}
	let tooLong: number | undefined;
	if (status === 429) {
		const decision = retryAfterRateLimit(attempts, policy, headers);
		if ('waitMs' in decision) return { waitMs: decision.waitMs };
		if (decision.giveUp === 'wait-too-long') tooLong = decision.askedMs;
	}
	if (status >= 500 && !call.idempotent)
		throw new AmbiguousWriteError(api.system, label(call), `HTTP ${status}`);
	if (status >= 500) {
		const wait = retryAfterFailure(attempts, policy);
		if (wait !== undefined) return { waitMs: wait };
	}
	if (status < 300) {
		const read = readJsonBody(response.body, status, req.expect);
		if (read.ok) return { done: { status, headers, body: read.body } };
		return { waitMs: afterBadBody(ctx, call, status, read.problem, attempts, policy) };
	}
	if (status >= 300 && status < 400) throw redirectError(ctx, call, status, headers.location);
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
					? rateLimitHint(api.system, policy, tooLong)
					: api.hint?.(status, req.method, req.path ?? ''),
		},
		req.itemIndex,
	);
}

/** A 3xx: not followed, since the credential would go with it; named with where it pointed. */
function redirectError(ctx: Context, call: Call, status: number, location?: string): Error {
	const to = location ? parseOrigin(location, call.url) : undefined;
	return apiError(
		ctx.getNode(),
		{
			system: call.api.system,
			method: call.req.method,
			path: call.path,
			status,
			body: { message: `a redirect${to ? ` to ${to}` : ''}, which is not followed` },
			hint: "Requests that carry the credential never follow redirects. Check the credential's API Base URL",
		},
		call.req.itemIndex,
	);
}

function parseOrigin(location: string, base: string): string | undefined {
	try {
		return new URL(location, base).origin;
	} catch {
		return undefined;
	}
}

/** Why a 429 ended the item: a wait longer than allowed (and until when), or too many 429s in a row. */
function rateLimitHint(system: string, policy: RetryPolicy, tooLongMs?: number): string {
	if (tooLongMs === undefined)
		return `${system} kept rate-limiting this request (${policy.maxRateLimitRetries} ${policy.maxRateLimitRetries === 1 ? 'wait' : 'waits'}). Run again later, or raise Max Rate-Limit Retries under Request Options`;
	const until = new Date(Date.now() + tooLongMs).toISOString().replace(/\.\d+Z$/, 'Z');
	return `${system} asked to wait ${duration(tooLongMs)} (until ${until}), longer than Max Rate-Limit Wait (${Math.round(policy.maxRateLimitWaitMs / 1000)} s), so this item was not sent again. Run it again after that time, or raise Max Rate-Limit Wait under Request Options`;
}

function duration(ms: number): string {
	const s = Math.ceil(ms / 1000);
	if (s < 120) return `${s} s`;
	if (s < 7200) return `${Math.round(s / 60)} min`;
	if (s < 172_800) return `${Math.round(s / 3600)} h`;
	return `${Math.round(s / 86_400)} days`;
}

/**
 * A 2xx that is not the JSON the API promises (responseBody.ts): a write may have been applied, so
 * it is ambiguous; a read is retried like a 5xx and then fails the item, never "finds nobody".
 */
function afterBadBody(
	ctx: Context,
	call: Call,
	status: number,
	problem: string,
	attempts: Attempts,
	policy: RetryPolicy,
): number {
	const { api, req } = call;
	if (!call.idempotent)
		throw new AmbiguousWriteError(api.system, label(call), `HTTP ${status}, but ${problem}`);
	const wait = retryAfterFailure(attempts, policy);
	if (wait !== undefined) return wait;
	throw apiError(
		ctx.getNode(),
		{
			system: api.system,
			method: req.method,
			path: call.path,
			status,
			body: { message: `${problem}; nothing was read from it` },
			hint: 'Nothing was written or matched on this answer. Run the item again later; if it keeps happening, check the API base URL in the credential',
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
