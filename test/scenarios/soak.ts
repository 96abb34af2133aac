/**
 * Fault-injection soak: export N candidates (some deliberately invalid) while the sandbox injects
 * 500s, connection resets (before and after writes), 429 bursts and stalls longer than the request
 * timeout. Used by the bounded test in `npm test` and, at full size, by `npm run bench`.
 */
import type { IDataObject } from 'n8n-workflow';

import { sampleCandidate } from '../fixtures/candidates';
import { node, outputOf, WorkflowHarness } from '../harness/runWorkflow';

export interface SoakOptions {
	count: number;
	invalidEvery: number;
	stallMs: number;
	timeoutSeconds: number;
	seed?: number;
	/** Share of requests failing with HTTP 500 before processing. */
	error5xxRate?: number;
	resetRate?: number;
}

export interface SoakResult {
	count: number;
	valid: number;
	invalid: number;
	created: number;
	failed: number;
	failedValid: IDataObject[];
	invalidErrors: string[];
	inSandbox: number;
	duplicates: number;
	faults: number;
	status429: number;
	requests: number;
	seconds: number;
}

/** An invalid candidate per kind, cycling: each must fail on its own with a message naming its field. */
const BROKEN: Array<(c: IDataObject) => IDataObject> = [
	(c) => ({ ...c, fullName: undefined }),
	(c) => ({ ...c, emails: ['not-an-email'] }),
	(c) => ({ ...c, linkedinUrl: 'https://example.com/jane' }),
	(c) => ({ ...c, phones: ['phone?'] }),
];

export async function runGreenhouseSoak(
	sandbox: {
		credentials: IDataObject;
		setFaults: (f: IDataObject) => void;
		state: () => IDataObject;
		stats: () => IDataObject;
	},
	o: SoakOptions,
): Promise<SoakResult> {
	const items: IDataObject[] = [];
	let invalid = 0;
	for (let n = 0; n < o.count; n++) {
		const c = sampleCandidate(n, `soak${o.seed ?? 1}x`);
		if (n % o.invalidEvery === o.invalidEvery - 1) {
			items.push(BROKEN[invalid++ % BROKEN.length](c));
		} else items.push(c);
	}
	sandbox.setFaults({
		seed: o.seed ?? 1,
		error5xxRate: o.error5xxRate ?? 0.05,
		resetRate: o.resetRate ?? 0.02,
		resetAfterWriteRate: 0.01,
		error5xxAfterWriteRate: 0.01,
		burst429Rate: 0.01,
		burst429Length: 3,
		stallRate: 0.003,
		stallMs: o.stallMs,
	});
	const wf = new WorkflowHarness(
		{
			nodes: [
				node(
					'Greenhouse',
					'greenhouse',
					{
						resource: 'candidate',
						operation: 'export',
						candidateInput: 'input',
						job: { __rl: true, mode: 'id', value: '4012000' },
						ifExists: 'skip',
						requestOptions: { maxRetries: 8, timeoutSeconds: o.timeoutSeconds },
					},
					{ greenhouseHarvestApi: 'Greenhouse sandbox' },
					{ onError: 'continueRegularOutput' },
				),
			],
			connections: {},
		},
		{ greenhouseHarvestApi: { accessToken: '', ...sandbox.credentials } as never },
	);
	const started = Date.now();
	const run = await wf.run('Greenhouse', items);
	const seconds = (Date.now() - started) / 1000;
	sandbox.setFaults({});
	const out = outputOf(run, 'Greenhouse');
	const state = sandbox.state() as {
		candidates: Array<{ email_addresses: Array<{ value: string }> }>;
	};
	const emails = state.candidates.map((c) => c.email_addresses[0]?.value);
	const stats = sandbox.stats() as { faults: number; status429: number; requests: number };
	const invalidIdx = new Set(
		items.map((_, i) => i).filter((i) => i % o.invalidEvery === o.invalidEvery - 1),
	);
	const failed = out.filter((r) => r.status === 'failed');
	return {
		count: o.count,
		valid: o.count - invalid,
		invalid,
		created: out.filter((r) => r.status === 'created').length,
		failed: failed.length,
		failedValid: failed.filter((f) => !invalidIdx.has(Number(f.itemIndex))),
		invalidErrors: failed
			.filter((f) => invalidIdx.has(Number(f.itemIndex)))
			.map((f) => String(f.error)),
		inSandbox: state.candidates.length,
		duplicates: emails.length - new Set(emails).size,
		faults: stats.faults,
		status429: stats.status429,
		requests: stats.requests,
		seconds,
	};
}
