/**
 * Per-type readers for custom field values, shared by the export nodes. Each takes what a user or an
 * expression gave (string, number, boolean, array) and answers the value to send, or what is wrong
 * with it and how to fix it, so a node can fail the item before any write.
 */

export type Coerced<T> = { ok: true; value: T } | { ok: false; problem: string; fix: string };

const ok = <T>(value: T): Coerced<T> => ({ ok: true, value });
const bad = <T>(problem: string, fix: string): Coerced<T> => ({ ok: false, problem, fix });

/** How a value is quoted in a message: short, and never a whole object. */
export function shown(v: unknown): string {
	const text = typeof v === 'string' ? v : JSON.stringify(v);
	const s = text === undefined ? String(v) : text;
	return `"${s.length > 60 ? `${s.slice(0, 57)}...` : s}"`;
}

/** True for what means "no value": it is left out of the write rather than sent as blank. */
export function isBlank(v: unknown): boolean {
	if (v === undefined || v === null) return true;
	if (typeof v === 'string') return v.trim() === '';
	if (Array.isArray(v)) return v.every(isBlank);
	return false;
}

export function toText(v: unknown, maxLength?: number): Coerced<string> {
	if (typeof v === 'number' && Number.isFinite(v)) v = String(v);
	if (typeof v === 'boolean') v = String(v);
	if (typeof v !== 'string') return bad(`got ${shown(v)}, not text`, 'Give a text value');
	const text = v.trim();
	if (maxLength !== undefined && text.length > maxLength)
		return bad(
			`is ${text.length} characters long`,
			`Shorten it to at most ${maxLength} characters, or use a long text field`,
		);
	return ok(text);
}

const YES = new Set(['true', 'yes', 'y', '1', 'on']);
const NO = new Set(['false', 'no', 'n', '0', 'off']);

export function toBoolean(v: unknown): Coerced<boolean> {
	if (typeof v === 'boolean') return ok(v);
	const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim().toLowerCase() : '';
	if (YES.has(s)) return ok(true);
	if (NO.has(s)) return ok(false);
	return bad(`got ${shown(v)}, not yes or no`, 'Use true or false (also yes/no, 1/0)');
}

export function toNumber(v: unknown): Coerced<number> {
	if (typeof v === 'number' && Number.isFinite(v)) return ok(v);
	// A plain decimal only: "1,5" or "1e3" are ambiguous in a form, so they are refused, not guessed.
	if (typeof v === 'string' && /^[-+]?(\d+(\.\d+)?|\.\d+)$/.test(v.trim())) return ok(Number(v));
	return bad(
		`got ${shown(v)}, not a number`,
		'Use digits with an optional decimal point, e.g. 42 or 3.5',
	);
}

/** A calendar date as YYYY-MM-DD; an ISO date-time keeps the date it names. */
export function toDate(v: unknown): Coerced<string> {
	const s = typeof v === 'string' ? v.trim() : '';
	const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
	if (m) {
		const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
		const date = new Date(Date.UTC(y, mo - 1, d));
		if (date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d)
			return ok(`${m[1]}-${m[2]}-${m[3]}`);
	}
	return bad(`got ${shown(v)}, not a date`, 'Use YYYY-MM-DD, e.g. 2026-12-03');
}

export function toUrl(v: unknown): Coerced<string> {
	const s = typeof v === 'string' ? v.trim() : '';
	let url: URL | undefined;
	try {
		url = new URL(s);
	} catch {
		url = undefined;
	}
	if (url && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.'))
		return ok(s);
	return bad(`got ${shown(v)}, not a web address`, 'Use a full address starting with https://');
}

/** A list from an array, a JSON array string, or a comma-separated string. */
export function toList(v: unknown): unknown[] {
	if (Array.isArray(v)) return v.filter((x) => !isBlank(x));
	if (typeof v === 'string') {
		const s = v.trim();
		if (s.startsWith('[')) {
			try {
				const parsed: unknown = JSON.parse(s);
				if (Array.isArray(parsed)) return parsed.filter((x) => !isBlank(x));
			} catch {
				// Not JSON: read it as a comma-separated list below.
			}
		}
		return s
			.split(',')
			.map((x) => x.trim())
			.filter(Boolean);
	}
	return isBlank(v) ? [] : [v];
}

/** An amount with a three-letter currency: "1200 EUR", "EUR 1200" or {amount, currency_code}. */
export function toMoney(v: unknown): Coerced<{ amount: number; currency_code: string }> {
	const fix = 'Write an amount and an ISO 4217 code, e.g. 85000 EUR';
	if (v && typeof v === 'object' && !Array.isArray(v)) {
		const o = v as { amount?: unknown; currency_code?: unknown; currency?: unknown };
		const amount = toNumber(o.amount);
		const code = String(o.currency_code ?? o.currency ?? '').toUpperCase();
		if (amount.ok && /^[A-Z]{3}$/.test(code))
			return ok({ amount: amount.value, currency_code: code });
		return bad(`got ${shown(v)}, not an amount with a currency`, fix);
	}
	const s = typeof v === 'string' ? v.trim() : '';
	const m =
		/^([A-Za-z]{3})\s*([-+]?\d+(?:\.\d+)?)$/.exec(s) ??
		/^([-+]?\d+(?:\.\d+)?)\s*([A-Za-z]{3})$/.exec(s);
	if (!m) return bad(`got ${shown(v)}, not an amount with a currency`, fix);
	const [amount, code] = /^\d|^[-+]/.test(m[1]) ? [m[1], m[2]] : [m[2], m[1]];
	return ok({ amount: Number(amount), currency_code: code.toUpperCase() });
}
