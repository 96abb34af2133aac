/**
 * Benchmark scenario beyond the in-process Greenhouse ones: Stardex bulk export. The real-n8n
 * sections (baseline, latency) live in realN8n.ts, realN8nWorkflows.ts and realN8nLatency.ts.
 */
import type { IDataObject } from 'n8n-workflow';

import { node } from '../harness/runWorkflow';
import { type BulkResult, runBulk, type SandboxLike } from '../scenarios/bulk';
const { startStardexSandbox } = require('../sandbox/stardex');

type Sandbox = SandboxLike & { url: string };

let stardex: Sandbox | undefined;

/** Stardex's documented limit: 60 requests a minute per key, over a sliding window. */
export const STARDEX_DOCUMENTED = { limit: 60, windowMs: 60_000, mode: 'sliding' as const };

export const extraScenarios = {
	async bulk(n: (v: number) => number): Promise<BulkResult[]> {
		stardex ??= await startStardexSandbox({ jobs: 3 });
		const sdx = stardex as Sandbox & { jobs: () => Array<{ id: string }> };
		// Stardex allows 60 requests a minute per key (sliding window, reset in whole Unix seconds); the
		// sandbox keeps the 60 s sliding window and scales the allowance to 1,200 (20 a second), and the
		// run sends 2,000 candidates so that, at about 1.1 requests each with the preloaded lookup, it
		// spans two windows: the pacing is measured, not one free allowance.
		const exportNode = node(
			'Stardex',
			'stardex',
			{
				resource: 'candidate',
				operation: 'export',
				candidateInput: 'input',
				job: { __rl: true, mode: 'id', value: sdx.jobs()[0].id },
				ifExists: 'skip',
			},
			{ stardexApi: 'Stardex' },
			{ onError: 'continueRegularOutput' },
		);
		const records = (s: IDataObject) =>
			(s.persons as Array<{ linkedin_url?: string; linkedin_public_id?: string; id: string }>).map(
				(p) => String(p.linkedin_url ?? p.linkedin_public_id ?? p.id),
			);
		return [
			await runBulk(
				{
					system: 'Stardex (in-process)',
					sandbox: sdx,
					exportNode,
					credentialType: 'stardexApi',
					records,
					rateLimit: { limit: 1200, windowMs: 60_000, mode: 'sliding' },
				},
				n(2000),
				'sdxbulk',
			),
			// And at the documented allowance itself, where one window's requests are few and the
			// window long: 100 candidates, two windows.
			await runBulk(
				{
					system: 'Stardex at its documented 60 / min (in-process)',
					sandbox: sdx,
					exportNode,
					credentialType: 'stardexApi',
					records,
					rateLimit: STARDEX_DOCUMENTED,
				},
				n(100),
				'sdxdoc',
			),
		];
	},

	async close(): Promise<void> {
		if (stardex) await (stardex as unknown as { close: () => Promise<void> }).close();
		stardex = undefined;
	},
};
