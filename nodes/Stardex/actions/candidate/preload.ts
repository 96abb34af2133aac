import type { IExecuteFunctions } from 'n8n-workflow';

import { linkedinSlug } from '../../../shared/candidate/linkedin';
import { settle } from '../../../shared/errors';
import { runState } from '../../../shared/runState';
import { personHasEmail, personHasLinkedin } from '../../mapping';
import { PAGE_SIZE, SDX_LIST, sdxRequest } from '../../transport';
import type { SdxPerson } from '../../types';

/**
 * The bulk lookup: instead of two POST /v1/persons/search per candidate (by LinkedIn URL, then by
 * email), page through the account's persons once (100 a page, oldest first so records created
 * meanwhile land after the pages already read) and look every candidate up in an index by email and
 * LinkedIn profile (https://docs.stardex.com/api-reference/persons/advanced-person-search). The first
 * page's meta.total says how many pages the account takes, so Auto decides before reading more. The
 * index is used only when every record shows its email list and LinkedIn profile (otherwise it could
 * miss a match) and lives for one execution (runState).
 */

export type LookupMode = 'auto' | 'perCandidate' | 'preload';

export interface PersonIndex {
	byEmail: Map<string, SdxPerson[]>;
	byLinkedin: Map<string, SdxPerson[]>;
	size: number;
	pages: number;
}

/** Auto preloads only when the pages cost at most this share of the per-candidate searches they replace. */
export const AUTO_PAGE_SHARE = 0.1;
/** A hard bound on one preload: 2,000 pages are 200,000 persons. */
const MAX_PAGES = 2000;
const SEARCH = '/v1/persons/search';

/** The index for this execution, or undefined when per-candidate searches are chosen, cheaper or safer. */
export async function personIndex(
	ctx: IExecuteFunctions,
	mode: LookupMode,
	itemIndex: number,
): Promise<PersonIndex | undefined> {
	if (mode === 'perCandidate') return undefined;
	const slot = runState<{ index?: Promise<PersonIndex | undefined> }>(
		ctx,
		'stardex:personIndex',
		() => ({}),
	);
	const budget =
		mode === 'preload'
			? MAX_PAGES
			: Math.min(MAX_PAGES, Math.floor(ctx.getInputData().length * AUTO_PAGE_SHARE));
	slot.index ??= settle(build(ctx, budget, itemIndex)).then((r) => (r.ok ? r.value : undefined));
	return await slot.index;
}

async function build(
	ctx: IExecuteFunctions,
	budget: number,
	itemIndex: number,
): Promise<PersonIndex | undefined> {
	if (budget < 1) return undefined;
	const index: PersonIndex = { byEmail: new Map(), byLinkedin: new Map(), size: 0, pages: 0 };
	let needed: number | undefined;
	for (let offset = 0; index.pages < (needed ?? budget); offset += PAGE_SIZE) {
		const { data, meta } = await sdxRequest<SdxPerson[]>(ctx, 'POST', SEARCH, {
			body: { offset, limit: PAGE_SIZE, sort_by: 'created_at', sort_order: 'asc' },
			itemIndex,
			idempotent: true,
			expect: SDX_LIST,
		});
		index.pages++;
		const items = Array.isArray(data) ? data : [];
		if (!items.every(complete)) return undefined;
		for (const p of items) add(index, p);
		const total = Number(meta?.total);
		if (index.pages === 1 && Number.isFinite(total)) {
			needed = Math.ceil(total / PAGE_SIZE);
			if (needed > budget) return undefined;
		}
		// A short page is the end of the list.
		if (items.length < PAGE_SIZE) return index;
	}
	// Complete only when the pages the total named were all read; without a total, only a short page says so.
	return needed !== undefined && index.pages >= needed ? index : undefined;
}

/** A record the index can judge: it shows its email list and its LinkedIn profile field. */
function complete(p: SdxPerson): boolean {
	return (
		p?.id !== undefined &&
		personHasEmail(p, '') !== undefined &&
		personHasLinkedin(p, '-') !== undefined
	);
}

function add(index: PersonIndex, p: SdxPerson): void {
	index.size++;
	for (const e of p.emails ?? []) {
		const value = typeof e === 'string' ? e : e?.value;
		if (value) push(index.byEmail, value.trim().toLowerCase(), p);
	}
	for (const v of [p.linkedin_public_id, p.linkedin_url]) {
		const slug = typeof v === 'string' ? (linkedinSlug(v) ?? v.trim().toLowerCase()) : undefined;
		if (slug) push(index.byLinkedin, slug, p);
	}
}

function push(map: Map<string, SdxPerson[]>, key: string, p: SdxPerson): void {
	const list = map.get(key);
	if (!list) map.set(key, [p]);
	else if (!list.includes(p)) list.push(p);
}
