/**
 * Sections 1b (start phase) and 7 (response delay) of `npm run bench`: the Greenhouse export with
 * the default Parallel Candidates, in the real n8n 2.41.1 (the main column) and in-process (the
 * second). Issue 15 items 1 and 7. The real n8n comes from scripts/real-n8n/environment.js.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import type { IDataObject, INode } from 'n8n-workflow';

import { DEFAULT_PARALLEL_CANDIDATES } from '../../nodes/shared/descriptions/candidate';
import { sampleCandidates } from '../fixtures/candidates';
import {
	type BulkResult,
	logFigures,
	runBulk,
	type SandboxLike,
	untilPhase,
	achievableSeconds,
} from '../scenarios/bulk';
import { token } from './realN8nLatency';
import { candidateBody } from '../../nodes/Greenhouse/mapping';
import { parseCandidate } from '../../nodes/shared/candidate/normalize';
import { JOB_ID } from './realN8nWorkflows';
import { greenhouseNode, link, skipExistingParameters, split, webhook } from './realN8nWorkflows';
import { loadAverage, pct, table } from './report';

type Rl = { limit: number; windowMs: number };
type Logged = { at: number; path: string; status: number };
type Sandbox = SandboxLike & {
	url: string;
	credentials: unknown;
	requests: () => Logged[];
	setResponseDelay: (ms: number) => void;
};
type Client = {
	createWorkflow: (wf: IDataObject) => Promise<{ id: string }>;
	activate: (id: string) => Promise<unknown>;
	webhook: (path: string, body: unknown, o?: IDataObject) => Promise<{ status: number }>;
	waitForExecutions: (id: string, count: number, o?: IDataObject) => Promise<IDataObject[]>;
};

/** Greenhouse's fixed window, scaled (see NOTES.md): 50 requests a second allowed. */
export const PACING_RATE: Rl = { limit: 250, windowMs: 5000 };
// BENCH_PHASES=300,300 runs only those starts (ms before the boundary), to look at one closely.
const PHASES = (process.env.BENCH_PHASES ?? '4500,3500,2500,1500,300').split(',').map(Number);
const DELAYS = [0, 100, 300];

/** One run's figures, measured from the sandbox's own request log (first to last request). */
export interface PaceRow {
	label: string;
	candidates: number;
	requests: number;
	seconds: number;
	minSeconds: number;
	efficiencyPct: number;
	ratePct: number;
	costMs: number;
	bestPct: number;
	/** The most any client at the sandbox's own pace could reach from this run's first request. */
	sandboxBestPct?: number;
	/** When the sandbox received the run's first request (epoch ms). */
	firstAt: number;
	created: number;
	failed: number;
	duplicates: number;
	status429: number;
}

/** Figures from the sandbox log: the limiter's view, from the first request the run made. */
function fromLog(
	label: string,
	sandbox: Sandbox,
	from: number,
	candidates: number,
	out: { created: number; failed: number; duplicates: number },
): PaceRow {
	const f = logFigures(sandbox.requests(), PACING_RATE, from);
	const log = f.log;
	// BENCH_GAPS=1 prints every pause over 40 ms (where a run lost time), relative to the window.
	if (process.env.BENCH_GAPS) {
		process.stdout.write(
			`[gaps] ${label} first 12: ${log
				.slice(0, 12)
				.map((r) => `${r.path}@${r.at - log[0].at}`)
				.join(
					' ',
				)} (first ${PACING_RATE.windowMs - (log[0].at % PACING_RATE.windowMs)} ms before its boundary)\n`,
		);
		for (let k = 1; k < log.length; k++) {
			const gap = log[k].at - log[k - 1].at;
			if (gap > 40)
				process.stdout.write(
					`[gaps] ${label} #${k} ${log[k].path} ${log[k].status} after ${gap} ms, ${log[k].at % PACING_RATE.windowMs} ms into its window\n`,
				);
		}
	}
	return {
		label,
		candidates,
		requests: f.accepted,
		seconds: f.seconds,
		minSeconds: f.minSeconds,
		efficiencyPct: (100 * f.minSeconds) / f.seconds,
		ratePct: (100 * f.accepted) / f.seconds / f.allowed,
		costMs: f.costMs,
		bestPct: (100 * f.bestSeconds) / f.seconds,
		firstAt: f.first,
		...out,
		status429: f.status429,
	};
}

