import type { IDataObject } from 'n8n-workflow';

import { httpStatusOf, settle } from '../../shared/errors';
import { isRecord, str } from '../../shared/values';
import type { Call } from '../transport';
import { instantlyApi } from '../transport';
import {
	differing,
	type LeadRef,
	LeadNotFoundError,
	type LeadWriter,
	MAX_LEADS,
	type MarkOutcome,
} from './types';

/*
 * Instantly keeps custom variables in the lead's `payload`. GET /leads/{id} or POST /leads/list
 * (by email) reads the lead; PATCH /leads/{id} with `custom_variables` writes them ("Patch lead",
 * https://developer.instantly.ai/api-reference/lead/patch-lead). Whether a PATCH replaces the
 * whole set or merges it is not documented, so the lead's other variables are sent along.
 */

async function byId(call: Call, id: string): Promise<IDataObject[]> {
	const read = await settle(call({ method: 'GET', path: `/leads/${encodeURIComponent(id)}` }));
	if (read.ok) return isRecord(read.value) ? [read.value as IDataObject] : [];
	if (httpStatusOf(read.error) === 404) return [];
	throw read.error;
}

async function byEmail(call: Call, email: string): Promise<IDataObject[]> {
	const list = (body: IDataObject) =>
		call({ method: 'POST', path: '/leads/list', body: { ...body, limit: 10 }, idempotent: true });
	const first = await settle(list({ contacts: [email] }));
	// Filtering by `contacts` is not confirmed by the reference: an API without it answers 400.
	const body = first.ok
		? first.value
		: httpStatusOf(first.error) === 400
			? await list({ search: email })
			: undefined;
	if (!first.ok && body === undefined) throw first.error;
	const items = isRecord(body) && Array.isArray(body.items) ? body.items.filter(isRecord) : [];
	const wanted = email.toLowerCase();
	return (items as IDataObject[]).filter((l) => str(l.email)?.toLowerCase() === wanted);
}

async function mark(
	call: Call,
	ref: LeadRef,
	wanted: Record<string, string>,
): Promise<MarkOutcome> {
	if (!ref.leadId && !ref.email)
		throw new LeadNotFoundError('Instantly', 'without an email or lead id (map Lead Email)');
	const found = ref.leadId
		? await byId(call, ref.leadId)
		: await byEmail(call, ref.email as string);
	const leads = found
		.filter((l) => str(l.id))
		.filter((l) => !ref.campaignId || str(l.campaign) === ref.campaignId)
		.slice(0, MAX_LEADS);
	if (!leads.length)
		throw new LeadNotFoundError(
			'Instantly',
			ref.leadId ? `with id ${ref.leadId}` : `with email ${ref.email}`,
		);
	const outcome: MarkOutcome = { marked: [], already: [] };
	for (const lead of leads) {
		const id = str(lead.id) as string;
		const payload = isRecord(lead.payload) ? lead.payload : {};
		if (!differing(payload, wanted).length) {
			outcome.already.push(id);
			continue;
		}
		// The same PATCH twice gives the same lead, so it may be retried.
		await call({
			method: 'PATCH',
			path: `/leads/${encodeURIComponent(id)}`,
			body: { custom_variables: { ...(payload as IDataObject), ...wanted } },
			idempotent: true,
		});
		outcome.marked.push(id);
	}
	return outcome;
}

export const instantlyWriter: LeadWriter & { api: typeof instantlyApi } = {
	tool: 'instantly',
	label: 'Instantly',
	credentialType: 'instantlyApi',
	api: instantlyApi,
	mark,
};
