import type { IDataObject } from 'n8n-workflow';

import { linkedinSlug } from '../shared/candidate/linkedin';
import { formatLocation } from '../shared/candidate/location';
import type { Candidate } from '../shared/candidate/schema';
import type { SdxContact, SdxJob, SdxPerson, SdxPersonJob, SdxStage } from './types';

/** Candidate → Stardex v1 request bodies, and reading Stardex records. Pure, so tested without n8n. */

export interface PersonOptions {
	jobId?: string;
	externalSourceId?: string;
	notes?: string;
	enrich?: boolean;
}

/**
 * POST /v1/persons. The first work and personal addresses go to the typed fields, the rest to
 * `emails`; the first mobile and work numbers to the typed fields, the rest to `phone_numbers`.
 * Location is free text ("City, State, Country"), the only location field on create.
 */
export function personBody(c: Candidate, o: PersonOptions = {}): IDataObject {
	const body: IDataObject = { name: c.fullName };
	// completeNames() gives a one-word name the last name "-" for ATSes that need one; Stardex splits
	// the name itself, so that placeholder is never sent.
	if (c.lastName && c.lastName !== '-') {
		body.first_name = c.firstName;
		body.last_name = c.lastName;
	}
	if (c.linkedinUrl) body.linkedin_url = c.linkedinUrl;

	const work = c.emails.find((e) => e.type === 'work');
	const personal = c.emails.find((e) => e.type === 'personal');
	if (work) body.work_email = work.value;
	if (personal) body.personal_email = personal.value;
	const otherEmails = c.emails.filter((e) => e !== work && e !== personal).map((e) => e.value);
	if (otherEmails.length) body.emails = otherEmails;

	const mobile = c.phones.find((p) => p.type === 'mobile');
	const workPhone = c.phones.find((p) => p.type === 'work');
	if (mobile) body.mobile_phone = mobile.value;
	if (workPhone) body.work_phone = workPhone.value;
	const otherPhones = c.phones.filter((p) => p !== mobile && p !== workPhone).map((p) => p.value);
	if (otherPhones.length) body.phone_numbers = otherPhones;

	if (c.currentTitle) body.current_job_title = c.currentTitle;
	if (c.currentCompany) body.company_name = c.currentCompany;
	const location = formatLocation(c.location);
	if (location) body.linkedin_location = location;
	if (o.jobId) body.job_id = o.jobId;
	if (o.externalSourceId) body.external_source_id = o.externalSourceId;
	if (o.notes) body.notes = o.notes;
	if (o.enrich) body.enrich_record = true;
	return body;
}

/**
 * PATCH /v1/persons/{id} with only what is empty in Stardex. PATCH replaces the whole email and
 * phone lists, so a list is sent only when the person is known to have none: contact details
 * already there are never changed. A field the record does not show at all counts as unknown, and
 * unknown is never overwritten.
 */
export function fillEmptyPatch(existing: SdxPerson, c: Candidate): IDataObject {
	const patch: IDataObject = {};
	const record = existing as unknown as Record<string, unknown>;
	const location = formatLocation(c.location);
	if (c.currentTitle && isEmpty(record, 'current_job_title'))
		patch.current_job_title = c.currentTitle;
	if (c.currentCompany && isEmpty(record, 'current_company_name', 'company_name'))
		patch.company_name = c.currentCompany;
	if (location && isEmpty(record, 'linkedin_location')) patch.linkedin_location = location;
	if (c.linkedinUrl && isEmpty(record, 'linkedin_public_id', 'linkedin_url'))
		patch.linkedin_url = c.linkedinUrl;
	if (c.emails.length && isEmpty(record, 'emails')) {
		patch.emails = c.emails.map((e) => ({ contact_data_type: e.type, value: e.value }));
	}
	if (c.phones.length && isEmpty(record, 'phones', 'phone_numbers')) {
		patch.phone_numbers = c.phones.map((p) => ({ contact_data_type: p.type, value: p.value }));
	}
	return patch;
}

/** True only when at least one of the keys is present and none of them holds a value. */
function isEmpty(record: Record<string, unknown>, ...keys: string[]): boolean {
	const present = keys.filter((k) => k in record);
	if (!present.length) return false;
	return present.every((k) => {
		const v = record[k];
		if (Array.isArray(v)) return v.length === 0;
		return v === null || v === undefined || String(v).trim() === '';
	});
}

