import { str } from '../values';

/**
 * Timestamps as the tools send them → ISO 8601 (UTC, milliseconds). Accepted: ISO 8601 strings
 * with or without offset ("2025-03-28T09:35:01+00:00", "2025-03-28 09:35:01", read as UTC when no
 * offset is given), Unix epochs in seconds or milliseconds as numbers or digit strings
 * ("1732093502", 1732093502123), RFC 2822 dates ("Tue, 25 Mar 2025 09:35:01 +0000") and the US
 * "MM/DD/YYYY" dates of Greenhouse. Anything else is undefined. Inputs longer than any timestamp are
 * refused before parsing, so the time is constant on hostile input.
 */

const MAX_LENGTH = 64;
/** Epochs below this are seconds: 1e11 s is the year 5138, 1e11 ms is March 1973. */
const SECONDS_BELOW = 1e11;
/** 0001-01-01 to 9999-12-31, the years ISO 8601 writes with four digits. */
const MIN_MS = -62135596800000;
const MAX_MS = 253402300799999;

export function toIsoTimestamp(value: unknown): string | undefined {
	const ms = toEpochMs(value);
	return ms === undefined ? undefined : new Date(ms).toISOString();
}

/** A calendar date "YYYY-MM-DD" (start dates, employment dates); a full timestamp keeps its UTC date. */
export function toIsoDate(value: unknown): string | undefined {
	const s = str(value);
	return (s && calendarDate(s)) ?? toIsoTimestamp(value)?.slice(0, 10);
}

/** "YYYY-MM-DD" or "MM/DD/YYYY" → "YYYY-MM-DD" when the day exists. */
function calendarDate(s: string): string | undefined {
	if (s.length > 10) return undefined;
	const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
	if (ymd) return validDate(+ymd[1], +ymd[2], +ymd[3]) ? s : undefined;
	const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
	if (us && validDate(+us[3], +us[1], +us[2]))
		return `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`;
	return undefined;
}

function toEpochMs(value: unknown): number | undefined {
	if (typeof value === 'number') return epoch(value);
	const s = str(value);
	if (!s || s.length > MAX_LENGTH) return undefined;
	if (/^-?\d+(?:\.\d+)?$/.test(s)) return epoch(Number(s));
	const date = calendarDate(s);
	if (date) return inRange(Date.parse(`${date}T00:00:00Z`));
	if (s.length <= 10 && !/[a-z]/i.test(s)) return undefined;
	// "2025-03-28 09:35:01" and "2025-03-28T09:35:01" carry no offset: read as UTC, not local time.
	const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)$/.exec(s);
	if (local) return inRange(Date.parse(`${local[1]}T${trimFraction(local[2])}Z`));
	const spaced = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}.*)$/.exec(s);
	if (spaced) return inRange(Date.parse(`${spaced[1]}T${spaced[2].replace(' ', '')}`));
	if (!/[a-z]{3}|\d{4}-\d{2}-\d{2}T/i.test(s)) return undefined;
	return inRange(Date.parse(s));
}

function epoch(n: number): number | undefined {
	// Below 1e8 s (1973) a number is a count or an id, not a moment a tool reports.
	if (!Number.isFinite(n) || n < 1e8) return undefined;
	return inRange(Math.round(n < SECONDS_BELOW ? n * 1000 : n));
}

function inRange(ms: number): number | undefined {
	return Number.isFinite(ms) && ms >= MIN_MS && ms <= MAX_MS ? ms : undefined;
}

/** Date.parse reads at most milliseconds; "09:35:01.123456" keeps the first three digits. */
function trimFraction(time: string): string {
	const dot = time.indexOf('.');
	return dot === -1 ? time : time.slice(0, dot + 4);
}

function validDate(y: number, m: number, d: number): boolean {
	if (m < 1 || m > 12 || d < 1) return false;
	return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