function fromBulk(label: string, r: BulkResult, sandbox: Sandbox): PaceRow {
	return fromLog(label, sandbox, r.startedAt, r.candidates, r);
}

/** In-process runs (n8n-core WorkflowExecute, the sandbox in the same process). */
export async function inProcessPacing(
	gh: Sandbox,
	exportNode: INode,
	records: (s: IDataObject) => string[],
	n: (v: number) => number,
	which: { phases: boolean; delay: boolean },
): Promise<{ phases: PaceRow[]; delay: PaceRow[] }> {
	const spec = {
		system: 'Greenhouse',
		sandbox: gh,
		exportNode,
		credentialType: 'greenhouseHarvestApi',
		records,
		rateLimit: PACING_RATE,
	};
	const phases: PaceRow[] = [];
	if (which.phases)
		for (const before of PHASES) {
			const r = await runBulk({ ...spec, msBeforeBoundary: before }, n(400), `phase${before}`);
			phases.push(fromBulk(`${(before / 1000).toFixed(1)} s`, r, gh));
		}
	const delay: PaceRow[] = [];
	if (which.delay)
		for (const ms of DELAYS) {
			gh.setResponseDelay(ms);
			const r = await runBulk(spec, n(ms ? 100 : 400), `delay${ms}`);
			delay.push(fromBulk(`${ms} ms`, r, gh));
		}
	gh.setResponseDelay(0);
	return { phases, delay };
}

/** The same runs in a real n8n 2.41.1: Webhook → Code (one item per candidate) → Greenhouse export. */
export async function realN8nPacing(
	env: { client: Client; sandbox: Sandbox; credential: { id: string; name: string } },
	n: (v: number) => number,
	which: { phases: boolean; delay: boolean },
): Promise<{ phases: PaceRow[]; delay: PaceRow[] }> {
	const { client, sandbox } = env;
	const wf = await client.createWorkflow(workflow(env.credential));
	await client.activate(wf.id);
	let runs = 0;
	const run = async (label: string, count: number, tag: string, before?: number) => {
		sandbox.reset();
		sandbox.setRateLimit(PACING_RATE);
		if (before !== undefined) await untilPhase(PACING_RATE.windowMs, before);
		const from = Date.now();
		const res = await client.webhook('bench-pacing', { candidates: sampleCandidates(count, tag) });
		if (res.status >= 300) throw new Error(`bench-pacing webhook answered ${res.status}`);
		const list = await client.waitForExecutions(wf.id, ++runs, { timeoutMs: 30 * 60_000 });
		void list;
		const emails = (
			sandbox.state().candidates as Array<{ email_addresses: Array<{ value: string }> }>
		).map((c) => c.email_addresses[0]?.value);
		const created = emails.length;
		return fromLog(label, sandbox, from, count, {
			created,
			failed: count - created,
			duplicates: emails.length - new Set(emails).size,
		});
	};
	const phases: PaceRow[] = [];
	if (which.phases) {
		for (const before of PHASES)
			phases.push(await run(`${(before / 1000).toFixed(1)} s`, n(400), `rphase${before}`, before));
		const pace = await sandboxPace(sandbox, phases[0]?.requests ?? 0);
		for (const r of phases) {
			const best = achievableSeconds(r.requests, PACING_RATE, r.firstAt, pace.ms);
			r.sandboxBestPct = (100 * r.minSeconds) / best;
		}
		lastPace = pace;
	}
	const delay: PaceRow[] = [];
	if (which.delay)
		for (const ms of DELAYS) {
			sandbox.setResponseDelay(ms);
			delay.push(await run(`${ms} ms`, n(ms ? 100 : 400), `rdelay${ms}`));
		}
	sandbox.setResponseDelay(0);
	return { phases, delay };
}

/** The sandbox's own pace in the last real run: ms per create, and at how many at a time. */
let lastPace = { ms: 0, concurrency: 0 };

/**
 * The sandbox's own pace: a bare client in a child process (test/bench/barePace.js, no n8n) POSTs
 * `count` creates to the sandbox with no limit, as many at a time as our export keeps open (2 ×
 * Parallel Candidates) and four times that; the median of 3 runs each, the faster of the two.
 */
