import { createHmac } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { handleGreenhouseDelivery } from '../../nodes/GreenhouseTrigger/handler';
import { GREENHOUSE_ACTIONS } from '../../nodes/GreenhouseTrigger/events';
import { TOOLS, type Tool } from '../../nodes/OutreachTrigger/adapters/types';
import { type ConditionRule, evaluateConditions } from '../../nodes/OutreachTrigger/conditions';
import { handleDelivery } from '../../nodes/OutreachTrigger/handler';
import { compileLinearRegex } from '../../nodes/OutreachTrigger/linearRegex';
import type { TriggerSettings } from '../../nodes/OutreachTrigger/settings';
import { admitPinpointDelivery } from '../../nodes/PinpointTrigger/handler';
import { parseCandidate } from '../../nodes/shared/candidate/normalize';
import {
	greenhouseBaseUrl,
	intelliHrBaseUrl,
	pinpointBaseUrl,
	stardexBaseUrl,
} from '../../nodes/shared/origins';
import { parseSubdomain } from '../../nodes/shared/subdomain';
import type { Delivery } from '../../nodes/shared/trigger/delivery';

/**
 * `npm run bench` fuzz: bad inputs through every trigger's pure handler (bodies, headers, event
 * ids), the subdomain and base-URL checks, user conditions and the export's candidate reader.
 * Counted per family: inputs tried, crashes (an exception out of code that must answer with an
 * outcome, or a TypeError/RangeError out of code that refuses by throwing) and stalls (one input
 * taking more than 100 ms of the single thread). Deterministic: a seeded generator.
 */

export interface FuzzFamily {
	family: string;
	inputs: number;
	crashes: number;
	stalls: number;
	maxMs: number;
	examples: string[];
}

export interface RegexTiming {
	pattern: string;
	text: string;
	/** Best of 5 runs (the machine is shared); the median is reported too. */
	ms: number;
	medianMs: number;
	result: boolean;
}

const STALL_MS = 100;

function rng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Rand = ReturnType<typeof rng>;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];

const NASTY = [
	'',
	' ',
	'\u0000',
	'\r\n',
	'\u202e',
	'\ud800',
	'é',
	'../',
	'..',
	'.',
	'%2e%2e%2f',
	'<',
	'<a href="x">',
	'+',
	'(',
	'@',
	'@@',
	'.com',
	'linkedin.com/in/',
	'http://',
	'0',
	'-1',
	'1e309',
	'NaN',
	'__proto__',
	'constructor',
	'{',
	'[',
	'"',
	'\\',
	'\t',
	'a',
	'9',
	' , ',
];

/** A string built from nasty pieces, sometimes very long (up to ~64 KB). */
function text(r: Rand): string {
	const parts: string[] = [];
	const n = 1 + Math.floor(r() * 6);
	for (let k = 0; k < n; k++) {
		const piece = pick(r, NASTY);
		const times = r() < 0.15 ? Math.floor(r() * 8000) : 1 + Math.floor(r() * 3);
		parts.push(piece.repeat(times));
	}
	return parts.join('').slice(0, 65_536);
}

const KEYS = [
	'email',
	'emails',
	'firstName',
	'first_name',
	'lastName',
	'last_name',
	'fullName',
	'name',
	'phone',
	'phones',
	'phone_numbers',
	'linkedinUrl',
	'linkedin_url',
	'linkedin',
	'location',
	'company',
	'companyName',
	'title',
	'jobTitle',
	'text',
	'reply',
	'body',
	'html',
	'event',
	'type',
	'eventType',
	'action',
	'id',
	'uid',
	'data',
	'payload',
	'lead',
	'prospect',
	'campaign',
	'candidate',
	'application',
	'applications',
	'attributes',
	'addresses',
	'email_addresses',
	'secret',
	'secret_key',
	'timestamp',
	'created_at',
	'tags',
];

/** A random JSON value, nested up to `depth`, with the field names the adapters look for. */
function value(r: Rand, depth: number): unknown {
	const k = r();
	if (depth <= 0 || k < 0.45) {
		const s = r();
		if (s < 0.6) return text(r);
		if (s < 0.75) return Math.floor((r() - 0.5) * 1e12);
		if (s < 0.85) return null;
		if (s < 0.92) return r() < 0.5;
		return pick(r, [Number.POSITIVE_INFINITY, -0, 0.1, Number.MAX_SAFE_INTEGER + 2]);
	}
	if (k < 0.65) return Array.from({ length: Math.floor(r() * 6) }, () => value(r, depth - 1));
	const obj: Record<string, unknown> = {};
	for (let i = Math.floor(r() * 8); i > 0; i--) obj[pick(r, KEYS)] = value(r, depth - 1);
	return obj;
}

