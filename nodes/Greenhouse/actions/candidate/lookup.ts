import type { IExecuteFunctions } from 'n8n-workflow';

import { linkedinSlug } from '../../../shared/candidate/linkedin';
import type { Candidate } from '../../../shared/candidate/schema';
import { recallCreated } from '../../../shared/export/createdThisRun';
import { hasLinkedin } from '../../mapping';
import { ghList } from '../../transport';
import type { GhCandidate } from '../../types';
import type { CandidateIndex } from './preload';

export interface Match {
	candidate: GhCandidate;
	matchedBy: 'email' | 'linkedin' | 'email+linkedin';
	otherIds: number[];
}

/**
 * Every email is looked up (v3 matches any of a candidate's addresses, case-insensitively), in the
 * run's preloaded index when there is one (preload.ts), else one GET per email. v3 has no LinkedIn
 * filter, so LinkedIn counts where a found candidate carries it, in the index, and, when the user
 * opts in, by paging through recently updated candidates.
 */
export async function findExisting(
	ctx: IExecuteFunctions,
	c: Candidate,
	itemIndex: number,
	linkedinScanDays = 0,
	index?: CandidateIndex,
): Promise<Match | undefined> {
	const slug = linkedinSlug(c.linkedinUrl);
	const { byEmail, byLinkedin } = recallCreated<GhCandidate>(ctx, 'greenhouse', c);
	const remembered = byEmail ?? byLinkedin;
	if (remembered)
		return {
			candidate: remembered,
			matchedBy: matchKind(Boolean(byEmail), hasLinkedin(remembered, slug)),
			otherIds: [],
		};

	const found = index ? fromIndex(index, c) : await byEmailLookups(ctx, c, itemIndex);
	if (found.length > 0) {
		const list = found.sort((a, b) => a.id - b.id);
		const best = list.find((cand) => hasLinkedin(cand, slug)) ?? list[0];
		return {
			candidate: best,
			matchedBy: matchKind(true, hasLinkedin(best, slug)),
			otherIds: list.filter((x) => x !== best).map((x) => x.id),
		};
	}
	const hit = slug
		? index
			? index.byLinkedin.get(slug)?.[0]
			: await scanLinkedin(ctx, slug, linkedinScanDays, itemIndex)
		: undefined;
	return hit ? { candidate: hit, matchedBy: 'linkedin', otherIds: [] } : undefined;
}

function fromIndex(index: CandidateIndex, c: Candidate): GhCandidate[] {
	const found = new Set<GhCandidate>();
	for (const e of c.emails)
		for (const cand of index.byEmail.get(e.value.trim().toLowerCase()) ?? []) found.add(cand);
	return [...found];
}

async function byEmailLookups(
	ctx: IExecuteFunctions,
	c: Candidate,
	itemIndex: number,
): Promise<GhCandidate[]> {
	const found = new Map<number, GhCandidate>();
	for (const email of c.emails) {
		for (const cand of await ghList<GhCandidate>(
			ctx,
			'/v3/candidates',
			{ email: email.value },
			5,
			itemIndex,
		))
			found.set(cand.id, cand);
	}
	return [...found.values()];
}

async function scanLinkedin(
	ctx: IExecuteFunctions,
	slug: string,
	days: number,
	itemIndex: number,
): Promise<GhCandidate | undefined> {
	if (days <= 0) return undefined;
	const since = new Date(Date.now() - days * 86_400_000).toISOString();
	const recent = await ghList<GhCandidate>(
		ctx,
		'/v3/candidates',
		{ updated_at: `gte|${since}` },
		undefined,
		itemIndex,
	);
	return recent.find((cand) => hasLinkedin(cand, slug));
}

function matchKind(byEmail: boolean, byLinkedin: boolean): Match['matchedBy'] {
	if (byEmail) return byLinkedin ? 'email+linkedin' : 'email';
	return 'linkedin';
}

/**
 * Ids of other candidates with one of the candidate's emails, besides `ownId`: asked right after a
 * create, so a duplicate that another n8n worker created at the same moment is reported, not hidden.
 */
export async function otherCandidateIds(
	ctx: IExecuteFunctions,
	c: Candidate,
	ownId: number,
	itemIndex: number,
): Promise<number[]> {
	const ids = new Set<number>();
	for (const email of c.emails)
		for (const cand of await ghList<GhCandidate>(
			ctx,
			'/v3/candidates',
			{ email: email.value },
			5,
			itemIndex,
		))
			if (cand.id !== ownId) ids.add(cand.id);
	return [...ids].sort((a, b) => a - b);
}
