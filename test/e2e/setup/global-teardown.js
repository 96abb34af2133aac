'use strict';
const fs = require('node:fs');

module.exports = async () => {
	const env = globalThis.__ATS_E2E__;
	if (!env) return;
	await env.stop();
	if (process.env.ATS_E2E_KEEP === '1')
		process.stderr.write(`[e2e] kept ${env.context.workDir} (ATS_E2E_KEEP=1)\n`);
	else fs.rmSync(env.context.workDir, { recursive: true, force: true });
};