function body(r: Rand): Buffer {
	const k = r();
	if (k < 0.1) return Buffer.from(text(r));
	if (k < 0.15) return Buffer.from(`${'['.repeat(5000)}${']'.repeat(5000)}`);
	if (k < 0.2) return Buffer.from(`{"a":${'{"a":'.repeat(2000)}1${'}'.repeat(2001)}`);
	return Buffer.from(JSON.stringify(value(r, 5)) ?? 'null');
}

function headers(r: Rand): Record<string, string> {
	const h: Record<string, string> = {};
	for (let i = Math.floor(r() * 4); i > 0; i--)
		h[pick(r, ['content-type', 'greenhouse-event-id', 'x-event-id', 'user-agent', 'signature'])] =
			text(r).slice(0, 8192);
	return h;
}

/** Runs `fn` for each input; `refuses` says which thrown errors are an intended refusal. */
function family(
	name: string,
	count: number,
	make: (r: Rand, i: number) => (() => unknown) & { label?: string },
	refuses: (e: unknown) => boolean = () => false,
): FuzzFamily {
	const r = rng(name.length * 7919 + count);
	const out: FuzzFamily = {
		family: name,
		inputs: 0,
		crashes: 0,
		stalls: 0,
		maxMs: 0,
		examples: [],
	};
	for (let i = 0; i < count; i++) {
		const run = make(r, i);
		const started = performance.now();
		try {
			run();
		} catch (error) {
			if (!refuses(error)) {
				out.crashes++;
				if (out.examples.length < 3) out.examples.push(`crash: ${String(error).slice(0, 120)}`);
			}
		}
		let ms = performance.now() - started;
		// The machine is shared: a slow input is timed again, and counts as a stall only if it is
		// slow both times.
		if (ms > STALL_MS) ms = Math.min(ms, timeAgain(run));
		out.inputs++;
		out.maxMs = Math.max(out.maxMs, ms);
		if (ms > STALL_MS) {
			out.stalls++;
			if (out.examples.length < 3)
				out.examples.push(
					`stall: input ${i}${run.label ? ` (${run.label})` : ''}, ${ms.toFixed(0)} ms`,
				);
		}
	}
	return out;
}

function timeAgain(run: () => unknown): number {
	const started = performance.now();
	try {
		run();
	} catch {
		// counted the first time
	}
	return performance.now() - started;
}

const intended = (e: unknown) =>
	e instanceof Error && !(e instanceof TypeError) && !(e instanceof RangeError);

const SECRET = 'fuzz-secret-0123456789';
const sign = (raw: Buffer, encoding: 'hex' | 'base64') =>
	createHmac('sha256', SECRET).update(raw).digest(encoding);

const PATTERNS = [
	'.*a.*b.*c',
	'(a+)+$',
	'^(a|aa)+b',
	'(x+x+)+y',
	'(.*){1,32000}[bc]',
	'interested|keen',
	'\\bcto\\b',
	'[^@]+@[^@]+\\.[a-z]{2,}',
	'(a)\\1',
	'a(?=b)',
];

function outreachSettings(r: Rand, source: Tool): TriggerSettings {
	const rules: ConditionRule[] =
		r() < 0.5
			? [
					{
						field: pick(r, ['reply.text', 'email', 'campaign.name', 'raw']),
						operator: 'regex',
						value: pick(r, PATTERNS),
					},
				]
			: [];
	return {
		source,
		registration: 'manual',
		events: ['addedToSequence', 'replied', 'interested'],
		auth: {
			mode: 'none',
			secret: '',
			headerName: '',
			queryParameter: '',
			bodyField: '',
			signature: 'sourceDefault',
			signatureHeader: '',
			algorithm: 'sha256',
			encoding: 'hex',
			prefix: '',
		},
		conditions: rules,
		combine: 'and',
		extraInterested: [],
		extraNotInterested: [],
		dedupeSize: 100,
	};
}

