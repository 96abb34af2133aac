'use strict';
/** Writes test/e2e/.last-run.json: set-up phase durations, every check with its status and duration. */
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
	constructor(globalConfig) {
		this.rootDir = globalConfig.rootDir;
		this.startedAt = Date.now();
	}

	onRunComplete(_contexts, results) {
		let context = {};
		try {
			context = JSON.parse(fs.readFileSync(process.env.ATS_E2E_CONTEXT || '', 'utf8'));
		} catch {
			/* set-up failed before writing it */
		}
		const checks = [];
		for (const file of results.testResults) {
			for (const t of file.testResults) {
				checks.push({
					file: path.relative(this.rootDir, file.testFilePath),
					check: [...t.ancestorTitles, t.title].join(' › '),
					status: t.status,
					durationMs: t.duration ?? null,
					...(t.failureMessages.length
						? { failure: t.failureMessages.join('\n').slice(0, 2000) }
						: {}),
				});
			}
			if (file.testExecError)
				checks.push({
					file: path.relative(this.rootDir, file.testFilePath),
					check: '(file failed to run)',
					status: 'failed',
					failure: String(file.testExecError.message).slice(0, 2000),
				});
		}
		const summary = {
			finishedAt: new Date().toISOString(),
			wallMs: Date.now() - this.startedAt,
			success: results.success,
			counts: {
				passed: results.numPassedTests,
				failed: results.numFailedTests,
				skipped: results.numPendingTests + results.numTodoTests,
			},
			n8n: context.n8n
				? { version: context.rt.N8N_VERSION, url: context.n8n.url, readyMs: context.n8n.readyMs }
				: undefined,
			builtSystems: context.builtSystems,
			setupMs: context.timings,
			checks,
		};
		const out = path.join(this.rootDir, 'test', 'e2e', '.last-run.json');
		fs.writeFileSync(out, JSON.stringify(summary, null, 2) + '\n');
		process.stderr.write(`[e2e] summary: ${path.relative(process.cwd(), out)}\n`);
	}
}
module.exports = SummaryReporter;
