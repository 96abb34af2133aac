import type { IDataObject } from 'n8n-workflow';

import { isRecord, type Rec, str } from '../../shared/values';
import { outreachIoApi, outreachIoStatusHint, readProspect } from '../transport/outreachIo';
import { contact, extraOf, pick, textList } from './read';
import type { EnrichSource, FetchedContact, LookupKey } from './types';

/*
 * An Outreach.io prospect → contact fields. Its attributes are emails (a list), firstName,
 * lastName, title, company, linkedInUrl and the phone lists (mobilePhones, workPhones, homePhones,
 * otherPhones). The prospect id comes from the webhook's relationships (extra.outreachProspectId).
 */

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
	async fetch(call, id: string) {
		return outreachIoContact(await readProspect(call, id));
	},
	statusHint: outreachIoStatusHint,
	hint: 'Check the Outreach.io OAuth2 API credential, or read the prospect yourself with an HTTP Request node: GET https://api.outreach.io/api/v2/prospects/<extra.outreachProspectId>.',
};
