import type { IDataObject, INode } from 'n8n-workflow';

import { httpStatusOf, redact, settle } from '../../shared/errors';
import type { Context } from '../../shared/http/request';
import { TimeLimitError } from '../../shared/http/requestBefore';
import { isRecord, type Rec, str } from '../../shared/values';
import { candidateOf, envelopeOf, triggerItem } from '../../shared/candidate/item';
import { type LooseCandidate, normalizeLoose } from '../../shared/candidate/normalize';
import type { Tool } from '../adapters/types';
import { instantlySource } from './instantly';
import { lemlistSource } from './lemlist';
import { outreachIoSource } from './outreachIo';
import { callWithin } from '../transport/call';
import type { Outcome } from '../../shared/trigger/answer';
import { claimItems, type DeliveryClaims } from '../../shared/trigger/dedupe';
import type { EnrichSource, FetchedContact } from './types';

/**
 * The optional enrich step: after the pure pipeline (handleDelivery) has chosen the items
 * to start the workflow with, each item that lacks name, email, LinkedIn URL, title or company is
 * looked up in the tool's API with the credential the user chose, through the shared transport. It
 * runs inside the webhook call, so everything must fit one short time limit (default 3 s for all
 * items together): no retries, no waiting for 429s. Whatever happens the items are returned: a
 * failed lookup is reported in `enrichment` ({ok: false, error, hint}) and the event still starts.
 * Fetched fields only fill gaps; what the webhook sent is never overwritten.
 */

export const ENRICH_SOURCES: Partial<Record<Tool, EnrichSource>> = {
	lemlist: lemlistSource,
	instantly: instantlySource,
	outreachIo: outreachIoSource,
};

export const ENRICHABLE_TOOLS = Object.keys(ENRICH_SOURCES) as Tool[];

export const DEFAULT_ENRICH_TIME_LIMIT_MS = 3000;
export const MIN_ENRICH_TIME_LIMIT_MS = 500;
/** Outreach.io counts only an answer within 5 s; lemlist and Instantly document no limit. */
export const MAX_ENRICH_TIME_LIMIT_MS = 4500;

/** The fields the enrich step looks at, in the vocabulary of the item's `missing`. */
export const ENRICHED_FIELDS = [
	'name',
	'email',
	'phone',
	'linkedinUrl',
	'currentTitle',
	'currentCompany',
	'location',
] as const;
type Field = (typeof ENRICHED_FIELDS)[number];
/** A lookup is made when one of these is missing. Phone and location are filled when the API has them. */
const WANTED: Field[] = ['name', 'email', 'linkedinUrl', 'currentTitle', 'currentCompany'];

export interface EnrichSettings {
	source: EnrichSource;
	/** For all items of one delivery together. */
	budgetMs: number;
}

interface SettingsReader {
	getNodeParameter(name: string, fallback?: unknown): unknown;
	getNode(): INode;
}

/**
 * What the enrich step needs, or undefined when it does not run: the option is off, the source has
 * no API lookup, or no credential is selected. Then the trigger behaves exactly as without it.
 */
export function readEnrichSettings(ctx: SettingsReader): EnrichSettings | undefined {
	const tool = ctx.getNodeParameter('source', 'generic') as Tool;
	const source = ENRICH_SOURCES[tool];
	if (!source || ctx.getNodeParameter('enrichMissing', false) !== true) return undefined;
	if (!ctx.getNode().credentials?.[source.credentialType]) return undefined;
	const options = (ctx.getNodeParameter('options', {}) ?? {}) as Rec;
	return { source, budgetMs: clampBudget(options.enrichTimeLimitMs) };
}

export function clampBudget(value: unknown): number {
	const n = Number(value);
	if (!Number.isFinite(n) || n <= 0) return DEFAULT_ENRICH_TIME_LIMIT_MS;
	return Math.min(MAX_ENRICH_TIME_LIMIT_MS, Math.max(MIN_ENRICH_TIME_LIMIT_MS, Math.round(n)));
}

