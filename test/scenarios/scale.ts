/**
 * The same export at growing batch sizes, with no rate limit: time per candidate, CPU per candidate
 * and peak heap. A per-candidate cost that grows with the batch (a slope well above 0) means some step
 * is not linear (a list scanned per item, a memo that grows without bound).
 */
import type { INode } from 'n8n-workflow';

import { runBulk, type BulkSpec } from './bulk';

export interface ScaleResult {
	candidates: number;
	requests: number;
	seconds: number;
	msPerCandidate: number;
	cpuMsPerCandidate: number;
	peakHeapMb: number;
	created: number;
	failed: number;
	duplicates: number;
	load: number;
}

export async function runScale(
	spec: Omit<BulkSpec, 'rateLimit' | 'exportNode'> & { exportNode: INode },
	count: number,
	load: () => number,
): Promise<ScaleResult> {
	global.gc?.();
	const baseline = process.memoryUsage().heapUsed;
	let peak = baseline;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
	const cpu = process.cpuUsage();
	try {
		const r = await runBulk({ ...spec, rateLimit: undefined }, count, `scale${count}`);
		const used = process.cpuUsage(cpu);
		peak = Math.max(peak, process.memoryUsage().heapUsed);
		return {
			candidates: count,
			requests: r.requests,
			seconds: r.seconds,
			msPerCandidate: r.perCandidateMs,
			cpuMsPerCandidate: (used.user + used.system) / 1000 / count,
			peakHeapMb: (peak - baseline) / 2 ** 20,
			created: r.created,
			failed: r.failed,
			duplicates: r.duplicates,
			load: load(),
		};
	} finally {
		clearInterval(sampler);
	}
}

/**
 * Least-squares slope of y over x, scaled to "per 1,000 more candidates"; with the intercept, so the
 * slope can be compared with the cost itself (flat: the slope is a small share of the intercept).
 */
export function slopePer1000(points: Array<{ x: number; y: number }>): {
	slope: number;
	intercept: number;
} {
	const n = points.length;
	const mx = points.reduce((a, p) => a + p.x, 0) / n;
	const my = points.reduce((a, p) => a + p.y, 0) / n;
	const sxx = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
	const sxy = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
	const slope = sxx ? sxy / sxx : 0;
	return { slope: slope * 1000, intercept: my - slope * mx };
}
