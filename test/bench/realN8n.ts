/**
 * Benchmarks in a real n8n 2.41.1 (scripts/real-n8n/environment.js): the careful user's HTTP Request
 * workflow against our Greenhouse export doing the same work, with the sandbox's faults off and on;
 * the in-process run of our node is the second column.
 */
import * as os from 'node:os';

import type { IDataObject } from 'n8n-workflow';

import { sampleCandidates } from '../fixtures/candidates';
import { node } from '../harness/runWorkflow';
import { limiterMinimumSeconds, runBulk, type SandboxLike } from '../scenarios/bulk';
import { latencySection } from './realN8nLatency';
import {
	type Batching,
	baselinePayload,
	baselineWorkflow,
	exportParameters,
	JOB_ID,
	ourWorkflow,
} from './realN8nWorkflows';
import { table } from './report';

export const RATE = { limit: 250, windowMs: 5000 };
/** The ambiguous write: applied, then answered 500 (a proxy timing out after the API wrote). */
export const WRITE_FAULTS = { seed: 17, error5xxAfterWriteRate: 0.01 };

export type Sandbox = SandboxLike & {
	url: string;
	setFaults: (f: IDataObject) => void;
	requests: () => Array<{ at: number; status: number; method: string; path: string }>;
};

export interface Client {
	createWorkflow(wf: IDataObject): Promise<{ id: string }>;
	activate(id: string): Promise<IDataObject>;
	webhook(
		path: string,
		body?: unknown,
		opts?: { timeoutMs?: number },
	): Promise<{ status: number; text: string }>;
	waitForExecutions(workflowId: string, count: number, opts?: IDataObject): Promise<IDataObject[]>;
	api(method: string, path: string, body?: unknown, opts?: IDataObject): Promise<IDataObject>;
}

export interface Row {
	path: string;
	candidates: number;
	requests: number;
	seconds: number;
	minSeconds: number;
	created: number;
	complete: number;
	failed: number;
	duplicates: number;
	extraRecords: number;
	lost: number;
	status429: number;
	execution: string;
	load: number;
	inProcess?: string;
}

const pct = (v: number) => `${v.toFixed(1)} %`;

/** Each person's records in the ATS, and whether the first one has everything the run had to write. */
export function atsOutcome(gh: Sandbox, expected: Array<{ email: string; employments: number }>) {
	const s = gh.state() as {
		candidates: Array<{ id: number; email_addresses: Array<{ value: string }> }>;
		applications: Array<{ candidate_id: number; job_id?: number | null }>;
		attachments: Array<{ candidate_id: number }>;
		employments: Array<{ candidate_id: number }>;
	};
	const byEmail = new Map<string, number[]>();
	for (const c of s.candidates) {
		const e = c.email_addresses[0]?.value;
		byEmail.set(e, [...(byEmail.get(e) ?? []), c.id]);
	}
	const countBy = (list: Array<{ candidate_id: number }>) => {
		const m = new Map<number, number>();
		for (const x of list) m.set(x.candidate_id, (m.get(x.candidate_id) ?? 0) + 1);
		return m;
	};
	const onJob = new Set(
		s.applications.filter((a) => a.job_id === JOB_ID).map((a) => a.candidate_id),
	);
	const files = countBy(s.attachments);
	const jobs = countBy(s.employments);
	const apps = countBy(s.applications.filter((a) => a.job_id === JOB_ID));
	let created = 0;
	let complete = 0;
	let duplicates = 0;
	let extraRecords = 0;
	for (const x of expected) {
		const ids = byEmail.get(x.email) ?? [];
		if (!ids.length) continue;
		created++;
		duplicates += ids.length - 1;
		const done = ids.some(
			(id) => onJob.has(id) && (files.get(id) ?? 0) > 0 && (jobs.get(id) ?? 0) >= x.employments,
		);
		if (done) complete++;
		// Writes made twice for one person: a second resume, employment or application on the job.
		for (const id of ids)
			extraRecords +=
				Math.max(0, (files.get(id) ?? 0) - 1) +
				Math.max(0, (jobs.get(id) ?? 0) - x.employments) +
				Math.max(0, (apps.get(id) ?? 0) - 1);
	}
	return { created, complete, duplicates, extraRecords, lost: expected.length - created };
}

