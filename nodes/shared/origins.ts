import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { describeErrorBody, redact } from './errors';
import { rememberBasicAuth, rememberSecrets } from './secrets';
import { normalizeSubdomain } from './subdomain';
import { safeJson, str } from './values';

/**
 * Where each API lives, and who may receive a credential's key. This is the only file under
 * nodes/ that credentials/ imports, and it makes no request of its own: credentials run in places
 * where no node runs (the credential test, the HTTP Request node), so what they need is kept here,
 * free of the transport and of any node's internals.
 */

/**
 * Pins a credential to one API origin. Called from a credential's `authenticate`, so it holds for
 * every request made with the credential (our nodes, the credential test, the HTTP Request node):
 * the key is never attached to a request for another host, and never follows a redirect at all (a
 * redirect answer comes back as it is; n8n's cross-origin stripping only covers `Authorization`,
 * not keys in other headers such as Pinpoint's X-API-KEY).
 */
export function pinToOrigin(
	requestOptions: IHttpRequestOptions,
	base: string,
	system: string,
): void {
	const allowed = new URL(base).origin;
	const legacy = requestOptions as IHttpRequestOptions & { uri?: string };
	const target = String(legacy.uri ?? requestOptions.url ?? '');
	const resolved = parseUrl(target, requestOptions.baseURL || `${base}/`);
	if (!resolved) throw new Error(`${system} credential: the request has no valid URL`);
	if (resolved.origin !== allowed || resolved.username || resolved.password) {
		throw new Error(
			`${system} credential: refusing to send the API key to ${resolved.origin}; it is only sent to ${allowed}`,
		);
	}
	const absolute = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(target);
	if (!absolute && !requestOptions.baseURL) requestOptions.baseURL = base;
	requestOptions.disableFollowRedirect = true;
	requestOptions.sendCredentialsOnCrossOriginRedirect = false;
	requestOptions.allowedDomains = new URL(base).hostname;
}

