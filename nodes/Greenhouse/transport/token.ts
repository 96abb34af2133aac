import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { describeErrorBody, redact } from '../../shared/errors';

/**
 * POST <token url> with Basic client_id:client_secret and the form
 * grant_type=client_credentials&sub=<acting user>. Throws a message that says exactly what to fix.
 */
export async function fetchGreenhouseToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const clientId = String(credentials.clientId ?? '').trim();
	const clientSecret = String(credentials.clientSecret ?? '').trim();
	if (!clientId || !clientSecret)
		throw new Error(
			'Enter the Client ID and Client Secret of a "Harvest V3 (OAuth)" API credential',
		);
	const form = new URLSearchParams({ grant_type: 'client_credentials' });
	const sub = String(credentials.actingUserId ?? '').trim();
	if (sub) {
		if (!/^\d+$/.test(sub))
			throw new Error(
				`Acting User ID must be the numeric Greenhouse user ID (e.g. 4080123), not "${sub.slice(0, 40)}"`,
			);
		form.set('sub', sub);
	}
	const tokenUrl = String(credentials.tokenUrl || 'https://auth.greenhouse.io/token');
	const res = (await helper.helpers.httpRequest({
		method: 'POST',
		url: tokenUrl,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
		body: form.toString(),
		auth: { username: clientId, password: clientSecret },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: 30_000,
	})) as { statusCode: number; body: unknown };
	const body = typeof res.body === 'string' ? safeJson(res.body) : res.body;
	const token = (body as { access_token?: unknown } | undefined)?.access_token;
	if (res.statusCode >= 200 && res.statusCode < 300 && typeof token === 'string' && token)
		return token;

	const { summary, details } = describeErrorBody(body);
	const said = [summary, ...details].join(' ');
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

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}
