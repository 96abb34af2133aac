// One throw-away n8n user folder for the whole run (n8n-core's InstanceSettings writes
// <N8N_USER_FOLDER>/.n8n/config on first use). Workers inherit process.env from here.
const fs = require('fs');
const os = require('os');
const path = require('path');
module.exports = async () => {
	if (!process.env.N8N_USER_FOLDER) {
		process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-jest-'));
		process.env.N8N_JEST_TMP = process.env.N8N_USER_FOLDER;
	}
	process.env.N8N_LOG_LEVEL ??= 'silent'; // n8n-core logs failed requests with stack traces
};
