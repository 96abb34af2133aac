/**
 * Section 1's main rows: the bulk export in a real n8n 2.41.1 (Webhook → Split → our export), the
 * sandboxes in the bench process. Greenhouse with a fixed window of 250 / 5 s, Stardex with its
 * documented 60 s sliding window (allowance scaled to 1,200). Issue 15 §3: real n8n is the benchmark;
 * the in-process rows stay as a second column. Figures come from the sandbox's own request log.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { sampleCandidates } from '../fixtures/candidates';
import { type BulkResult, logFigures } from '../scenarios/bulk';
import { STARDEX_DOCUMENTED } from './extra';
import { greenhouseNode, link, skipExistingParameters, split, webhook } from './realN8nWorkflows';

type Rl = { limit: number; windowMs: number; mode?: 'fixed' | 'sliding' };
type Logged = { at: number; path: string; status: number };
type Sandbox = {
	requests: () => Logged[];
	state: () => IDataObject;
	reset: () => void;
	setRateLimit: (rl: Rl | undefined) => void;
	jobs?: () => Array<{ id: string }>;
};

export const REAL_BULK = {
	greenhouse: { limit: 250, windowMs: 5000 } as Rl,
	stardex: { limit: 1200, windowMs: 60_000, mode: 'sliding' } as Rl,
};

/** One row from the sandbox log: from the first request to the last (plus one median gap). */
function row(
	system: string,
	sandbox: Sandbox,
	rl: Rl,
	from: number,
	candidates: number,
	keys: string[],
): BulkResult {
	const f = logFigures(sandbox.requests(), rl, from);
	return {
		system,
		candidates,
		requests: f.accepted,
		seconds: f.seconds,
		allowedPerSecond: f.allowed,
		throughputPct: (100 * f.accepted) / f.seconds / f.allowed,
		minSeconds: f.minSeconds,
		efficiencyPct: (100 * f.minSeconds) / f.seconds,
		bestSeconds: f.bestSeconds,
		bestPct: (100 * f.bestSeconds) / f.seconds,
		startedAt: f.first,
		created: keys.length,
		failed: candidates - new Set(keys).size,
		duplicates: keys.length - new Set(keys).size,
		status429: f.status429,
		perCandidateMs: (f.seconds * 1000) / candidates,
	};
}

/** Starts a real n8n with the sandboxes, runs the Greenhouse and the Stardex bulk exports, stops it. */
export async function realBulk(n: (v: number) => number): Promise<BulkResult[]> {
	const { startEnvironment } = require('../../scripts/real-n8n/environment');
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ats-sync-e2e-bulk-'));
	const env = await startEnvironment({
		workDir,
		sandboxOptions: { greenhouse: { rateLimit: REAL_BULK.greenhouse } },
	});
	try {
		const creds = env.context.credentials as Record<string, { id: string; name: string }>;
		const sbx = env.sandboxes.sandboxes as Record<string, Sandbox>;
		const client = env.client;
		const runOne = async (
			label: string,
			sandbox: Sandbox,
			rl: Rl,
			node: IDataObject,
			count: number,
			keys: () => string[],
		) => {
			const hook = `bench-bulk-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
			const wf = await client.createWorkflow({
				name: `Bench bulk: ${label}`,
				settings: { executionOrder: 'v1' },
				nodes: [webhook(hook), split('candidates'), node],
				connections: { Webhook: link('Split'), Split: link(String(node.name)) },
			});
			await client.activate(wf.id);
			sandbox.reset();
			sandbox.setRateLimit(rl);
			const from = Date.now();
			const tag = `rb${label.replace(/[^A-Za-z0-9]+/g, '')}`;
			const res = await client.webhook(hook, { candidates: sampleCandidates(count, tag) });
			if (res.status >= 300) throw new Error(`${hook} answered ${res.status}`);
			await client.waitForExecutions(wf.id, 1, { timeoutMs: 30 * 60_000 });
			return row(`${label} (real n8n)`, sandbox, rl, from, count, keys());
		};
		const gh = sbx.greenhouse;
		const rows = [
			await runOne(
				'Greenhouse',
				gh,
				REAL_BULK.greenhouse,
				greenhouseNode(creds.greenhouse, skipExistingParameters()),
				n(1000),
				() =>
					(gh.state().candidates as Array<{ email_addresses: Array<{ value: string }> }>).map(
						(c) => c.email_addresses[0]?.value,
					),
			),
		];
		const sdx = sbx.stardex;
		if (!sdx || !creds.stardex || !sdx.jobs) return rows;
		const stardexNode = {
			name: 'Stardex',
			type: 'n8n-nodes-ats-sync.stardex',
			typeVersion: 1,
			position: [0, 0],
			credentials: { stardexApi: creds.stardex },
			onError: 'continueRegularOutput',
			parameters: {
				resource: 'candidate',
				operation: 'export',
				candidateInput: 'input',
				job: { __rl: true, mode: 'id', value: sdx.jobs()[0].id },
				ifExists: 'skip',
			},
		};
		const persons = () =>
			(sdx.state().persons as Array<{ linkedin_url?: string; id: string }>).map((p) =>
				String(p.linkedin_url ?? p.id),
			);
		rows.push(
			await runOne('Stardex', sdx, REAL_BULK.stardex, stardexNode, n(2000), persons),
			await runOne(
				'Stardex at its documented 60 / min',
				sdx,
				STARDEX_DOCUMENTED,
				stardexNode,
				n(100),
				persons,
			),
		);
		return rows;
	} finally {
		await env.stop();
		fs.rmSync(workDir, { recursive: true, force: true });
	}
}