/**
 * n8n's API on this loaded machine sometimes drops a kept-alive connection ("fetch failed: other side
 * closed") or answers 503 "Database is not ready": the call is made again, up to 5 times. A repeated create leaves at most an inactive copy.
 */
async function retrying<T>(call: () => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await call();
		} catch (error) {
			if (attempt >= 5 || !/fetch failed|Database is not ready/i.test(String(error))) throw error;
			await new Promise((r) => setTimeout(r, 1000 * attempt));
		}
	}
}

/** The finished execution with its data; without it (n8n could not send it) only the status is known. */
async function withData(client: Client, listed: IDataObject): Promise<IDataObject> {
	try {
		return await retrying(() =>
			client.api('GET', `/executions/${String(listed.id)}?includeData=true`, undefined, {
				timeoutMs: 5 * 60_000,
			}),
		);
	} catch (error) {
		process.stdout.write(`execution ${String(listed.id)} data not read: ${String(error)}\n`);
		return listed;
	}
}

/** Imports, activates and triggers one workflow with `body`, then reads what the sandbox saw. */
async function runOnce(
	client: Client,
	gh: Sandbox,
	wf: object,
	path: string,
	body: IDataObject,
	faults?: IDataObject,
) {
	gh.reset();
	gh.setRateLimit(RATE);
	if (faults) gh.setFaults(faults);
	const created = await retrying(() => client.createWorkflow(wf as IDataObject));
	await retrying(() => client.activate(created.id));
	const startedAt = Date.now();
	const answer = await client.webhook(path, body, {
		timeoutMs: 10 * 60_000,
	});
	if (answer.status !== 200) throw new Error(`webhook answered ${answer.status}: ${answer.text}`);
	// Polled without the data (a 1,000-item execution's data on every poll would load n8n itself).
	const [listed] = await retrying(() =>
		client.waitForExecutions(created.id, 1, { timeoutMs: 60 * 60_000 }),
	);
	const log = gh.requests().filter((r) => r.at >= startedAt);
	const execution = await withData(client, listed);
	const stats = gh.stats();
	const requests = stats.requests - stats.status429;
	const lastAt = Math.max(...log.map((r) => r.at));
	const data = (execution.data as IDataObject)?.resultData as IDataObject;
	const runData = data?.runData as Record<string, Array<{ data?: { main?: unknown[][] } }>>;
	const items = (name: string) =>
		((runData?.[name]?.[0]?.data?.main ?? []).flat().filter(Boolean) as Array<{
			json: IDataObject;
		}>) ?? [];
	const error = data?.error as IDataObject | undefined;
	return {
		startedAt,
		seconds: (lastAt - startedAt) / 1000,
		requests,
		minSeconds: limiterMinimumSeconds(requests, RATE, startedAt),
		status429: stats.status429,
		execution: error
			? `stopped: ${String((error.node as IDataObject)?.name ?? data.lastNodeExecuted)} failed`
			: String(execution.status ?? 'success'),
		items,
	};
}

/** The careful user's workflow: every candidate not completed is a failure when the execution stops. */
export async function fairBaseline(
	client: Client,
	gh: Sandbox,
	count: number,
	batching: Batching,
	faults?: IDataObject,
): Promise<Row> {
	const payload = baselinePayload(sampleCandidates(count, 'fair'));
	const tag = `${batching.batchSize}-${batching.batchInterval}${faults ? '-faults' : ''}`;
	const path = `bench-fair-${tag}`;
	const wf = baselineWorkflow(gh, batching, path);
	const r = await runOnce(client, gh, wf, path, { candidates: payload }, faults);
	const expected = payload.map((p) => ({
		email: String(p.email),
		employments: (p.employments as unknown[]).length,
	}));
	const o = atsOutcome(gh, expected);
	return {
		path: `HTTP Request nodes (Batching ${batching.batchSize} / ${batching.batchInterval} ms, Retry On Fail 5 × 5 s)`,
		candidates: count,
		...r,
		...o,
		failed: r.execution === 'success' ? 0 : count - o.complete,
		load: os.loadavg()[0],
	};
}

