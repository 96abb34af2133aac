import fc from 'fast-check';

import { normalizeSubdomain, parseSubdomain } from '../../../nodes/shared/subdomain';

const rules = { productDomains: ['intellihr.net'], productName: 'IntelliHR' };
const parse = (input: unknown) => parseSubdomain(input, rules);

describe('company subdomain: what is accepted, always normalized to the bare tenant', () => {
	test.each([
		['acme', 'acme'],
		['ACME', 'acme'],
		['acme-corp', 'acme-corp'],
		['a', 'a'],
		['acme2', 'acme2'],
		['3m', '3m'],
		['a'.repeat(63), 'a'.repeat(63)],
		['acme.intellihr.net', 'acme'],
		['Acme.IntelliHR.NET', 'acme'],
		['acme.intellihr.net/', 'acme'],
		['acme.intellihr.net/spa/people', 'acme'],
		['https://acme.intellihr.net', 'acme'],
		['https://acme.intellihr.net/', 'acme'],
		['HTTPS://acme.intellihr.net/spa/settings/access-keys', 'acme'],
		[
			'https://acme.intellihr.net/spa/people/8a5f0c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b?tab=jobs#top',
			'acme',
		],
		['https://acme.intellihr.net?x=%20', 'acme'],
		['https://acme.intellihr.net#frag', 'acme'],
		['https://acme.intellihr.net/@evil.com', 'acme'],
		['https://acme.intellihr.net/..%2f..%2fevil', 'acme'],
		['http://acme.intellihr.net', 'acme'],
	])('%j → %j', (input, expected) => {
		expect(parse(input)).toEqual({ ok: true, subdomain: expected });
	});
});

