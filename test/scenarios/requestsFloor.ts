/**
 * Requests per candidate by kind, for any export node against its sandbox: one batch in one execution
 * (a backfill) or one candidate per execution (webhook events). Ids in paths are folded ("{id}") so
 * the kinds read like the API reference.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { outputOf, WorkflowHarness } from '../harness/runWorkflow';

export interface FloorSandbox {
	credentials: IDataObject;
	requests(): Array<{ method: string; path: string }>;
}

export interface RequestCount {
	candidates: number;
	executions: number;
	total: number;
	byKind: Record<string, number>;
	created: number;
	failed: number;
}

const kindOf = (r: { method: string; path: string }) =>
	`${r.method} ${r.path.replace(/\/[0-9a-f-]{8,}(?=\/|$)|\/\d+(?=\/|$)/gi, '/{id}')}`;

export async function countRequests(
	sandbox: FloorSandbox,
	exportNode: INode,
	credentialType: string,
	batches: IDataObject[][],
	skip: (kind: string) => boolean = () => false,
): Promise<RequestCount> {
	const before = sandbox.requests().length;
	let created = 0;
	let failed = 0;
	// One stored credential for every execution, as n8n keeps it: a token (and the Greenhouse check
	// of the acting user that comes with each new token) is fetched once, not once per execution.
	const credentials = { accessToken: '', ...sandbox.credentials };
	for (const items of batches) {
		const wf = new WorkflowHarness(
			{ nodes: [exportNode], connections: {} },
			{ [credentialType]: credentials as never },
		);
		const out = outputOf(await wf.run(exportNode.name, items), exportNode.name);
		Object.assign(credentials, wf.credentialsHelper.data[credentialType]);
		created += out.filter((o) => o.status === 'created').length;
		failed += out.filter((o) => o.status === 'failed' || o.error).length;
	}
	const byKind: Record<string, number> = {};
	for (const r of sandbox.requests().slice(before)) {
		const k = kindOf(r);
		if (!skip(k)) byKind[k] = (byKind[k] ?? 0) + 1;
	}
	return {
		candidates: batches.reduce((a, b) => a + b.length, 0),
		executions: batches.length,
		total: Object.values(byKind).reduce((a, b) => a + b, 0),
		byKind,
		created,
		failed,
	};
}
