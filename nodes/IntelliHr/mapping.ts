import type { IDataObject } from 'n8n-workflow';

import type { Candidate } from '../shared/candidate/schema';
import { INTELLIHR_WEB_DOMAIN } from '../shared/origins';
import type { IhrJob } from './types';

/** Candidate and job fields → IntelliHR request bodies, and the date and reference rules. Pure. */

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PersonExtras {
	preferredName?: string;
	dateOfBirth?: string;
	/** Already checked: apiName → {value}. */
	customFields?: IDataObject;
}

/** POST /people. Every email is kept; the candidate's first one is the primary address. */
export function personBody(c: Candidate, extras: PersonExtras = {}): IDataObject {
	const body: IDataObject = {
		firstName: c.firstName,
		lastName: c.lastName,
		emailAddresses: c.emails.map((e, n) => ({
			email: e.value,
			isPrimary: n === 0,
			isPersonal: e.type !== 'work',
		})),
	};
	if (extras.preferredName) body.preferredName = extras.preferredName;
	if (c.phones.length)
		body.phoneNumbers = c.phones.map((p, n) => ({
			number: p.value,
			isPrimary: n === 0,
			isPersonal: p.type !== 'work',
		}));
	if (extras.dateOfBirth) body.dateOfBirth = extras.dateOfBirth;
	if (extras.customFields && Object.keys(extras.customFields).length)
		body.customFields = extras.customFields;
	return body;
}

export interface JobFields {
	positionTitle: string;
	startDate: string;
	businessEntity: string;
	businessUnit: string;
	workClass: string;
	location?: string;
	workType?: string;
	supervisorPerson?: string;
	fte?: string;
	payGrade?: string;
	employmentCondition?: string;
	recruitmentSource?: string;
}

/**
 * IntelliHR references are "search objects": a dropdown value is an id and goes as {id}; a value
 * typed or mapped by hand that is not an id goes as {name}, which IntelliHR matches itself.
 */
export function searchRef(value: string): IDataObject {
	return UUID_RE.test(value) ? { id: value } : { name: value };
}

/** A person search object: id, email or name. IntelliHR fails the call unless it narrows to one person. */
export function personRef(value: string): IDataObject {
	if (UUID_RE.test(value)) return { id: value };
	return value.includes('@') ? { primaryEmailAddress: value.toLowerCase() } : { name: value };
}

/** POST /jobs. The start date is both the company start date and the start of this position. */
export function jobBody(personId: string, j: JobFields): IDataObject {
	const body: IDataObject = {
		person: { id: personId },
		name: j.positionTitle,
		companyStartDate: j.startDate,
		startDate: j.startDate,
		businessEntity: searchRef(j.businessEntity),
		businessUnit: searchRef(j.businessUnit),
		workClass: searchRef(j.workClass),
	};
	if (j.location) body.location = searchRef(j.location);
	if (j.workType) body.workType = searchRef(j.workType);
	if (j.supervisorPerson) body.supervisorPerson = personRef(j.supervisorPerson);
	if (j.fte) body.fte = j.fte;
	if (j.payGrade) body.payGrade = searchRef(j.payGrade);
	if (j.employmentCondition) body.employmentCondition = searchRef(j.employmentCondition);
	if (j.recruitmentSource) body.recruitment = { source: searchRef(j.recruitmentSource) };
	return body;
}

/** Whether an existing job is the one we would create: same position title and start date. */
export function isSameJob(job: IhrJob, positionTitle: string, startDate: string): boolean {
	const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
	const title = typeof job.positionTitle === 'string' ? job.positionTitle : job.positionTitle?.name;
	const titles = [job.name, title].filter((t): t is string => typeof t === 'string').map(norm);
	if (!titles.includes(norm(positionTitle))) return false;
	const wanted = Date.parse(startDate);
	return [job.companyStartDate, job.positionStartDate, job.startDate]
		.filter((d): d is string => typeof d === 'string' && d !== '')
		.some(
			(d) =>
				d.slice(0, 10) === startDate.slice(0, 10) ||
				(Number.isFinite(wanted) && Date.parse(d) === wanted),
		);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/i;

function isCalendarDate(y: string, m: string, d: string): boolean {
	const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
	return (
		date.getUTCFullYear() === Number(y) &&
		date.getUTCMonth() === Number(m) - 1 &&
		date.getUTCDate() === Number(d)
	);
}

/** A job start date: YYYY-MM-DD (stored by IntelliHR as midnight UTC) or an RFC 3339 date-time. */
export function parseStartDate(value: unknown): Parsed<string> {
	const text = dateText(value);
	if (!text) return { ok: false, problem: 'is empty' };
	const date = DATE_RE.exec(text);
	if (date)
		return isCalendarDate(date[1], date[2], date[3])
			? { ok: true, value: text }
			: { ok: false, problem: `"${text.slice(0, 40)}" is not a real date` };
	const dt = DATE_TIME_RE.exec(text);
	if (
		dt &&
		isCalendarDate(dt[1], dt[2], dt[3]) &&
		Number(dt[4]) < 24 &&
		Number(dt[5]) < 60 &&
		Number(dt[6] ?? 0) < 60
	) {
		// n8n's date picker gives a date-time without a zone: the day is what was meant.
		return { ok: true, value: dt[7] ? text.replace(/^(.{10})t/, '$1T') : text.slice(0, 10) };
	}
	return {
		ok: false,
		problem: `"${text.slice(0, 40)}" is not a date like 2026-11-02 or a date-time like 2026-11-02T09:00:00+10:00`,
	};
}

/** A date of birth: YYYY-MM-DD, a real date, after 1900 and not in the future. */
export function parseDateOfBirth(value: unknown, today = new Date()): Parsed<string | undefined> {
	const text = dateText(value);
	if (!text) return { ok: true, value: undefined };
	// n8n's date picker gives YYYY-MM-DDT00:00:00; only the day counts.
	const m =
		DATE_RE.exec(text) ??
		(/^\d{4}-\d{2}-\d{2}T00:00(?::00(?:\.0+)?)?$/.test(text)
			? DATE_RE.exec(text.slice(0, 10))
			: null);
	if (!m || !isCalendarDate(m[1], m[2], m[3]))
		return {
			ok: false,
			problem: `"${text.slice(0, 40)}" is not a date like 1990-05-17 (YYYY-MM-DD)`,
		};
	if (Number(m[1]) < 1900 || m[0] > today.toISOString().slice(0, 10))
		return { ok: false, problem: `${m[0]} is not a plausible date of birth` };
	return { ok: true, value: m[0] };
}

/** Full-time equivalent, e.g. 1 or 0.6, sent as a string as the API expects. */
export function parseFte(value: unknown): Parsed<string | undefined> {
	const text = String(value ?? '').trim();
	if (!text) return { ok: true, value: undefined };
	const n = Number(text);
	if (!/^\d+(?:\.\d+)?$/.test(text) || !(n > 0) || n > 10)
		return {
			ok: false,
			problem: `"${text.slice(0, 20)}" is not a full-time equivalent like 1 or 0.6`,
		};
	return { ok: true, value: text };
}

/** Expressions may hand over a string, a JS Date or a Luxon DateTime. */
function dateText(value: unknown): string {
	if (value instanceof Date)
		return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	)
		return String((value as { toISO: () => string }).toISO());
	return String(value ?? '').trim();
}

/** The web app address of a person, e.g. https://acme.intellihr.net/spa/people/<id> (path is a best guess). */
export function personProfileUrl(tenant: string, personId: string): string {
	return `https://${tenant}.${INTELLIHR_WEB_DOMAIN}/spa/people/${encodeURIComponent(personId)}`;
}
