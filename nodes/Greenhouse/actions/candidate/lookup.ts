import type { IExecuteFunctions } from 'n8n-workflow';

import { linkedinSlug } from '../../../shared/candidate/linkedin';
import type { Candidate } from '../../../shared/candidate/schema';
import { recallCreated } from '../../../shared/export/createdThisRun';
import { hasLinkedin } from '../../mapping';
import { ghList } from '../../transport';
import type { GhCandidate } from '../../types';

export interface Match {
	candidate: GhCandidate;
	matchedBy: 'email' | 'linkedin' | 'email+linkedin';
	otherIds: number[];
}

/**
 * Every email is looked up (v3 matches any of a candidate's addresses, case-insensitively).
 * v3 has no LinkedIn filter, so LinkedIn counts where a found candidate carries it, and, when the
 * user opts in, by paging through recently updated candidates.
 */
export async function findExisting(
	ctx: IExecuteFunctions,
	c: Candidate,
	itemIndex: number,
	linkedinScanDays = 0,
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
	if (found.size > 0) {
		const list = [...found.values()].sort((a, b) => a.id - b.id);
		const best = list.find((cand) => hasLinkedin(cand, slug)) ?? list[0];
		return {
			candidate: best,
			matchedBy: matchKind(true, hasLinkedin(best, slug)),
			otherIds: list.filter((x) => x !== best).map((x) => x.id),
		};
	}
	if (slug && linkedinScanDays > 0) {
		const since = new Date(Date.now() - linkedinScanDays * 86_400_000).toISOString();
		const recent = await ghList<GhCandidate>(
			ctx,
			'/v3/candidates',
			{ updated_at: `gte|${since}` },
			undefined,
			itemIndex,
		);
		const hit = recent.find((cand) => hasLinkedin(cand, slug));
		if (hit) return { candidate: hit, matchedBy: 'linkedin', otherIds: [] };
	}
	return undefined;
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