/** Looks up every item that needs it, one after the other, within one time limit. Never throws. */
export async function enrichItems(
	ctx: Context,
	items: IDataObject[],
	settings: EnrichSettings,
): Promise<IDataObject[]> {
	const deadline = Date.now() + settings.budgetMs;
	const out: IDataObject[] = [];
	for (const item of items) {
		if (!needsLookup(item)) {
			out.push(item);
			continue;
		}
		const enriched = await settle(enrichOne(ctx, item, settings, deadline));
		// A bug here must not cost the event: it starts as it would have without enrichment.
		out.push(
			enriched.ok
				? enriched.value
				: withFailure(
						item,
						`Enrichment with the ${settings.source.credentialName} credential failed: ${String(enriched.error)}`,
						settings.source,
					),
		);
	}
	return out;
}

async function enrichOne(
	ctx: Context,
	item: IDataObject,
	settings: EnrichSettings,
	deadline: number,
): Promise<IDataObject> {
	const { source } = settings;
	const key = source.keyOf(item);
	if (!key.ok)
		return withFailure(
			item,
			`Could not look the contact up with the ${source.credentialName} credential: ${key.problem}`,
			source,
		);
	const call = callWithin(ctx, source.api, { deadline, budgetMs: settings.budgetMs });
	const outcome = await settle(source.fetch(call, key.key, item));
	if (!outcome.ok)
		return withFailure(
			item,
			failureMessage(outcome.error, source, key.label, settings.budgetMs),
			source,
		);
	if (!outcome.value)
		return withFailure(
			item,
			`${source.system} has no record for ${key.label}, so nothing was filled in`,
			source,
		);
	return withContact(item, outcome.value, source.system);
}

/** Whether an item is worth a lookup: the tool's payload was id-only, or a wanted field is missing. */
export function needsLookup(item: IDataObject): boolean {
	if (isRecord(item.enrichment) && item.enrichment.needed === true) return true;
	const known = presence(item);
	return WANTED.some((f) => !known[f]);
}

/**
 * The item with the fetched fields filling its gaps, normalized again by the shared normalizer,
 * with `missing` shrunk by what was filled and `enrichment: {ok: true, source, filled}`. Pure.
 */
export function withContact(
	item: IDataObject,
	fetched: FetchedContact,
	system: string,
): IDataObject {
	const before = presence(item);
	const loose: LooseCandidate = { ...candidateOf(item) };

	if (!before.name) {
		const first = str(item.firstName) ?? fetched.firstName;
		const last = realLastName(item.lastName) ?? fetched.lastName;
		loose.firstName = first;
		loose.lastName = last;
		loose.fullName = first && last ? undefined : (fetched.fullName ?? str(item.fullName));
	}
	if (!before.email && fetched.emails?.length)
		loose.emails = fetched.emails.map((e, i) => ({ ...e, from: `${system} emails[${i}]` }));
	if (!before.phone && fetched.phones?.length)
		loose.phones = fetched.phones.map((p, i) => ({ ...p, from: `${system} phones[${i}]` }));
	if (!before.linkedinUrl && fetched.linkedinUrl) loose.linkedinUrl = fetched.linkedinUrl;
	if (!before.currentTitle && fetched.currentTitle) loose.currentTitle = fetched.currentTitle;
	if (!before.currentCompany && fetched.currentCompany)
		loose.currentCompany = fetched.currentCompany;
	if (!before.location && fetched.location) loose.location = fetched.location;

	const { fields, errors } = normalizeLoose(loose);
	const after = presence(fields);
	const filled = ENRICHED_FIELDS.filter((f) => !before[f] && after[f]);
	const missing = (Array.isArray(item.missing) ? (item.missing as string[]) : []).filter(
		(m) => !filled.includes(m as Field),
	);
	const earlierErrors = (
		Array.isArray(item.candidateErrors) ? (item.candidateErrors as string[]) : []
	).filter((e) => !e.startsWith('candidate not normalized:'));
	const candidateErrors = [...new Set([...earlierErrors, ...errors])];
	return triggerItem(fields, {
		...envelopeOf(item),
		missing: missing.length ? missing : undefined,
		enrichment: { ok: true, source: system, filled },
		candidateErrors: candidateErrors.length ? candidateErrors : undefined,
	});
}

