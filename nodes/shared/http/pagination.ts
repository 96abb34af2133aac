/**
 * The one paging loop. Each system supplies how to fetch one page given a cursor (a Link URL, an
 * offset, a page number) and where the next cursor is; the loop stops at the last page or the limit.
 */
export interface Page<T, C> {
	items: T[];
	next?: C;
}

export async function collectPages<T, C>(
	fetchPage: (cursor: C | undefined) => Promise<Page<T, C>>,
	limit?: number,
): Promise<T[]> {
	const all: T[] = [];
	let cursor: C | undefined;
	const seen = new Set<string>();
	for (;;) {
		const page = await fetchPage(cursor);
		for (const item of page.items) {
			all.push(item);
			if (limit !== undefined && all.length >= limit) return all;
		}
		if (page.next === undefined || page.items.length === 0) return all;
		// A server that hands back the same cursor twice would loop forever.
		const key = JSON.stringify(page.next);
		if (seen.has(key)) return all;
		seen.add(key);
		cursor = page.next;
	}
}

/** The URL of rel="next" in an RFC 8288 Link header, verbatim. */
export function nextLink(linkHeader: string | undefined): string | undefined {
	if (!linkHeader) return undefined;
	for (const part of linkHeader.split(/,(?=\s*<)/)) {
		const m = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
		if (m && /(?:^|;)\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?\s*(?:;|$)/i.test(m[2]))
			return m[1] || undefined;
	}
	return undefined;
}

/** Next offset for offset/limit APIs: stop on a short page or when the reported total is reached. */
export function nextOffset(
	offset: number,
	pageSize: number,
	received: number,
	total?: number,
): number | undefined {
	const next = offset + received;
	if (received < pageSize) return undefined;
	if (total !== undefined && next >= total) return undefined;
	return next;
}
