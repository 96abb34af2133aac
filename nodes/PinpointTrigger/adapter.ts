import type { IDataObject } from 'n8n-workflow';

import { triggerItem } from '../shared/candidate/item';
import { parseLocation } from '../shared/candidate/location';
import { toIsoDate, toIsoTimestamp } from '../shared/candidate/timestamp';
import { type LooseEntry, normalizeLoose } from '../shared/candidate/normalize';
import { compact, isRecord, rec, type Rec, str } from '../shared/values';
import { canonicalEvent } from './events';
import { type Document, related, relatedAll, type Resource, toResource } from './jsonApi';
import type { Fetched } from './transport';

/**
 * One Pinpoint webhook (+ what the API returned for its application) → one output item: the
 * normalized candidate at the top level, then the event envelope. Pure.
 *
 * Pinpoint's payload is thin, `{event, triggeredAt, data: {application: {id}}}`
 * (https://developers.pinpointhq.com/docs/webhooks-overview);
 * the candidate comes from the application read. Attribute names are UNCONFIRMED beyond
 * first_name, last_name and email, so each field accepts the usual spellings.
 */

export type Enrichment = { ok: true; fetched: string[] } | { ok: false; error: string };

export interface ItemContext {
	eventId: string;
	receivedAt: string;
	/** undefined when Fetch Application Details is off. */
	enrichment?: Enrichment;
}

export const STAGE_RELATIONSHIPS = [
	'stage',
	'current_stage',
	'application_stage',
	'job_stage',
	'workflow_stage',
];

export function applicationIdOf(body: Rec): string | undefined {
	const data = rec(body.data);
	return (
		str(rec(data.application).id) ??
		str(data.application_id) ??
		(eventIsAbout(body, 'application') ? str(data.id) : undefined)
	);
}

function eventIsAbout(body: Rec, subject: string): boolean {
	return (canonicalEvent(body.event) ?? '').startsWith(`${subject}_`);
}

/** The records one item is made of: the application, its candidate, job, stage and offers. */
interface Records {
	app?: Resource;
	candidate?: Resource;
	job?: Resource;
	stage?: Resource;
	offers: Resource[];
}

/** The API's answer when there is one, else what the webhook itself embeds. */
function recordsOf(data: Rec, fetched: Fetched | undefined): Records {
	const fromWebhook: Document = {
		resource: isRecord(data.application) ? toResource(data.application) : undefined,
		included: [],
	};
	const appDoc = fetched?.application.resource ? fetched.application : fromWebhook;
	return {
		app: appDoc.resource,
		candidate:
			fetched?.candidate?.resource ??
			related(appDoc, ['candidate', 'applicant']) ??
			(isRecord(data.candidate) ? toResource(data.candidate) : undefined),
		job: related(appDoc, ['job']) ?? (isRecord(data.job) ? toResource(data.job) : undefined),
		stage: related(appDoc, STAGE_RELATIONSHIPS),
		offers: relatedAll(appDoc, ['offers', 'offer']),
	};
}

export function pinpointItem(
	body: Rec,
	fetched: Fetched | undefined,
	ctx: ItemContext,
): IDataObject {
	const data = rec(body.data);
	const event = canonicalEvent(body.event) ?? 'unknown';
	const { app, candidate, ...r } = recordsOf(data, fetched);
	const job = reference(r.job, ['title', 'name']);
	const stage = reference(r.stage, ['name', 'title']);
	const offer = chooseOffer(r.offers);
	const sources = [candidate?.attributes, app?.attributes].filter((a): a is Rec => a !== undefined);
	const pick = (...keys: string[]) => firstOf(sources, keys);
	const startRaw = offer?.startDate ?? pick('start_date', 'starts_on', 'start_on', 'starts_at');
	const startDate = toIsoDate(startRaw) ?? str(startRaw);
	const applicationId = app?.id ?? str(rec(data.application).id);

	const hasPerson = Boolean(
		candidate || pick('first_name', 'last_name', 'full_name', 'name', 'email'),
	);
	const person = hasPerson
		? normalizeCandidate(pick, job?.name as string | undefined, candidate?.id)
		: { fields: {}, errors: [] };
	const status =
		str(pick('status', 'state')) ?? (event === 'application_hired' ? 'hired' : undefined);

	return triggerItem(person.fields, {
		event,
		toolEvent: str(body.event),
		eventId: ctx.eventId,
		// Pinpoint may send Unix seconds ("1732093502") as well as ISO strings: always ISO 8601 out.
		occurredAt: toIsoTimestamp(body.triggeredAt ?? body.triggered_at),
		receivedAt: ctx.receivedAt,
		candidateId: candidate?.id,
		applicationId,
		profileUrl: str(
			firstOf(app ? [app.attributes] : [], ['admin_url', 'profile_url', 'html_url', 'url']),
		),
		application: applicationId ? compact({ id: applicationId, status, stage }) : undefined,
		job,
		stage,
		offer,
		startDate,
		positionTitle: job?.name,
		enrichment: ctx.enrichment,
		candidateErrors: person.errors,
		raw: body,
	});
}

