import { isRecord, str } from '../values';
import { countryOf, type Region, statesOf } from './regions';
import type { Candidate } from './schema';

/**
 * Locations as people and tools write them → the candidate's `{city, state, country}`:
 * "Austin, TX", "Austin, TX 78701", "Toronto, ON M5V 2T6", "Sydney NSW 2000", "Berlin, Germany",
 * "Berlin, DE", "Austin, Texas, United States", "Germany", or a multi-line postal address (its last
 * line is read). US, Canadian and Australian state codes and names become the state's name, and the
 * country follows from the state; countries become their English name ("DE" → "Germany"). Reading
 * goes from the end: country, then state (postcode removed), then the city; a part that starts with
 * a house number is never taken for a city. Linear: one split, no backtracking regular expression.
 */

export interface Location {
	city?: string;
	state?: string;
	country?: string;
}

/** Longer text is not a location; reading stops there so hostile input costs nothing. */
const MAX_LENGTH = 500;

export function parseLocation(value: unknown): Location {
	if (isRecord(value)) return fromParts(value);
	const s = str(value);
	if (!s || s.length > MAX_LENGTH) return {};
	const lines = s.split(/[\r\n]+/).map((l) => l.trim());
	const last = lines.filter(Boolean).pop() ?? '';
	const parts = last
		.split(',')
		.map((p) => p.trim())
		.filter(Boolean);
	return fromList(parts);
}

/** Flat `{city, state|region, country}` from a tool: each part read alone, so "TX" and "DE" are named. */
function fromParts(v: Record<string, unknown>): Location {
	const city = str(v.city) ?? str(v.town);
	const stateText = str(v.state) ?? str(v.region) ?? str(v.province);
	const countryText = str(v.country) ?? str(v.country_code) ?? str(v.countryCode);
	const country = countryText ? (countryOf(countryText) ?? countryText) : undefined;
	const state = stateText ? pickState(stripPostcode(stateText), country) : undefined;
	return clean({
		city,
		state: state?.name ?? (stateText ? stripPostcode(stateText) : undefined),
		country: country ?? state?.country,
	});
}

function fromList(input: string[]): Location {
	const parts = [...input];
	if (parts.length === 0) return {};
	let country: string | undefined;
	let state: Region | undefined;
	let stateText: string | undefined;
	const lastCountry = countryOf(stripPostcode(parts[parts.length - 1]));
	// "Austin, TX": a two-letter part after a city is a state code first (so "CA" is California).
	const lastState = pickState(stripPostcode(parts[parts.length - 1]), undefined);
	if (lastCountry && !(lastState && parts.length === 2 && isCode(parts[1]))) {
		country = lastCountry;
		parts.pop();
	}
	if (parts.length > (country ? 0 : 1) || (parts.length === 1 && !country)) {
		const tail = parts[parts.length - 1];
		const inline = splitInlineState(tail);
		const candidate = pickState(stripPostcode(inline.state ?? tail), country);
		if (candidate) {
			state = candidate;
			if (inline.state && inline.city) parts[parts.length - 1] = inline.city;
			else parts.pop();
		} else if (parts.length >= 2) {
			stateText = stripPostcode(tail) || undefined;
			parts.pop();
		}
	}
	const cityText = parts.length ? parts[parts.length - 1] : undefined;
	const city =
		cityText && (/^\d/.test(cityText) ? cityAfterStreet(cityText) : stripPostcode(cityText));
	return clean({
		city: city || undefined,
		state: state?.name ?? stateText,
		country: country ?? state?.country,
	});
}

/** "Sydney NSW 2000" → city "Sydney", state "NSW": a known code as the last word before the postcode. */
function splitInlineState(part: string): { city?: string; state?: string } {
	const words = stripPostcode(part).split(' ').filter(Boolean);
	if (words.length < 2) return {};
	const code = words[words.length - 1];
	if (!isCode(code) || !statesOf(code).length) return {};
	return { city: words.slice(0, -1).join(' '), state: code };
}

/** Words that end a street name: in "455 Broadway New York" the city follows "Broadway". */
const STREET_WORDS = new Set(
	'street st avenue ave road rd boulevard blvd lane ln drive dr way court ct place pl square sq broadway highway hwy parkway pkwy terrace suite ste floor fl'.split(
		' ',
	),
);

/** "455 Broadway New York" → "New York": the words after the last street word, if any. */
function cityAfterStreet(part: string): string | undefined {
	const words = part.split(' ').filter(Boolean);
	let last = -1;
	for (let i = 0; i < words.length; i++) {
		const w = words[i].toLowerCase();
		if (STREET_WORDS.has(w.endsWith('.') ? w.slice(0, -1) : w) || hasDigit(w)) last = i;
	}
	const rest = last === -1 ? [] : words.slice(last + 1);
	return rest.length ? rest.join(' ') : undefined;
}

function pickState(text: string, country: string | undefined): Region | undefined {
	if (!text) return undefined;
	const found = statesOf(text);
	return country ? found.find((r) => r.country === country) : found[0];
}

function isCode(text: string): boolean {
	const t = stripPostcode(text);
	if (t.length < 2 || t.length > 3) return false;
	for (const c of t) if (c < 'A' || c > 'Z') return false;
	return true;
}

/**
 * "TX 78701" → "TX", "ON M5V 2T6" → "ON", "NSW 2000" → "NSW": trailing words that hold a digit
 * (postcodes) are removed, word by word from the end.
 */
function stripPostcode(text: string): string {
	const words = text.split(' ').filter(Boolean);
	while (words.length > 1 && hasDigit(words[words.length - 1])) words.pop();
	// A Canadian postcode's first half ("M5V") holds a digit too, and is caught by the loop above.
	return words.length === 1 && hasDigit(words[0]) && /^\d/.test(words[0]) ? '' : words.join(' ');
}

function hasDigit(word: string): boolean {
	for (const c of word) if (c >= '0' && c <= '9') return true;
	return false;
}

function clean(l: Location): Location {
	const out: Location = {};
	if (l.city) out.city = l.city;
	if (l.state) out.state = l.state;
	if (l.country) out.country = l.country;
	return out;
}

/**
 * Kept for callers that only split: now the full reader, so "City, ST" puts the state code into
 * `state`, not `country`.
 */
export function splitLocation(value: string): Location {
	return parseLocation(value);
}

/** The location as one line, "City, State, Country", for ATSes that store it as text. */
export function formatLocation(location: Candidate['location']): string | undefined {
	const parts = [location.city, location.state, location.country].filter(Boolean);
	return parts.length ? parts.join(', ') : undefined;
}