describe('company subdomain: hostile and mistaken inputs are refused with a reason', () => {
	test.each([
		// other hosts
		['evil.com', 'points to "evil.com", which is not an address under intellihr.net'],
		['https://evil.com', 'points to "evil.com"'],
		['https://evil.com/acme.intellihr.net', 'points to "evil.com"'],
		['acme.intellihr.net.evil.com', 'points to "acme.intellihr.net.evil.com"'],
		['https://acme.intellihr.net.evil.com/', 'points to "acme.intellihr.net.evil.com"'],
		['acmeintellihr.net', 'points to "acmeintellihr.net"'],
		['acme.intellihr.net.', 'ends with a dot'],
		['intellihr.net', 'is the intellihr.net domain without the company part'],
		['https://intellihr.net', 'is the intellihr.net domain without the company part'],
		['www.acme.intellihr.net', 'has more than one part before intellihr.net ("www.acme")'],
		['evil.com.intellihr.net', 'has more than one part before intellihr.net'],
		['https://acme', 'points to "acme", which is not an address under intellihr.net'],
		['acme/spa', 'points to "acme"'],
		['//evil.com', 'has no company part'],
		['https://', 'has no company part'],
		['https:///evil.com', 'has no company part'],
		// user info, ports, schemes
		['https://x@evil.com', 'contains a user name or "@"'],
		['https://acme.intellihr.net@evil.com', 'contains a user name or "@"'],
		['https://evil.com@acme.intellihr.net', 'contains a user name or "@"'],
		['acme@evil.com', 'contains a user name or "@"'],
		['https://user:pass@acme.intellihr.net', 'contains a user name or "@"'],
		['acme:8443', 'contains ":"'],
		['acme.intellihr.net:443', 'contains ":"'],
		['https://acme.intellihr.net:8443/', 'contains ":"'],
		['https:acme.intellihr.net', 'contains ":"'],
		['ftp://acme.intellihr.net', 'uses "ftp://"'],
		['javascript://acme.intellihr.net', 'uses "javascript://"'],
		['file:///etc/passwd', 'uses "file://"'],
		// IP addresses
		['127.0.0.1', 'is an IP address'],
		['https://127.0.0.1/', 'is an IP address'],
		['169.254.169.254', 'is an IP address'],
		['0x7f.0.0.1', 'is an IP address'],
		['0177.0.0.1', 'is an IP address'],
		['2130706433', 'looks like an IP address'],
		['0x7f000001', 'looks like an IP address'],
		['[::1]', 'is an IP address'],
		['https://[::1]/', 'is an IP address'],
		// unicode and punycode lookalikes
		['аcme', 'contains non-ASCII characters'], // Cyrillic а
		['acme.intellihr.nеt', 'contains non-ASCII characters'], // Cyrillic е
		['ａｃｍｅ', 'contains non-ASCII characters'], // fullwidth
		['acme。intellihr.net', 'contains non-ASCII characters'], // ideographic full stop
		['xn--acme-0ua', 'is an internationalized (punycode "xn--") or reserved name'],
		['xn--80ak6aa92e.intellihr.net', 'is an internationalized (punycode "xn--") or reserved name'],
		// whitespace, control and invisible characters
		[' acme', 'contains spaces, line breaks or invisible characters'],
		['acme ', 'contains spaces, line breaks or invisible characters'],
		['ac me', 'contains spaces, line breaks or invisible characters'],
		['acme\n', 'contains spaces, line breaks or invisible characters'],
		['acme\r\nX-Injected: 1', 'contains spaces, line breaks or invisible characters'],
		['acme\t', 'contains spaces, line breaks or invisible characters'],
		['acme\u0000', 'contains spaces, line breaks or invisible characters'],
		['ac\u200bme', 'contains spaces, line breaks or invisible characters'], // zero-width space
		['acme\u2028', 'contains spaces, line breaks or invisible characters'],
		['\ufeffacme', 'contains spaces, line breaks or invisible characters'],
		// dots, underscores, other characters, length
		['acme.corp', 'points to "acme.corp"'],
		['.acme', 'points to ".acme"'],
		['acme_corp', 'contains an underscore'],
		['-acme', 'may not start or end with a hyphen'],
		['acme-', 'may not start or end with a hyphen'],
		['acme!', 'may only contain letters, digits and hyphens'],
		['acme;evil', 'may only contain letters, digits and hyphens'],
		['a'.repeat(64), 'is longer than 63 characters'],
		[`https://${'a'.repeat(64)}.intellihr.net`, 'is longer than 63 characters'],
		['a'.repeat(3000), 'is too long'],
		['', 'is empty'],
		// encoded characters
		['acme%2eevil.com', 'contains encoded characters (%)'],
		['https://acme%2eintellihr.net', 'contains encoded characters (%)'],
		['https://evil.com%2f.acme.intellihr.net', 'contains encoded characters (%)'],
		['%61cme', 'contains encoded characters (%)'],
		['https://acme.intellihr.net\\@evil.com', 'contains a backslash'],
		['acme\\evil', 'contains a backslash'],
	])('%j is refused: %s', (input, reason) => {
		const result = parse(input);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.problem).toContain(reason);
			expect(result.problem).toMatch(
				/Enter just the company part of your IntelliHR address, e\.g\. acme for https:\/\/acme\.intellihr\.net$/,
			);
		}
	});

	test.each([undefined, null, 42, {}, ['acme']])('%j (not text) is refused', (input) => {
		expect(parse(input)).toMatchObject({
			ok: false,
			problem: expect.stringContaining('is not text'),
		});
	});

	test('normalizeSubdomain throws a message naming the field', () => {
		expect(() =>
			normalizeSubdomain('evil.com', {
				...rules,
				fieldName: 'IntelliHR credential: Company Subdomain',
			}),
		).toThrow(
			'IntelliHR credential: Company Subdomain points to "evil.com", which is not an address under intellihr.net. Enter just the company part of your IntelliHR address, e.g. acme for https://acme.intellihr.net',
		);
		expect(normalizeSubdomain('https://acme.intellihr.net/', rules)).toBe('acme');
	});

	test('works for another product (Pinpoint-style rules)', () => {
		const pinpoint = { productDomains: ['pinpointhq.com'], productName: 'Pinpoint' };
		expect(parseSubdomain('https://acme.pinpointhq.com/admin', pinpoint)).toEqual({
			ok: true,
			subdomain: 'acme',
		});
		expect(parseSubdomain('acme.intellihr.net', pinpoint)).toMatchObject({ ok: false });
	});
});

describe('company subdomain: properties over random input', () => {
	test('whatever is accepted is one DNS label, and never a way to reach another host', () => {
		const chars = fc.constantFrom(
			...'aA0-_.:/@%\\?#[] \n\u0430xn'.split(''),
			'intellihr.net',
			'https://',
			'evil.com',
		);
		fc.assert(
			fc.property(
				fc.array(chars, { maxLength: 12 }).map((a) => a.join('')),
				(input) => {
					const r = parse(input);
					if (!r.ok) return;
					expect(r.subdomain).toMatch(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/);
					expect(`https://${r.subdomain}.intellihr.net/`).toBe(
						new URL(`https://${r.subdomain}.intellihr.net/`).href,
					);
					// Accepted input names no host but <tenant>.intellihr.net (or is the bare tenant).
					const host = /^(?:https?:\/\/)?([^/?#]*)/i.exec(input)![1].toLowerCase();
					expect([r.subdomain, `${r.subdomain}.intellihr.net`]).toContain(host);
				},
			),
			{ numRuns: 3000 },
		);
	});
});