/** The item unchanged except for `enrichment: {ok: false, error, hint}` (plus what it said before). Pure. */
export function withFailure(
	item: IDataObject,
	error: string,
	source: Pick<EnrichSource, 'hint'>,
): IDataObject {
	const previous = isRecord(item.enrichment) ? item.enrichment : {};
	const enrichment: IDataObject = { ok: false, error: redact(error) };
	if (previous.needed !== undefined) enrichment.needed = previous.needed;
	if (previous.missing !== undefined) enrichment.missing = previous.missing;
	enrichment.hint = str(previous.hint) ?? source.hint;
	return triggerItem(candidateOf(item), { ...envelopeOf(item), enrichment });
}

/** The normalizer writes "-" for the last name of a one-word name; that is not a real last name. */
function realLastName(v: unknown): string | undefined {
	const s = str(v);
	return s === '-' ? undefined : s;
}

function presence(c: IDataObject): Record<Field, boolean> {
	const list = (v: unknown) =>
		Array.isArray(v) && v.some((e) => (isRecord(e) ? str(e.value) : str(e)) !== undefined);
	const location = isRecord(c.location)
		? Object.values(c.location).some((v) => str(v) !== undefined)
		: str(c.location) !== undefined;
	const last = realLastName(c.lastName);
	return {
		name: Boolean((str(c.fullName) && (last || !str(c.lastName))) || (str(c.firstName) && last)),
		email: list(c.emails),
		phone: list(c.phones),
		linkedinUrl: str(c.linkedinUrl) !== undefined,
		currentTitle: str(c.currentTitle) !== undefined,
		currentCompany: str(c.currentCompany) !== undefined,
		location,
	};
}

/** One sentence naming the API, the credential and what was looked up. Never contains the key or token. */
export function failureMessage(
	error: unknown,
	source: EnrichSource,
	label: string,
	budgetMs: number,
): string {
	const message = error instanceof Error ? error.message : String(error);
	if (error instanceof TimeLimitError || /no answer within the timeout/.test(message)) {
		return `No answer from ${source.system} within the enrichment time limit of ${budgetMs} ms (Options › Enrichment Time Limit), so ${label} was not looked up`;
	}
	const status = httpStatusOf(error);
	const hint = status ? source.statusHint(status) : undefined;
	if (status === 401 || status === 403) {
		return redact(
			`${source.system} refused the ${source.credentialName} credential (HTTP ${status}) when looking up ${label}${hint ? `. ${hint}` : ''}`,
		);
	}
	if (status === 429)
		return `${source.system} is rate-limiting requests (HTTP 429); a webhook cannot wait, so ${label} was not looked up`;
	if (status) return redact(`${source.system} could not look up ${label}: ${message}`);
	return redact(
		`Could not look up ${label} with the ${source.credentialName} credential: ${message}`,
	);
}

/**
 * The enrich lookup, for the events no other call of this trigger is handling: each event is claimed
 * before the API call, so the same event delivered twice during the lookup starts one run. The claims
 * are given back if the lookup throws.
 */
export async function enrichClaimed(
	ctx: Context,
	outcome: Outcome & { status: 200 },
	enrich: EnrichSettings,
	claims: DeliveryClaims,
): Promise<Outcome> {
	const claimed = claimItems(claims, outcome.items);
	if (!claimed.items.length)
		return {
			...outcome,
			message: 'every event was already received; nothing was started',
			items: [],
		};
	const enriched = await settle(enrichItems(ctx, claimed.items, enrich));
	if (enriched.ok) return { ...outcome, items: enriched.value };
	claimed.release();
	throw enriched.error;
}
