/**
 * CPU time per candidate of the Greenhouse export in n8n's WorkflowExecute, next to a bare loop
 * (Node's fetch) making the same requests: lookup, create with the nested application, and the
 * employments. The sandbox runs in a child process, so process.cpuUsage() of this process counts
 * the client only. Runs alternate (ours, bare, ours, ...) and the median of each is reported.
 * One extra run of ours is profiled with the inspector's CPU profiler (the same .cpuprofile format
 * as node --cpu-prof) and its self time summed by where the code lives.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import * as os from 'node:os';
import * as path from 'node:path';

import type { IDataObject, INode } from 'n8n-workflow';

import { planEmployments } from '../../nodes/Greenhouse/employments';
import { candidateBody } from '../../nodes/Greenhouse/mapping';
import { parseCandidate } from '../../nodes/shared/candidate/normalize';
import { sampleCandidates } from '../fixtures/candidates';
import { outputOf, WorkflowHarness } from '../harness/runWorkflow';

interface Child {
	url: string;
	credentials: IDataObject;
	proc: ChildProcess;
}

async function startChildSandbox(): Promise<Child> {
	const proc = spawn(
		process.execPath,
		[
			path.join(__dirname, '../sandbox/cli.js'),
			'--only',
			'greenhouse',
			'--exit-on-stdin-close',
			'--options',
			JSON.stringify({ greenhouse: { rateLimit: { limit: 1e9, windowMs: 1000 } } }),
		],
		{ stdio: ['pipe', 'pipe', 'inherit'] },
	);
	const line = await new Promise<string>((resolve, reject) => {
		let buf = '';
		proc.stdout!.on('data', (d: Buffer) => {
			buf += d.toString();
			if (buf.includes('\n')) resolve(buf.split('\n')[0]);
		});
		proc.once('exit', () => reject(new Error('sandbox exited')));
	});
	const gh = (JSON.parse(line) as { sandboxes: Record<string, Child> }).sandboxes.greenhouse;
	return { url: gh.url, credentials: gh.credentials, proc };
}

const cpuMs = (start: NodeJS.CpuUsage) => {
	const u = process.cpuUsage(start);
	return (u.user + u.system) / 1000;
};

async function ours(child: Child, exportNode: INode, count: number, tag: string) {
	const wf = new WorkflowHarness(
		{ nodes: [exportNode], connections: {} },
		{ greenhouseHarvestApi: { accessToken: '', ...child.credentials } as never },
	);
	const items = sampleCandidates(count, tag);
	const start = process.cpuUsage();
	const out = outputOf(await wf.run(exportNode.name, items), exportNode.name);
	const ms = cpuMs(start);
	return { ms, created: out.filter((o) => o.status === 'created').length };
}

async function bare(child: Child, count: number, tag: string, jobId = 4012000) {
	const items = sampleCandidates(count, tag);
	const start = process.cpuUsage();
	const c = child.credentials;
	const tokenRes = await fetch(String(c.tokenUrl), {
		method: 'POST',
		headers: {
			authorization: `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64')}`,
			'content-type': 'application/x-www-form-urlencoded',
		},
		body: `grant_type=client_credentials&sub=${c.actingUserId}`,
	});
	const token = ((await tokenRes.json()) as { access_token: string }).access_token;
	const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
	let created = 0;
	for (const raw of items) {
		const parsed = parseCandidate(raw);
		if (!parsed.ok) continue;
		const email = parsed.candidate.emails[0].value;
		const found = (await (
			await fetch(`${child.url}/v3/candidates?email=${encodeURIComponent(email)}&per_page=5`, {
				headers,
			})
		).json()) as unknown[];
		if (found.length) continue;
		const res = (await (
			await fetch(`${child.url}/v3/candidates`, {
				method: 'POST',
				headers,
				body: JSON.stringify(candidateBody(parsed.candidate, { jobId })),
			})
		).json()) as { candidate?: { id: number }; id?: number; message?: string };
		const id = res.candidate?.id ?? res.id;
		if (!id) throw new Error(`bare loop: create refused: ${JSON.stringify(res).slice(0, 300)}`);
		created++;
		// The node looks the person up again right after a create (a duplicate made meanwhile by another
		// queue-mode worker is reported as duplicateOf), so the bare loop does too.
		await (
			await fetch(`${child.url}/v3/candidates?email=${encodeURIComponent(email)}&per_page=5`, {
				headers,
			})
		).json();
		for (const body of planEmployments(id, parsed.candidate.previousJobs).bodies)
			await (
				await fetch(`${child.url}/v3/candidate_employments`, {
					method: 'POST',
					headers,
					body: JSON.stringify(body),
				})
			).json();
	}
	return { ms: cpuMs(start), created };
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

export interface CpuResult {
	count: number;
	reps: number;
	oursMs: number[];
	bareMs: number[];
	oursPerCandidate: number;
	barePerCandidate: number;
	/** ours ÷ bare for each pair of runs. */
	ratios: number[];
	/** The median of `ratios`. */
	factor: number;
	created: number;
	profile: Array<{ where: string; pct: number }>;
	profileFile: string;
}

