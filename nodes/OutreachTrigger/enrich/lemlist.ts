import type { IDataObject } from 'n8n-workflow';

import { isRecord, type Rec, str } from '../../shared/values';
import { lemlistLeadsApi, lemlistStatusHint, readLeadsByEmail } from '../transport/lemlist';
import { contact, extraOf, firstEmail, pick, rawOf, textList } from './read';
import type { EnrichSource, FetchedContact } from './types';

/*
 * A lemlist lead → contact fields. The v2 answer's shape is UNCONFIRMED: a lead can be in several
 * campaigns, so a list, a single lead and {leads: [...]} are all read, and the lead of the event's own
 * lead id or campaign is preferred. Lead fields per the Lead object: firstName, lastName, email,
 * phone, linkedinUrl, companyName; jobTitle is a common custom variable (UNCONFIRMED), so a few
 * spellings are tried, also under `variables`.
 */

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
	async fetch(call, email: string, item: IDataObject) {
		const lead = chooseLead(leadsOf(await readLeadsByEmail(call, email)), item);
		return lead ? lemlistContact(lead) : undefined;
	},
	statusHint: lemlistStatusHint,
	hint: 'Check the Lemlist Leads API credential, or read the lead yourself with an HTTP Request node: GET https://api.lemlist.com/api/leads/<email>?version=v2 (Basic auth, empty user name, API key as password).',
};
