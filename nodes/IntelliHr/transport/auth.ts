import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { parseUrl, pinToOrigin } from '../../shared/originGuard';
import { normalizeSubdomain } from '../../shared/subdomain';

/**
 * How an IntelliHR credential turns into a request. Used by the credential's `authenticate` (so
 * the credential test, this node and the HTTP Request node all get the same checks) and by the
 * node's transport. The API host is fixed; the company subdomain only ever travels in a header.
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

/** The API base: https://api.intellihr.io/v1 unless a sandbox URL was set on purpose. */
export function intelliHrBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const raw = String(credentials.apiBaseUrl ?? '').trim() || INTELLIHR_API_BASE;
	const url = parseUrl(raw);
	if (!url)
		throw new Error(
			'IntelliHR credential: API Base URL is not a URL. Leave it at https://api.intellihr.io/v1 unless you test against a sandbox',
		);
	if (
		!['https:', 'http:'].includes(url.protocol) ||
		url.username ||
		url.password ||
		url.search ||
		url.hash
	) {
		throw new Error(
			'IntelliHR credential: API Base URL must be a plain http(s) address without user name, query or fragment, e.g. https://api.intellihr.io/v1',
		);
	}
	return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

export function intelliHrApiKey(credentials: ICredentialDataDecryptedObject): string {
	const key = String(credentials.apiKey ?? '').trim();
	if (!key)
		throw new Error(
			'IntelliHR credential: API Key is empty. Create one in IntelliHR under Settings › Public API Access Keys',
		);
	if (/[^\x21-\x7e]/.test(key))
		throw new Error(
			'IntelliHR credential: API Key contains spaces, line breaks or other characters a key cannot have. Copy it again',
		);
	return key;
}

/** The web app address of a person, e.g. https://acme.intellihr.net/spa/people/<id> (path is a best guess). */
export function personProfileUrl(tenant: string, personId: string): string {
	return `https://${tenant}.${INTELLIHR_WEB_DOMAIN}/spa/people/${encodeURIComponent(personId)}`;
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
	const key = intelliHrApiKey(credentials);
	pinToOrigin(requestOptions, intelliHrBaseUrl(credentials), 'IntelliHR');
	requestOptions.headers = {
		...(requestOptions.headers ?? {}),
		Authorization: `Bearer ${key}`,
		tenant,
	};
	return requestOptions;
}
