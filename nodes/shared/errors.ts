import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { redactSecrets, redactText } from './secrets';
import { isRecord } from './values';

/**
 * One way to turn an API error body into words. Understands every shape our systems use:
 * Greenhouse `{message, errors:[string | {field: msg} | {message, field}]}`, OAuth `{error, error_description}`,
 * Stardex `{success:false, error:{code, message}}`, IntelliHR `{message, errors:[{detail}]}` and
 * JSON:API `{errors:[{title, detail, source:{pointer}}]}`.
 */
export function describeErrorBody(body: unknown): { summary?: string; details: string[] } {
	if (typeof body === 'string')
		return { summary: body.trim().slice(0, 300) || undefined, details: [] };
	if (!isRecord(body)) return { details: [] };
	const details: string[] = [];
	let summary = typeof body.message === 'string' ? body.message : undefined;
	const error = body.error;
	if (typeof error === 'string') {
		details.push(
			typeof body.error_description === 'string' ? `${error}: ${body.error_description}` : error,
		);
	} else if (isRecord(error)) {
		const text = [error.code, error.message].filter((v) => typeof v === 'string').join(': ');
		if (text) details.push(text);
		if (isRecord(error.details)) details.push(...fieldMessages(error.details));
	}
	const errors = body.errors;
	if (Array.isArray(errors)) {
		for (const item of errors) details.push(...describeErrorItem(item));
	} else if (isRecord(errors)) {
		details.push(...fieldMessages(errors));
	}
	// A bare "error" (IntelliHR's documented 400 message) says nothing the details don't.
	if (
		summary &&
		(details.includes(summary) ||
			(details.length > 0 && /^(error|errors?)\.?$/i.test(summary.trim())))
	)
		summary = undefined;
	return { summary, details: details.filter(Boolean) };
}

function describeErrorItem(item: unknown): string[] {
	if (typeof item === 'string') return [item];
	if (!isRecord(item)) return [];
	if (typeof item.field === 'string' && typeof item.message === 'string')
		return [`${item.field}: ${item.message}`];
	const pointer =
		isRecord(item.source) && typeof item.source.pointer === 'string'
			? item.source.pointer
			: undefined;
	const text = item.detail ?? item.message ?? item.title;
	if (typeof text === 'string')
		return [pointer ? `${pointer.replace(/^\/(data\/attributes\/)?/, '')}: ${text}` : text];
	return fieldMessages(item);
}

function fieldMessages(obj: Record<string, unknown>): string[] {
	return Object.entries(obj)
		.filter(([k]) => k !== 'code')
		.map(
			([k, v]) =>
				`${k}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'string' ? v : JSON.stringify(v)}`,
		);
}

export interface ApiErrorInput {
	system: string;
	method: string;
	path: string;
	status?: number;
	body?: unknown;
	/** What to do about it, in the user's words. */
	hint?: string;
	retryAfterSeconds?: number;
}

/** The message users read: what the API said, which field, and how to fix it. Never contains secrets. */
export function formatApiError(input: ApiErrorInput): string {
	const { summary, details } = describeErrorBody(input.body);
	const what = input.status
		? `${input.system} answered ${input.method} ${input.path} with HTTP ${input.status}`
		: `${input.system} did not answer ${input.method} ${input.path}`;
	const said = [summary, ...details].filter(Boolean).join('; ');
	const parts = [said ? `${what}: ${said}` : what];
	if (input.retryAfterSeconds !== undefined)
		parts.push(`(Retry-After ${input.retryAfterSeconds} s)`);
	if (input.hint) parts.push(input.hint);
	return redact(parts.join('. ').replace(/\.\./g, '.'));
}

export function apiError(node: INode, input: ApiErrorInput, itemIndex?: number): NodeApiError {
	const message = formatApiError(input);
	const body = isRecord(input.body)
		? (JSON.parse(redact(JSON.stringify(redactSecrets(input.body)))) as JsonObject)
		: {};
	return new NodeApiError(node, { ...body, message } as JsonObject, {
		message,
		description: input.hint && redact(input.hint),
		httpCode: input.status ? String(input.status) : undefined,
		itemIndex,
	});
}

/** A problem with what the user gave us: names the field and how to fix it. */
export function inputError(
	node: INode,
	itemIndex: number,
	field: string,
	problem: string,
	fix?: string,
): NodeOperationError {
	// The fix is part of the message (continue-on-fail outputs only carry the message), so it is not
	// repeated as a description, which n8n's error panel would show a second time.
	const message = redact(`[item ${itemIndex}] ${field} ${problem}${fix ? `. ${fix}` : ''}`);
	return new NodeOperationError(node, message, { itemIndex });
}

/** Prefixes `[item N]` once, so every error a user sees says which item it belongs to. */
export function withItem(message: string, itemIndex: number): string {
	// An error can be shared by several items (e.g. a cached lookup that failed), so the prefix is
	// replaced rather than trusted.
	return `[item ${itemIndex}] ${message.replace(/^\[item \d+\] /, '')}`;
}

// Tokens and keys must never reach an output or an error, even when an API echoes them back:
// every value the package knows is a secret (secrets.ts), then what looks like one.
const SECRET_PATTERNS: RegExp[] = [
	/(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi,
	/(Basic\s+)[A-Za-z0-9+/=]{8,}/gi,
	/((?:client_id|client_secret|api_key|apikey|access_token|token|secret)["']?\s*[=:]\s*["']?)[^\s"'&,;]{4,}/gi,
];

export function redact(text: string): string {
	return SECRET_PATTERNS.reduce((t, re) => t.replace(re, '$1[redacted]'), redactText(text));
}

/** A promise's outcome as a value, so a caller can handle one kind of failure and pass the rest on
 * unchanged (n8n's lint forbids re-throwing a caught error as is). */
export async function settle<T>(
	promise: Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
	return await promise.then(
		(value) => ({ ok: true as const, value }),
		(error: unknown) => ({ ok: false as const, error }),
	);
}

/** The HTTP status of an API error thrown by the shared transport, e.g. 404 or 409. */
export function httpStatusOf(error: unknown): number | undefined {
	const code = error instanceof NodeApiError ? error.httpCode : undefined;
	return code ? Number(code) : undefined;
}
