import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { packageTypes } from '../harness/runWorkflow';
import { credentialTest } from '../contracts/helpers';

/** n8n's httpRequest as a credential's preAuthentication sees it, over fetch (sandboxes only). */
async function httpRequest(o: IHttpRequestOptions): Promise<unknown> {
	const url = new URL(String(o.url));
	for (const [k, v] of Object.entries(o.qs ?? {})) url.searchParams.set(k, String(v));
	const headers: Record<string, string> = {};
	for (const [k, v] of Object.entries(o.headers ?? {})) headers[k] = String(v);
	if (o.auth)
		headers.Authorization = `Basic ${Buffer.from(`${o.auth.username}:${o.auth.password}`).toString('base64')}`;
	const body = typeof o.body === 'string' || o.body === undefined ? o.body : JSON.stringify(o.body);
	const res = await fetch(url, { method: o.method ?? 'GET', headers, body: body as string });
	const text = await res.text();
	let parsed: unknown = text;
	try {
		parsed = JSON.parse(text);
	} catch {
		// text stays text
	}
	if (!o.ignoreHttpStatusErrors && res.status >= 400) throw new Error(`HTTP ${res.status}`);
	return o.returnFullResponse ? { statusCode: res.status, body: parsed, headers: {} } : parsed;
}

/**
 * The credential Test button as n8n runs it: preAuthentication always (a test never trusts a
 * stored token), then the test request; responseCode rules give the message, any other non-2xx fails.
 */
export async function pressTest(
	credentialType: string,
	credentials: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const type = packageTypes().credentials[credentialType];
	const data = { ...credentials };
	let bearer: string | undefined;
	if (typeof type.preAuthentication === 'function') {
		try {
			Object.assign(data, await type.preAuthentication.call({ helpers: { httpRequest } }, data));
			if (data.accessToken) bearer = String(data.accessToken);
		} catch (error) {
			return { status: 'Error', message: (error as Error).message };
		}
	}
	const res = await credentialTest(credentialType, data, bearer ? { bearer } : {});
	for (const rule of type.test?.rules ?? [])
		if (rule.type === 'responseCode' && rule.properties.value === res.status)
			return { status: 'Error', message: rule.properties.message };
	if (res.status < 200 || res.status > 299)
		return { status: 'Error', message: `Received HTTP status code: ${res.status}` };
	return { status: 'OK', message: 'Connection successful!' };
}