async function sandboxPace(sandbox: Sandbox, count: number) {
	sandbox.reset();
	sandbox.setRateLimit({ limit: 1_000_000, windowMs: 1000 });
	const bearer = await token(sandbox);
	let best = { ms: Infinity, concurrency: 0 };
	for (const concurrency of [2, 8].map((x) => x * DEFAULT_PARALLEL_CANDIDATES)) {
		const paces: number[] = [];
		for (let k = 0; k < 3; k++) {
			const bodies = sampleCandidates(count, `pace${concurrency}-${k}`).map((raw) => {
				const parsed = parseCandidate(raw);
				if (!parsed.ok) throw new Error('sample candidate is not valid');
				return candidateBody(parsed.candidate, { jobId: JOB_ID });
			});
			const input = JSON.stringify({ url: sandbox.url, token: bearer, bodies, concurrency });
			// Asynchronous: the sandbox answers from this process's event loop.
			const r = JSON.parse(await childOutput(path.join(__dirname, 'barePace.js'), input)) as {
				msPerRequest: number;
				failed: number;
			};
			if (r.failed) throw new Error(`bare pace: ${r.failed} creates refused`);
			paces.push(r.msPerRequest);
		}
		const ms = paces.sort((a, b) => a - b)[1];
		if (ms < best.ms) best = { ms, concurrency };
	}
	sandbox.setRateLimit(PACING_RATE);
	return best;
}

/** Runs a Node script with `input` on its stdin; its stdout, or an error with its stderr. */
function childOutput(script: string, input: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'pipe'] });
		let out = '';
		let err = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (err += d));
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0
				? resolve(out)
				: reject(new Error(`${script} exited ${code}: ${err.slice(0, 500)}`)),
		);
		child.stdin.end(input);
	});
}

function workflow(credential: { id: string; name: string }): IDataObject {
	return {
		name: 'Bench pacing: Greenhouse export',
		settings: { executionOrder: 'v1' },
		nodes: [
			webhook('bench-pacing'),
			split('candidates'),
			greenhouseNode(credential, {
				...skipExistingParameters(),
				...(process.env.BENCH_PARALLEL
					? { options: { parallelCandidates: Number(process.env.BENCH_PARALLEL) } }
					: {}),
			}),
		],
		connections: { Webhook: link('Split'), Split: link('Greenhouse') },
	};
}

const spread = (rows: PaceRow[], f: (r: PaceRow) => number) =>
	rows.length ? `${pct(Math.min(...rows.map(f)))} to ${pct(Math.max(...rows.map(f)))}` : 'n/a';

/** Section 1b: real n8n first, in-process second. */
export function phasesSection(real: PaceRow[], local: PaceRow[]): string {
	const load = loadAverage();
	const head = [
		'where',
		'started before the boundary',
		'requests',
		'seconds',
		'limiter minimum',
		'vs limiter minimum',
		'ms per request (median gap)',
		'vs best this machine allows',
		"the most any client at the sandbox's pace could reach",
		'created',
		'failed',
		'duplicates',
		'429s',
	];
	const row = (where: string) => (r: PaceRow) => [
		where,
		r.label,
		r.requests,
		r.seconds.toFixed(2),
		`${r.minSeconds.toFixed(2)} s`,
		pct(r.efficiencyPct),
		r.costMs.toFixed(1),
		pct(r.bestPct),
		r.sandboxBestPct === undefined ? 'n/a' : pct(r.sandboxBestPct),
		r.created,
		r.failed,
		r.duplicates,
		r.status429,
	];
	return `## 1b. Start phase: the same export started at five points of the window (real n8n 2.41.1, and in-process)\n\nGoal: ≥ 97 % of the limiter minimum at every start phase. ${real[0]?.candidates ?? local[0]?.candidates} candidates, Greenhouse sandbox with a fixed window of ${PACING_RATE.limit} / ${PACING_RATE.windowMs / 1000} s, the default Parallel Candidates (${DEFAULT_PARALLEL_CANDIDATES}), Lookup Auto. Timed from the first to the last request the sandbox received (plus one median gap), so n8n's own start of the execution is not counted. Real n8n: vs limiter minimum ${spread(real, (r) => r.efficiencyPct)}, vs best this machine allows ${spread(real, (r) => r.bestPct)}. In-process: ${spread(local, (r) => r.efficiencyPct)} and ${spread(local, (r) => r.bestPct)}. "Best this machine allows" adds the client's own time per request (the median gap between requests, same run) to the limiter. ${paceText(real)} Load average during the runs (1 / 5 / 15 min): ${load} on ${os.cpus().length} cores.\n\n${table(head, [...real.map(row('real n8n')), ...local.map(row('in-process'))])}\n`;
}