function contactValues(list: Array<SdxContact | string> | undefined): string[] | undefined {
	if (!Array.isArray(list)) return undefined;
	return list.map((e) => (typeof e === 'string' ? e : String(e?.value ?? ''))).filter(Boolean);
}

/** Whether the record shows this address: true, false, or undefined when it shows no addresses at all. */
export function personHasEmail(p: SdxPerson, email: string): boolean | undefined {
	const values = contactValues(p.emails);
	if (!values) return undefined;
	return values.some((v) => v.trim().toLowerCase() === email.toLowerCase());
}

/** Whether the record shows this LinkedIn profile: true, false, or undefined when it shows none. */
export function personHasLinkedin(p: SdxPerson, slug: string): boolean | undefined {
	const known = [p.linkedin_public_id, p.linkedin_url].filter(
		(v): v is string => typeof v === 'string' && v.trim() !== '',
	);
	if (!known.length) return 'linkedin_public_id' in p || 'linkedin_url' in p ? false : undefined;
	return known.some((v) => v.trim().toLowerCase() === slug || linkedinSlug(v) === slug);
}

/** The person-on-job record for this job, from person.candidates[] (undefined when not listed). */
export function candidateOnJob(p: SdxPerson, jobId: string): SdxPersonJob | undefined {
	return (p.candidates ?? []).find((c) => String(c.job_id) === jobId);
}

export function candidateIdOf(record: SdxPersonJob | undefined): string | undefined {
	const id = record?.candidate_id ?? record?.id;
	return id ? String(id) : undefined;
}

/**
 * pipeline_stages from GET /v1/jobs/{id}. The stage fields are not documented, so the usual
 * spellings are accepted: id | stage_id | pipeline_stage_id, name | stage_name | title | label,
 * order | position | sort_order | stage_order | index | rank. Plain strings are stage names.
 */
export function stagesOf(job: Pick<SdxJob, 'pipeline_stages'> | undefined): SdxStage[] | undefined {
	let raw = job?.pipeline_stages;
	if (
		raw &&
		typeof raw === 'object' &&
		!Array.isArray(raw) &&
		Array.isArray((raw as IDataObject).stages)
	)
		raw = (raw as IDataObject).stages;
	if (!Array.isArray(raw)) return undefined;
	const stages: SdxStage[] = [];
	raw.forEach((entry, index) => {
		if (typeof entry === 'string') {
			if (entry.trim()) stages.push({ name: entry.trim(), order: index });
			return;
		}
		if (!entry || typeof entry !== 'object') return;
		const s = entry as IDataObject;
		const id = firstText(s, ['id', 'stage_id', 'pipeline_stage_id', 'uuid']);
		const name = firstText(s, ['name', 'stage_name', 'title', 'label']) ?? id;
		if (!name) return;
		const orderValue = ['order', 'position', 'sort_order', 'stage_order', 'index', 'rank']
			.map((k) => Number(s[k]))
			.find((n) => Number.isFinite(n));
		stages.push({ ...(id ? { id } : {}), name, order: orderValue ?? index });
	});
	return stages
		.map((s, i) => ({ s, i }))
		.sort((a, b) => a.s.order - b.s.order || a.i - b.i)
		.map(({ s }) => s);
}

/** A stage chosen by id or by name (case-insensitive). */
export function findStage(stages: SdxStage[], wanted: string): SdxStage | undefined {
	const w = wanted.trim();
	return (
		stages.find((s) => s.id === w) ??
		stages.find((s) => s.name.trim().toLowerCase() === w.toLowerCase())
	);
}

function firstText(o: IDataObject, keys: string[]): string | undefined {
	for (const k of keys) {
		const v = o[k];
		if ((typeof v === 'string' && v.trim()) || typeof v === 'number') return String(v).trim();
	}
	return undefined;
}

export function jobLabel(job: SdxJob): string {
	const name = job.name || String(job.id);
	return job.client_company_name ? `${name} (${job.client_company_name})` : name;
}

/** Stardex documents no web-app URL pattern: these are best guesses built on the credential's App URL. */
export function profileUrl(appUrl: string, personId: string): string {
	return `${appUrl}/persons/${encodeURIComponent(personId)}`;
}

export function jobUrl(appUrl: string, jobId: string): string {
	return `${appUrl}/jobs/${encodeURIComponent(jobId)}`;
}
