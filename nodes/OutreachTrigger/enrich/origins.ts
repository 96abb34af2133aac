import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { checkedTestingOverride } from '../../shared/originGuard';
import { str } from '../../shared/values';

/**
 * Where the three outreach APIs live, and the one way a credential may change that: the
 * "API Base URL (Testing Only)" override, which may name only this machine (a sandbox on localhost,
 * 127.0.0.1 or [::1]) or the tool's real API host over https. Any other host is refused, so an
 * API key or OAuth token is never sent to a third host. No network or node imports here: the
 * credentials use these too.
 */

export const LEMLIST_API_BASE = 'https://api.lemlist.com/api';
export const INSTANTLY_API_BASE = 'https://api.instantly.ai/api/v2';
export const OUTREACH_IO_API_BASE = 'https://api.outreach.io/api/v2';

/** The base URL for a credential: the official one, or the checked testing override. Throws a message that says how to fix it. */
export function apiBaseUrl(credentials: ICredentialDataDecryptedObject, official: string): string {
	const override = str(credentials.baseUrlOverride);
	return override ? checkedOverride(override, official) : official;
}

export const lemlistBaseUrl = (credentials: ICredentialDataDecryptedObject) =>
	apiBaseUrl(credentials, LEMLIST_API_BASE);
export const instantlyBaseUrl = (credentials: ICredentialDataDecryptedObject) =>
	apiBaseUrl(credentials, INSTANTLY_API_BASE);
export const outreachIoBaseUrl = (credentials: ICredentialDataDecryptedObject) =>
	apiBaseUrl(credentials, OUTREACH_IO_API_BASE);

export function checkedOverride(value: string, official: string): string {
	const allowedHost = new URL(official).hostname;
	return checkedTestingOverride(value, {
		leaveEmptyFor: official,
		checkHost: (host) =>
			host === allowedHost
				? undefined
				: `may only point to this machine (localhost) or to ${allowedHost}`,
	});
}
