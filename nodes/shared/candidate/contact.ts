import { str } from '../values';

/**
 * Email addresses and phone numbers as tools send them → the values the candidate schema checks.
 * Addresses come as "jane@example.com", "Jane Doe <jane@example.com>", "mailto:jane@example.com" or
 * several in one string; numbers as "+1 (555) 010-0199", "tel:+15550100199" or numbers. Inputs are
 * cut to a length no real value reaches before anything else, so hostile input costs nothing.
 */

/** RFC 5321 caps a path at 256 octets; an address is at most 254 characters. */
const MAX_EMAIL = 254;
const MAX_PHONE = 40;
/** A list in one string is cut there: no lead has more addresses. */
const MAX_LIST = 4096;

/** The bare lower-cased address of one email value, or undefined when it holds none. */
export function parseEmail(value: unknown): string | undefined {
	let s = str(value);
	if (!s) return undefined;
	if (s.length > MAX_LIST) return undefined;
	const lt = s.lastIndexOf('<');
	if (lt !== -1) {
		const gt = s.indexOf('>', lt);
		s = s.slice(lt + 1, gt === -1 ? undefined : gt);
	}
	s = s.trim();
	if (s.toLowerCase().startsWith('mailto:')) s = s.slice(7);
	const q = s.indexOf('?');
	if (q !== -1) s = s.slice(0, q);
	s = s.trim().toLowerCase();
	if (!s || s.length > MAX_EMAIL || s.indexOf('@') <= 0) return undefined;
	return s;
}

/** Every address in the values (a value may be a list, "a@x.com, b@y.com"), deduplicated, in order. */
export function parseEmails(...values: unknown[]): string[] {
	const out: string[] = [];
	for (const v of values.flat()) {
		const s = str(v);
		if (!s || s.length > MAX_LIST) continue;
		for (const part of s.includes(',') || s.includes(';') ? s.split(/[,;]/) : [s]) {
			const email = parseEmail(part);
			if (email && !out.includes(email)) out.push(email);
		}
	}
	return out;
}

/**
 * Which addresses are the lead's. `lead` are the fields that describe the lead (the tool's lead
 * record); `sender` is where a reply came from, which may be a colleague or an alias. The sender is
 * the lead's address only when the lead has none of its own; otherwise it is returned as `from`, so
 * it can be shown with the reply without becoming a second email of a different person.
 */
export function leadEmails(lead: unknown[], sender?: unknown): { emails: string[]; from?: string } {
	const emails = parseEmails(...lead);
	const from = parseEmail(sender);
	if (!from) return { emails };
	if (emails.length === 0) return { emails: [from] };
	return emails.includes(from) ? { emails } : { emails, from };
}

/**
 * A phone value as text: "tel:" removed, numbers as digits. A value too long to be a number is
 * passed on cut short, so the schema refuses it and the item says so.
 */
export function parsePhone(value: unknown): string | undefined {
	let s = str(value);
	if (!s) return undefined;
	if (s.length > MAX_PHONE) return s.slice(0, MAX_PHONE + 1);
	if (s.toLowerCase().startsWith('tel:')) s = s.slice(4).trim();
	return s || undefined;
}

/** Every phone in the values, deduplicated by its digits, in order. */
export function parsePhones(...values: unknown[]): string[] {
	const out: string[] = [];
	const seen = new Set<string>();
	for (const v of values.flat()) {
		const phone = parsePhone(v);
		if (!phone) continue;
		let digits = '';
		for (const c of phone) if (c >= '0' && c <= '9') digits += c;
		if (seen.has(digits)) continue;
		seen.add(digits);
		out.push(phone);
	}
	return out;
}