/** new URL() that answers undefined instead of throwing. */
export function parseUrl(value: string, base?: string): URL | undefined {
	try {
		return new URL(value, base);
	} catch {
		return undefined;
	}
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The credential field that allows a base URL on this machine (a sandbox); off unless set on purpose. */
export const LOOPBACK_TOGGLE = 'allowLoopbackBaseUrl';

/** The toggle every credential with a base URL carries. Only `true` (a switched-on toggle) counts. */
export const loopbackToggle = {
	displayName: 'Testing Only: Allow Loopback Base URL',
	name: LOOPBACK_TOGGLE,
	type: 'boolean' as const,
	default: false,
	description:
		'Whether the base URL may point to this machine (localhost, 127.0.0.1 or [::1]), for a local sandbox. Leave off in production: the key is then only ever sent to the vendor over https.',
};

export const allowsLoopback = (credentials: ICredentialDataDecryptedObject): boolean =>
	credentials[LOOPBACK_TOGGLE] === true;

/** Who may receive a vendor's key: exact hosts, or hosts under a vendor-owned domain. */
export interface VendorHosts {
	/** Exact host names, e.g. api.lemlist.com. */
	hosts: string[];
	/** Registrable domains whose subdomains belong to the vendor, e.g. greenhouse.io. */
	suffixes?: string[];
	/** Extra check on an allowed host (e.g. Pinpoint's subdomain rules); returns why not, or throws. */
	checkHost?: (host: string) => string | undefined;
}

/**
 * A base URL a credential's key may be sent to: https on one of the vendor's hosts (no port, no user
 * name, no query), or, only when the credential's loopback toggle is on, http(s) on this machine.
 * IP literals other than loopback are always refused. Returns origin + path, no trailing slash.
 */
export function checkedVendorUrl(
	value: string,
	vendor: VendorHosts,
	o: { field: string; official: string; loopback: boolean },
): string {
	const fail = (why: string) =>
		new Error(`${o.field} ${why}. Leave it empty or at ${o.official} to use the vendor's API`);
	const url = parseUrl(value);
	if (!url) throw fail('is not an address');
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		throw fail(`uses "${url.protocol}//"; only https:// addresses are accepted`);
	if (url.username || url.password) throw fail('may not contain a user name or password');
	if (url.search || url.hash) throw fail('may not contain a query or a fragment');
	const host = url.hostname.toLowerCase();
	if (LOOPBACK.has(host)) {
		if (!o.loopback)
			throw fail(
				'points to this machine; turn on "Testing Only: Allow Loopback Base URL" in the credential if this is a local sandbox',
			);
	} else {
		const refused = vendorHostProblem(host, vendor);
		if (refused) throw fail(refused);
		if (url.protocol !== 'https:') throw fail('must be https://');
		if (url.port) throw fail('may not contain a port');
	}
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function vendorHostProblem(host: string, vendor: VendorHosts): string | undefined {
	const names = [...vendor.hosts, ...(vendor.suffixes ?? []).map((d) => `*.${d}`)].join(', ');
	if (host.startsWith('[') || /^[0-9.]+$/.test(host) || /^0x/i.test(host))
		return `is an IP address; only ${names} may receive the key`;
	const ok =
		vendor.hosts.includes(host) || (vendor.suffixes ?? []).some((d) => host.endsWith(`.${d}`));
	if (!ok) return `points to ${host.slice(0, 100)}; only ${names} may receive the key`;
	return vendor.checkHost?.(host);
}

/**
 * A secret credential field, checked before anything is sent: empty or whitespace-only values are
 * refused (a key of spaces would be sent as is and fail far from its cause), and so are inner
 * spaces, line breaks and non-ASCII characters, which no vendor key has and which can break a
 * header. Returns the trimmed value.
 */
export function secretField(
	credentials: ICredentialDataDecryptedObject,
	field: string,
	o: { label: string; fix: string; optional?: boolean },
): string {
	const raw = credentials[field];
	const key = typeof raw === 'string' ? raw.trim() : '';
	if (!key) {
		if (o.optional && (raw === undefined || raw === '')) return '';
		const what = typeof raw === 'string' && raw !== '' ? 'contains only spaces' : 'is empty';
		throw new Error(`${o.label} ${what}. ${o.fix}`);
	}
	if (/[^\x21-\x7e]/.test(key))
		throw new Error(
			`${o.label} contains spaces, line breaks or other characters a key cannot have. Copy it again`,
		);
	rememberSecrets(key);
	return key;
}

// --- The outreach tools' APIs (Outreach Trigger enrichment) ----------------------------------

export const LEMLIST_API_BASE = 'https://api.lemlist.com/api';
export const INSTANTLY_API_BASE = 'https://api.instantly.ai/api/v2';
export const OUTREACH_IO_API_BASE = 'https://api.outreach.io/api/v2';
export const WOODPECKER_API_BASE = 'https://api.woodpecker.co/rest';
export const SMARTLEAD_API_BASE = 'https://server.smartlead.ai/api/v1';
export const HEYREACH_API_BASE = 'https://api.heyreach.io/api';

/** The base URL for a credential: the official one, or the checked testing override, which may name only the tool's own API host or, with the loopback toggle on, this machine. */
function apiBaseUrl(credentials: ICredentialDataDecryptedObject, official: string): string {
	const override = str(credentials.baseUrlOverride);
	return override ? checkedOverride(override, official, allowsLoopback(credentials)) : official;
}

export const lemlistBaseUrl = (credentials: ICredentialDataDecryptedObject) =>
	apiBaseUrl(credentials, LEMLIST_API_BASE);
export const instantlyBaseUrl = (credentials: ICredentialDataDecryptedObject) =>
	apiBaseUrl(credentials, INSTANTLY_API_BASE);
export const outreachIoBaseUrl = (credentials: ICredentialDataDecryptedObject) =>
	apiBaseUrl(credentials, OUTREACH_IO_API_BASE);
export const woodpeckerBaseUrl = (credentials: ICredentialDataDecryptedObject) =>
	apiBaseUrl(credentials, WOODPECKER_API_BASE);
export const smartleadBaseUrl = (credentials: ICredentialDataDecryptedObject) =>
	apiBaseUrl(credentials, SMARTLEAD_API_BASE);
export const heyreachBaseUrl = (credentials: ICredentialDataDecryptedObject) =>
	apiBaseUrl(credentials, HEYREACH_API_BASE);

export function checkedOverride(value: string, official: string, loopback: boolean): string {
	return checkedVendorUrl(
		value,
		{ hosts: [new URL(official).hostname] },
		{ field: 'API Base URL (Testing Only)', official, loopback },
	);
}

// --- Pinpoint ----------------------------------------------------------------------------------

export const PINPOINT_DOMAIN = 'pinpointhq.com';

const pinpointSubdomain = (value: unknown, fieldName: string) =>
	normalizeSubdomain(value, {
		productDomains: [PINPOINT_DOMAIN],
		productName: 'Pinpoint',
		fieldName,
	});

/**
 * The API base URL for a credential: always https://<subdomain>.pinpointhq.com/api/v1, where the
 * subdomain passes the strict validator (subdomain.ts). The testing override may only name this
 * machine or an https *.pinpointhq.com address. Throws a message that says how to fix it.
 */
export function pinpointBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const override = str(credentials.baseUrlOverride);
	if (override)
		return checkedVendorUrl(
			override,
			{
				hosts: [],
				suffixes: [PINPOINT_DOMAIN],
				// The validator decides what a valid <company>.pinpointhq.com host is (it throws why not).
				checkHost: (host) => void pinpointSubdomain(host, 'API Base URL host'),
			},
			{
				field: 'API Base URL (Testing Only)',
				official: `https://<subdomain>.${PINPOINT_DOMAIN}/api/v1`,
				loopback: allowsLoopback(credentials),
			},
		);
	return `https://${pinpointSubdomain(credentials.subdomain, 'Subdomain')}.${PINPOINT_DOMAIN}/api/v1`;
}

/** Adds the key as X-API-KEY, only on requests to the credential's own Pinpoint origin. */
export function authenticatePinpoint(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	pinToOrigin(requestOptions, pinpointBaseUrl(credentials), 'Pinpoint');
	requestOptions.headers = {
		...requestOptions.headers,
		'X-API-KEY': secretField(credentials, 'apiKey', {
			label: 'Pinpoint credential: API Key',
			fix: 'Create one in Pinpoint under Settings › API & Webhooks › API Keys',
		}),
	};
	return requestOptions;
}

// --- IntelliHR ---------------------------------------------------------------------------------

/**
 * The API host is fixed; the company subdomain only ever travels in the `tenant` header. Used by
 * the credential's `authenticate` (so the credential test, the node and the HTTP Request node all
 * get the same checks) and by the node's transport.
 */
export const INTELLIHR_API_BASE = 'https://api.intellihr.io/v1';
export const INTELLIHR_WEB_DOMAIN = 'intellihr.net';

export function intelliHrTenant(credentials: ICredentialDataDecryptedObject): string {
	return normalizeSubdomain(credentials.subdomain, {
		productDomains: [INTELLIHR_WEB_DOMAIN],
		productName: 'IntelliHR',
		fieldName: 'IntelliHR credential: Company Subdomain',
	});
}

/** The API base: https://api.intellihr.io/v1, another *.intellihr.io host, or a sandbox on this machine with the loopback toggle on. */
export function intelliHrBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const raw = String(credentials.apiBaseUrl ?? '').trim() || INTELLIHR_API_BASE;
	return checkedVendorUrl(
		raw,
		{ hosts: ['api.intellihr.io'], suffixes: ['intellihr.io'] },
		{
			field: 'IntelliHR credential: API Base URL',
			official: INTELLIHR_API_BASE,
			loopback: allowsLoopback(credentials),
		},
	);
}

