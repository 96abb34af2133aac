import type { Candidate } from './schema';

/** "Austin, Texas, United States" → city/state/country; 2 parts → city/country. */
export function splitLocation(value: string): { city?: string; state?: string; country?: string } {
	const parts = value
		.split(',')
		.map((p) => p.trim())
		.filter(Boolean);
	if (parts.length >= 3)
		return { city: parts[0], state: parts[1], country: parts.slice(2).join(', ') };
	if (parts.length === 2) return { city: parts[0], country: parts[1] };
	return parts.length === 1 ? { city: parts[0] } : {};
}

/** The location as one line, "City, State, Country", for ATSes that store it as text. */
export function formatLocation(location: Candidate['location']): string | undefined {
	const parts = [location.city, location.state, location.country].filter(Boolean);
	return parts.length ? parts.join(', ') : undefined;
}
