import type { IDataObject } from 'n8n-workflow';

import { isRecord, str } from '../../shared/values';
import type { Call } from '../transport';
import { woodpeckerApi } from '../transport';
import {
	differing,
	leadEmail,
	type LeadRef,
	LeadNotFoundError,
	type LeadWriter,
	type MarkOutcome,
} from './types';

/*
 * Woodpecker has no named custom variables: a prospect has 15 snippets (snippet1..snippet15).
 * GET /v1/prospects?search=email=<email> finds the prospect with its snippets ("Search for
 * prospects", https://developers.woodpecker.co/docs/prospects/get-search-prospects); POST
 * /v1/add_prospects_list with `update: true` sets them ("Update prospects in database",
 * https://developers.woodpecker.co/docs/prospects/POST-update-prospect-list). That call also adds
 * prospects it does not know, so it is only sent for a prospect the search found.
 */

async function prospectOf(call: Call, email: string): Promise<IDataObject | undefined> {
	const body = await call({
		method: 'GET',
		path: '/v1/prospects',
		qs: { search: `email=${email}` },
	});
	const list = Array.isArray(body) ? body.filter(isRecord) : [];
	const wanted = email.toLowerCase();
	return (list as IDataObject[]).find((p) => str(p.email)?.toLowerCase() === wanted);
}

async function mark(
	call: Call,
	ref: LeadRef,
	wanted: Record<string, string>,
): Promise<MarkOutcome> {
	const email = leadEmail(ref, 'Woodpecker', 'Woodpecker finds prospects by email');
	const prospect = await prospectOf(call, email);
	if (!prospect) throw new LeadNotFoundError('Woodpecker', `with email ${email}`);
	const id = String(prospect.id ?? email);
	if (!differing(prospect, wanted).length) return { marked: [], already: [id] };
	// Setting the same snippets twice gives the same prospect, so the update may be retried.
	await call({
		method: 'POST',
		path: '/v1/add_prospects_list',
		body: { update: true, prospects: [{ email: str(prospect.email) ?? email, ...wanted }] },
		idempotent: true,
	});
	return { marked: [id], already: [] };
}

export const woodpeckerWriter: LeadWriter & { api: typeof woodpeckerApi } = {
	tool: 'woodpecker',
	label: 'Woodpecker',
	credentialType: 'woodpeckerApi',
	api: woodpeckerApi,
	variables: {
		url: 'snippet14',
		id: 'snippet15',
		pattern: /^snippet([1-9]|1[0-5])$/,
		hint: 'Woodpecker takes snippet1 to snippet15',
	},
	mark,
};
