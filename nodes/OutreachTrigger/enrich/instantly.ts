import type { IDataObject } from 'n8n-workflow';

import { httpStatusOf, settle } from '../../shared/errors';
import type { ApiDefinition } from '../../shared/transport';
import { isRecord, type Rec, str } from '../../shared/values';
import { instantlyBaseUrl } from './origins';
import { contact, firstEmail, pick, rawOf, textList } from './read';
import type { Call, EnrichSource, FetchedContact } from './types';

/*
 * Instantly API v2 (https://api.instantly.ai/api/v2), `Authorization: Bearer <API key>`, scope
 * leads:read. Leads are read with POST /leads/list (a POST "because of the complex arguments it
 * accepts", developer.instantly.ai "List leads"). Filtering by email with `contacts: [email]` is
 * UNCONFIRMED: when the API answers 400 to it, the lookup is sent again as `search: email`. Either way
 * only a lead whose email matches is used (the event's campaign first). Lead field names beyond
 * email, first_name, last_name and company_name are UNCONFIRMED; custom fields such as the LinkedIn
 * URL live in `payload`, so several spellings are tried there too.
 */

export const instantlyApi: ApiDefinition = {
	system: 'Instantly API',
	credentialType: 'instantlyApi',
	baseUrl: instantlyBaseUrl,
	headers: () => ({ Accept: 'application/json' }),
	hint: (status) => instantlyStatusHint(status),
};

function instantlyStatusHint(status: number): string | undefined {
	if (status === 401)
		return 'Check the API key in the Instantly API credential (Instantly: Settings › Integrations › API Keys, API v2)';
	if (status === 403)
		return 'The API key needs the leads:read scope (or all:read); create one with it under Settings › Integrations › API Keys';
	return undefined;
}

function leadsOf(body: unknown): Rec[] {
	if (Array.isArray(body)) return body.filter(isRecord);
	if (!isRecord(body)) return [];
	for (const key of ['items', 'data', 'leads'])
		if (Array.isArray(body[key])) return (body[key] as unknown[]).filter(isRecord);
	return [];
}

export function instantlyContact(lead: Rec): FetchedContact {
	const records = [
		lead,
		...['payload', 'custom_variables', 'variables'].map((k) => lead[k]).filter(isRecord),
	];
	return contact({
		firstName: pick(records, 'first_name', 'firstName'),
		lastName: pick(records, 'last_name', 'lastName'),
		fullName: pick(records, 'full_name', 'fullName', 'name'),
		emails: textList(lead.email)
			.filter((e) => e.includes('@'))
			.map((value) => ({ value })),
		phones: textList(pick(records, 'phone', 'phone_number', 'phoneNumber')).map((value) => ({
			value,
		})),
		linkedinUrl: pick(
			records,
			'linkedin_url',
			'linkedinUrl',
			'linkedIn',
			'LinkedIn',
			'linkedin',
			'linkedin_profile',
			'linkedIn_url',
		),
		currentCompany: pick(records, 'company_name', 'companyName', 'company'),
		currentTitle: pick(records, 'job_title', 'jobTitle', 'title', 'position'),
		location: pick(records, 'location', 'city'),
	});
}

export const instantlySource: EnrichSource = {
	tool: 'instantly',
	credentialType: 'instantlyApi',
	credentialName: 'Instantly API',
	system: 'Instantly API',
	api: instantlyApi,
	keyOf: firstEmail,
	async fetch(call: Call, email: string, item: IDataObject) {
		const list = (body: IDataObject) =>
			call({ method: 'POST', path: '/leads/list', body: { ...body, limit: 10 }, idempotent: true });
		const byContacts = await settle(list({ contacts: [email] }));
		let body: unknown;
		if (byContacts.ok) body = byContacts.value;
		else if (httpStatusOf(byContacts.error) === 400) body = await list({ search: email });
		else throw byContacts.error;
		const leads = leadsOf(body).filter((l) => str(l.email)?.toLowerCase() === email);
		const campaignId = str(rawOf(item).campaign_id);
		const lead =
			(campaignId &&
				leads.find((l) => str(l.campaign) === campaignId || str(l.campaign_id) === campaignId)) ||
			leads[0];
		return lead ? instantlyContact(lead) : undefined;
	},
	statusHint: instantlyStatusHint,
	hint: 'Check the Instantly API credential, or read the lead yourself with an HTTP Request node: POST https://api.instantly.ai/api/v2/leads/list with {"search": "<email>"} (Bearer API key with leads:read).',
};
