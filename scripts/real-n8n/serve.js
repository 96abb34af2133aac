#!/usr/bin/env node
'use strict';
/**
 * Starts the e2e environment (lib/environment.js) and keeps it running until Ctrl-C, for working on
 * the suite: `node scripts/real-n8n/serve.js` prints a context file; then
 * `ATS_E2E_CONTEXT=<that file> npx jest -c jest.e2e.config.js greenhouse` reuses it (no build, no n8n start).
 */
const fs = require('node:fs');
const path = require('node:path');
const { startEnvironment } = require('./environment');

(async () => {
	const env = await startEnvironment();
	const file = path.join(env.context.workDir, 'context.json');
	fs.writeFileSync(file, JSON.stringify(env.context, null, 2));
	process.stdout.write(`ATS_E2E_CONTEXT=${file}\n`);
	const stop = async () => {
		await env.stop();
		fs.rmSync(env.context.workDir, { recursive: true, force: true });
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
})().catch((e) => {
	process.stderr.write(`${e.stack || e}\n`);
	process.exit(1);
});