/**
 * Adds `Authorization: Bearer <key>` and `tenant: <subdomain>`, after checking every field and that
 * the request goes to the configured API host: the key is never attached to a request elsewhere.
 */
export function authenticateIntelliHr(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	const tenant = intelliHrTenant(credentials);
	const key = secretField(credentials, 'apiKey', {
		label: 'IntelliHR credential: API Key',
		fix: 'Create one in IntelliHR under Settings › Public API Access Keys',
	});
	pinToOrigin(requestOptions, intelliHrBaseUrl(credentials), 'IntelliHR');
	requestOptions.headers = {
		...(requestOptions.headers ?? {}),
		Authorization: `Bearer ${key}`,
		tenant,
	};
	return requestOptions;
}

// --- Greenhouse --------------------------------------------------------------------------------

export const GREENHOUSE_API_BASE = 'https://harvest.greenhouse.io';
export const GREENHOUSE_TOKEN_URL = 'https://auth.greenhouse.io/token';
const GREENHOUSE_HOSTS: VendorHosts = {
	hosts: ['harvest.greenhouse.io', 'auth.greenhouse.io'],
	suffixes: ['greenhouse.io'],
};

function greenhouseUrl(
	credentials: ICredentialDataDecryptedObject,
	field: 'apiBaseUrl' | 'tokenUrl',
): string {
	const official = field === 'apiBaseUrl' ? GREENHOUSE_API_BASE : GREENHOUSE_TOKEN_URL;
	return checkedVendorUrl(str(credentials[field]) ?? official, GREENHOUSE_HOSTS, {
		field: `Greenhouse credential: ${field === 'apiBaseUrl' ? 'API Base URL' : 'Token URL'}`,
		official,
		loopback: allowsLoopback(credentials),
	});
}