export async function runCpu(exportNode: INode, count: number, reps = 5): Promise<CpuResult> {
	const child = await startChildSandbox();
	try {
		// One whole discarded pair first: the first runs of a process carry its JIT and heap warm-up.
		await ours(child, exportNode, count, 'cpuwarm');
		await bare(child, count, 'cpuwarmb');
		const oursMs: number[] = [];
		const bareMs: number[] = [];
		let created = 0;
		for (let r = 0; r < reps; r++) {
			const o = await ours(child, exportNode, count, `cpu${r}`);
			oursMs.push(o.ms);
			created += o.created;
			bareMs.push((await bare(child, count, `cpub${r}`)).ms);
		}
		const { profile, file } = await profiled(() => ours(child, exportNode, count, 'cpuprof'));
		const o = median(oursMs) / count;
		const b = median(bareMs) / count;
		// Each pair ran back to back on the same machine state; the median of their ratios is steadier
		// than the ratio of the two medians when the machine's speed drifts between pairs.
		const ratios = oursMs.map((ms, i) => ms / bareMs[i]);
		return {
			count,
			reps,
			oursMs,
			bareMs,
			oursPerCandidate: o,
			barePerCandidate: b,
			ratios,
			factor: median(ratios),
			created,
			profile,
			profileFile: file,
		};
	} finally {
		child.proc.stdin?.end();
		child.proc.kill('SIGTERM');
	}
}

/** Runs fn under the CPU profiler; self time by where the code lives, largest first. */
async function profiled(fn: () => Promise<unknown>) {
	const session = new Session();
	session.connect();
	const post = (method: string, params?: object) =>
		new Promise<unknown>((resolve, reject) =>
			session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))),
		);
	await post('Profiler.enable');
	await post('Profiler.setSamplingInterval', { interval: 200 });
	await post('Profiler.start');
	await fn();
	const { profile } = (await post('Profiler.stop')) as { profile: CpuProfile };
	session.disconnect();
	const file = path.join(os.tmpdir(), `ats-sync-bench-${process.pid}.cpuprofile`);
	fs.writeFileSync(file, JSON.stringify(profile));
	return { profile: summarize(profile), file };
}

interface CpuProfile {
	nodes: Array<{ id: number; callFrame: { url: string; functionName: string } }>;
	samples: number[];
	timeDeltas: number[];
}

function summarize(p: CpuProfile): Array<{ where: string; pct: number }> {
	const byId = new Map(p.nodes.map((n) => [n.id, n]));
	const totals = new Map<string, number>();
	let all = 0;
	p.samples.forEach((id, i) => {
		const dt = p.timeDeltas[i] ?? 0;
		const where = bucket(byId.get(id)?.callFrame);
		if (where === 'idle') return;
		totals.set(where, (totals.get(where) ?? 0) + dt);
		all += dt;
	});
	return [...totals.entries()]
		.map(([where, t]) => ({ where, pct: (100 * t) / all }))
		.sort((a, b) => b.pct - a.pct);
}

function bucket(frame: { url: string; functionName: string } | undefined): string {
	if (!frame) return 'other';
	const { url, functionName } = frame;
	if (functionName === '(idle)' || functionName === '(program)') return 'idle';
	if (functionName === '(garbage collector)') return 'garbage collection';
	const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	if (m) return `node_modules: ${m[1]}`;
	if (url.includes('/nodes/'))
		return `this package: ${url.replace(/^.*\/nodes\//, 'nodes/').replace(/\/[^/]+$/, '/')}`;
	if (url.includes('/test/')) return 'bench harness (test/)';
	if (url.startsWith('node:'))
		return `Node.js: ${url.replace(/^node:(internal\/)?/, '').split('/')[0]}`;
	if (!url) return `native: ${functionName || '(anonymous)'}`;
	return 'other';
}
