import type { IDataObject } from 'n8n-workflow';

import { httpStatusOf, settle } from '../../shared/errors';
import type { ApiDefinition } from '../../shared/transport';
import { isRecord, type Rec, str } from '../../shared/values';
import { lemlistBaseUrl } from './origins';
import { contact, extraOf, firstEmail, pick, rawOf, textList } from './read';
import type { Call, EnrichSource, FetchedContact } from './types';

/*
 * lemlist (https://api.lemlist.com/api), Basic auth with an empty user name and the API key as
 * password. The lead is read with GET /leads/{email}?version=v2 (developer.lemlist.com "Get Lead by
 * Email": version=v2 is mandatory). The v2 answer's shape is UNCONFIRMED: a lead can be in several
 * campaigns, so a list, a single lead and {leads: [...]} are all read, and the lead of the event's own
 * lead id or campaign is preferred. Lead fields per the Lead object: firstName, lastName, email,
 * phone, linkedinUrl, companyName; jobTitle is a common custom variable (UNCONFIRMED), so a few
 * spellings are tried, also under `variables`.
 */

export const lemlistLeadsApi: ApiDefinition = {
	system: 'lemlist API',
	credentialType: 'lemlistLeadsApi',
	baseUrl: lemlistBaseUrl,
	headers: () => ({ Accept: 'application/json' }),
	hint: (status) => lemlistStatusHint(status),
};

function lemlistStatusHint(status: number): string | undefined {
	if (status === 401 || status === 403)
		return 'Check the API key in the Lemlist Leads API credential (lemlist: Settings › Integrations › API)';
	if (status === 404) return 'lemlist has no lead with this email in any campaign';
	return undefined;
}

function leadsOf(body: unknown): Rec[] {
	if (Array.isArray(body)) return body.filter(isRecord);
	if (!isRecord(body)) return [];
	if (Array.isArray(body.leads)) return body.leads.filter(isRecord);
	if (Array.isArray(body.data)) return body.data.filter(isRecord);
	if (isRecord(body.lead)) return [body.lead];
	return str(body._id) || str(body.email) ? [body] : [];
}

function chooseLead(leads: Rec[], item: IDataObject): Rec | undefined {
	const leadId = str(extraOf(item).lemlistLeadId) ?? str(rawOf(item).leadId);
	const campaignId = str(rawOf(item).campaignId);
	return (
		(leadId && leads.find((l) => str(l._id) === leadId || str(l.id) === leadId)) ||
		(campaignId && leads.find((l) => str(l.campaignId) === campaignId)) ||
		leads[0]
	);
}

export function lemlistContact(lead: Rec): FetchedContact {
	const records = [
		lead,
		...(isRecord(lead.variables) ? [lead.variables] : []),
		...(isRecord(lead.customVariables) ? [lead.customVariables] : []),
	];
	return contact({
		firstName: pick(records, 'firstName', 'first_name'),
		lastName: pick(records, 'lastName', 'last_name'),
		emails: textList(lead.email)
			.filter((e) => e.includes('@'))
			.map((value) => ({ value })),
		phones: textList(pick(records, 'phone', 'phoneNumber', 'mobilePhone')).map((value) => ({
			value,
		})),
		linkedinUrl: pick(records, 'linkedinUrl', 'linkedInUrl', 'linkedin', 'linkedinProfile'),
		currentCompany: pick(records, 'companyName', 'company'),
		currentTitle: pick(records, 'jobTitle', 'job_title', 'title', 'position'),
		location: pick(records, 'location', 'city'),
	});
}

export const lemlistSource: EnrichSource = {
	tool: 'lemlist',
	credentialType: 'lemlistLeadsApi',
	credentialName: 'Lemlist Leads API',
	system: 'lemlist API',
	api: lemlistLeadsApi,
	keyOf: firstEmail,
	async fetch(call: Call, email: string, item: IDataObject) {
		const read = await settle(
			call({ method: 'GET', path: `/leads/${encodeURIComponent(email)}`, qs: { version: 'v2' } }),
		);
		if (!read.ok) {
			if (httpStatusOf(read.error) === 404) return undefined;
			throw read.error;
		}
		const lead = chooseLead(leadsOf(read.value), item);
		return lead ? lemlistContact(lead) : undefined;
	},
	statusHint: lemlistStatusHint,
	hint: 'Check the Lemlist Leads API credential, or read the lead yourself with an HTTP Request node: GET https://api.lemlist.com/api/leads/<email>?version=v2 (Basic auth, empty user name, API key as password).',
};
