import type { IExecuteFunctions } from 'n8n-workflow';

import { linkedinSlug } from '../../../shared/candidate/linkedin';
import type { Candidate } from '../../../shared/candidate/schema';
import { recallCreated } from '../../../shared/export/createdThisRun';
import { personHasEmail, personHasLinkedin } from '../../mapping';
import { SDX_RECORD, sdxRequest, sdxSearch } from '../../transport';
import type { SdxPerson } from '../../types';
import type { PersonIndex } from './preload';

export interface Match {
	person: SdxPerson;
	matchedBy: 'email' | 'linkedin' | 'email+linkedin';
	otherIds: string[];
}

/**
 * POST /v1/persons/search with the exact-match keys: `linkedin_url` first (Stardex's own dedupe key),
 * then every email. A hit counts only when the record confirms the value it was found by, so a search
 * that ignored the filter can never match the wrong person; a record that shows no emails or LinkedIn
 * at all is accepted only as the single result.
 */
export async function findExisting(
	ctx: IExecuteFunctions,
	c: Candidate,
	itemIndex: number,
	useMemo = true,
	index?: PersonIndex,
): Promise<Match | undefined> {
	const slug = linkedinSlug(c.linkedinUrl);
	if (useMemo) {
		const { byEmail, byLinkedin } = recallCreated<SdxPerson>(ctx, 'stardex', c);
		const remembered = byLinkedin ?? byEmail;
		if (remembered)
			return {
				person: remembered,
				matchedBy: kind(Boolean(byEmail), Boolean(byLinkedin)),
				otherIds: [],
			};
	}

	const find = index
		? async (filter: Record<string, string>) => fromIndex(index, filter)
		: (filter: Record<string, string>) => search(ctx, filter, itemIndex);
	if (slug && c.linkedinUrl) {
		const found = confirmed(await find({ linkedin_url: c.linkedinUrl }), (p) =>
			personHasLinkedin(p, slug),
		);
		if (found.length) {
			const person = found[0];
			const byEmail = c.emails.some((e) => personHasEmail(person, e.value) === true);
			return { person, matchedBy: kind(byEmail, true), otherIds: found.slice(1).map((p) => p.id) };
		}
	}
	const byId = new Map<string, SdxPerson>();
	for (const email of c.emails) {
		for (const p of confirmed(await find({ email: email.value }), (x) =>
			personHasEmail(x, email.value),
		))
			byId.set(p.id, p);
	}
	if (!byId.size) return undefined;
	const list = [...byId.values()];
	const person = list[0];
	return {
		person,
		matchedBy: kind(true, slug ? personHasLinkedin(person, slug) === true : false),
		otherIds: list.slice(1).map((p) => p.id),
	};
}

/** The preloaded persons a search with this one exact-match key would return. */
function fromIndex(index: PersonIndex, filter: Record<string, string>): SdxPerson[] {
	if (filter.email) return index.byEmail.get(filter.email.trim().toLowerCase()) ?? [];
	const slug = linkedinSlug(filter.linkedin_url);
	return slug ? (index.byLinkedin.get(slug) ?? []) : [];
}

async function search(
	ctx: IExecuteFunctions,
	filter: Record<string, string>,
	itemIndex: number,
): Promise<SdxPerson[]> {
	return (await sdxSearch<SdxPerson>(ctx, '/v1/persons/search', filter, 5, itemIndex)).filter(
		(p) => p && p.id !== undefined && p.id !== null,
	);
}

function confirmed(
	results: SdxPerson[],
	check: (p: SdxPerson) => boolean | undefined,
): SdxPerson[] {
	const yes = results.filter((p) => check(p) === true);
	if (yes.length) return yes;
	return results.length === 1 && check(results[0]) === undefined ? results : [];
}

function kind(byEmail: boolean, byLinkedin: boolean): Match['matchedBy'] {
	if (byEmail && byLinkedin) return 'email+linkedin';
	return byLinkedin ? 'linkedin' : 'email';
}

/** The full record (GET /v1/persons/{id}): search results may leave out candidates[] and contact lists. */
export async function getPerson(
	ctx: IExecuteFunctions,
	personId: string,
	itemIndex: number,
): Promise<SdxPerson> {
	return (
		await sdxRequest<SdxPerson>(ctx, 'GET', `/v1/persons/${encodeURIComponent(personId)}`, {
			itemIndex,
			expect: SDX_RECORD,
		})
	).data;
}
