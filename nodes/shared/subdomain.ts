/**
 * Strict reading of a "company subdomain" credential field (IntelliHR, Pinpoint, ...). Users paste
 * `acme`, `acme.intellihr.net` or a whole browser address; all of them mean the tenant `acme`.
 * Anything that could name another host, smuggle a port, a user name, an IP address, an encoded or
 * lookalike character, or a header break is refused with a message that says what to type instead.
 *
 * The parser is deliberately hand-written: WHATWG URL parsing "helps" (IDNA, percent-decoding,
 * numeric IPv4 forms, backslashes as slashes), and every such help is a way to change the host.
 */

export interface SubdomainRules {
	/** Registrable domains the product's web app lives under, e.g. ['intellihr.net']. */
	productDomains: string[];
	/** Product name as users know it, used in messages. Defaults to the first domain. */
	productName?: string;
	/** Name of the credential field, used in messages. */
	fieldName?: string;
}

export type SubdomainResult = { ok: true; subdomain: string } | { ok: false; problem: string };

/** One DNS label: letters, digits and inner hyphens, 1 to 63 characters. */
const LABEL_RE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_INPUT = 2048;

/** Returns the lower-cased subdomain, or the reason the input is refused. Never throws. */
export function parseSubdomain(input: unknown, rules: SubdomainRules): SubdomainResult {
	const domains = rules.productDomains.map((d) => d.toLowerCase());
	const example = `acme for https://acme.${domains[0]}`;
	const fail = (problem: string): SubdomainResult => ({
		ok: false,
		problem: `${problem}. Enter just the company part of your ${rules.productName ?? domains[0]} address, e.g. ${example}`,
	});

	if (typeof input !== 'string') return fail('is not text');
	if (input.length === 0) return fail('is empty');
	if (/[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(input))
		return fail('contains spaces, line breaks or invisible characters; remove them');
	if (/[^\x21-\x7e]/.test(input))
		return fail('contains non-ASCII characters (letters that only look like a-z are not allowed)');
	if (input.length > MAX_INPUT) return fail('is too long');

	const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/?#]*)(?:[/?#].*)?$/i.exec(input);
	if (!m) return fail('is not a subdomain or an address');
	const scheme = m[1]?.toLowerCase();
	const authority = m[2];
	if (scheme !== undefined && scheme !== 'https' && scheme !== 'http')
		return fail(`uses "${scheme}://"; only https:// addresses are accepted`);
	if (authority === '') return fail('has no company part');
	if (authority.includes('\\')) return fail('contains a backslash');
	if (authority.includes('@'))
		return fail('contains a user name or "@"; give only the company part');
	if (authority.includes('%')) return fail('contains encoded characters (%)');
	if (/[[\]]/.test(authority)) return fail('is an IP address');
	if (authority.includes(':'))
		return fail(
			'contains ":" (a port, or an address without "https://"); give only the company part',
		);

	const host = authority.toLowerCase();
	let label: string;
	if (!host.includes('.')) {
		// A bare word is the subdomain itself, but "https://acme" is an address of some other host.
		if (scheme !== undefined || input.length !== authority.length)
			return fail(`points to "${host}", which is not an address under ${domains[0]}`);
		label = host;
	} else {
		if (/^[0-9.]+$/.test(host) || /^0x[0-9a-f]+(\.|$)/.test(host)) return fail('is an IP address');
		if (host.endsWith('.')) return fail('ends with a dot');
		const domain = domains.find((d) => host === d || host.endsWith(`.${d}`));
		if (!domain)
			return fail(
				`points to "${host.slice(0, 100)}", which is not an address under ${domains.join(' or ')}`,
			);
		if (host === domain) return fail(`is the ${domain} domain without the company part`);
		label = host.slice(0, -domain.length - 1);
		if (label.includes('.'))
			return fail(
				`has more than one part before ${domain} ("${label.slice(0, 100)}"); dots are not allowed in the company part`,
			);
	}

	if (label.length > 63) return fail('is longer than 63 characters');
	if (label.includes('_'))
		return fail('contains an underscore; only letters, digits and hyphens are allowed');
	if (!LABEL_RE.test(label))
		return fail(
			'may only contain letters, digits and hyphens, and may not start or end with a hyphen',
		);
	if (/^[a-z0-9]{2}--/.test(label))
		return fail('is an internationalized (punycode "xn--") or reserved name');
	if (/^\d+$/.test(label) || /^0x[0-9a-f]+$/.test(label)) return fail('looks like an IP address');
	return { ok: true, subdomain: label };
}

/** Like parseSubdomain, but throws an Error whose message names the field and how to fix it. */
export function normalizeSubdomain(input: unknown, rules: SubdomainRules): string {
	const result = parseSubdomain(input, rules);
	if (result.ok) return result.subdomain;
	throw new Error(`${rules.fieldName ?? 'Company Subdomain'} ${result.problem}`);
}
