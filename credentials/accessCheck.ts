import type {
	ICredentialDataDecryptedObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import {
	authenticateIntelliHr,
	authenticatePinpoint,
	authenticateStardex,
	intelliHrBaseUrl,
	pinpointBaseUrl,
	stardexBaseUrl,
} from '../nodes/shared/origins';

/**
 * A credential test that proves more than "the key authenticates": after the test's own request
 * works, one read per capability the nodes need (IntelliHR's dropdown lists, Stardex's person
 * search, Pinpoint's applications). It runs as the credential's preAuthentication, which n8n calls
 * on every Test press and, in workflows, only after a 401 (the field below is never empty), so it
 * costs nothing in normal runs.
 */

/** One read that shows the key may do something a node needs. */
export interface AccessProbe {
	/** What the key must be allowed, in the vendor's words, e.g. "read Business Units". */
	permission: string;
	/** Which part of the package needs it, e.g. "the Send Hired operation's Business Unit list". */
	neededBy: string;
	/** Path and query under the API base (the credential's authenticate adds the key). */
	path: string;
	method?: 'GET' | 'POST';
	qs?: Record<string, string | number>;
	body?: Record<string, unknown>;
	/** Statuses that also prove access, e.g. Pinpoint's 404 for an application that does not exist. */
	alsoFine?: number[];
}

export interface AccessCheck {
	system: string;
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	authenticate(
		credentials: ICredentialDataDecryptedObject,
		options: IHttpRequestOptions,
	): IHttpRequestOptions | Promise<IHttpRequestOptions>;
	headers?: Record<string, string>;
	/** The test request itself: when it does not pass, its own rules give the message. */
	base: AccessProbe;
	probes: AccessProbe[];
	/** Where in the vendor's app the permissions are granted. */
	fix: string;
}

/** The expirable field that makes n8n run preAuthentication; its default is never empty. */
export const ACCESS_CHECK_FIELD: INodeProperties = {
	displayName: 'Access Checked',
	name: 'accessCheckedAt',
	type: 'hidden',
	typeOptions: { expirable: true },
	default: 'on every credential test',
};

type Answer = { statusCode: number } | undefined;

async function send(
	helpers: IHttpRequestHelper['helpers'],
	check: AccessCheck,
	credentials: ICredentialDataDecryptedObject,
	probe: AccessProbe,
): Promise<Answer> {
	const options = await check.authenticate(credentials, {
		method: probe.method ?? 'GET',
		url: `${check.baseUrl(credentials)}${probe.path}`,
		qs: probe.qs,
		body: probe.body,
		headers: {
			Accept: 'application/json',
			...(probe.body ? { 'Content-Type': 'application/json' } : {}),
			...check.headers,
		},
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: 30_000,
	});
	try {
		return (await helpers.httpRequest(options)) as { statusCode: number };
	} catch {
		// Unreachable or timed out: the test request itself reports that.
		return undefined;
	}
}

const passed = (answer: Answer, probe: AccessProbe) =>
	answer !== undefined &&
	((answer.statusCode >= 200 && answer.statusCode < 300) ||
		(probe.alsoFine ?? []).includes(answer.statusCode));

/**
 * Runs the probes. Throws one message naming every permission the key lacks (a 403); anything
 * else (a refused key, a wrong tenant, an outage) is left to the test request and its rules.
 */
export async function checkAccess(
	this: IHttpRequestHelper,
	check: AccessCheck,
	credentials: ICredentialDataDecryptedObject,
): Promise<ICredentialDataDecryptedObject> {
	if (!passed(await send(this.helpers, check, credentials, check.base), check.base)) return {};
	const missing: AccessProbe[] = [];
	for (const probe of check.probes) {
		const answer = await send(this.helpers, check, credentials, probe);
		if (answer?.statusCode === 403) missing.push(probe);
		else if (!passed(answer, probe)) return {};
	}
	if (missing.length > 0) throw new Error(accessProblem(check, missing));
	return { [ACCESS_CHECK_FIELD.name]: new Date().toISOString() };
}

/** "IntelliHR accepted the API key, but it may not: read Business Units (needed by ...); ... Fix." */
export function accessProblem(check: AccessCheck, missing: AccessProbe[]): string {
	const list = missing.map((p) => `${p.permission} (needed by ${p.neededBy})`).join('; ');
	return `${check.system} accepted the API key, but it may not: ${list}. ${check.fix}`;
}

// --- What each credential test checks ---

const sendHiredList = (path: string, name: string): AccessProbe => ({
	permission: `read ${name}`,
	neededBy: `the Send Hired operation's ${name} list`,
	path,
	qs: { limit: 1 },
});

/**
 * What the IntelliHR node needs besides listing people (the test request): the lists behind Send
 * Hired's required dropdowns and the job list its duplicate check reads. The spec
 * (https://developers.intellihr.io/docs/v1/) gives every one of these reads its own 403.
 */
export const INTELLIHR_ACCESS: AccessCheck = {
	system: 'IntelliHR',
	baseUrl: intelliHrBaseUrl,
	authenticate: authenticateIntelliHr,
	base: {
		permission: 'read People',
		neededBy: 'every operation',
		path: '/people',
		qs: { limit: 1 },
	},
	probes: [
		sendHiredList('/business-entities', 'Business Entities'),
		sendHiredList('/business-units', 'Business Units'),
		sendHiredList('/work-classes', 'Work Classes'),
		sendHiredList('/locations', 'Locations'),
		sendHiredList('/work-types', 'Work Types'),
		{
			permission: 'read Jobs',
			neededBy: "the Send Hired operation's check for an existing job",
			path: '/jobs',
			qs: { limit: 1 },
		},
	],
	fix: 'Ask an IntelliHR administrator to create the key with access to these areas (Settings › Public API Access Keys).',
};

/**
 * Besides searching jobs (the test request), the node finds existing candidates with a person
 * search before it creates anyone (https://docs.stardex.com/api-reference/persons/search-persons).
 */
export const STARDEX_ACCESS: AccessCheck = {
	system: 'Stardex',
	baseUrl: stardexBaseUrl,
	authenticate: authenticateStardex,
	base: {
		permission: 'search jobs',
		neededBy: 'the job pickers',
		path: '/v1/jobs/search',
		method: 'POST',
		body: { limit: 1 },
	},
	probes: [
		{
			permission: 'search persons',
			neededBy: 'the candidate lookup before every create, and If Candidate Exists',
			path: '/v1/persons/search',
			method: 'POST',
			body: { limit: 1 },
		},
	],
	fix: 'Ask a Stardex admin for a key with access to jobs and persons.',
};

/**
 * Besides listing jobs (the test request), the trigger reads the application each webhook names,
 * with the query it sends for confidential jobs (https://developers.pinpointhq.com/reference/get-application).
 * An id that cannot exist answers 404 to a key that may read applications, and 403 otherwise.
 */
export const PINPOINT_ACCESS: AccessCheck = {
	system: 'Pinpoint',
	baseUrl: pinpointBaseUrl,
	authenticate: authenticatePinpoint,
	headers: { Accept: 'application/vnd.api+json, application/json' },
	base: {
		permission: 'read Jobs',
		neededBy: 'the trigger',
		path: '/jobs',
		qs: { 'page[size]': 1 },
	},
	probes: [
		{
			permission: 'read Applications',
			neededBy: 'the Pinpoint Trigger, which reads the application of every event',
			path: '/applications/0',
			qs: { 'filter[job_visibility]': 'confidential', 'extra_fields[applications]': 'attachments' },
			alsoFine: [404],
		},
	],
	fix: 'Give the key Read permission for Applications (Settings › API & Webhooks › API Keys).',
};
