import { isRecord } from '../values';

/**
 * The one table of length caps for a candidate and the text the export nodes send. Every field has
 * one: ATS fields are short text columns (Greenhouse's company and title are 255 characters), and a
 * cap met early keeps megabytes of text out of the parsers, the requests and the stored executions.
 * Exports refuse an item over a cap (a per-item error naming the field, the cap and the fix); the
 * triggers answer the delivery 413 and start nothing. Checked in one linear pass, before any regex.
 */
export interface FieldCap {
	/** Where the field is, as the error names it ("[]" for each entry of a list). */
	field: string;
	/** At most this many characters (for lists: entries). */
	max: number;
	unit: 'characters' | 'entries';
}

const c = (field: string, max: number): FieldCap => ({ field, max, unit: 'characters' });
const n = (field: string, max: number): FieldCap => ({ field, max, unit: 'entries' });

export const FIELD_CAPS: FieldCap[] = [
	c('fullName', 255),
	c('firstName', 255),
	c('lastName', 255),
	n('emails', 20),
	c('emails[].value', 254),
	n('phones', 20),
	c('phones[].value', 60),
	c('linkedinUrl', 2000),
	c('location.city', 255),
	c('location.state', 255),
	c('location.country', 255),
	c('currentTitle', 255),
	c('currentCompany', 255),
	n('previousJobs', 50),
	c('previousJobs[].title', 255),
	c('previousJobs[].company', 255),
	c('previousJobs[].startDate', 40),
	c('previousJobs[].endDate', 40),
	c('source', 255),
	n('tags', 50),
	c('tags[]', 255),
	c('resume.binaryProperty', 255),
	// Everything kept under `extra`, measured as JSON.
	c('extra', 250_000),
];

/** Text an export node sends besides the candidate (its Note option; a reply pasted into it). */
export const NOTE_CAP = c('note', 50_000);

/** The cap issue of an export node's note text, if it is over NOTE_CAP. */
export function noteCapIssue(text: unknown, field: string): CapIssue | undefined {
	return typeof text === 'string' && text.length > NOTE_CAP.max
		? { field, size: text.length, cap: NOTE_CAP }
		: undefined;
}

export interface CapIssue {
	/** The concrete field, e.g. emails[2].value. */
	field: string;
	size: number;
	cap: FieldCap;
}

/** The size of one value: string length, list length, or the JSON of an object. */
function sizeOf(value: unknown, unit: FieldCap['unit']): number | undefined {
	if (unit === 'entries') return Array.isArray(value) ? value.length : undefined;
	if (typeof value === 'string') return value.length;
	if (typeof value === 'number') return String(value).length;
	if (isRecord(value)) return JSON.stringify(value).length;
	return undefined;
}

/** The values at a cap's path, with their concrete names (emails[2].value). */
function valuesAt(record: unknown, path: string): Array<[string, unknown]> {
	let found: Array<[string, unknown]> = [['', record]];
	for (const part of path.split('.')) {
		const list = part.endsWith('[]');
		const key = list ? part.slice(0, -2) : part;
		const next: Array<[string, unknown]> = [];
		for (const [name, v] of found) {
			if (!isRecord(v)) continue;
			const at = name ? `${name}.${key}` : key;
			const child = v[key];
			if (!list) next.push([at, child]);
			else if (Array.isArray(child)) child.forEach((entry, i) => next.push([`${at}[${i}]`, entry]));
		}
		found = next;
	}
	return found;
}

/** Every field of a candidate-shaped record over its cap, each with its size, cap and fix. */
export function capIssues(record: unknown, caps: FieldCap[] = FIELD_CAPS): CapIssue[] {
	const issues: CapIssue[] = [];
	for (const cap of caps)
		for (const [field, value] of valuesAt(record, cap.field)) {
			const size = sizeOf(value, cap.unit);
			if (size !== undefined && size > cap.max) issues.push({ field, size, cap });
		}
	return issues;
}

/** "has 300 characters; at most 255 are accepted", plus the fix an export user can apply. */
export function capMessage(issue: CapIssue, withFix = true): string {
	const { size, cap } = issue;
	const text = `has ${size} ${cap.unit}; at most ${cap.max} are accepted`;
	if (!withFix) return text;
	const fix = cap.unit === 'entries' ? 'keep the first ones' : 'shorten it';
	return `${text} (${fix}, e.g. in a Set node before this one)`;
}

/**
 * For a trigger: the 413 message when an item it would start has a field over its cap (the
 * sender's data, so nothing is started), or undefined.
 */
export function tooLongForTrigger(items: unknown[]): string | undefined {
	for (const [i, item] of items.entries()) {
		const [first, ...more] = capIssues(item);
		if (!first) continue;
		const also = more.length ? ` (and ${more.length} more field${more.length > 1 ? 's' : ''})` : '';
		return `Payload too large: event ${i + 1}: ${first.field} ${capMessage(first, false)}${also}; nothing was started`;
	}
	return undefined;
}
