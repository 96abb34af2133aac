import type { IDataObject } from 'n8n-workflow';

import { triggerItem } from '../shared/candidate/item';
import { normalizeLinkedinUrl } from '../shared/candidate/linkedin';
import { parseLocation } from '../shared/candidate/location';
import { normalizeLoose } from '../shared/candidate/normalize';
import { toIsoDate } from '../shared/candidate/timestamp';
import type { CandidateEmail, CandidatePhone } from '../shared/candidate/schema';
import { compact, id, isRecord, rec, str, type Rec } from '../shared/values';

/**
 * One Greenhouse webhook body → one output item: the normalized candidate's fields at the top level,
 * then what the event is about (application, job, stage, offer). Pure, so every documented example
 * is tested without n8n. Every payload field is optional: the documented examples are not uniform
 * (https://developers.greenhouse.io/webhooks.html).
 */

export interface ItemContext {
	eventId: string;
	receivedAt: string;
}

export interface Reference {
	id?: string | number;
	name?: string;
}

export function greenhouseItem(body: Rec, ctx: ItemContext): IDataObject {
	const action = str(body.action) ?? 'unknown';
	const payload = rec(body.payload);
	const app = rec(payload.application);
	const offerBody = offerBodyOf(action, payload, app);
	const person = [app.candidate, payload.candidate, payload.person].find(isRecord);
	const jobs = jobList(app);
	const job =
		jobs[0] ?? reference(payload.job) ?? reference({ id: jobIdOf(payload, app, offerBody) });
	const stage =
		reference(app.current_stage) ??
		reference(rec(app.prospect_detail).prospect_stage) ??
		reference(payload.job_interview_stage);
	const offer = offerBody ? offerOf(offerBody) : undefined;
	const applicationId = id(app.id ?? offerBody?.application_id);
	const applicationUrl = cleanUrl(app.url);

	const candidate = person ? normalizeCandidate(person, job?.name) : { fields: {}, errors: [] };
	return triggerItem(candidate.fields, {
		event: action,
		eventId: ctx.eventId,
		receivedAt: ctx.receivedAt,
		candidateId: id(
			person?.id ?? app.candidate_id ?? payload.candidate_id ?? rec(payload.scorecard).candidate_id,
		),
		applicationId,
		profileUrl: cleanUrl(person?.url) ?? profileFromApplicationUrl(applicationUrl),
		application: Object.keys(app).length
			? compact({
					id: applicationId,
					status: str(app.status) ?? (action === 'hire_candidate' ? 'hired' : undefined),
					prospect: typeof app.prospect === 'boolean' ? app.prospect : undefined,
					url: applicationUrl,
					stage,
					jobs,
					source: reference({
						id: rec(app.source).id,
						name: rec(app.source).name ?? rec(app.source).public_name,
					}),
				})
			: undefined,
		job,
		stage,
		offer,
		startDate: offer?.startDate,
		positionTitle: job?.name,
		candidateErrors: candidate.errors,
		raw: body,
	});
}

/** The offer: on the application, in the payload, or the payload itself for offer_* actions. */
function offerBodyOf(action: string, payload: Rec, app: Rec): Rec | undefined {
	if (isRecord(app.offer)) return app.offer;
	if (isRecord(payload.offer)) return payload.offer;
	return action.startsWith('offer_') ? payload : undefined;
}

/** Where each action's payload names its job when it has no job object. */
function jobIdOf(payload: Rec, app: Rec, offer: Rec | undefined): unknown {
	return (
		app.job_id ??
		offer?.job_id ??
		payload.job_id ??
		rec(payload.job_post).job_id ??
		rec(payload.job_interview_stage).job_id
	);
}

function jobList(app: Rec): Reference[] {
	const list = Array.isArray(app.jobs) ? app.jobs : isRecord(app.job) ? [app.job] : [];
	return list.map(reference).filter((j): j is Reference => j !== undefined);
}

function reference(v: unknown): Reference | undefined {
	if (!isRecord(v)) return undefined;
	const ref = compact({ id: id(v.id), name: str(v.name) });
	return Object.keys(ref).length ? ref : undefined;
}

function offerOf(o: Rec): IDataObject {
	return compact({
		id: id(o.id),
		version: typeof o.version === 'number' ? o.version : undefined,
		status: str(o.offer_status),
		startDate: isoDate(o.starts_at ?? o.start_date),
		sentAt: str(o.sent_at ?? o.sent_on),
		resolvedAt: str(o.resolved_at),
		customFields: isRecord(o.custom_fields) ? customFieldValues(o.custom_fields) : undefined,
	});
}

