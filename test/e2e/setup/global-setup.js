'use strict';
// Runs once per `npm run test:e2e`: the whole expensive set-up (lib/environment.js), then hands the
// test files a JSON context through ATS_E2E_CONTEXT (workers inherit process.env from here).
// With ATS_E2E_CONTEXT already set to the file of a running environment (node scripts/real-n8n/serve.js),
// that environment is reused and nothing is built or started.
const fs = require('node:fs');
const path = require('node:path');
const { startEnvironment } = require('../../../scripts/real-n8n/environment');

module.exports = async () => {
	process.stderr.write('\n');
	const given = process.env.ATS_E2E_CONTEXT;
	if (given) {
		const context = JSON.parse(fs.readFileSync(given, 'utf8'));
		const r = await fetch(`${context.n8n.url}/healthz/readiness`).catch(() => undefined);
		if (!r || r.status !== 200)
			throw new Error(`ATS_E2E_CONTEXT=${given}: its n8n (${context.n8n.url}) is not running`);
		process.stderr.write(`[e2e] reusing the running environment of ${given}\n`);
		return;
	}
	const env = await startEnvironment();
	const file = path.join(env.context.workDir, 'context.json');
	fs.writeFileSync(file, JSON.stringify(env.context, null, 2));
	process.env.ATS_E2E_CONTEXT = file;
	globalThis.__ATS_E2E__ = env;
	const stopOnSignal = (sig) => {
		env.stop().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
	};
	process.once('SIGINT', stopOnSignal);
	process.once('SIGTERM', stopOnSignal);
	process.stderr.write(
		`[e2e] n8n ${env.context.n8n.url} (log ${env.context.n8n.logFile}); set-up took ${(env.context.timings.total / 1000).toFixed(1)} s\n`,
	);
};
