import type { IDataObject } from 'n8n-workflow';

import type { ApiDefinition } from '../../shared/http/request';
import type { Tool } from '../adapters/types';
import type { Call } from '../transport/call';

/**
 * One outreach tool's lookup: which credential, which API, and how to read a lead or prospect
 * into loose candidate fields. The requests go through the shared transport (`call`), which the
 * enrich step bounds in time.
 */

/** Contact fields an API returned, before the shared normalizer reads them. */
export interface FetchedContact {
	firstName?: string;
	lastName?: string;
	fullName?: string;
	emails?: Array<{ value: string; type?: 'personal' | 'work' | 'other' }>;
	phones?: Array<{ value: string; type?: 'mobile' | 'home' | 'work' | 'other' }>;
	linkedinUrl?: string;
	currentTitle?: string;
	currentCompany?: string;
	location?: string | { city?: string; state?: string; country?: string };
}

export type LookupKey = { ok: true; key: string; label: string } | { ok: false; problem: string };

export interface EnrichSource {
	tool: Tool;
	/** The credential type name, e.g. lemlistLeadsApi. */
	credentialType: string;
	/** The credential as users see it in n8n, e.g. "Lemlist Leads API". */
	credentialName: string;
	/** Who answered, as it appears in `enrichment.source`, e.g. "lemlist API". */
	system: string;
	api: ApiDefinition;
	/** What the record is looked up by, read from the output item, e.g. the lead's email. */
	keyOf(item: IDataObject): LookupKey;
	/** Reads the record. Resolves to undefined when the tool has no such record. */
	fetch(call: Call, key: string, item: IDataObject): Promise<FetchedContact | undefined>;
	/** What the user can do when a status came back, in their words. */
	statusHint(status: number): string | undefined;
	/** Where to get the fields by hand when the lookup failed. */
	hint: string;
}
