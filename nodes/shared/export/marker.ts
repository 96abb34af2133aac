import type { Candidate } from '../candidate/schema';
import { isRecord, str } from '../values';

/**
 * The marker Mark as Synced leaves on a lead (nodes/Outreach): the ATS candidate ID and profile
 * URL as custom variables. A trigger carries the lead's custom variables on the candidate, under
 * `extra.variables` (lemlist) or `extra`; a re-run's export can trust them instead of looking the
 * person up again.
 */
export interface Marker {
	candidateId: string;
	profileUrl: string;
}

const ID_VARIABLE = 'atsCandidateId';
const URL_VARIABLE = 'atsProfileUrl';

/**
 * The marker's two variables (Mark as Synced's default names), wherever a tool delivers a lead's
 * custom variables: lemlist webhooks and Instantly events put them at the top level of the event,
 * Instantly's lead API under `payload`. Returns the ones present, for a trigger's `extra.variables`.
 */
export function markerVariables(...sources: unknown[]): Record<string, string> | undefined {
	const found: Record<string, string> = {};
	for (const source of sources) {
		if (!isRecord(source)) continue;
		for (const name of [ID_VARIABLE, URL_VARIABLE]) {
			const value = text(source[name]);
			if (value && !(name in found)) found[name] = value.slice(0, 2048);
		}
	}
	return Object.keys(found).length ? found : undefined;
}

const text = (v: unknown) =>
	typeof v === 'number' && Number.isFinite(v) ? String(v) : str(v)?.trim() || undefined;

function originOf(url: string): string | undefined {
	try {
		return new URL(url).origin;
	} catch {
		return undefined;
	}
}

/**
 * The marked record, when the candidate carries a marker of this ATS: both variables set, and the
 * profile URL on this ATS's app (`appUrl`'s origin), so another ATS's marker never counts here.
 */
export function markedRecord(candidate: Candidate, appUrl: string): Marker | undefined {
	const extra = isRecord(candidate.extra) ? candidate.extra : {};
	for (const vars of [isRecord(extra.variables) ? extra.variables : {}, extra]) {
		const candidateId = text(vars[ID_VARIABLE]);
		const profileUrl = text(vars[URL_VARIABLE]);
		if (!candidateId || !profileUrl) continue;
		const here = originOf(appUrl);
		if (here && originOf(profileUrl) === here) return { candidateId, profileUrl };
	}
	return undefined;
}
