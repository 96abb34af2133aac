/**
 * Returns `https://www.linkedin.com/in/<slug>` for any common spelling of a LinkedIn profile URL
 * (with or without scheme, www, country subdomain, trailing slash, query), or undefined.
 */
export function normalizeLinkedinUrl(value: string): string | undefined {
	const slug = linkedinSlug(value);
	return slug ? `https://www.linkedin.com/in/${slug}` : undefined;
}

/** The lower-cased profile name of a LinkedIn profile URL: what two spellings of one profile share. */
export function linkedinSlug(value: string | undefined): string | undefined {
	if (!value) return undefined;
	const m =
		/^(?:https?:\/\/)?(?:[a-z]{2,3}\.|www\.)?linkedin\.com\/(?:in|pub)\/([^/?#\s]+)\/?(?:[?#].*)?$/i.exec(
			value.trim(),
		);
	if (!m) return undefined;
	let slug: string;
	try {
		slug = decodeURIComponent(m[1]);
	} catch {
		return undefined;
	}
	return /^[\p{L}\p{N}_-]{2,100}$/u.test(slug) ? slug.toLowerCase() : undefined;
}
