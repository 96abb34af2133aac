/** Pieces every `npm run bench` section shares: the Markdown table, percentages, machine load. */
import * as os from 'node:os';

import type { IDataObject, INode } from 'n8n-workflow';

import { node } from '../harness/runWorkflow';

export function table(headers: string[], rows: Array<Array<string | number>>): string {
	return [
		`| ${headers.join(' | ')} |`,
		`|${headers.map(() => '---').join('|')}|`,
		...rows.map((r) => `| ${r.join(' | ')} |`),
	].join('\n');
}

export const pct = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} %` : 'n/a');

/** Load average over 1 / 5 / 15 minutes, as "a / b / c". */
export function loadAverage(): string {
	return os
		.loadavg()
		.map((v) => v.toFixed(1))
		.join(' / ');
}

/** The in-process Greenhouse export node (job 4012000, skip existing), with extra parameters. */
export function greenhouseExportNode(
	extra: IDataObject = {},
	opts: Partial<INode> = { onError: 'continueRegularOutput' },
): INode {
	return node(
		'Greenhouse',
		'greenhouse',
		{
			resource: 'candidate',
			operation: 'export',
			candidateInput: 'input',
			job: { __rl: true, mode: 'id', value: '4012000' },
			ifExists: 'skip',
			...extra,
		},
		{ greenhouseHarvestApi: 'Greenhouse' },
		opts,
	);
}
