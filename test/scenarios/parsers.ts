/**
 * The shared value parsers on 1 MiB of hostile input (long runs of what a pattern repeats,
 * unclosed tags, separators without values): scripts/parser-bench.mjs times them in a plain Node
 * process on the built package, as n8n runs them, away from jest's module sandbox. The goal is
 * under 50 ms each; nothing here asserts a time.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

export interface ParserRow {
	parser: string;
	input: string;
	/** Wall-clock time: inflated when other processes share the CPU. */
	ms: number;
	/** CPU time of the process (user + system), what the parser itself costs. */
	cpuMs: number;
	/** CPU time on 2 MiB over CPU time on 1 MiB: about 2 for a linear parser, 4 for a quadratic one. */
	ratio: number;
}

export function runParserBench(): ParserRow[] {
	const root = path.join(__dirname, '../..');
	execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
	const out = execFileSync(process.execPath, [path.join(root, 'scripts/parser-bench.mjs')], {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 1024 * 1024,
	});
	return JSON.parse(out) as ParserRow[];
}
