/**
 * Bulk export against a rate-limited sandbox: how close do we get to what the limit allows?
 * throughput % = (requests made ÷ elapsed seconds) ÷ (allowed requests per second).
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { sampleCandidates } from '../fixtures/candidates';
import { outputOf, WorkflowHarness } from '../harness/runWorkflow';

export interface SandboxLike {
	credentials: IDataObject;
	state: () => IDataObject;
	stats: () => { requests: number; status429: number; faults: number };
	/** The sandbox's request log (when it keeps one): the client's own time per request comes from it. */
	requests?: () => Array<{ at: number; path: string; status: number }>;
	reset: () => void;
	setFaults?: (f: IDataObject) => void;
	setRateLimit: (
		cfg: { limit: number; windowMs: number; mode?: 'fixed' | 'sliding' } | undefined,
	) => void;
}

export interface BulkResult {
	system: string;
	candidates: number;
	requests: number;
	seconds: number;
	allowedPerSecond: number;
	throughputPct: number;
	/** Seconds the limiter needs at the very least to admit this many requests, from when the run started. */
	minSeconds: number;
	/** minSeconds ÷ seconds: 100 % means no time was lost beyond what the limit forces. */
	efficiencyPct: number;
	/** The limiter minimum plus the client's own time per request (median gap, same run): achievableSeconds. */
	bestSeconds: number;
	/** bestSeconds ÷ seconds. */
	bestPct: number;
	/** When the run started (epoch ms), for bounds computed afterwards. */
	startedAt: number;
	created: number;
	failed: number;
	duplicates: number;
	status429: number;
	perCandidateMs: number;
}

export interface BulkSpec {
	system: string;
	sandbox: SandboxLike;
	exportNode: INode;
	credentialType: string;
	/** Count of records in the sandbox state, and the dedupe key of each. */
	records: (state: IDataObject) => string[];
	rateLimit?: { limit: number; windowMs: number; mode?: 'fixed' | 'sliding' };
	/** Start this many ms before a fixed window's boundary (the phase the run starts at). */
	msBeforeBoundary?: number;
	/** Sandbox faults switched on after the reset (e.g. writes answered 500 after they were applied). */
	faults?: IDataObject;
}

export async function runBulk(spec: BulkSpec, count: number, tag = 'bulk'): Promise<BulkResult> {
	spec.sandbox.reset();
	spec.sandbox.setRateLimit(spec.rateLimit);
	if (spec.faults) spec.sandbox.setFaults?.(spec.faults);
	const wf = new WorkflowHarness(
		{ nodes: [spec.exportNode], connections: {} },
		{ [spec.credentialType]: { accessToken: '', ...spec.sandbox.credentials } as never },
	);
	const items = sampleCandidates(count, tag);
	if (spec.msBeforeBoundary !== undefined && spec.rateLimit)
		await untilPhase(spec.rateLimit.windowMs, spec.msBeforeBoundary);
	const startedAt = Date.now();
	const started = process.hrtime.bigint();
	const run = await wf.run(spec.exportNode.name, items);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	const out = outputOf(run, spec.exportNode.name);
	const keys = spec.records(spec.sandbox.state());
	const stats = spec.sandbox.stats();
	const allowed = spec.rateLimit
		? spec.rateLimit.limit / (spec.rateLimit.windowMs / 1000)
		: Infinity;
	// Requests the sandbox counted (including 429s), i.e. the load the limit was asked to carry.
	const accepted = stats.requests - stats.status429;
	const minSeconds = spec.rateLimit
		? limiterMinimumSeconds(accepted, spec.rateLimit, startedAt)
		: 0;
	const costMs = medianGap(
		(spec.sandbox.requests?.() ?? []).filter((r) => r.at >= startedAt).map((r) => r.at),
	);
	const bestSeconds = spec.rateLimit
		? achievableSeconds(accepted, spec.rateLimit, startedAt, costMs)
		: 0;
	return {
		system: spec.system,
		candidates: count,
		requests: accepted,
		seconds,
		allowedPerSecond: allowed,
		throughputPct: Number.isFinite(allowed) ? (100 * accepted) / seconds / allowed : NaN,
		minSeconds,
		efficiencyPct: spec.rateLimit ? (100 * minSeconds) / seconds : NaN,
		bestSeconds,
		bestPct: spec.rateLimit ? (100 * bestSeconds) / seconds : NaN,
		startedAt,
		created: out.filter((o) => o.status === 'created').length,
		failed: out.filter((o) => o.status === 'failed' || o.error).length,
		duplicates: keys.length - new Set(keys).size,
		status429: stats.status429,
		perCandidateMs: (seconds * 1000) / count,
	};
}

