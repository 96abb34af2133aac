import type { IDataObject } from 'n8n-workflow';

import { isRecord, type Rec, str } from '../../shared/values';
import { instantlyApi, instantlyStatusHint, listLeadsByEmail } from '../transport/instantly';
import { contact, firstEmail, pick, rawOf, textList } from './read';
import type { EnrichSource, FetchedContact } from './types';

/*
 * An Instantly lead → contact fields. Only a lead whose email matches is used (the event's campaign
 * first). Lead field names beyond email, first_name, last_name and company_name are UNCONFIRMED;
 * custom fields such as the LinkedIn URL live in `payload`, so several spellings are tried there too.
 */

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
	async fetch(call, email: string, item: IDataObject) {
		const body = await listLeadsByEmail(call, email);
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
