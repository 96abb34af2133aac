/**
 * Requests per candidate for a Greenhouse backfill, by kind, for each Lookup mode and account size:
 * the account is seeded with `accountSize` other candidates, then `count` candidates are exported
 * in one execution against an unlimited sandbox. Lookup + create is the figure the issue sets a
 * goal for; employments (one per previous job sent) and the job check are counted apart.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { sampleCandidates } from '../fixtures/candidates';
import { outputOf, WorkflowHarness } from '../harness/runWorkflow';

interface GhSandbox {
	credentials: IDataObject;
	reset(): void;
	seed(data: IDataObject): unknown;
	setRateLimit(c: unknown): void;
	requests(): Array<{ method: string; path: string; query: string }>;
}

export interface RequestsResult {
	mode: string;
	accountSize: number;
	candidates: number;
	created: number;
	failed: number;
	lookups: number;
	creates: number;
	jobChecks: number;
	otherWrites: number;
	perCandidate: number;
	lookupCreatePerCandidate: number;
}

export async function runRequests(
	gh: GhSandbox,
	exportNode: (mode: string) => INode,
	mode: string,
	accountSize: number,
	count: number,
): Promise<RequestsResult> {
	gh.reset();
	gh.setRateLimit(undefined);
	gh.seed({
		candidates: Array.from({ length: accountSize }, (_, i) => ({
			first_name: 'Existing',
			last_name: `Person ${i}`,
			email_addresses: [{ value: `existing${i}@example.net`, type: 'personal' }],
			social_media_addresses: [{ value: `linkedin.com/in/existing-${i}` }],
		})),
	});
	const n = exportNode(mode);
	const wf = new WorkflowHarness(
		{ nodes: [n], connections: {} },
		{ greenhouseHarvestApi: { accessToken: '', ...gh.credentials } as never },
	);
	const out = outputOf(await wf.run(n.name, sampleCandidates(count, `req${accountSize}`)), n.name);
	const log = gh.requests().filter((r) => r.path !== '/token');
	const is = (method: string, path: string) =>
		log.filter((r) => r.method === method && r.path === path).length;
	const lookups = is('GET', '/v3/candidates');
	const creates = is('POST', '/v3/candidates');
	const jobChecks = is('GET', '/v3/jobs');
	return {
		mode,
		accountSize,
		candidates: count,
		created: out.filter((o) => o.status === 'created').length,
		failed: out.filter((o) => o.status === 'failed').length,
		lookups,
		creates,
		jobChecks,
		otherWrites: log.length - lookups - creates - jobChecks,
		perCandidate: log.length / count,
		lookupCreatePerCandidate: (lookups + creates) / count,
	};
}
