/** Listing N jobs with Return All: requests made (should equal the pages), time and peak memory. */
import type { IDataObject } from 'n8n-workflow';

import { node, outputOf, WorkflowHarness } from '../harness/runWorkflow';

export interface ListingResult {
	jobs: number;
	returned: number;
	requests: number;
	pages: number;
	seconds: number;
	peakHeapMb: number;
}

export async function runListing(
	sandbox: {
		url: string;
		credentials: IDataObject;
		reset: () => void;
		requests: () => Array<{ path: string }>;
	},
	jobs: number,
): Promise<ListingResult> {
	sandbox.reset();
	await fetch(`${sandbox.url}/__sandbox/seed`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ jobs }),
	});
	const wf = new WorkflowHarness(
		{
			nodes: [
				node(
					'Greenhouse',
					'greenhouse',
					{ resource: 'job', operation: 'getAll', returnAll: true, status: '' },
					{ greenhouseHarvestApi: 'Greenhouse' },
				),
			],
			connections: {},
		},
		{ greenhouseHarvestApi: { accessToken: '', ...sandbox.credentials } as never },
	);
	global.gc?.();
	const baseline = process.memoryUsage().heapUsed;
	let peak = baseline;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
	const started = process.hrtime.bigint();
	const run = await wf.run('Greenhouse', [{}]);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().heapUsed);
	const returned = outputOf(run, 'Greenhouse').length;
	return {
		jobs,
		returned,
		requests: sandbox.requests().filter((r) => r.path === '/v3/jobs').length,
		pages: Math.ceil(jobs / 500),
		seconds,
		peakHeapMb: (peak - baseline) / 1024 / 1024,
	};
}