/**
 * The limiter's view of a run from a sandbox's request log (the token endpoint left out), from the
 * first request the run made to the last, plus one median gap for the last request's own time.
 */
export function logFigures(
	entries: Array<{ at: number; path: string; status: number }>,
	rl: { limit: number; windowMs: number; mode?: 'fixed' | 'sliding' },
	from: number,
) {
	const log = entries.filter((r) => r.at >= from && r.path !== '/token');
	const accepted = log.filter((r) => r.status !== 429).length;
	const first = log[0]?.at ?? from;
	const costMs = medianGap(log.map((r) => r.at));
	const seconds = Math.max(0.001, ((log[log.length - 1]?.at ?? from) - first + costMs) / 1000);
	const allowed = rl.limit / (rl.windowMs / 1000);
	return {
		log,
		first,
		accepted,
		costMs,
		seconds,
		allowed,
		minSeconds: limiterMinimumSeconds(accepted, rl, first),
		bestSeconds: achievableSeconds(accepted, rl, first, costMs),
		status429: log.length - accepted,
	};
}

/** The median gap between consecutive request times: what one request costs the client in this run. */
export function medianGap(at: number[]): number {
	const gaps = at
		.slice(1)
		.map((t, i) => t - at[i])
		.sort((a, b) => a - b);
	return gaps[Math.floor(gaps.length / 2)] ?? 0;
}

/**
 * The shortest time in which the limiter admits n requests, starting at `startedAt`: a full allowance
 * is available at once, so requests ÷ rate understates what a perfect client could do.
 * Fixed window: the current window's allowance until it ends, then one allowance per window.
 * Sliding window: an allowance, then another each time the window has passed.
 */
export function limiterMinimumSeconds(
	n: number,
	rl: { limit: number; windowMs: number; mode?: 'fixed' | 'sliding' },
	startedAt: number,
): number {
	const batches = Math.ceil(n / rl.limit);
	if (batches <= 1) return 0;
	if (rl.mode === 'sliding') return ((batches - 1) * rl.windowMs) / 1000;
	const untilNextWindow = rl.windowMs - (startedAt % rl.windowMs);
	return (untilNextWindow + (batches - 2) * rl.windowMs) / 1000;
}

/** Waits until `before` ms before the next boundary of epoch-aligned fixed windows of `windowMs`. */
export async function untilPhase(windowMs: number, before: number): Promise<void> {
	const now = Date.now();
	let target = Math.ceil(now / windowMs) * windowMs - before;
	if (target <= now + 20) target += windowMs;
	await new Promise((r) => setTimeout(r, target - now));
}

/**
 * The least time in which a client whose every request costs `costMs` (measured on this machine, same
 * run, no limit) gets n requests through the limiter from `startedAt`: the limiter minimum plus the
 * client's own time, which no pacing can remove (a window's allowance cannot be spent faster than
 * requests can be made, and the last window's requests take their time after it opens).
 */
export function achievableSeconds(
	n: number,
	rl: { limit: number; windowMs: number; mode?: 'fixed' | 'sliding' },
	startedAt: number,
	costMs: number,
): number {
	let t = startedAt;
	const sent: number[] = [];
	const counts = new Map<number, number>();
	for (let i = 0; i < n; i++) {
		if (rl.mode === 'sliding') {
			if (i >= rl.limit) t = Math.max(t, sent[i - rl.limit] + rl.windowMs);
			sent.push(t);
		} else {
			let w = Math.floor(t / rl.windowMs);
			if ((counts.get(w) ?? 0) >= rl.limit) t = ++w * rl.windowMs;
			counts.set(w, (counts.get(w) ?? 0) + 1);
		}
		t += costMs;
	}
	return (t - startedAt) / 1000;
}
