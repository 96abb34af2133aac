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

import { apiError, redact, settle } from './errors';
import { RateLimitPacer, retryAfterMs } from './rateLimit';
import { runState } from './runState';

/**
 * The one HTTP choke point every system goes through. It adds, on top of n8n's
 * httpRequestWithAuthentication (which owns auth and the one-shot token refresh on 401):
 * - pacing from X-RateLimit-Remaining/Reset, and waiting out 429s (Retry-After, then X-RateLimit-Reset);
 * - bounded retries with capped, jittered backoff for 5xx and connection errors;
 * - no blind retries of writes: an ambiguous write failure raises AmbiguousWriteError, and the caller
 *   decides with a fresh lookup (see createOnce);
 * - API error bodies turned into one clear, secret-free message.
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
}

export interface RetryPolicy {
	/** Retries after a 5xx or a connection error (idempotent requests only). */
	maxRetries: number;
	/** Waits after a 429 before giving up. */
	maxRateLimitRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** The longest single wait a Retry-After may ask for before we give up instead. */
	maxRateLimitWaitMs: number;
	timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
	maxRetries: 4,
	maxRateLimitRetries: 20,
	baseDelayMs: 500,
	maxDelayMs: 20_000,
	maxRateLimitWaitMs: 120_000,
	timeoutMs: 30_000,
};

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

/** A write whose outcome is unknown: the server may or may not have applied it. */
export class AmbiguousWriteError extends Error {
	constructor(
		readonly system: string,
		readonly request: string,
		readonly reason: string,
	) {
		super(`${system} did not confirm ${request} (${reason}); it may or may not have been applied`);
		this.name = 'AmbiguousWriteError';
	}
}

interface Session {
	credentials: ICredentialDataDecryptedObject;
	baseUrl: string;
	pacer: RateLimitPacer;
}

// Sessions and policies live for one node run (runState), so pacing never leaks between
// executions or queue-mode workers.
export function setRetryPolicy(ctx: Context, policy: Partial<RetryPolicy>): void {
	Object.assign(getRetryPolicy(ctx), stripUndefined(policy));
}

export function getRetryPolicy(ctx: Context): RetryPolicy {
	return runState(ctx, 'retryPolicy', () => ({ ...DEFAULT_RETRY }));
}

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
	const idempotent = req.idempotent ?? !['POST', 'PATCH'].includes(req.method);
	const url = resolveUrl(session.baseUrl, req, api.system);
	const label = `${req.method} ${req.path ?? new URL(url).pathname}`;
	const signal = abortSignalOf(ctx);
	let failures = 0;
	let rateLimited = 0;

	for (;;) {
		await session.pacer.beforeRequest(policy.maxRateLimitWaitMs, signal);
		const options: IHttpRequestOptions = {
			method: req.method,
			url,
			qs: req.qs,
			body: req.body,
			json: true,
			headers: { ...api.headers?.(session.credentials), ...req.headers },
			returnFullResponse: true,
			// Every status comes back as a response we can read, except 401: n8n must see that one
			// to refresh an expired token and resend once.
			ignoreHttpStatusErrors: { ignore: true, except: [401] },
			timeout: policy.timeoutMs,
		};
		let response:
			{ statusCode: number; headers: Record<string, string>; body: unknown } | undefined;
		let failure: ThrownFailure | undefined;
		try {
			response = await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				api.credentialType,
				options,
			);
		} catch (error) {
			failure = classifyThrown(error);
		}
		if (failure || !response) {
			const f = failure ?? { kind: 'other', message: 'no response' };
			const path = label.split(' ')[1];
			if (f.kind === 'http') {
				throw apiError(
					ctx.getNode(),
					{
						system: api.system,
						method: req.method,
						path,
						status: f.status,
						body: f.body,
						hint: api.hint?.(f.status, req.method, req.path ?? ''),
					},
					req.itemIndex,
				);
			}
			if (f.kind === 'network') {
				if (!idempotent && f.mayHaveArrived)
					throw new AmbiguousWriteError(api.system, label, networkWords(f.code));
				if (failures < policy.maxRetries) {
					await sleep(backoffMs(++failures, policy), signal);
					continue;
				}
				throw apiError(
					ctx.getNode(),
					{
						system: api.system,
						method: req.method,
						path,
						body: {
							message: `${networkWords(f.code)} (${failures + 1} ${failures === 0 ? 'attempt' : 'attempts'})`,
						},
						hint: `Check that ${session.baseUrl} is reachable from n8n, or raise the retry limits under Request Options`,
					},
					req.itemIndex,
				);
			}
			// Not an HTTP answer: e.g. the credential's token exchange refused; its message says what to fix.
			throw new NodeApiError(
				ctx.getNode(),
				{ message: redact(f.message) },
				{ message: redact(f.message), itemIndex: req.itemIndex },
			);
		}

		const headers = lowerCaseKeys(response.headers);
		session.pacer.update(headers);
		const status = response.statusCode;
		if (status === 429 && rateLimited < policy.maxRateLimitRetries) {
			rateLimited++;
			const wait = retryAfterMs(headers) ?? backoffMs(rateLimited, policy);
			if (wait <= policy.maxRateLimitWaitMs) {
				await sleep(wait + jitter(250), signal);
				continue;
			}
		}
		if (status >= 500 && !idempotent)
			throw new AmbiguousWriteError(api.system, label, `HTTP ${status}`);
		if (status >= 500 && failures < policy.maxRetries) {
			await sleep(backoffMs(++failures, policy), signal);
			continue;
		}
		if (status >= 400) {
			const retryAfter =
				status === 429 ? Math.round((retryAfterMs(headers) ?? 0) / 1000) : undefined;
			throw apiError(
				ctx.getNode(),
				{
					system: api.system,
					method: req.method,
					path: label.split(' ')[1],
					status,
					body: response.body,
					retryAfterSeconds: retryAfter,
					hint:
						status === 429
							? 'The API kept rate-limiting this run. Run again later, or raise Max Rate-Limit Retries / Max Rate-Limit Wait under Options'
							: api.hint?.(status, req.method, req.path ?? ''),
				},
				req.itemIndex,
			);
		}
		return { status, headers, body: response.body as T };
	}
}

