import { linkedinSlug } from '../candidate/linkedin';
import type { Candidate } from '../candidate/schema';
import { settle } from '../errors';
import { createOnce } from '../http/createOnce';
import { MayHaveBeenCreatedError } from '../http/failures';
import type { Context } from '../http/request';
import { runState } from '../runState';

/**
 * Records an export created earlier in this run, by email and LinkedIn slug, so an input with the
 * same person twice is caught even before the ATS's search shows the first one.
 */
export function rememberCreated<T>(ctx: object, system: string, c: Candidate, record: T): void {
	const memo = runState(ctx, `${system}:created`, () => new Map<string, T>());
	for (const key of keysOf(c)) memo.set(key, record);
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

function keysOf(c: Candidate): string[] {
	const slug = linkedinSlug(c.linkedinUrl);
	return [...c.emails.map((e) => `email:${e.value}`), ...(slug ? [`linkedin:${slug}`] : [])];
}

/**
 * createOnce for a person, and never a second create of the same person in one run: once a create
 * of them could not be confirmed, a later item with the same email or LinkedIn fails the same way
 * instead of sending another create (the search may simply not show the first one yet).
 */
export async function createPersonOnce<T>(
	ctx: Context,
	system: string,
	c: Candidate,
	steps: { create: () => Promise<T>; find: () => Promise<T | undefined>; what: string },
): Promise<{ value: T; recovered: boolean }> {
	const unconfirmed = runState(ctx, `${system}:unconfirmed`, () => new Set<string>());
	if (keysOf(c).some((k) => unconfirmed.has(k)))
		throw new MayHaveBeenCreatedError(
			steps.what,
			'An earlier item of this run sent the same person and could not confirm it, so it was not sent again',
		);
	const outcome = await settle(createOnce(ctx, steps));
	if (outcome.ok) return outcome.value;
	if (outcome.error instanceof MayHaveBeenCreatedError)
		for (const k of keysOf(c)) unconfirmed.add(k);
	throw outcome.error;
}
