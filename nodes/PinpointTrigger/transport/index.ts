import { httpStatusOf, settle } from '../../shared/errors';
import type { ApiDefinition, Context } from '../../shared/http/request';
import { requestBefore } from '../../shared/http/requestBefore';
import { pinpointBaseUrl } from '../../shared/origins';
import { str } from '../../shared/values';
import { type Document, readDocument, related } from '../jsonApi';

/**
 * The Pinpoint API (https://developers.pinpointhq.com): where it lives, and the reads the trigger
 * needs, through the shared transport. How its bodies are read is jsonApi.ts.
 */

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