/**
 * Creates a record at most once. A create that fails ambiguously (timeout, reset, 5xx) is never
 * resent blindly: we look the record up first and only create again when it is really absent.
 */
export async function createOnce<T>(
	ctx: Context,
	steps: { create: () => Promise<T>; find: () => Promise<T | undefined>; what: string },
): Promise<{ value: T; recovered: boolean }> {
	const policy = getRetryPolicy(ctx);
	const signal = abortSignalOf(ctx);
	let lastReason = '';
	for (let attempt = 0; attempt <= policy.maxRetries; attempt++) {
		const outcome = await settle(steps.create());
		if (outcome.ok) return { value: outcome.value, recovered: false };
		if (!(outcome.error instanceof AmbiguousWriteError)) throw outcome.error;
		lastReason = outcome.error.message;
		await sleep(backoffMs(attempt + 1, policy), signal);
		const found = await steps.find();
		if (found !== undefined) return { value: found, recovered: true };
	}
	throw new Error(
		`${lastReason}. A lookup afterwards did not find the ${steps.what}, and the retry limit was reached. Nothing was created twice; run the item again`,
	);
}

/** The time a webhook may spend on API calls ran out (see requestBefore). */
export class TimeLimitError extends Error {
	constructor(system: string, budgetMs: number) {
		super(`no answer from ${system} within ${budgetMs} ms`);
		this.name = 'TimeLimitError';
	}
}

/**
 * For code that answers a webhook, which must reply within seconds: one attempt, no waiting out
 * 429s, a timeout of what is left until `deadline`, and a hard stop at it on top of that timeout.
 */
