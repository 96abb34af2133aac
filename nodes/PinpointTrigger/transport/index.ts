import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { checkedTestingOverride } from '../../shared/originGuard';
import { normalizeSubdomain } from '../../shared/subdomain';
import { httpStatusOf, settle } from '../../shared/errors';
import { type ApiDefinition, type Context, requestBefore } from '../../shared/transport';
import { str } from '../../shared/values';
import { type Document, readDocument, related } from '../jsonApi';

/**
 * The Pinpoint API (https://developers.pinpointhq.com): where it lives, and the reads the trigger
 * needs, through the shared transport. How its bodies are read is jsonApi.ts.
 */

export const PINPOINT_DOMAIN = 'pinpointhq.com';

/**
 * The API base URL for a credential: always https://<subdomain>.pinpointhq.com/api/v1, where the
 * subdomain passes the shared strict validator. The testing override may only name this machine
 * (http or https on localhost, 127.0.0.1 or [::1], for a sandbox) or an https *.pinpointhq.com
 * address, so the API key can never be sent to a third host. Throws a message that says how to fix it.
 */
export function pinpointBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const override = str(credentials.baseUrlOverride);
	if (override) return checkedOverride(override);
	const subdomain = normalizeSubdomain(credentials.subdomain, {
		productDomains: [PINPOINT_DOMAIN],
		productName: 'Pinpoint',
		fieldName: 'Subdomain',
	});
	return `https://${subdomain}.${PINPOINT_DOMAIN}/api/v1`;
}

function checkedOverride(value: string): string {
	return checkedTestingOverride(value, {
		leaveEmptyFor: `https://<subdomain>.${PINPOINT_DOMAIN}/api/v1`,
		// The shared validator decides what a valid <company>.pinpointhq.com host is (it throws why not).
		checkHost: (host) =>
			void normalizeSubdomain(host, {
				productDomains: [PINPOINT_DOMAIN],
				productName: 'Pinpoint',
				fieldName: 'API Base URL host',
			}),
	});
}

export const pinpointApi: ApiDefinition = {
	system: 'Pinpoint',
	credentialType: 'pinpointApi',
	baseUrl: pinpointBaseUrl,
	headers: () => ({ Accept: 'application/vnd.api+json, application/json' }),
	hint: (status) => {
		if (status === 401)
			return 'Pinpoint did not accept the API key. Create one under Settings › API & Webhooks › API Keys and paste it into the credential';
		if (status === 403)
			return 'The API key may not read this. Give it Read permission for Applications, Candidates and Jobs (Settings › API & Webhooks › API Keys)';
		if (status === 404)
			return 'Pinpoint has no such record; it may have been deleted since the event was sent';
		return undefined;
	},
};

export const APPLICATION_INCLUDES = 'candidate,job,stage,offers';

export interface Fetched {
	application: Document;
	candidate?: Document;
}

/**
 * Reads an application (with its candidate, job, stage and offers when Pinpoint side-loads them) and,
 * when it has no email of its own, the candidate, within `budgetMs` in total and without retries:
 * a webhook must be answered within Pinpoint's 5 seconds. Throws on failure.
 */
export async function fetchApplicationDetails(
	ctx: Context,
	applicationId: string,
	budgetMs: number,
): Promise<Fetched> {
	const limit = { deadline: Date.now() + budgetMs, budgetMs };
	const get = async (path: string, qs?: Record<string, string>) =>
		(await requestBefore<unknown>(ctx, pinpointApi, { method: 'GET', path, qs }, limit)).body;
	const path = `/applications/${encodeURIComponent(applicationId)}`;
	// A JSON:API server answers 400 to an include it does not know; the names are UNCONFIRMED, so
	// a 400 is answered by reading the application alone.
	const withIncludes = await settle(get(path, { include: APPLICATION_INCLUDES }));
	if (!withIncludes.ok && httpStatusOf(withIncludes.error) !== 400) throw withIncludes.error;
	const body = withIncludes.ok ? withIncludes.value : await get(path);
	const application = readDocument(body, 'application');
	const fetched: Fetched = { application };
	const candidateRef = related(application, ['candidate', 'applicant']);
	const hasOwnEmail = Boolean(
		str(application.resource?.attributes.email) ?? str(candidateRef?.attributes.email),
	);
	if (candidateRef?.id && !hasOwnEmail)
		fetched.candidate = readDocument(
			await get(`/candidates/${encodeURIComponent(candidateRef.id)}`),
			'candidate',
		);
	return fetched;
}
