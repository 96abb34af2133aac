import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { Candidate } from '../shared/candidate/schema';

type PreviousJob = Candidate['previousJobs'][number];

/**
 * Previous jobs → POST /v3/candidate_employments bodies. Harvest v3's candidate employment types
 * company_name and title as strings and start_date as a date (`YYYY-MM-DD`), none of them nullable
 * (components.schemas.candidate_employment in Greenhouse's v3 OpenAPI document, public copy:
 * https://github.com/amp-labs/connectors/blob/e387d41ce02c41823ba9c32015b694ebef32c0a6/providers/greenhouse/metadata/openapi/harvest-api.json),
 * so a job that lacks one of them is not sent: it is reported (and can go into the note), never sent
 * half-empty.
 */

export interface DateNote {
	job: number;
	field: 'startDate' | 'endDate';
	given: string;
	sent?: string;
	note: string;
}

export interface SkippedJob {
	job: number;
	company?: string;
	title?: string;
	startDate?: string;
	endDate?: string;
	reason: string;
}

export interface EmploymentPlan {
	bodies: IDataObject[];
	skipped: SkippedJob[];
	dateNotes: DateNote[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

type Normalized = { date: string; note?: string } | { problem: string };

/** A calendar date as YYYY-MM-DD; month-only and year-only inputs become the first day. */
export function normalizeDate(raw: string): Normalized {
	const text = raw.trim();
	const pad = (n: number) => String(n).padStart(2, '0');
	const day = (y: number, m: number, d: number): Normalized => {
		const dt = new Date(Date.UTC(y, m - 1, d));
		const real =
			y >= 1900 &&
			y <= 2100 &&
			dt.getUTCFullYear() === y &&
			dt.getUTCMonth() === m - 1 &&
			dt.getUTCDate() === d;
		return real
			? { date: `${y}-${pad(m)}-${pad(d)}` }
			: { problem: `"${text}" is not a real date` };
	};
	const withNote = (r: Normalized, note: string): Normalized => ('date' in r ? { ...r, note } : r);
	let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text);
	if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
	const monthOnly = 'month only: sent as the first day of the month';
	m = /^(\d{4})[-/.](\d{1,2})$/.exec(text);
	if (m) return withNote(day(Number(m[1]), Number(m[2]), 1), monthOnly);
	m = /^(\d{1,2})[-/.](\d{4})$/.exec(text);
	if (m) return withNote(day(Number(m[2]), Number(m[1]), 1), monthOnly);
	m = /^([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(text);
	if (m && MONTHS.includes(m[1].slice(0, 3).toLowerCase())) {
		const month = MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1;
		return withNote(day(Number(m[2]), month, 1), monthOnly);
	}
	m = /^(\d{4})$/.exec(text);
	if (m) return withNote(day(Number(m[1]), 1, 1), 'year only: sent as January 1');
	return { problem: `"${text.slice(0, 40)}" is not a date like 2021-03-15, 2021-03 or 2021` };
}

const present = z.string().trim().min(1);
const jobSchema = z.object({
	company: present,
	title: present,
	startDate: present,
	endDate: z.string().trim().optional(),
});

const FIELD_WORDS: Record<string, string> = {
	company: 'company name',
	title: 'title',
	startDate: 'start date',
};

export function planEmployments(candidateId: number, jobs: PreviousJob[]): EmploymentPlan {
	const plan: EmploymentPlan = { bodies: [], skipped: [], dateNotes: [] };
	jobs.forEach((j, n) => {
		const given = stripEmpty({
			company: j.company,
			title: j.title,
			startDate: j.startDate,
			endDate: j.endDate,
		});
		const parsed = jobSchema.safeParse(given);
		if (!parsed.success) {
			const missing = parsed.error.issues.map((i) => FIELD_WORDS[String(i.path[0])] ?? i.path[0]);
			plan.skipped.push({
				job: n,
				...given,
				reason: `no ${missing.join(', no ')} (Greenhouse needs a company name, a title and a start date)`,
			});
			return;
		}
		const start = normalizeDate(parsed.data.startDate);
		if ('problem' in start) {
			plan.skipped.push({ job: n, ...given, reason: `start date ${start.problem}` });
			return;
		}
		if (start.note)
			plan.dateNotes.push({
				job: n,
				field: 'startDate',
				given: parsed.data.startDate,
				sent: start.date,
				note: start.note,
			});
		const body: IDataObject = {
			candidate_id: candidateId,
			company_name: parsed.data.company,
			title: parsed.data.title,
			start_date: start.date,
		};
		if (parsed.data.endDate) {
			const end = normalizeDate(parsed.data.endDate);
			if ('problem' in end)
				plan.dateNotes.push({
					job: n,
					field: 'endDate',
					given: parsed.data.endDate,
					note: `end date ${end.problem}: sent without an end date`,
				});
			else if (end.date < start.date)
				plan.dateNotes.push({
					job: n,
					field: 'endDate',
					given: parsed.data.endDate,
					note: `end date ${end.date} is before the start date ${start.date}: sent without an end date`,
				});
			else {
				body.end_date = end.date;
				if (end.note)
					plan.dateNotes.push({
						job: n,
						field: 'endDate',
						given: parsed.data.endDate,
						sent: end.date,
						note: end.note,
					});
			}
		}
		plan.bodies.push(body);
	});
	return plan;
}

/** The lines written into the note for jobs that could not be sent as employments. */
export function skippedJobsText(skipped: SkippedJob[]): string {
	const lines = skipped.map((s) => {
		const what = [s.title, s.company].filter(Boolean).join(' at ') || 'A previous job';
		const when = [s.startDate, s.endDate].filter(Boolean).join(' – ');
		return `- ${what}${when ? ` (${when})` : ''}: ${s.reason}`;
	});
	return ['Previous jobs not added as employments:', ...lines].join('\n');
}

function stripEmpty<T extends Record<string, string | undefined>>(o: T): Partial<T> {
	return Object.fromEntries(
		Object.entries(o).filter(([, v]) => v !== undefined && v.trim() !== ''),
	) as Partial<T>;
}
