/** Section 4b of BENCHMARKS.md: the Greenhouse export at 250 to 10,000 candidates (issue 15 §8). */
import * as os from 'node:os';

import type { IDataObject } from 'n8n-workflow';

import type { SandboxLike } from '../scenarios/bulk';
import { runScale, type ScaleResult, slopePer1000 } from '../scenarios/scale';
import { greenhouseExportNode } from '../harness/greenhouse';
import { table } from './report';

const SIZES = [250, 1000, 5000, 10_000];

export async function scaleSection(gh: SandboxLike): Promise<string> {
	const scale = Number(process.env.BENCH_SCALE ?? 1);
	// BENCH_SCALE_SIZES=250,1000,5000 picks other sizes (a shorter run on a busy machine).
	const asked = (process.env.BENCH_SCALE_SIZES ?? '')
		.split(',')
		.map(Number)
		.filter((v) => v > 0);
	const sizes = (asked.length ? asked : SIZES).map((s) => Math.max(10, Math.round(s * scale)));
	const exportNode = greenhouseExportNode({ options: { lookup: 'auto' } });
	const once = (count: number) =>
		runScale(
			{
				system: 'Greenhouse',
				sandbox: gh,
				exportNode,
				credentialType: 'greenhouseHarvestApi',
				records: (s: IDataObject) =>
					(s.candidates as Array<{ email_addresses: Array<{ value: string }> }>).map(
						(c) => c.email_addresses[0]?.value,
					),
			},
			count,
			() => os.loadavg()[0],
		);
	// The first batch pays for JIT warm-up and module loading: one unreported batch first.
	await once(Math.min(100, sizes[0]));
	const rows: ScaleResult[] = [];
	for (const count of sizes) {
		rows.push(await once(count));
		process.stdout.write(`${JSON.stringify(rows[rows.length - 1])}\n`);
	}
	const wall = slopePer1000(rows.map((r) => ({ x: r.candidates, y: r.msPerCandidate })));
	const cpu = slopePer1000(rows.map((r) => ({ x: r.candidates, y: r.cpuMsPerCandidate })));
	const heap = slopePer1000(rows.map((r) => ({ x: r.candidates, y: r.peakHeapMb })));
	const share = (s: { slope: number; intercept: number }) =>
		`${s.slope >= 0 ? '+' : ''}${s.slope.toFixed(3)} ms per 1,000 more candidates (${((100 * s.slope) / s.intercept).toFixed(1)} % of the ${s.intercept.toFixed(2)} ms intercept)`;
	return `## 4b. Scale: the export at ${sizes[0]} to ${sizes[sizes.length - 1]} candidates (in-process)

Goal: per-candidate cost flat from 250 to 10,000 (report the slope), with peak heap and time per item. Greenhouse export, Lookup Auto (one list page preloads the empty account), no rate limit, in-process n8n (WorkflowExecute) with the sandbox in the same process (its work is in the figures too). CPU is the whole process's (user + system). Load average (1 min) per row: the machine is shared by other sessions.

${table(
	[
		'candidates',
		'requests',
		'seconds',
		'ms per candidate',
		'CPU ms per candidate',
		'peak extra heap',
		'heap per candidate',
		'created',
		'failed',
		'duplicates',
		'load avg',
	],
	rows.map((r) => [
		r.candidates,
		r.requests,
		r.seconds.toFixed(1),
		r.msPerCandidate.toFixed(2),
		r.cpuMsPerCandidate.toFixed(2),
		`${r.peakHeapMb.toFixed(0)} MB`,
		`${((r.peakHeapMb * 1024) / r.candidates).toFixed(1)} KB`,
		r.created,
		r.failed,
		r.duplicates,
		r.load.toFixed(1),
	]),
)}

Slope of the per-candidate cost over batch size (least squares over the ${rows.length} sizes, ${sizes[0]} to ${sizes[sizes.length - 1]}): wall time ${share(wall)}; CPU ${share(cpu)}. Peak extra heap ${Math.min(...rows.map((r) => r.peakHeapMb)).toFixed(0)}–${Math.max(...rows.map((r) => r.peakHeapMb)).toFixed(0)} MB: sampled every 10 ms against the heap at the start, it depends on when the garbage collector runs more than on the batch size (least-squares slope ${heap.slope.toFixed(0)} MB per 1,000 candidates).
`;
}
