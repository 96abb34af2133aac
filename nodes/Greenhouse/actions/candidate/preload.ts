import type { IExecuteFunctions } from 'n8n-workflow';

import { linkedinSlug } from '../../../shared/candidate/linkedin';
import { settle } from '../../../shared/errors';
import { runState } from '../../../shared/runState';
import { ghPage } from '../../transport';
import type { GhCandidate } from '../../types';

/**
 * The bulk lookup: instead of one GET /v3/candidates?email= per candidate, page through the
 * account's candidate list once (500 a page, the v3 maximum) and look every candidate up in an
 * index by email and LinkedIn address. The v3 list carries email_addresses and
 * social_media_addresses (https://harvestdocs.greenhouse.io/reference/get_v3-candidates), so the
 * index sees what the per-email lookup sees. It lives for one execution only (runState): writes
 * made elsewhere after it was built are not in it, which is why a create that may or may not have
 * happened is always checked with a live lookup (export.operation.ts).
 */

export type LookupMode = 'auto' | 'perCandidate' | 'preload';

export interface CandidateIndex {
	byEmail: Map<string, GhCandidate[]>;
	byLinkedin: Map<string, GhCandidate[]>;
	/** Candidates indexed and pages read, for the output and the benchmarks. */
	size: number;
	pages: number;
}

/** Auto preloads only while the pages cost at most this share of the per-candidate lookups they replace. */
export const AUTO_PAGE_SHARE = 0.1;
const PER_PAGE = 500;
/** A hard bound on one preload: 2,000 pages are a million candidates. */
const MAX_PAGES = 2000;

/**
 * The index for this execution, or undefined when per-candidate lookups are chosen or cheaper. Auto
 * pages until the list ends or the pages would cost more than a tenth of the lookups this batch
 * needs (v3 lists give no total, so the account's size shows only by paging); past that budget it
 * drops what it read and looks each candidate up, so a large account costs at most 0.1 extra
 * request per candidate. A failed preload also falls back to per-candidate lookups.
 */
export async function candidateIndex(
	ctx: IExecuteFunctions,
	mode: LookupMode,
	itemIndex: number,
): Promise<CandidateIndex | undefined> {
	if (mode === 'perCandidate') return undefined;
	const slot = runState<{ index?: Promise<CandidateIndex | undefined> }>(
		ctx,
		'greenhouse:candidateIndex',
		() => ({}),
	);
	slot.index ??= settle(build(ctx, pageBudget(ctx, mode), itemIndex)).then((r) =>
		r.ok ? r.value : undefined,
	);
	return await slot.index;
}

function pageBudget(ctx: IExecuteFunctions, mode: LookupMode): number {
	if (mode === 'preload') return MAX_PAGES;
	return Math.min(MAX_PAGES, Math.floor(ctx.getInputData().length * AUTO_PAGE_SHARE));
}

async function build(
	ctx: IExecuteFunctions,
	budget: number,
	itemIndex: number,
): Promise<CandidateIndex | undefined> {
	const index: CandidateIndex = { byEmail: new Map(), byLinkedin: new Map(), size: 0, pages: 0 };
	let cursor: string | undefined;
	const seen = new Set<string>();
	while (index.pages < budget) {
		const page = await ghPage<GhCandidate>(
			ctx,
			'/v3/candidates',
			{ per_page: PER_PAGE },
			cursor,
			itemIndex,
		);
		index.pages++;
		for (const c of page.items) add(index, c);
		// The list is complete: every candidate of the account is in the index.
		if (!page.next || page.items.length === 0 || seen.has(page.next)) return index;
		seen.add(page.next);
		cursor = page.next;
	}
	return undefined;
}

function add(index: CandidateIndex, c: GhCandidate): void {
	index.size++;
	for (const e of c.email_addresses ?? []) push(index.byEmail, e.value.trim().toLowerCase(), c);
	for (const a of [...(c.social_media_addresses ?? []), ...(c.website_addresses ?? [])]) {
		const slug = linkedinSlug(a.value);
		if (slug) push(index.byLinkedin, slug, c);
	}
}

function push(map: Map<string, GhCandidate[]>, key: string, c: GhCandidate): void {
	const list = map.get(key);
	if (!list) map.set(key, [c]);
	else if (!list.includes(c)) list.push(c);
}