/** Harvest's base URL: https on *.greenhouse.io, or this machine with the loopback toggle on. */
export const greenhouseBaseUrl = (credentials: ICredentialDataDecryptedObject) =>
	greenhouseUrl(credentials, 'apiBaseUrl');

/** Adds the token that preAuthentication fetched, only on requests to the checked API base. */
export function authenticateGreenhouse(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	pinToOrigin(requestOptions, greenhouseBaseUrl(credentials), 'Greenhouse');
	rememberSecrets(credentials.accessToken);
	requestOptions.headers = {
		...(requestOptions.headers ?? {}),
		// A token issued for other values (say, the secret before it was changed) is not sent.
		Authorization: greenhouseAuthorization(credentials),
	};
	return requestOptions;
}

/**
 * POST <token url> with Basic client_id:client_secret and the form
 * grant_type=client_credentials&sub=<acting user>. Throws what to fix when a field is wrong.
 */
export function greenhouseTokenRequest(
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestOptions {
	const fix = 'Enter the Client ID and Client Secret of a "Harvest V3 (OAuth)" API credential';
	const clientId = secretField(credentials, 'clientId', { label: 'Client ID', fix });
	const clientSecret = secretField(credentials, 'clientSecret', { label: 'Client Secret', fix });
	const url = greenhouseUrl(credentials, 'tokenUrl');
	rememberBasicAuth(clientId, clientSecret);
	const form = new URLSearchParams({ grant_type: 'client_credentials' });
	const sub = actingUser(credentials);
	if (sub) form.set('sub', sub);
	return {
		method: 'POST',
		url,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
		body: form.toString(),
		auth: { username: clientId, password: clientSecret },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: 30_000,
		// The client secret never follows a redirect, to the same host or another.
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
		allowedDomains: new URL(url).hostname,
	};
}

/** The access token from the token endpoint's answer, or an error that says exactly what to fix. */
export function greenhouseTokenFrom(
	res: { statusCode: number; body: unknown },
	credentials: ICredentialDataDecryptedObject,
): string {
	const body = typeof res.body === 'string' ? safeJson(res.body, res.body) : res.body;
	const token = (body as { access_token?: unknown } | undefined)?.access_token;
	if (res.statusCode >= 200 && res.statusCode < 300 && typeof token === 'string' && token) {
		rememberSecrets(token);
		return token;
	}

	const { summary, details } = describeErrorBody(body);
	const said = [summary, ...details].join(' ');
	const sub = actingUser(credentials);
	if (res.statusCode === 401 || /invalid_client|client id|client_id/i.test(said)) {
		throw new Error(
			'Greenhouse did not accept the Client ID and Client Secret (invalid_client). Copy both again from Configure › Dev Center › API Credentials; the credential type must be "Harvest V3 (OAuth)".',
		);
	}
	if (/sub|user/i.test(said) && sub) {
		throw new Error(
			`Greenhouse refused Acting User ID ${sub}: ${redact(said)}. Use the ID of an active Site Admin user.`,
		);
	}
	throw new Error(
		`Greenhouse's token endpoint answered HTTP ${res.statusCode}${said ? `: ${redact(said)}` : ''}`,
	);
}

/**
 * A one-row user list with a just-issued token. v3 list endpoints answer only Site Admins ("GET
 * endpoints are only accessible by site admin users", https://harvestdocs.greenhouse.io/docs/authentication);
 * everyone else gets an empty list, so a lookup by email would find nobody and every export would
 * create a duplicate. An organization always has at least one user, the acting user, so an empty
 * user list means exactly that.
 */
export function greenhouseVisibilityRequest(
	credentials: ICredentialDataDecryptedObject,
	token: string,
): IHttpRequestOptions {
	// The checked base URL: the token goes to the Greenhouse host (or, for tests, this machine) only.
	const base = greenhouseBaseUrl(credentials);
	return {
		method: 'GET',
		url: `${base}/v3/users`,
		disableFollowRedirect: true,
		qs: { per_page: 1 },
		headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: 30_000,
	};
}

/** What is wrong with the acting user, judged by the answer to greenhouseVisibilityRequest. */
export function greenhouseVisibilityProblem(
	res: { statusCode: number; body: unknown },
	credentials: ICredentialDataDecryptedObject,
): string | undefined {
	const body = typeof res.body === 'string' ? safeJson(res.body, res.body) : res.body;
	if (res.statusCode !== 200 || !Array.isArray(body) || body.length > 0) return undefined;
	const sub = actingUser(credentials);
	const who = sub ? `Acting User ${sub}` : "the credential's own service user (no Acting User ID)";
	return `Greenhouse lists nothing to ${who}: Harvest v3 list endpoints answer only Site Admins, so candidate lookups would find nobody and every export would create a duplicate. Enter the ID of an active Site Admin as Acting User ID, or make this user a Site Admin (Configure › Users).`;
}

/**
 * Which Client ID, Client Secret and Acting User a stored token was issued for (an FNV-1a hash, kept
 * in the encrypted credential next to the secret itself). A token issued for other values is never
 * sent: a credential test after the secret was changed, or a run after the acting user was, gets a
 * new token from the values as entered.
 */
export function greenhouseTokenOwner(credentials: ICredentialDataDecryptedObject): string {
	const text = ['clientId', 'clientSecret', 'actingUserId']
		.map((k) => String(credentials[k] ?? '').trim())
		.join('\u0000');
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}

/** The Authorization header for a Greenhouse call: the stored token only if it is this credential's. */
export function greenhouseAuthorization(credentials: ICredentialDataDecryptedObject): string {
	const token = String(credentials.accessToken ?? '');
	const ours = credentials.accessTokenFor === greenhouseTokenOwner(credentials);
	// A token of other values is replaced by one Greenhouse refuses: the 401 makes n8n (or the
	// transport) fetch a new token with the values as entered.
	return `Bearer ${token && ours ? token : 'token-of-other-credential-values'}`;
}

/** Assumed lifetime when the token answer names none (the only published figure is 3600 s). */
const GREENHOUSE_DEFAULT_TTL_S = 3600;

/**
 * When the token from the token endpoint's answer expires, as ISO 8601. Which field the live
 * endpoint sends is not settled by any public source, so both are read: `expires_at` (an ISO
 * timestamp) first, then `expires_in` (seconds), else an hour.
 */
export function greenhouseTokenExpiry(res: { body: unknown }, now = Date.now()): string {
	const raw = typeof res.body === 'string' ? safeJson(res.body, res.body) : res.body;
	const body = (raw ?? {}) as { expires_at?: unknown; expires_in?: unknown };
	const at = typeof body.expires_at === 'string' ? Date.parse(body.expires_at) : NaN;
	if (Number.isFinite(at)) return new Date(at).toISOString();
	const seconds = Number(body.expires_in);
	const ttl = Number.isFinite(seconds) && seconds > 0 ? seconds : GREENHOUSE_DEFAULT_TTL_S;
	return new Date(now + ttl * 1000).toISOString();
}

/** The Acting User ID, sent as `sub`; a non-numeric one is refused before anything is sent. */
function actingUser(credentials: ICredentialDataDecryptedObject): string | undefined {
	const sub = String(credentials.actingUserId ?? '').trim();
	if (!sub) return undefined;
	if (!/^\d+$/.test(sub))
		throw new Error(
			`Acting User ID must be the numeric Greenhouse user ID (e.g. 4080123), not "${sub.slice(0, 40)}"`,
		);
	return sub;
}

// --- Stardex -----------------------------------------------------------------------------------

export const STARDEX_API_BASE = 'https://api.stardex.ai';

/** Stardex's base URL: https on *.stardex.ai, or this machine with the loopback toggle on. */
export function stardexBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return checkedVendorUrl(
		str(credentials.apiBaseUrl) ?? STARDEX_API_BASE,
		{ hosts: ['api.stardex.ai'], suffixes: ['stardex.ai'] },
		{
			field: 'Stardex credential: API Base URL',
			official: STARDEX_API_BASE,
			loopback: allowsLoopback(credentials),
		},
	);
}

/** Adds `Authorization: Bearer <key>` only on requests to the checked API base. */
export function authenticateStardex(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	const key = secretField(credentials, 'apiKey', {
		label: 'Stardex credential: API Key',
		fix: 'Create one in Stardex under Settings',
	});
	pinToOrigin(requestOptions, stardexBaseUrl(credentials), 'Stardex');
	requestOptions.headers = { ...(requestOptions.headers ?? {}), Authorization: `Bearer ${key}` };
	return requestOptions;
}
