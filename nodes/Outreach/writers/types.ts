import type { Call } from '../transport';

/** The lead to mark, as far as the input item (or the node's options) tells. */
export interface LeadRef {
	email?: string;
	leadId?: string;
	campaignId?: string;
}

/** What happened to each lead the tool has for this person. */
export interface MarkOutcome {
	/** Leads whose variables were written now. */
	marked: string[];
	/** Leads that already carried the same values: nothing was sent. */
	already: string[];
}

/**
 * One outreach tool's way of setting custom variables on a lead. Adding a tool is one file in
 * this folder and one row in `index.ts`: its credential, its API and this function.
 */
export interface LeadWriter {
	/** The tool's value in the node's Tool parameter and in the trigger's `tool` field. */
	tool: string;
	label: string;
	credentialType: string;
	/** When the tool has fixed slots instead of named variables: the default slots and which names it takes. */
	variables?: { url: string; id: string; pattern: RegExp; hint: string };
	/** Finds the person's leads and sets `variables` on each that does not carry them yet. */
	mark(call: Call, lead: LeadRef, variables: Record<string, string>): Promise<MarkOutcome>;
}

/** The lead was not found in the tool (nothing to mark; reported, never an error). */
export class LeadNotFoundError extends Error {
	constructor(tool: string, what: string) {
		super(`${tool} has no lead ${what}`);
		this.name = 'LeadNotFoundError';
	}
}

/** The lead's email, for a tool that finds leads only by email; without one the lead is not found. */
export function leadEmail(ref: LeadRef, tool: string, why: string): string {
	if (!ref.email) throw new LeadNotFoundError(tool, `without an email (${why}; map Lead Email)`);
	return ref.email;
}

/** Bound on the leads of one person marked in one item (one per campaign in lemlist). */
export const MAX_LEADS = 10;

/** The names of `wanted` whose value `current` does not already hold (compared as text). */
export function differing(current: unknown, wanted: Record<string, string>): string[] {
	const have =
		current && typeof current === 'object' && !Array.isArray(current)
			? (current as Record<string, unknown>)
			: {};
	return Object.keys(wanted).filter((k) => {
		const v = have[k];
		return v === undefined || v === null || String(v) !== wanted[k];
	});
}