/** Our Greenhouse export in the real n8n, then the same run in-process (WorkflowExecute). */
export async function ourNode(
	client: Client,
	gh: Sandbox,
	creds: { id: string; name: string },
	count: number,
	faults?: IDataObject,
): Promise<Row> {
	const raw = sampleCandidates(count, 'ours');
	const expected = baselinePayload(raw).map((p) => ({
		email: String(p.email),
		employments: (p.employments as unknown[]).length,
	}));
	const path = `bench-ours${faults ? '-faults' : ''}`;
	const r = await runOnce(client, gh, ourWorkflow(creds, path), path, { candidates: raw }, faults);
	const out = r.items('Greenhouse');
	const failed = out.filter((i) => i.json.status === 'failed' || i.json.error).length;
	const o = atsOutcome(gh, expected);
	const load = os.loadavg()[0];
	if (faults)
		return {
			path: 'Greenhouse export node (this package)',
			candidates: count,
			...r,
			...o,
			failed,
			load,
		};
	const inProcess = await runBulk(
		{
			system: 'Greenhouse',
			sandbox: gh,
			exportNode: node('Greenhouse', 'greenhouse', exportParameters(), {
				greenhouseHarvestApi: 'Greenhouse',
			}),
			credentialType: 'greenhouseHarvestApi',
			records: (s) =>
				(s.candidates as Array<{ email_addresses: Array<{ value: string }> }>).map(
					(c) => c.email_addresses[0]?.value,
				),
			rateLimit: RATE,
			faults,
		},
		count,
		'ours',
	);
	return {
		path: 'Greenhouse export node (this package)',
		candidates: count,
		...r,
		...o,
		failed,
		load,
		inProcess: `${pct(inProcess.efficiencyPct)}; ${inProcess.requests} req, ${inProcess.created} created, ${inProcess.failed} failed, ${inProcess.duplicates} dup.`,
	};
}

export function rowCells(r: Row): Array<string | number> {
	return [
		r.path,
		r.candidates,
		r.requests,
		(r.requests / r.candidates).toFixed(2),
		r.seconds.toFixed(1),
		`${pct((100 * r.minSeconds) / r.seconds)} (min ${r.minSeconds.toFixed(1)} s)`,
		(r.candidates / r.seconds).toFixed(1),
		r.created,
		r.complete,
		r.failed,
		r.duplicates,
		r.extraRecords,
		r.lost,
		r.status429,
		r.execution,
		r.load.toFixed(1),
		r.inProcess ?? 'n/a',
	];
}

export const ROW_HEADERS = [
	'path',
	'candidates',
	'requests',
	'per candidate',
	'seconds',
	'real n8n: vs limiter minimum',
	'candidates / s',
	'in the ATS',
	'complete',
	'failed',
	'duplicate candidates',
	'other records written twice',
	'lost',
	'429s',
	'execution',
	'load avg',
	'in-process: vs limiter minimum',
];

interface Environment {
	stop: () => Promise<void>;
	context: IDataObject;
	sandboxes: { sandboxes: Record<string, Sandbox> };
	client: Client;
}

