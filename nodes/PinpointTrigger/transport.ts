import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { checkedTestingOverride } from '../shared/originGuard';
import { normalizeSubdomain } from '../shared/subdomain';
import { httpStatusOf, settle } from '../shared/errors';
import { type ApiDefinition, type Context, requestBefore } from '../shared/transport';
import { isRecord, type Rec, str } from '../shared/values';

/**
 * Pinpoint specifics only: where the API lives, how its (JSON:API) bodies are read, and the two
 * reads the trigger needs. Requests go through the shared transport.
 * Facts: shared/reference/stardex-intellihr-pinpoint.md §3. The JSON:API shape is [3P] and
 * UNCONFIRMED, so every reader here also accepts plain objects.
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

/** A JSON:API resource `{id, type, attributes, relationships}` or a plain object, flattened. */
export interface Resource {
	id?: string;
	type?: string;
	attributes: Rec;
	/** Relationship name → `{type, id}` (or a list of them), or an embedded object in plain bodies. */
	relationships: Record<string, unknown>;
	links?: Rec;
}

export interface Document {
	resource?: Resource;
	included: Resource[];
}

/** Reads a single-record body: JSON:API `{data, included}`, `{data: {...flat}}`, `{application: {...}}` or a flat object. */
export function readDocument(body: unknown, wrapperKey?: string): Document {
	const parsed = typeof body === 'string' ? safeJson(body) : body;
	if (!isRecord(parsed)) return { included: [] };
	const included = Array.isArray(parsed.included)
		? parsed.included.filter(isRecord).map(toResource)
		: [];
	const data = isRecord(parsed.data)
		? parsed.data
		: wrapperKey && isRecord(parsed[wrapperKey])
			? parsed[wrapperKey]
			: parsed;
	return { resource: toResource(data as Rec), included };
}

/** Reads a list body: `{data: [...]}` (JSON:API or flat items) or a bare array. */
export function readList(body: unknown): Resource[] {
	const parsed = typeof body === 'string' ? safeJson(body) : body;
	const list = Array.isArray(parsed)
		? parsed
		: isRecord(parsed) && Array.isArray(parsed.data)
			? parsed.data
			: [];
	return list.filter(isRecord).map(toResource);
}

export function toResource(v: Rec): Resource {
	const isJsonApi = isRecord(v.attributes);
	const attributes: Rec = isJsonApi ? { ...(v.attributes as Rec) } : { ...v };
	const relationships: Record<string, unknown> = {};
	if (isRecord(v.relationships)) {
		for (const [name, rel] of Object.entries(v.relationships))
			if (isRecord(rel) && rel.data !== undefined) relationships[name] = rel.data;
	}
	if (!isJsonApi) {
		// Plain bodies embed related records (`candidate: {...}`) or name them (`candidate_id`).
		for (const [k, val] of Object.entries(v)) {
			if (
				(isRecord(val) || (Array.isArray(val) && val.length > 0 && val.every(isRecord))) &&
				k !== 'links' &&
				k !== 'meta'
			)
				relationships[k] = val;
			const idKey = /^(.+)_id$/.exec(k);
			if (
				idKey &&
				(typeof val === 'string' || typeof val === 'number') &&
				relationships[idKey[1]] === undefined
			)
				relationships[idKey[1]] = { id: String(val) };
		}
	}
	delete attributes.id;
	delete attributes.type;
	return {
		id: str(v.id),
		type: str(v.type),
		attributes,
		relationships,
		links: isRecord(v.links) ? v.links : undefined,
	};
}

/** The related record named by one of `names`: embedded, found in `included`, or only its id. */
export function related(doc: Document, names: string[]): Resource | undefined {
	const owner = doc.resource;
	if (!owner) return undefined;
	for (const name of names) {
		const rel = owner.relationships[name];
		const ref = Array.isArray(rel) ? rel[0] : rel;
		if (!isRecord(ref)) continue;
		if (isRecord(ref.attributes) || Object.keys(ref).some((k) => !['id', 'type'].includes(k)))
			return toResource(ref);
		const relId = str(ref.id);
		const found = doc.included.find((r) => r.id === relId && (!ref.type || r.type === ref.type));
		return found ?? { id: relId, type: str(ref.type), attributes: {}, relationships: {} };
	}
	return undefined;
}

/** Every included record of a JSON:API type (e.g. all `offers`), embedded lists included. */
export function relatedAll(doc: Document, names: string[]): Resource[] {
	const out: Resource[] = [];
	for (const name of names) {
		const rel = doc.resource?.relationships[name];
		for (const ref of Array.isArray(rel) ? rel : rel ? [rel] : []) {
			if (!isRecord(ref)) continue;
			const relId = str(ref.id);
			out.push(
				doc.included.find((r) => r.id === relId && (!ref.type || r.type === ref.type)) ??
					toResource(ref),
			);
		}
	}
	return out;
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

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