export function runFuzz(scale = 1): { families: FuzzFamily[]; regex: RegexTiming[] } {
	const n = (v: number) => Math.max(50, Math.round(v * scale));
	const now = '2026-12-03T08:00:00.000Z';
	const families = [
		family('Outreach Trigger: bodies and headers (8 tools)', n(3200), (r) => {
			const source = pick(r, TOOLS);
			const delivery: Delivery = { rawBody: body(r), headers: headers(r), query: {} };
			const settings = outreachSettings(r, source);
			return Object.assign(() => handleDelivery(delivery, settings, [], now), {
				label: `${source}, ${delivery.rawBody?.length} bytes: ${delivery.rawBody?.toString('utf8').slice(0, 40)}`,
			});
		}),
		family('Greenhouse Trigger: signed bodies, event ids', n(1500), (r) => {
			const raw =
				r() < 0.7
					? Buffer.from(
							JSON.stringify({ action: pick(r, GREENHOUSE_ACTIONS).value, payload: value(r, 5) }),
						)
					: body(r);
			const delivery: Delivery = {
				rawBody: raw,
				headers: {
					...headers(r),
					signature: r() < 0.9 ? `sha256 ${sign(raw, 'hex')}` : text(r),
					'greenhouse-event-id': text(r).slice(0, 100_000),
				},
			};
			return () => handleGreenhouseDelivery(delivery, { secretKey: SECRET, events: [] }, [], now);
		}),
		family('Pinpoint Trigger: signed bodies, ids', n(1500), (r) => {
			const raw =
				r() < 0.7
					? Buffer.from(
							JSON.stringify({
								event: pick(r, ['application_hired', 'application_created', text(r)]),
								data: { application: { id: value(r, 1) } },
								triggeredAt: value(r, 0),
							}),
						)
					: body(r);
			const delivery: Delivery = {
				rawBody: raw,
				headers: { ...headers(r), 'pinpoint-hmac-sha256': sign(raw, 'base64') },
			};
			return () =>
				admitPinpointDelivery(
					delivery,
					{ signingSecret: SECRET, events: ['application_hired'], onFetchFailure: 'emit' },
					[],
				);
		}),
		family('subdomains (IntelliHR, Pinpoint)', n(1000), (r) => {
			const input = r() < 0.5 ? text(r) : `https://${text(r)}.pinpointhq.com/${text(r)}`;
			return () => parseSubdomain(input, { productDomains: ['pinpointhq.com'] });
		}),
		family(
			'base URLs (Greenhouse, Stardex, IntelliHR, Pinpoint)',
			n(1000),
			(r) => {
				const url = `${pick(r, ['https://', 'http://', 'file://', '//', ''])}${text(r).slice(0, 200)}${pick(r, ['', '.greenhouse.io', '.stardex.ai', '@api.intellihr.io', ':443'])}`;
				const creds = {
					apiBaseUrl: url,
					baseUrlOverride: url,
					subdomain: 'acme',
					allowLoopbackBaseUrl: r() < 0.5,
				};
				const check = pick(r, [
					greenhouseBaseUrl,
					stardexBaseUrl,
					intelliHrBaseUrl,
					pinpointBaseUrl,
				]);
				return () => check(creds);
			},
			intended,
		),
		family(
			'conditions: regex patterns × texts',
			n(1000),
			(r) => {
				const pattern = r() < 0.5 ? pick(r, PATTERNS) : text(r).slice(0, 300);
				const subject = { reply: { text: text(r) } };
				const rule: ConditionRule = { field: 'reply.text', operator: 'regex', value: pattern };
				return Object.assign(
					() => {
						evaluateConditions(subject, [rule]);
						compileLinearRegex(pattern);
					},
					{
						label: `${JSON.stringify(pattern.slice(0, 30))} on ${subject.reply.text.length} chars`,
					},
				);
			},
			intended,
		),
		family('export inputs (candidate reader)', n(1000), (r) => {
			const input = value(r, 4);
			return Object.assign(() => parseCandidate(input as IDataObject), {
				label: JSON.stringify(input).slice(0, 60),
			});
		}),
	];
	return { families, regex: regexTimings() };
}

/** Patterns that backtrack badly in RegExp, on 1 MB of adversarial text, through the linear matcher. */
function regexTimings(): RegexTiming[] {
	const mb = 1_000_000;
	const cases: Array<[string, string, string]> = [
		['.*a.*b.*c', 'a'.repeat(mb), '1 MB of "a"'],
		['.*a.*b.*c', 'ab'.repeat(mb / 2), '1 MB of "ab"'],
		['(a+)+$', `${'a'.repeat(mb - 1)}!`, '1 MB of "a", then "!"'],
		['^(a|aa)+b', 'a'.repeat(mb), '1 MB of "a"'],
		['(x+x+)+y', 'x'.repeat(mb), '1 MB of "x"'],
		['\\b(\\w+\\s?)+$', `${'word '.repeat(mb / 5 - 1)}!`, '1 MB of "word ", then "!"'],
		['[^@]+@[^@]+\\.[a-z]{2,}', '@'.repeat(mb), '1 MB of "@"'],
	];
	return cases.map(([pattern, subject, label]) => {
		const re = compileLinearRegex(pattern);
		re.test('warm-up');
		const times: number[] = [];
		let result = false;
		for (let k = 0; k < 5; k++) {
			const started = performance.now();
			result = re.test(subject);
			times.push(performance.now() - started);
		}
		times.sort((a, b) => a - b);
		return { pattern, text: label, ms: times[0], medianMs: times[2], result };
	});
}