/** `{salary: {name, type, value}}` → `{salary: value}`: what a mapping expression needs. */
function customFieldValues(fields: Rec): IDataObject {
	return Object.fromEntries(
		Object.entries(fields).map(([k, v]) => [
			k,
			isRecord(v) ? ((v.value as IDataObject[keyof IDataObject]) ?? null) : null,
		]),
	);
}

/** The Greenhouse person, in the shape parseCandidate reads. */
function normalizeCandidate(
	p: Rec,
	jobName: string | undefined,
): { fields: IDataObject; errors: string[] } {
	const linkList = [...listOf(p.social_media_addresses), ...listOf(p.website_addresses)];
	const links = linkList.map((a) => str(a.value));
	const linkedinUrl = links.map((l) => (l ? normalizeLinkedinUrl(l) : undefined)).find(Boolean);
	// Portfolio, blog and other profile links are kept too, not only the LinkedIn one.
	const otherLinks = linkList
		.filter((a) => str(a.value) && !normalizeLinkedinUrl(str(a.value) as string))
		.map((a) => compact({ value: str(a.value), type: str(a.type) }));
	const address = str(listOf(p.addresses)[0]?.value);
	const resume = listOf(p.attachments).find((a) => str(a.type) === 'resume');
	return normalizeLoose({
		firstName: str(p.first_name),
		lastName: str(p.last_name),
		emails: listOf(p.email_addresses).map((e, i) => ({
			value: e.value,
			type: emailType(e.type),
			from: `email_addresses[${i}]`,
		})),
		phones: listOf(p.phone_numbers).map((ph, i) => ({
			value: ph.value,
			type: phoneType(ph.type),
			from: `phone_numbers[${i}]`,
		})),
		linkedinUrl,
		location: address ? locationOf(address) : {},
		currentTitle: str(p.title),
		currentCompany: str(p.company),
		previousJobs: listOf(p.employments).map((e) =>
			compact({
				title: str(e.title),
				company: str(e.company_name),
				startDate: isoDate(e.start_date),
				endDate: isoDate(e.end_date),
			}),
		),
		source: jobName ? `greenhouse: ${jobName}` : 'greenhouse',
		tags: Array.isArray(p.tags) ? p.tags.map(str).filter(Boolean) : [],
		extra: compact({
			externalId: str(p.external_id),
			address,
			links: otherLinks.length ? otherLinks : undefined,
			resumeUrl: str(resume?.url),
			resumeFilename: str(resume?.filename),
		}),
	});
}

function listOf(v: unknown): Rec[] {
	return Array.isArray(v) ? v.filter(isRecord) : [];
}

function emailType(v: unknown): CandidateEmail['type'] {
	const t = str(v)?.toLowerCase();
	return t === 'personal' || t === 'work' ? t : 'other';
}

/** Greenhouse phone types are home|work|mobile|skype|other (one documented example has "other "). */
function phoneType(v: unknown): CandidatePhone['type'] {
	const t = str(v)?.toLowerCase();
	return t === 'mobile' || t === 'home' || t === 'work' ? t : 'other';
}

/**
 * A free-text address → location, by the shared reader. Greenhouse examples:
 * "123 Test Street\nNew York, NY 10001", "455 Broadway New York, NY 10280", "123 Fake St.".
 */
export function locationOf(address: string): { city?: string; state?: string; country?: string } {
	return parseLocation(address);
}

/** "2015-01-23" stays; "04/15/2013" (Greenhouse's MM/DD/YYYY) becomes "2013-04-15"; anything else is kept as given. */
export function isoDate(v: unknown): string | undefined {
	return toIsoDate(v) ?? str(v);
}

/** Links in the documented examples can carry stray spaces ("application_id= 265277"). */
function cleanUrl(v: unknown): string | undefined {
	const s = str(v);
	return s ? s.replace(/\s+/g, '') : undefined;
}

/** The new_prospect_application candidate has no url; its application url names the person. */
function profileFromApplicationUrl(url: string | undefined): string | undefined {
	const m = url ? /^(https?:\/\/[^/]+\/people\/\d+)/.exec(url) : null;
	return m ? m[1] : undefined;
}
