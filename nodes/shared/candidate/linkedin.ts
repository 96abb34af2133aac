/**
 * LinkedIn profile URLs. Any common spelling of a profile link is accepted: with or without scheme
 * or `www.`, the mobile (`m.`) and country (`de.`) hosts, `/in/` and the old `/pub/` paths, a
 * language suffix (`/en`), trailing paths (`/details/experience/`), query and fragment. All of them
 * become `https://www.linkedin.com/in/<slug>`. Company pages, Sales Navigator links, posts and other
 * sites are not profiles. Read with indexOf and one small anchored test on the slug, so the time is
 * linear on any input.
 */

/** No real profile URL is longer; reading stops there. */
const MAX_LENGTH = 2000;
const PROFILE_PATHS = new Set(['in', 'pub']);

/** `https://www.linkedin.com/in/<slug>` for a profile URL, or undefined. */
export function normalizeLinkedinUrl(value: string): string | undefined {
	const slug = linkedinSlug(value);
	return slug ? `https://www.linkedin.com/in/${slug}` : undefined;
}

/** The lower-cased profile name of a LinkedIn profile URL: what two spellings of one profile share. */
export function linkedinSlug(value: string | undefined): string | undefined {
	if (typeof value !== 'string') return undefined;
	let s = value.trim();
	if (!s || s.length > MAX_LENGTH) return undefined;
	for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) <= 32) return undefined;
	const scheme = s.indexOf('://');
	if (scheme !== -1) {
		const name = s.slice(0, scheme).toLowerCase();
		if (name !== 'https' && name !== 'http') return undefined;
		s = s.slice(scheme + 3);
	}
	const slash = s.indexOf('/');
	if (slash === -1) return undefined;
	if (!isLinkedinHost(s.slice(0, slash).toLowerCase())) return undefined;
	const path = cutAt(s.slice(slash + 1), ['?', '#']);
	const segments = path.split('/');
	if (!PROFILE_PATHS.has(segments[0].toLowerCase()) || !segments[1]) return undefined;
	let slug: string;
	try {
		slug = decodeURIComponent(segments[1]);
	} catch {
		return undefined;
	}
	return /^[\p{L}\p{N}_-]{2,100}$/u.test(slug) ? slug.toLowerCase() : undefined;
}

/** linkedin.com, www., m., mobile. or a country host (de., fr., ...), with an optional :port. */
function isLinkedinHost(hostWithPort: string): boolean {
	const colon = hostWithPort.indexOf(':');
	const host = colon === -1 ? hostWithPort : hostWithPort.slice(0, colon);
	if (host === 'linkedin.com') return true;
	if (!host.endsWith('.linkedin.com')) return false;
	const sub = host.slice(0, -'.linkedin.com'.length);
	if (sub === 'www' || sub === 'm' || sub === 'mobile') return true;
	return sub.length >= 2 && sub.length <= 3 && /^[a-z]+$/.test(sub);
}

function cutAt(text: string, marks: string[]): string {
	let end = text.length;
	for (const m of marks) {
		const i = text.indexOf(m);
		if (i !== -1 && i < end) end = i;
	}
	return text.slice(0, end);
}
