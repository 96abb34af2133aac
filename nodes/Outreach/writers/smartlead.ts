import type { IDataObject } from 'n8n-workflow';

import { isRecord, str } from '../../shared/values';
import type { Call } from '../transport';
import { smartleadApi } from '../transport';
import {
	differing,
	type LeadRef,
	LeadNotFoundError,
	type LeadWriter,
	type MarkOutcome,
} from './types';

/*
 * Smartlead keeps custom fields on the lead itself, shared by all its campaigns. GET /leads/?email=
 * reads the lead with its `custom_fields` and `lead_campaign_data` (an empty object when there is
 * none: https://api.smartlead.ai/api-reference/leads/get-by-email). POST
 * /campaigns/{campaign_id}/leads/{lead_id} sets them; `email` is required and custom fields are
 * merged, not replaced (https://api.smartlead.ai/api-reference/leads/update).
 */

async function leadOf(call: Call, email: string): Promise<IDataObject | undefined> {
	const body = await call({ method: 'GET', path: '/leads', qs: { email } });
	if (!isRecord(body) || body.id === undefined || body.id === null) return undefined;
	return str(body.email)?.toLowerCase() === email.toLowerCase() ? (body as IDataObject) : undefined;
}

function campaignsOf(lead: IDataObject): string[] {
	const data = Array.isArray(lead.lead_campaign_data) ? lead.lead_campaign_data : [];
	return data
		.filter(isRecord)
		.map((c) => String(c.campaign_id ?? ''))
		.filter(Boolean);
}

async function mark(
	call: Call,
	ref: LeadRef,
	wanted: Record<string, string>,
): Promise<MarkOutcome> {
	if (!ref.email)
		throw new LeadNotFoundError(
			'Smartlead',
			'without an email (Smartlead finds a lead and updates it by email; map Lead Email)',
		);
	const lead = await leadOf(call, ref.email);
	const id = lead ? String(lead.id) : '';
	const campaigns = lead ? campaignsOf(lead) : [];
	const campaign = ref.campaignId ? campaigns.find((c) => c === ref.campaignId) : campaigns[0];
	if (!lead || (ref.leadId && ref.leadId !== id) || !campaign)
		throw new LeadNotFoundError('Smartlead', describe(ref));
	if (!differing(lead.custom_fields, wanted).length) return { marked: [], already: [id] };
	// Custom fields merge, so the same update twice gives the same lead: it may be retried.
	await call({
		method: 'POST',
		path: `/campaigns/${encodeURIComponent(campaign)}/leads/${encodeURIComponent(id)}`,
		body: { email: str(lead.email) ?? ref.email, custom_fields: wanted },
		idempotent: true,
	});
	return { marked: [id], already: [] };
}

function describe(ref: LeadRef): string {
	const parts = [`with email ${ref.email}`];
	if (ref.leadId) parts.push(`and id ${ref.leadId}`);
	parts.push(ref.campaignId ? `in campaign ${ref.campaignId}` : 'in any campaign');
	return parts.join(' ');
}

export const smartleadWriter: LeadWriter & { api: typeof smartleadApi } = {
	tool: 'smartlead',
	label: 'Smartlead',
	credentialType: 'smartleadApi',
	api: smartleadApi,
	mark,
};
