import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * Pins a credential to one API origin. Called from a credential's `authenticate`, so it holds for
 * every request made with the credential (our nodes, the credential test, the HTTP Request node):
 * the key is never attached to a request for another host, and never follows a redirect elsewhere.
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
	if (resolved.origin !== allowed) {
		throw new Error(
			`${system} credential: refusing to send the API key to ${resolved.origin}; it is only sent to ${allowed}`,
		);
	}
	const absolute = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(target);
	if (!absolute && !requestOptions.baseURL) requestOptions.baseURL = base;
	requestOptions.sendCredentialsOnCrossOriginRedirect = false;
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

/**
 * A credential's "API Base URL (Testing Only)": either this machine (a sandbox on localhost,
 * 127.0.0.1 or [::1], http or https) or, over https without a port, a host `checkHost` accepts (it
 * returns why not, or throws). Anything else is refused, so a key is never sent to a third host.
 * Returns origin + path without a trailing slash.
 */
export function checkedTestingOverride(
	value: string,
	o: { leaveEmptyFor: string; checkHost: (host: string) => string | undefined },
): string {
	const fail = (why: string) =>
		new Error(`API Base URL (Testing Only) ${why}. Leave it empty to use ${o.leaveEmptyFor}`);
	const url = parseUrl(value);
	if (!url) throw fail('is not an address');
	if (url.username || url.password) throw fail('may not contain a user name or password');
	if (url.search || url.hash) throw fail('may not contain a query or a fragment');
	const host = url.hostname.toLowerCase();
	if (LOOPBACK.has(host)) {
		if (url.protocol !== 'http:' && url.protocol !== 'https:')
			throw fail('must start with http:// or https://');
	} else {
		const refused = o.checkHost(host);
		if (refused) throw fail(refused);
		if (url.protocol !== 'https:')
			throw fail('must be https:// unless it points to this machine (localhost)');
		if (url.port) throw fail('may not contain a port');
	}
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
