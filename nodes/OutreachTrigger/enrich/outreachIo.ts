import type { IDataObject } from 'n8n-workflow';

import { httpStatusOf, settle } from '../../shared/errors';
import type { ApiDefinition } from '../../shared/transport';
import { isRecord, type Rec, str } from '../../shared/values';
import { outreachIoBaseUrl } from './origins';
import { contact, extraOf, pick, textList } from './read';
import type { Call, EnrichSource, FetchedContact, LookupKey } from './types';

/*
 * Outreach.io API v2 (https://api.outreach.io/api/v2, JSON:API), OAuth2 (n8n signs the requests
 * and refreshes the token). The prospect is read with GET /prospects/{id}; its attributes are
 * emails (a list), firstName, lastName, title, company, linkedInUrl and the phone lists
 * (mobilePhones, workPhones, homePhones, otherPhones). Needs the prospects.read scope. The
 * prospect id comes from the webhook's relationships (extra.outreachProspectId).
 */

export const outreachIoApi: ApiDefinition = {
	system: 'Outreach.io API',
	credentialType: 'outreachIoOAuth2Api',
	baseUrl: outreachIoBaseUrl,
	headers: () => ({ Accept: 'application/vnd.api+json, application/json' }),
	hint: (status) => outreachIoStatusHint(status),
};

function outreachIoStatusHint(status: number): string | undefined {
	if (status === 401)
		return 'Reconnect the Outreach.io OAuth2 API credential: the token was refused and could not be refreshed';
	if (status === 403)
		return 'The Outreach.io OAuth2 API credential needs the prospects.read scope; reconnect it after adding the scope to your Outreach app';
	return undefined;
}

const PHONE_LISTS: Array<[string, 'mobile' | 'work' | 'home' | 'other']> = [
	['mobilePhones', 'mobile'],
	['workPhones', 'work'],
	['homePhones', 'home'],
	['otherPhones', 'other'],
	['voipPhones', 'other'],
];

export function outreachIoContact(body: unknown): FetchedContact | undefined {
	const data =
		isRecord(body) && isRecord(body.data) ? body.data : isRecord(body) ? body : undefined;
	if (!data) return undefined;
	const attributes: Rec = isRecord(data.attributes) ? data.attributes : data;
	const records = [attributes];
	const phones = PHONE_LISTS.flatMap(([key, type]) =>
		textList(attributes[key]).map((value) => ({ value, type })),
	);
	const location = [
		pick(records, 'addressCity'),
		pick(records, 'addressState'),
		pick(records, 'addressCountry'),
	];
	return contact({
		firstName: pick(records, 'firstName'),
		lastName: pick(records, 'lastName'),
		fullName: pick(records, 'name'),
		emails: textList(attributes.emails, attributes.email)
			.filter((e) => e.includes('@'))
			.map((value) => ({ value })),
		phones: phones.filter((p, i) => phones.findIndex((q) => q.value === p.value) === i),
		linkedinUrl: pick(records, 'linkedInUrl', 'linkedinUrl'),
		currentTitle: pick(records, 'title', 'occupation'),
		currentCompany: pick(records, 'company', 'companyName', 'accountName'),
		location: location.some(Boolean)
			? { city: location[0], state: location[1], country: location[2] }
			: undefined,
	});
}

function prospectId(item: IDataObject): LookupKey {
	const id = str(extraOf(item).outreachProspectId);
	return id
		? { ok: true, key: id, label: `prospect ${id}` }
		: {
				ok: false,
				problem: 'the event names no prospect (no prospect relationship in the payload)',
			};
}

export const outreachIoSource: EnrichSource = {
	tool: 'outreachIo',
	credentialType: 'outreachIoOAuth2Api',
	credentialName: 'Outreach.io OAuth2 API',
	system: 'Outreach.io API',
	api: outreachIoApi,
	keyOf: prospectId,
	async fetch(call: Call, id: string) {
		const read = await settle(
			call({ method: 'GET', path: `/prospects/${encodeURIComponent(id)}` }),
		);
		if (!read.ok) {
			if (httpStatusOf(read.error) === 404) return undefined;
			throw read.error;
		}
		return outreachIoContact(read.value);
	},
	statusHint: outreachIoStatusHint,
	hint: 'Check the Outreach.io OAuth2 API credential, or read the prospect yourself with an HTTP Request node: GET https://api.outreach.io/api/v2/prospects/<extra.outreachProspectId>.',
};
