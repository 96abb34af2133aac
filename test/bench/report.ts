/** Pieces every `npm run bench` section shares: the Markdown table, percentages, machine load. */
import * as os from 'node:os';

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
