import type { IDataObject } from 'n8n-workflow';

import { linkedinSlug } from '../shared/candidate/linkedin';
import { formatLocation } from '../shared/candidate/location';
import type { Candidate } from '../shared/candidate/schema';
import type { GhCandidate } from './types';

/** Candidate → Greenhouse request bodies. Pure functions, so they are tested without n8n. */

const PHONE_TYPE: Record<string, string> = {
	mobile: 'mobile',
	home: 'home',
	work: 'work',
	other: 'other',
};

export interface ApplicationChoice {
	jobId?: number;
	sourceId?: number;
	/** Application custom fields, already checked: `[{custom_field_id, value}]`. */
	customFields?: IDataObject[];
}

/** v3 has no free-text source: `source_id` only. Without a job, the prospect arm is used. */
export function applicationBody(choice: ApplicationChoice): IDataObject {
	const body: IDataObject = choice.jobId ? { job_id: choice.jobId } : { prospect: true };
	if (choice.sourceId) body.source_id = choice.sourceId;
	if (choice.customFields?.length) body.custom_fields = choice.customFields;
	return body;
}

export function candidateBody(c: Candidate, application?: ApplicationChoice): IDataObject {
	const body: IDataObject = {
		first_name: c.firstName,
		last_name: c.lastName,
		email_addresses: c.emails.map((e) => ({ value: e.value, type: e.type })),
		phone_numbers: c.phones.map((p) => ({ value: p.value, type: PHONE_TYPE[p.type] ?? 'other' })),
	};
	if (c.currentCompany) body.company = c.currentCompany;
	if (c.currentTitle) body.title = c.currentTitle;
	const location = formatLocation(c.location);
	if (location) body.addresses = [{ value: location, type: 'home' }];
	if (c.linkedinUrl) body.social_media_addresses = [{ value: c.linkedinUrl }];
	if (c.tags.length) body.tags = c.tags;
	if (application) body.application = applicationBody(application);
	return body;
}

/**
 * Only what is empty in Greenhouse. Contact lists are replaced wholesale by PATCH, so a list that
 * already has entries is never sent: that is how contact details are never overwritten.
 */
export function fillEmptyPatch(existing: GhCandidate, c: Candidate): IDataObject {
	const wanted = candidateBody(c);
	const patch: IDataObject = {};
	const emptyText = (v: unknown) => v === undefined || v === null || String(v).trim() === '';
	const emptyList = (v: unknown) => !Array.isArray(v) || v.length === 0;
	for (const key of ['company', 'title'] as const)
		if (wanted[key] && emptyText(existing[key])) patch[key] = wanted[key];
	for (const key of [
		'phone_numbers',
		'addresses',
		'social_media_addresses',
		'email_addresses',
	] as const) {
		const value = wanted[key] as unknown[] | undefined;
		if (value?.length && emptyList(existing[key])) patch[key] = value;
	}
	return patch;
}

export function hasLinkedin(existing: GhCandidate, slug: string | undefined): boolean {
	if (!slug) return false;
	const urls = [
		...(existing.social_media_addresses ?? []),
		...(existing.website_addresses ?? []),
	].map((a) => a.value);
	return urls.some((u) => linkedinSlug(u) === slug);
}

export function profileUrl(appUrl: string, candidateId: number, applicationId?: number): string {
	return `${appUrl}/people/${candidateId}${applicationId ? `?application_id=${applicationId}` : ''}`;
}

export function jobUrl(appUrl: string, jobId: number | string): string {
	return `${appUrl}/sdash/${jobId}`;
}
