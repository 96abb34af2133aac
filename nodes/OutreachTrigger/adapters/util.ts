import { parseEmails, parsePhones } from '../../shared/candidate/contact';
import { replyText } from '../../shared/candidate/html';
import { toIsoTimestamp } from '../../shared/candidate/timestamp';
import { compact, isRecord, type Rec, str } from '../../shared/values';
import { type LooseCandidate, MalformedBodyError, type OutreachEvent } from './types';

export function num(v: unknown): number | undefined {
	if (typeof v === 'number' && Number.isFinite(v)) return v;
	if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
	return undefined;
}

/** The first value that str() accepts. */
export function first(...values: unknown[]): string | undefined {
	for (const v of values) {
		const s = str(v);
		if (s !== undefined) return s;
	}
	return undefined;
}

/** Tools batch events as JSON arrays (Woodpecker always, others sometimes): one element each. */
export function elements(body: unknown): Rec[] {
	const list = Array.isArray(body) ? body : [body];
	if (list.length === 0) throw new MalformedBodyError('the body is an empty list');
	return list.map((item, i) => {
		if (!isRecord(item)) {
			throw new MalformedBodyError(
				Array.isArray(body)
					? `element ${i} of the body is not a JSON object`
					: 'the body is not a JSON object',
			);
		}
		return item;
	});
}

/** Every address in the values, for the lead's own fields (see leadEmails for a reply's sender). */
export function emails(...values: unknown[]): LooseCandidate['emails'] {
	return parseEmails(...values).map((value) => ({ value }));
}

export function phones(...values: unknown[]): LooseCandidate['phones'] {
	return parsePhones(...values).map((value) => ({ value }));
}

export function tagList(v: unknown): string[] {
	if (Array.isArray(v)) return v.map(str).filter((t): t is string => t !== undefined);
	const s = str(v);
	if (!s) return [];
	// "#vip #cto" (hashtag style) or "vip, cto".
	const parts = s.includes('#') ? s.split(/[\s,;]+/) : s.split(/[,;]/);
	return parts.map((t) => t.trim().replace(/^#/, '')).filter(Boolean);
}

/** Fills in what every adapter needs: name fallbacks, `missing`, and empty parts removed. */
export function finish(
	event: Omit<OutreachEvent, 'missing'> & { missing?: string[] },
): OutreachEvent {
	const c = { ...event.candidate };
	if (!c.fullName && c.firstName && !c.lastName) c.fullName = c.firstName;
	if (!c.fullName && !c.firstName && c.lastName) c.fullName = c.lastName;
	const missing = new Set(event.missing ?? []);
	if (!c.fullName && !(c.firstName && c.lastName)) missing.add('name');
	if (!c.emails?.length) missing.add('email');
	if ((event.event === 'replied' || event.event === 'interested') && !event.reply?.text)
		missing.add('reply.text');
	const out: OutreachEvent = {
		event: event.event,
		tool: event.tool,
		toolEvent: event.toolEvent,
		eventId: event.eventId,
		candidate: compact({ ...c, extra: c.extra ? compact(c.extra) : undefined }),
		missing: [...missing],
		raw: event.raw,
	};
	const optional = compact({
		occurredAt: event.occurredAt,
		campaign: event.campaign && compact(event.campaign),
		sequence: event.sequence && compact(event.sequence),
		reply: event.reply && compact(event.reply),
		label: event.label,
		enrichmentHint: event.enrichmentHint,
	});
	return { ...out, ...optional };
}

/** Plain text of a reply body sent as HTML or text (shared one-pass reader, linear on any input). */
export function htmlToText(html: unknown): string | undefined {
	return replyText(html);
}

/** ISO 8601 for a date string or epoch (seconds or milliseconds, number or digits); else undefined. */
export function isoDate(v: unknown): string | undefined {
	return toIsoTimestamp(v);
}
