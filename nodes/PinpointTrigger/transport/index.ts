import { httpStatusOf, settle } from '../../shared/errors';
import type { ApiDefinition, Context } from '../../shared/http/request';
import { requestBefore } from '../../shared/http/requestBefore';
import { pinpointBaseUrl } from '../../shared/origins';
import { type Document, readDocument } from '../jsonApi';

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

/** Relationships of an application (applications_related in Pinpoint's API reference). */
export const APPLICATION_INCLUDES = 'job,stage,offers';

/**
 * The query of every application read. The CV comes only as an extra field scoped to applications
 * ("extra_fields[applications]=attachments"; https://developers.pinpointhq.com/reference/get-application).
 */
export const APPLICATION_QUERY: Record<string, string> = {
	include: APPLICATION_INCLUDES,
	'extra_fields[applications]': 'attachments',
};

/**
 * Pinpoint leaves applications on confidential jobs out unless `confidential` is in
 * filter[job_visibility] "alongside other visibility options" (same page). The other option names
 * are in no public source, so the default read (every other visibility) comes first, and only a
 * 404 is asked again for confidential jobs alone.
 */
export const CONFIDENTIAL_FILTER: Record<string, string> = {
	'filter[job_visibility]': 'confidential',
};

export interface Fetched {
	application: Document;
	/** Not read any more (applications carry the person); kept for items built by older versions. */
	candidate?: Document;
}

/**
 * Reads an application with its job, stage, offers and CV, within `budgetMs` in total and without
 * retries: a webhook must be answered within Pinpoint's 5 seconds. Throws on failure.
 */
export async function fetchApplicationDetails(
	ctx: Context,
	applicationId: string,
	budgetMs: number,
): Promise<Fetched> {
	const limit = { deadline: Date.now() + budgetMs, budgetMs };
	const path = `/applications/${encodeURIComponent(applicationId)}`;
	const get = async (qs: Record<string, string>) =>
		(await requestBefore<unknown>(ctx, pinpointApi, { method: 'GET', path, qs }, limit)).body;
	const read = async (qs: Record<string, string>) => {
		const first = await settle(get(qs));
		if (first.ok || httpStatusOf(first.error) !== 404) return first;
		return await settle(get({ ...qs, ...CONFIDENTIAL_FILTER }));
	};
	let answer = await read(APPLICATION_QUERY);
	// A JSON:API server answers 400 to a parameter it does not know: read the application alone.
	if (!answer.ok && httpStatusOf(answer.error) === 400) answer = await read({});
	if (!answer.ok) throw answer.error;
	return { application: readDocument(answer.value, 'application') };
}
