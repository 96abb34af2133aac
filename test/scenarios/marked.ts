/**
 * A re-run over leads that Mark as Synced already marked (issue 17 §4): the same candidates are
 * exported a second time with the marker on each (the ATS id and profile URL as the lead's custom
 * variables, as a lemlist trigger carries them under extra.variables), with the export option
 * Skip Lookup When Lead Is Marked off and on. Counts the requests the re-run sends.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { sampleCandidates } from '../fixtures/candidates';
import { outputOf, WorkflowHarness } from '../harness/runWorkflow';

interface GhSandbox {
	credentials: IDataObject;
	reset(): void;
	setRateLimit(c: unknown): void;
	requests(): Array<{ method: string; path: string }>;
}

export interface MarkedResult {
	lookup: string;
	option: boolean;
	candidates: number;
	requests: number;
	skipped: number;
	failed: number;
}

export async function runMarkedRerun(
	gh: GhSandbox,
	exportNode: (options: IDataObject) => INode,
	count: number,
): Promise<MarkedResult[]> {
	gh.reset();
	gh.setRateLimit(undefined);
	const run = async (options: IDataObject, items: IDataObject[]) => {
		const n = exportNode(options);
		const wf = new WorkflowHarness(
			{ nodes: [n], connections: {} },
			{ greenhouseHarvestApi: { accessToken: '', ...gh.credentials } as never },
		);
		const before = gh.requests().filter((r) => r.path !== '/token').length;
		const out = outputOf(await wf.run(n.name, items), n.name);
		return { out, requests: gh.requests().filter((r) => r.path !== '/token').length - before };
	};
	const items = sampleCandidates(count, 'marked') as IDataObject[];
	const first = await run({ lookup: 'perCandidate' }, items);
	const marked = items.map((c, k) => ({
		...c,
		extra: {
			...((c.extra as IDataObject) ?? {}),
			variables: {
				atsCandidateId: first.out[k].candidateId,
				atsProfileUrl: first.out[k].profileUrl,
			},
		},
	}));
	const rows: MarkedResult[] = [];
	for (const lookup of ['perCandidate', 'auto'])
		for (const option of [false, true]) {
			const r = await run({ lookup, skipLookupWhenMarked: option }, marked);
			rows.push({
				lookup,
				option,
				candidates: count,
				requests: r.requests,
				skipped: r.out.filter((o) => o.status === 'skipped').length,
				failed: r.out.filter((o) => o.status === 'failed').length,
			});
		}
	return rows;
}