/** What the sandbox's own pace allows at each start: why a start just before a boundary falls short. */
function paceText(real: PaceRow[]): string {
	if (!lastPace.ms || !real.length) return '';
	const short = real.filter((r) => (r.sandboxBestPct ?? 100) < 97);
	const before = (r: PaceRow) =>
		((PACING_RATE.windowMs - (r.firstAt % PACING_RATE.windowMs)) / 1000).toFixed(2);
	return `The sandbox's own pace on this machine is ${lastPace.ms.toFixed(2)} ms per create: a bare client in its own process (Node's fetch, no n8n) sending ${real[0].requests} creates with no limit, ${lastPace.concurrency} at a time (the faster of ${2 * DEFAULT_PARALLEL_CANDIDATES}, as many as our export keeps open, and ${8 * DEFAULT_PARALLEL_CANDIDATES}; median of 3 runs each). The column before "created" is the most a client at that pace could reach from the run's first request${short.length ? `; it is below 97 % at ${short.map((r) => `${r.label} (first request ${before(r)} s before the boundary)`).join(', ')}: the limiter minimum counts that sliver of window as a whole allowance of ${PACING_RATE.limit} requests, more than any client here can send in it` : ''}.`;
}

/** Section 7: real n8n first, in-process second. */
export function delaySection(real: PaceRow[], local: PaceRow[]): string {
	const load = loadAverage();
	const head = [
		'where',
		'response delay',
		'candidates',
		'requests',
		'seconds',
		'requests / s',
		'of the allowed rate',
		'candidates / s',
		'created',
		'failed',
		'duplicates',
		'429s',
	];
	const row = (where: string) => (r: PaceRow) => [
		where,
		r.label,
		r.candidates,
		r.requests,
		r.seconds.toFixed(1),
		(r.requests / r.seconds).toFixed(1),
		pct(r.ratePct),
		(r.candidates / r.seconds).toFixed(2),
		r.created,
		r.failed,
		r.duplicates,
		r.status429,
	];
	return `## 7. Response delay: throughput when every answer is slower (real n8n 2.41.1, and in-process)\n\nGoal: ≥ 80 % of the allowed rate with 100 ms response delay. Greenhouse sandbox, ${PACING_RATE.limit} / ${PACING_RATE.windowMs / 1000} s (50 requests a second allowed), Lookup Auto, the default Parallel Candidates (${DEFAULT_PARALLEL_CANDIDATES} at a time under one pacer, each handing its place on once its candidate is created). Timed from the first to the last request the sandbox received. Load average (1 / 5 / 15 min): ${load} on ${os.cpus().length} cores.\n\n${table(head, [...real.map(row('real n8n')), ...local.map(row('in-process'))])}\n`;
}

/** Starts a real n8n 2.41.1 with the sandboxes (the e2e environment), runs, and stops it. */
export async function realPacing(
	n: (v: number) => number,
	which: { phases: boolean; delay: boolean },
): Promise<{ phases: PaceRow[]; delay: PaceRow[] }> {
	const { startEnvironment } = require('../../scripts/real-n8n/environment');
	// Our own work folder, removed afterwards (other runs on this machine have theirs).
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ats-sync-e2e-pacing-'));
	const env = await startEnvironment({
		workDir,
		sandboxOptions: { greenhouse: { rateLimit: PACING_RATE } },
	});
	try {
		const credential = (env.context.credentials as Record<string, { id: string; name: string }>)
			.greenhouse;
		return await realN8nPacing(
			{ client: env.client, sandbox: env.sandboxes.sandboxes.greenhouse, credential },
			n,
			which,
		);
	} finally {
		await env.stop();
		fs.rmSync(workDir, { recursive: true, force: true });
	}
}
