import type { IDataObject } from 'n8n-workflow';

import { httpStatusOf, settle } from '../../shared/errors';
import { isRecord, str } from '../../shared/values';
import type { Call } from '../transport';
import { lemlistApi } from '../transport';
import {
	differing,
	leadEmail,
	type LeadRef,
	LeadNotFoundError,
	type LeadWriter,
	MAX_LEADS,
	type MarkOutcome,
} from './types';

/*
 * lemlist keeps custom variables per lead (one lead per campaign). GET /leads/{email}?version=v2
 * lists the person's leads with their `variables`; POST /leads/{leadId}/variables adds variables
 * and PATCH /leads/{leadId}/variables updates existing ones, both taking the variables as query
 * parameters ("Add Custom Variables on Leads", "Update Values of Custom Variables of a Lead",
 * https://developer.lemlist.com/api-reference).
 */

async function leadsOf(call: Call, email: string): Promise<IDataObject[]> {
	const read = await settle(
		call({ method: 'GET', path: `/leads/${encodeURIComponent(email)}`, qs: { version: 'v2' } }),
	);
	if (!read.ok) {
		if (httpStatusOf(read.error) === 404) return [];
		throw read.error;
	}
	return Array.isArray(read.value) ? (read.value.filter(isRecord) as IDataObject[]) : [];
}

function campaignOf(lead: IDataObject): string | undefined {
	return isRecord(lead.campaign) ? str(lead.campaign.id) : str(lead.campaignId);
}

async function markLead(
	call: Call,
	lead: IDataObject,
	wanted: Record<string, string>,
): Promise<boolean> {
	const id = str(lead._id) as string;
	const current = isRecord(lead.variables) ? lead.variables : lead;
	const toSet = differing(current, wanted);
	if (!toSet.length) return false;
	const exists = (k: string) => isRecord(current) && current[k] !== undefined;
	const pick = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, wanted[k]]));
	const added = toSet.filter((k) => !exists(k));
	const changed = toSet.filter(exists);
	const path = `/leads/${encodeURIComponent(id)}/variables`;
	if (added.length) await call({ method: 'POST', path, qs: pick(added) });
	// Setting the same values twice gives the same lead, so the update may be retried.
	if (changed.length) await call({ method: 'PATCH', path, qs: pick(changed), idempotent: true });
	return true;
}

async function mark(
	call: Call,
	ref: LeadRef,
	wanted: Record<string, string>,
): Promise<MarkOutcome> {
	const email = leadEmail(ref, 'lemlist', 'lemlist reads a lead and its variables by email');
	const leads = (await leadsOf(call, email))
		.filter((l) => str(l._id))
		.filter((l) => !ref.leadId || str(l._id) === ref.leadId)
		.filter((l) => !ref.campaignId || campaignOf(l) === ref.campaignId)
		.slice(0, MAX_LEADS);
	if (!leads.length) throw new LeadNotFoundError('lemlist', describe(ref));
	const outcome: MarkOutcome = { marked: [], already: [] };
	for (const lead of leads) {
		const wrote = await markLead(call, lead, wanted);
		(wrote ? outcome.marked : outcome.already).push(str(lead._id) as string);
	}
	return outcome;
}

function describe(ref: LeadRef): string {
	const parts = [`with email ${ref.email}`];
	if (ref.leadId) parts.push(`and id ${ref.leadId}`);
	if (ref.campaignId) parts.push(`in campaign ${ref.campaignId}`);
	return parts.join(' ');
}

export const lemlistWriter: LeadWriter & { api: typeof lemlistApi } = {
	tool: 'lemlist',
	label: 'lemlist',
	credentialType: 'lemlistLeadsApi',
	api: lemlistApi,
	mark,
};
