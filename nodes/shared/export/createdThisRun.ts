import { linkedinSlug } from '../candidate/linkedin';
import type { Candidate } from '../candidate/schema';
import { runState } from '../runState';

/**
 * Records an export created earlier in this run, by email and LinkedIn slug, so an input with the
 * same person twice is caught even before the ATS's search shows the first one.
 */
export function rememberCreated<T>(ctx: object, system: string, c: Candidate, record: T): void {
	const memo = runState(ctx, `${system}:created`, () => new Map<string, T>());
	for (const e of c.emails) memo.set(`email:${e.value}`, record);
	const slug = linkedinSlug(c.linkedinUrl);
	if (slug) memo.set(`linkedin:${slug}`, record);
}

/** What `rememberCreated` has for this candidate: the record found by any email, and by LinkedIn. */
export function recallCreated<T>(
	ctx: object,
	system: string,
	c: Candidate,
): { byEmail?: T; byLinkedin?: T } {
	const memo = runState(ctx, `${system}:created`, () => new Map<string, T>());
	const slug = linkedinSlug(c.linkedinUrl);
	return {
		byEmail: c.emails.map((e) => memo.get(`email:${e.value}`)).find(Boolean),
		byLinkedin: slug ? memo.get(`linkedin:${slug}`) : undefined,
	};
}
