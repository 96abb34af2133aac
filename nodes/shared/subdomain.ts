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
	const problem = textProblem(input);
	if (problem) return fail(problem);
	const label = labelOf(input, domains);
	if (!label.ok) return fail(label.problem);
	const refused = labelProblem(label.subdomain);
	return refused ? fail(refused) : label;
}

/** What is wrong with the text as a whole, before it is read as an address. */
function textProblem(input: string): string | undefined {
	if (input.length === 0) return 'is empty';
	if (/[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(input))
		return 'contains spaces, line breaks or invisible characters; remove them';
	if (/[^\x21-\x7e]/.test(input))
		return 'contains non-ASCII characters (letters that only look like a-z are not allowed)';
	if (input.length > MAX_INPUT) return 'is too long';
	return undefined;
}

/** The company part of a bare word or an address under one of `domains`. */
function labelOf(input: string, domains: string[]): SubdomainResult {
	const fail = (problem: string): SubdomainResult => ({ ok: false, problem });
	const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/?#]*)(?:[/?#].*)?$/i.exec(input);
	if (!m) return fail('is not a subdomain or an address');
	const scheme = m[1]?.toLowerCase();
	const authority = m[2];
	if (scheme !== undefined && scheme !== 'https' && scheme !== 'http')
		return fail(`uses "${scheme}://"; only https:// addresses are accepted`);
	const refused = authorityProblem(authority);
	if (refused) return fail(refused);
	const host = authority.toLowerCase();
	if (!host.includes('.')) {
		// A bare word is the subdomain itself, but "https://acme" is an address of some other host.
		if (scheme !== undefined || input.length !== authority.length)
			return fail(`points to "${host}", which is not an address under ${domains[0]}`);
		return { ok: true, subdomain: host };
	}
	if (/^[0-9.]+$/.test(host) || /^0x[0-9a-f]+(\.|$)/.test(host)) return fail('is an IP address');
	if (host.endsWith('.')) return fail('ends with a dot');
	const domain = domains.find((d) => host === d || host.endsWith(`.${d}`));
	if (!domain)
		return fail(
			`points to "${host.slice(0, 100)}", which is not an address under ${domains.join(' or ')}`,
		);
	if (host === domain) return fail(`is the ${domain} domain without the company part`);
	const label = host.slice(0, -domain.length - 1);
	if (label.includes('.'))
		return fail(
			`has more than one part before ${domain} ("${label.slice(0, 100)}"); dots are not allowed in the company part`,
		);
	return { ok: true, subdomain: label };
}

function authorityProblem(authority: string): string | undefined {
	if (authority === '') return 'has no company part';
	if (authority.includes('\\')) return 'contains a backslash';
	if (authority.includes('@')) return 'contains a user name or "@"; give only the company part';
	if (authority.includes('%')) return 'contains encoded characters (%)';
	if (/[[\]]/.test(authority)) return 'is an IP address';
	if (authority.includes(':'))
		return 'contains ":" (a port, or an address without "https://"); give only the company part';
	return undefined;
}

/** What is wrong with the company part itself: one DNS label, not an IP, not punycode. */
function labelProblem(label: string): string | undefined {
	if (label.length > 63) return 'is longer than 63 characters';
	if (label.includes('_'))
		return 'contains an underscore; only letters, digits and hyphens are allowed';
	if (!LABEL_RE.test(label))
		return 'may only contain letters, digits and hyphens, and may not start or end with a hyphen';
	if (/^[a-z0-9]{2}--/.test(label))
		return 'is an internationalized (punycode "xn--") or reserved name';
	if (/^\d+$/.test(label) || /^0x[0-9a-f]+$/.test(label)) return 'looks like an IP address';
	return undefined;
}

/** Like parseSubdomain, but throws an Error whose message names the field and how to fix it. */
export function normalizeSubdomain(input: unknown, rules: SubdomainRules): string {
	const result = parseSubdomain(input, rules);
	if (result.ok) return result.subdomain;
	throw new Error(`${rules.fieldName ?? 'Company Subdomain'} ${result.problem}`);
}
