import type { ICredentialDataDecryptedObject, IAdditionalCredentialOptions } from 'n8n-workflow';

/**
 * A credential whose token the credential's own preAuthentication fetches (n8n keeps it in an
 * expirable hidden field). n8n fetches it again only when the field is empty or a request threw
 * 401, and n8n 1.x cannot both read error answers and throw on 401. So the transport owns the
 * refresh for such credentials, the same way on every n8n version: it hands n8n the credential data
 * with the token field emptied, n8n runs preAuthentication (and stores the new token), and the
 * transport keeps the new token for the rest of the run.
 */
export interface ExpiringToken {
	/** The expirable hidden field holding the token, e.g. accessToken. */
	field: string;
	/** The hidden field holding when the token expires (ISO 8601), filled by preAuthentication. */
	expiresAtField: string;
}

/** Fetch a new token this long before the old one expires, so no request goes out with a dying one. */
export const REFRESH_EARLY_MS = 60_000;

/** Whether the stored token is past (or within a minute of) its expiry. Unknown expiry: not stale. */
export function tokenIsStale(
	credentials: ICredentialDataDecryptedObject,
	token: ExpiringToken,
	now = Date.now(),
): boolean {
	const at = Date.parse(String(credentials[token.expiresAtField] ?? ''));
	return Number.isFinite(at) && now >= at - REFRESH_EARLY_MS;
}

/**
 * The credential one request hands n8n (every API but OAuth2, request.ts): a copy of what the run
 * read once, so n8n neither loads and decrypts it from its database for each request (about 4 ms a
 * request in n8n 2.41 when many run at once, BENCHMARKS.md section 1b) nor lets one request's
 * changes reach another. `emptyToken`: the token is emptied in the copy, so n8n's preAuthentication
 * fetches a new one, writes it into the copy and persists it.
 */
export function credentialsForCall(
	credentials: ICredentialDataDecryptedObject,
	credentialType: string,
	emptyToken?: ExpiringToken,
): { data: ICredentialDataDecryptedObject; options: IAdditionalCredentialOptions } {
	const data = { ...credentials, ...(emptyToken ? { [emptyToken.field]: '' } : {}) };
	return {
		data,
		options: { credentialsDecrypted: { id: '', name: credentialType, type: credentialType, data } },
	};
}

/** Keeps a token n8n fetched during a request, so later requests of the run use it. */
export function adoptToken(
	session: ICredentialDataDecryptedObject,
	used: ICredentialDataDecryptedObject,
	token: ExpiringToken,
): void {
	const fresh = used[token.field];
	if (typeof fresh !== 'string' || !fresh || fresh === session[token.field]) return;
	// Everything preAuthentication returned with the token (its expiry, whom it was issued for).
	Object.assign(session, used);
}
