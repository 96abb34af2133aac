/**
 * The moment a Retry-After or X-RateLimit-Reset names, in epoch ms (rateLimit.ts). Numbers above
 * 10^9 cannot be a delay (that is 31 years) and are Unix seconds, above 10^12 Unix milliseconds;
 * smaller numbers are seconds from now. Other text is a date only when it has a calendar date and a
 * time of day: the HTTP date forms of RFC 9110 §5.6.7, ISO 8601, or JavaScript's Date text, which
 * lemlist documents for X-RateLimit-Reset ("Tue Feb 16 2021 09:02:42 GMT+0100 (Central European
 * Standard Time)", https://developer.lemlist.com). V8's Date.parse alone also reads "May 5" or
 * "in 5" as days in 2001, and a moment long past would mean "send again now" when the answer said
 * nothing usable: such text is no answer, and the caller backs off.
 */
export function headerTimeMs(value: string | undefined, now = Date.now()): number | undefined {
	const text = unjoined(value);
	if (text === undefined) return undefined;
	const n = toNumber(text);
	if (n !== undefined) {
		if (n < 0) return undefined;
		if (n > 1e12) return n;
		if (n > 1e9) return n * 1000;
		return now + n * 1000;
	}
	return dateMs(text);
}

function dateMs(raw: string): number | undefined {
	if (raw.length > 128) return undefined;
	// Java's ZonedDateTime adds "[Europe/Berlin]", Go's time adds a zone name after the offset
	// ("+0100 CET"); the offset before them says it all, and Date.parse knows neither.
	const text = raw.replace(BRACKETED_ZONE, '').replace(NAME_AFTER_OFFSET, '$1');
	if (!TIME_OF_DAY.test(text) || !CALENDAR_DATE.test(text) || !YEAR.test(text)) return undefined;
	// A header date without a zone is GMT (RFC 9110, asctime); Date.parse would read local time.
	const date = ZONE_AT_END.test(text)
		? Date.parse(text)
		: firstValid(Date.parse(`${text} GMT`), Date.parse(`${text}Z`));
	return Number.isNaN(date) ? undefined : date;
}

// Linear on any input (no nested quantifiers), and the text is at most 128 characters here.
const TIME_OF_DAY = /\d:\d\d/;
// Four digits, or RFC 850's two after the month (06-Nov-94).
const YEAR = /\d{4}|\d-[A-Za-z]{3}-\d\d /;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';
/** 2026-12-04, 12/4/2026, 04 Dec / 04-Dec (IMF-fixdate, RFC 850), Dec  4 / Feb 16 (asctime, JavaScript). */
const CALENDAR_DATE = new RegExp(
	`\\d{4}-\\d\\d-\\d\\d|\\d/\\d\\d?/\\d{4}|\\b\\d\\d?[ -]${MONTH}|\\b${MONTH}[a-z]{0,6}\\.? {1,2}\\d\\d?\\b(?!:)`,
	'i',
);
/**
 * A zone Date.parse reads at the end (before JavaScript's "(zone name)"): GMT, UTC, Z, the US names
 * V8 knows, or an offset right after the time, after GMT/UTC, or after a space. An offset anywhere
 * else ("12-04-2026") is part of a date, not a zone.
 */
const ZONE_AT_END =
	/(?:\b(?:GMT|UTC?|Z|[ECMP][SD]T)|\d:\d\d(?::\d\d(?:\.\d{1,9})?)? ?(?:Z|[+-]\d\d(?::?\d\d)?)|\b(?:GMT|UTC)[+-]\d\d:?\d\d| [+-]\d{4})(?: \([^()]*\))?$/i;
const BRACKETED_ZONE = /\[[^[\]]*\]$/;
const NAME_AFTER_OFFSET = /([+-]\d{4}) [A-Za-z]{2,5}$/;

function firstValid(...dates: number[]): number {
	return dates.find((d) => !Number.isNaN(d)) ?? NaN;
}

/**
 * A header sent twice reaches us joined with "," (RFC 9110 §5.3): the same value twice is that
 * value (compared as two halves, since a date holds commas itself); a list of numbers that differ
 * is no answer.
 */
function unjoined(value: string | undefined): string | undefined {
	const text = value?.trim();
	if (!text || text.length > 256) return undefined;
	for (const separator of [', ', ',']) {
		const half = (text.length - separator.length) / 2;
		if (
			Number.isInteger(half) &&
			text.slice(half, half + separator.length) === separator &&
			text.slice(0, half).trim() === text.slice(half + separator.length).trim()
		)
			return text.slice(0, half).trim();
	}
	if (!text.includes(',') || !/^[\d.\s,]+$/.test(text)) return text;
	const distinct = new Set(text.split(',').map((p) => p.trim()));
	return distinct.size === 1 ? [...distinct][0] : undefined;
}

/** A header's number, or undefined when it is missing, blank or not a finite number. */
export function toNumber(v: string | undefined): number | undefined {
	if (v === undefined || v.trim() === '') return undefined;
	const n = Number(v);
	return Number.isFinite(n) ? n : undefined;
}
