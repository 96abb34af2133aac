import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * Pins a credential to one API origin. Called from a credential's `authenticate`, so it holds for
 * every request made with the credential (our nodes, the credential test, the HTTP Request node):
 * the key is never attached to a request for another host, and never follows a redirect elsewhere.
 */
export function pinToOrigin(requestOptions: IHttpRequestOptions, base: string, system: string): void {
	const allowed = new URL(base).origin;
	const legacy = requestOptions as IHttpRequestOptions & { uri?: string };
	const target = String(legacy.uri ?? requestOptions.url ?? '');
	const resolved = parseUrl(target, requestOptions.baseURL || `${base}/`);
	if (!resolved) throw new Error(`${system} credential: the request has no valid URL`);
	if (resolved.origin !== allowed) {
		throw new Error(`${system} credential: refusing to send the API key to ${resolved.origin}; it is only sent to ${allowed}`);
	}
	const absolute = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(target);
	if (!absolute && !requestOptions.baseURL) requestOptions.baseURL = base;
	requestOptions.sendCredentialsOnCrossOriginRedirect = false;
}

function parseUrl(value: string, base: string): URL | undefined {
	try {
		return new URL(value, base);
	} catch {
		return undefined;
	}
}