/** Starts one real n8n (build, pack, install, sandboxes) for the sections asked for, then stops it. */
export async function realN8nSections(o: {
	baseline: boolean;
	latency: boolean;
	count: number;
	events: number;
}): Promise<string> {
	const { startEnvironment } = require('../../scripts/real-n8n/environment');
	const env: Environment = await startEnvironment({
		sandboxOptions: { greenhouse: { rateLimit: RATE } },
	});
	try {
		const gh = env.sandboxes.sandboxes.greenhouse;
		const creds = (env.context.credentials as Record<string, { id: string; name: string }>)
			.greenhouse;
		const parts: string[] = [];
		// One section failing (the real n8n stopped, say) must not lose the other's figures.
		const attempt = async (name: string, run: () => Promise<string>) => {
			try {
				parts.push(await run());
			} catch (error) {
				process.stdout.write(`${name} failed: ${String((error as Error)?.stack ?? error)}\n`);
			}
		};
		if (o.baseline)
			await attempt('baseline', () => baselineSection(env.client, gh, creds, o.count));
		if (o.latency) {
			await attempt('latency', () => latencySection(env, gh, creds, o.events));
		}
		return parts.join('\n');
	} finally {
		await env.stop();
	}
}

async function baselineSection(
	client: Client,
	gh: Sandbox,
	creds: { id: string; name: string },
	count: number,
): Promise<string> {
	const rows: Row[] = [];
	const faulted: Row[] = [];
	// A row that fails (n8n stopped answering) is reported as such; the other rows keep their figures.
	const add = async (to: Row[], label: string, run: () => Promise<Row>) => {
		try {
			const r = await run();
			process.stdout.write(`${JSON.stringify(r)}\n`);
			to.push(r);
		} catch (error) {
			process.stdout.write(`${label} failed: ${String(error).slice(0, 300)}\n`);
		}
	};
	const b60 = { batchSize: 60, batchInterval: 1000 };
	const b50 = { batchSize: 50, batchInterval: 1000 };
	await add(rows, 'baseline 60', () => fairBaseline(client, gh, count, b60));
	await add(rows, 'baseline 50', () => fairBaseline(client, gh, count, b50));
	await add(rows, 'ours', () => ourNode(client, gh, creds, count));
	await add(faulted, 'baseline faults', () => fairBaseline(client, gh, count, b50, WRITE_FAULTS));
	await add(faulted, 'ours faults', () => ourNode(client, gh, creds, count, WRITE_FAULTS));
	const faults = Object.entries(WRITE_FAULTS)
		.map(([k, v]) => `\`${k}\` ${v}`)
		.join(', ');
	return `## 2. Baseline: the careful user's HTTP Request workflow against our node (real n8n 2.41.1)

Goal: ahead of the fair baseline on throughput, with 0 failed, 0 duplicated, 0 lost. ${count} candidates, one webhook call, Greenhouse sandbox with a fixed window of ${RATE.limit} / ${RATE.windowMs / 1000} s. Both do the same work per candidate: look the person up by email, create them with the application on the job, attach the one-page profile PDF as the resume, add each previous job as an employment (a third of the sample have one). The baseline is Webhook → token → Code (split) → HTTP Request (lookup, full response) → IF new → HTTP Request (create) → HTTP Request (attachment) → Code (employments) → HTTP Request (employment), every HTTP Request node with Batching and Retry On Fail at n8n's maximum (5 tries, 5 s apart) and On Error left at Stop Workflow; its PDFs are generated before the run and sent in the payload, so it is spared that work. Our node: Lookup Auto, Generate Profile PDF: Always, On Error: Continue. Seconds run from the webhook POST to the last request the sandbox received; "vs limiter minimum" is the least time the limiter needs for that many requests from the POST, ÷ seconds. "Complete": the person exists with the application, the resume and every employment. "Other records written twice": a second resume, employment or application on the job for one person (a node retried as a whole resends every item). "Failed": items the run reported failed (for a stopped execution, every candidate it did not complete). The in-process column is the same run of our node in n8n-core's WorkflowExecute in this process.

${table(ROW_HEADERS, rows.map(rowCells))}

With the sandbox's write fault on (${faults}: the write is applied, then answered 500):

${table(ROW_HEADERS, faulted.map(rowCells))}
`;
}
