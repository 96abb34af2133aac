/**
 * What went wrong with one request, as the retry policy needs to know it: an HTTP answer, a
 * connection failure (and whether the request may have reached the server), or anything else.
 */

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

/**
 * A create that was not confirmed, and that lookups afterwards could not find either: it may exist.
 * It is not sent again in this run; the item fails, and a re-run's lookup finds the record if it was
 * created. The item's output says so with `mayHaveBeenCreated: true` (router.ts).
 */
export class MayHaveBeenCreatedError extends Error {
	readonly mayHaveBeenCreated = true;
	constructor(what: string, detail: string) {
		super(`The ${what} may have been created: a re-run will find it. ${detail}`);
		this.name = 'MayHaveBeenCreatedError';
	}
}

export type ThrownFailure =
	| { kind: 'http'; status: number; body: unknown; headers?: Record<string, string> }
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

/** Reads what n8n's request helper threw, looking through its `cause` chain. */
export function classifyThrown(error: unknown): ThrownFailure {
	const chain: Array<Record<string, unknown>> = [];
	for (
		let e: unknown = error;
		e && typeof e === 'object' && chain.length < 6;
		e = (e as { cause?: unknown }).cause
	) {
		chain.push(e as Record<string, unknown>);
	}
	return httpAnswer(chain) ?? connectionFailure(chain) ?? otherFailure(chain, error);
}

function httpAnswer(chain: Array<Record<string, unknown>>): ThrownFailure | undefined {
	for (const e of chain) {
		const response = e.response as
			{ status?: number; data?: unknown; headers?: Record<string, string> } | undefined;
		if (response && typeof response.status === 'number')
			return {
				kind: 'http',
				status: response.status,
				body: response.data,
				headers: { ...response.headers },
			};
	}
	return undefined;
}

function connectionFailure(chain: Array<Record<string, unknown>>): ThrownFailure | undefined {
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
	return undefined;
}

function otherFailure(chain: Array<Record<string, unknown>>, error: unknown): ThrownFailure {
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

export function networkWords(code: string): string {
	if (NETWORK_WORDS[code]) return NETWORK_WORDS[code];
	if (/timeout|TIMEOUT/.test(code)) return 'no answer within the timeout';
	return 'the connection dropped';
}
