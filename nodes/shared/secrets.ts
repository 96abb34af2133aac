/**
 * Redaction by value. Every secret the package handles (credential keys, tokens obtained, trigger
 * secrets, a body secret under any field name) is remembered here when it is read, and every
 * place that writes an output, an error, an HTTP answer or a log line replaces those values with
 * "[redacted]", whatever field or text they turn up in (an API that echoes a key, a sender that
 * copies a secret into another field). Patterns such as "Bearer ..." cannot know a key that shows
 * up bare; the values can.
 *
 * The memory is per process and bounded: redacting another run's secret is harmless, forgetting
 * one is not, so the oldest go first only past MAX_REMEMBERED.
 */

export const REDACTED = '[redacted]';

/** Shorter values would redact ordinary words; a credential that short is refused elsewhere. */
export const MIN_SECRET_LENGTH = 4;
const MAX_REMEMBERED = 2000;
const MAX_DEPTH = 40;

const known = new Set<string>();
/** Longest first, so a secret that contains another is replaced whole. Rebuilt when `known` changes. */
let ordered: string[] = [];

/** Remembers secret values (strings; others ignored) and the forms they travel in. */
export function rememberSecrets(...values: unknown[]): void {
	let changed = false;
	for (const value of values) {
		if (typeof value !== 'string') continue;
		for (const form of formsOf(value)) {
			if (form.length < MIN_SECRET_LENGTH || known.has(form)) continue;
			known.add(form);
			changed = true;
		}
	}
	if (!changed) return;
	while (known.size > MAX_REMEMBERED) known.delete(known.values().next().value as string);
	ordered = [...known].sort((a, b) => b.length - a.length);
}

/** The value as typed, trimmed, URL-encoded and base64 (as in a Basic header), each once. */
function formsOf(value: string): string[] {
	const trimmed = value.trim();
	const forms = new Set([value, trimmed, encodeURIComponent(trimmed)]);
	forms.add(Buffer.from(trimmed).toString('base64').replace(/=+$/, ''));
	return [...forms];
}

/** Remembers a Basic auth pair as it is sent: base64 of "user:password". */
export function rememberBasicAuth(user: string, password: string): void {
	rememberSecrets(password, Buffer.from(`${user}:${password}`).toString('base64'));
}

// Field names whose values are secrets in our credentials (apiKey, clientSecret, accessToken,
// webhookSigningSecret, secretKey, oauthTokenData.access_token, ...).
const SECRET_FIELD = /(key|secret|token|password)$/i;

/** Remembers every secret field of a credential, nested ones (OAuth token data) included. */
export function rememberCredentialSecrets(credentials: unknown, depth = 0): void {
	if (typeof credentials !== 'object' || credentials === null || depth > 3) return;
	for (const [field, value] of Object.entries(credentials)) {
		if (typeof value === 'string' && SECRET_FIELD.test(field)) rememberSecrets(value);
		else if (typeof value === 'object') rememberCredentialSecrets(value, depth + 1);
	}
}

/** Text with every remembered secret (and each of `extra`) replaced by "[redacted]". */
export function redactText(text: string, extra: readonly string[] = []): string {
	let out = text;
	for (const secret of extra.length ? withExtra(extra) : ordered)
		if (out.includes(secret)) out = out.split(secret).join(REDACTED);
	return out;
}

function withExtra(extra: readonly string[]): string[] {
	const more = extra.flatMap((s) => formsOf(s)).filter((s) => s.length >= MIN_SECRET_LENGTH);
	return [...new Set([...ordered, ...more])].sort((a, b) => b.length - a.length);
}

/**
 * A copy of `value` with every string (object keys too) redacted. Plain objects and arrays are
 * walked; anything else is returned as it is. Values without a secret keep their identity.
 */
export function redactSecrets<T>(value: T, extra: readonly string[] = []): T {
	if (ordered.length === 0 && extra.length === 0) return value;
	const secrets = extra.length ? withExtra(extra) : ordered;
	return walk(value, secrets, 0) as T;
}

function walk(value: unknown, secrets: string[], depth: number): unknown {
	if (typeof value === 'string') return replaceAll(value, secrets);
	if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return value;
	if (Array.isArray(value)) {
		const out = value.map((v) => walk(v, secrets, depth + 1));
		return out.some((v, i) => v !== value[i]) ? out : value;
	}
	const proto = Object.getPrototypeOf(value) as unknown;
	if (proto !== Object.prototype && proto !== null) return value;
	let changed = false;
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(value)) {
		const key = replaceAll(k, secrets);
		const next = walk(v, secrets, depth + 1);
		if (key !== k || next !== v) changed = true;
		out[key] = next;
	}
	return changed ? out : value;
}

function replaceAll(text: string, secrets: string[]): string {
	let out = text;
	for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
	return out;
}

/**
 * Redacts an error in place (message, description, cause, context, and n8n's `messages`), so
 * what n8n shows, stores and logs carries no secret. Returns the same error.
 */
export function redactError<E>(error: E, extra: readonly string[] = []): E {
	if (typeof error !== 'object' || error === null) return error;
	const e = error as Record<string, unknown>;
	for (const field of ['message', 'description', 'stack']) {
		if (typeof e[field] === 'string') e[field] = redactText(e[field], extra);
	}
	for (const field of ['context', 'messages', 'errorResponse']) {
		if (e[field] !== undefined) e[field] = redactSecrets(e[field], extra);
	}
	const cause = e.cause;
	if (cause instanceof Error) redactError(cause, extra);
	else if (cause !== undefined) e.cause = redactSecrets(cause, extra);
	return error;
}

/** For tests: forget every remembered secret. */
export function forgetSecrets(): void {
	known.clear();
	ordered = [];
}