function normalizeCandidate(
	pick: (...keys: string[]) => unknown,
	jobName: string | undefined,
	candidateId: string | undefined,
) {
	const emails = toEntries(pick('email', 'email_address', 'emails'), 'email');
	const phones = toEntries(
		pick('phone', 'phone_number', 'mobile', 'mobile_number', 'phones'),
		'phone',
	);
	const linkedin = str(pick('linkedin_url', 'linkedin', 'linkedin_profile_url'));
	const cv = cvOf(pick('attachments'));
	return normalizeLoose({
		fullName: str(pick('full_name', 'name')),
		firstName: str(pick('first_name')),
		lastName: str(pick('last_name')),
		emails: emails.map((e) => ({ ...e, type: 'personal' })),
		phones: phones.map((p) => ({ ...p, type: 'mobile' })),
		linkedinUrl: linkedin,
		location: locationOf(pick),
		currentTitle: str(pick('current_job_title', 'current_title', 'headline')),
		currentCompany: str(pick('current_employer', 'current_company')),
		source: jobName ? `pinpoint: ${jobName}` : 'pinpoint',
		tags: tagList(pick('tags')),
		extra: compact({
			pinpointCandidateId: candidateId,
			resumeUrl: str(cv?.url),
			resumeFilename: str(cv?.filename ?? cv?.name),
			address: streetOf(pick),
			postcode: str(pick('postcode', 'postal_code', 'zip')),
		}),
	});
}

function toEntries(v: unknown, label: string): LooseEntry[] {
	const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
	return list
		.map((x, i) => ({
			value: isRecord(x) ? (x.value ?? x.email ?? x.number) : x,
			type: 'other',
			from: `${label}${list.length > 1 ? `[${i}]` : ''}`,
		}))
		.filter((e) => str(e.value) !== undefined);
}

/**
 * The CV among the application's attachments (asked for as an extra field): Pinpoint's PDF rendering
 * (`context: "pdf_cv"`) first, then any other CV or resume.
 */
function cvOf(v: unknown): Rec | undefined {
	const attachments = Array.isArray(v) ? v.filter(isRecord) : [];
	const context = (a: Rec) => String(a.context ?? a.type ?? '');
	return (
		attachments.find((a) => context(a) === 'pdf_cv') ??
		attachments.find((a) => /cv|resume/i.test(context(a)))
	);
}

/**
 * Pinpoint's address is address1, address2, town, postcode and country; a location object or line
 * (older shapes) is read too. Either way through the shared location parser.
 */
function locationOf(pick: (...keys: string[]) => unknown) {
	const address = pick('address', 'location');
	const town = pick('town', 'city');
	if (isRecord(address))
		return parseLocation({
			city: address.city ?? address.town,
			state: address.state ?? address.region ?? address.county,
			country: address.country ?? address.country_code,
		});
	if (typeof address === 'string' && str(town) === undefined) return parseLocation(address);
	return parseLocation({
		city: town,
		state: pick('state', 'region', 'county'),
		country: pick('country', 'country_code'),
	});
}

/** The street lines (address1, address2), when the application has them. */
function streetOf(pick: (...keys: string[]) => unknown): string | undefined {
	const lines = [str(pick('address1')), str(pick('address2'))].filter(Boolean);
	return lines.length ? lines.join(', ') : undefined;
}

function tagList(v: unknown): string[] {
	if (!Array.isArray(v)) return [];
	return v
		.map((t) => str(isRecord(t) ? (t.name ?? t.title) : t))
		.filter((t): t is string => t !== undefined);
}

function reference(r: Resource | undefined, nameKeys: string[]): IDataObject | undefined {
	if (!r) return undefined;
	const ref = compact({ id: r.id, name: str(firstOf([r.attributes], nameKeys)) });
	return Object.keys(ref).length ? ref : undefined;
}

/** The accepted offer when there is one, else the last one listed. */
function chooseOffer(offers: Resource[]): IDataObject | undefined {
	if (!offers.length) return undefined;
	const accepted = offers.find((o) =>
		/accept/i.test(String(o.attributes.status ?? o.attributes.state ?? '')),
	);
	const o = accepted ?? offers[offers.length - 1];
	const a = o.attributes;
	const ref = compact({
		id: o.id,
		status: str(a.status ?? a.state),
		startDate: str(a.start_date ?? a.starts_on ?? a.start_on ?? a.starts_at),
	});
	return Object.keys(ref).length ? ref : undefined;
}

function firstOf(sources: Rec[], keys: string[]): unknown {
	for (const key of keys) {
		for (const s of sources) {
			const v = s[key];
			if (v !== undefined && v !== null && v !== '') return v;
		}
	}
	return undefined;
}