export async function requestBefore<T = unknown>(
	ctx: Context,
	api: ApiDefinition,
	req: ApiRequest,
	limit: { deadline: number; budgetMs: number },
): Promise<ApiResponse<T>> {
	const left = limit.deadline - Date.now();
	if (left < 100) throw new TimeLimitError(api.system, limit.budgetMs);
	setRetryPolicy(ctx, {
		timeoutMs: left,
		maxRetries: 0,
		maxRateLimitRetries: 0,
		maxRateLimitWaitMs: 0,
	});
	const stop = new AbortController();
	const timer = sleep(left, stop.signal).then(
		() => ({ timedOut: true as const }),
		() => ({ timedOut: true as const }),
	);
	// Never rejects, so a request that ends after the time limit leaves no unhandled rejection.
	const settled = settle(apiRequest<T>(ctx, api, req)).then((outcome) => ({
		timedOut: false as const,
		outcome,
	}));
	const winner = await Promise.race([settled, timer]);
	stop.abort();
	if (winner.timedOut) throw new TimeLimitError(api.system, limit.budgetMs);
	if (!winner.outcome.ok) throw winner.outcome.error;
	return winner.outcome.value;
}

export function backoffMs(attempt: number, policy: RetryPolicy): number {
	const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return cap / 2 + jitter(cap / 2);
}

function jitter(maxMs: number): number {
	return Math.floor(Math.random() * maxMs);
}

type ThrownFailure =
	| { kind: 'http'; status: number; body: unknown }
	| { kind: 'network'; code: string; mayHaveArrived: boolean }
	| { kind: 'other'; message: string };

// Connection failures before the request left this machine: safe to resend even a write.
const NOT_SENT = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENETDOWN',
	'UND_ERR_CONNECT_TIMEOUT',
]);
const MAYBE_SENT = new Set([
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'ECONNABORTED',
	'ESOCKETTIMEDOUT',
	'UND_ERR_SOCKET',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
]);

function classifyThrown(error: unknown): ThrownFailure {
	const chain: Array<Record<string, unknown>> = [];
	for (
		let e: unknown = error;
		e && typeof e === 'object' && chain.length < 6;
		e = (e as { cause?: unknown }).cause
	) {
		chain.push(e as Record<string, unknown>);
	}
	for (const e of chain) {
		const response = e.response as { status?: number; data?: unknown } | undefined;
		if (response && typeof response.status === 'number')
			return { kind: 'http', status: response.status, body: response.data };
	}
	for (const e of chain) {
		const code = typeof e.code === 'string' ? e.code : undefined;
		if (code && NOT_SENT.has(code)) return { kind: 'network', code, mayHaveArrived: false };
		if (code && MAYBE_SENT.has(code)) return { kind: 'network', code, mayHaveArrived: true };
		if (
			typeof e.message === 'string' &&
			/socket hang up|timeout of \d+ms exceeded|terminated/i.test(e.message)
		) {
			return { kind: 'network', code: e.message, mayHaveArrived: true };
		}
	}
	const deepest = chain[chain.length - 1];
	const httpCode = chain
		.map((e) => e.httpCode)
		.find((c) => typeof c === 'string' && /^\d{3}$/.test(c));
	if (httpCode)
		return {
			kind: 'http',
			status: Number(httpCode),
			body: { message: String(deepest?.message ?? '') },
		};
	return { kind: 'other', message: String(deepest?.message ?? error) };
}

// Plain words, not Node's error codes: n8n replaces any message containing a code such as
// ECONNRESET with its own generic sentence, which would hide which API and request it was.
const NETWORK_WORDS: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ECONNRESET: 'the connection was reset',
	EPIPE: 'the connection closed while sending',
	ETIMEDOUT: 'no answer within the timeout',
	ECONNABORTED: 'no answer within the timeout',
	ESOCKETTIMEDOUT: 'no answer within the timeout',
	ENOTFOUND: 'the host name could not be resolved',
	EAI_AGAIN: 'the host name could not be resolved',
	EHOSTUNREACH: 'the host is unreachable',
	ENETUNREACH: 'the network is unreachable',
	ENETDOWN: 'the network is down',
};

function networkWords(code: string): string {
	if (NETWORK_WORDS[code]) return NETWORK_WORDS[code];
	if (/timeout|TIMEOUT/.test(code)) return 'no answer within the timeout';
	return 'the connection dropped';
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

function abortSignalOf(ctx: Context): AbortSignal | undefined {
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

function stripUndefined<T extends object>(o: T): Partial<T> {
	return Object.fromEntries(
		Object.entries(o).filter(([, v]) => v !== undefined && v !== null && !Number.isNaN(v)),
	) as Partial<T>;
}
