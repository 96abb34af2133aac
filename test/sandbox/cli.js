#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Starts every sandbox ATS server that exists in this folder, in one process, on 127.0.0.1.
 *
 *   node test/sandbox/cli.js                      # free ports
 *   node test/sandbox/cli.js --base-port 18700    # greenhouse 18701, stardex 18702, intellihr 18703, pinpoint 18704
 *   node test/sandbox/cli.js --options '{"greenhouse":{"rateLimit":{"limit":1000,"windowMs":10000}}}'
 *   node test/sandbox/cli.js --ready-file /tmp/sandboxes.json
 *
 * Prints one JSON line on stdout once all are listening: {"pid":…, "sandboxes":{"greenhouse":{"url":…, "credentials":{…}}, …}}
 * and runs until SIGINT/SIGTERM (or until its stdin closes, with --exit-on-stdin-close), then closes every server.
 * A sandbox file that is not there yet (stardex.js, intellihr.js, pinpoint.js are being written) is skipped;
 * a file that is there but fails to load or start is an error.
 *
 * In-process use (e2e globalSetup, demo): const { startAllSandboxes } = require('./cli'); const all = await startAllSandboxes();
 */
const fs = require('node:fs');
const path = require('node:path');

/** Fixed order, so --base-port gives every system the same port on every machine. */
const SYSTEMS = [
	{ name: 'greenhouse', file: 'greenhouse.js', offset: 1 },
	{ name: 'stardex', file: 'stardex.js', offset: 2 },
	{ name: 'intellihr', file: 'intellihr.js', offset: 3 },
	{ name: 'pinpoint', file: 'pinpoint.js', offset: 4 },
	{ name: 'outreachTools', file: 'outreach-tools.js', offset: 5 },
];

/** The exported start function of a sandbox module: startGreenhouseSandbox, startStardexSandbox, … */
function startFunctionOf(/** @type {any} */ mod, /** @type {string} */ file) {
	if (typeof mod === 'function') return mod;
	const fn = Object.entries(mod || {}).find(
		([k, v]) => typeof v === 'function' && /^start\w*Sandbox$/.test(k),
	);
	if (!fn) throw new Error(`${file} exports no start…Sandbox(opts) function`);
	return fn[1];
}

/** Which sandboxes exist right now, without starting them. */
function availableSandboxes(dir = __dirname) {
	return SYSTEMS.filter((s) => fs.existsSync(path.join(dir, s.file))).map((s) => s.name);
}

/**
 * @param {{ basePort?: number, only?: string[], options?: Record<string, object>, dir?: string }} [opts]
 * @returns {Promise<{ sandboxes: Record<string, any>, describe: () => any, close: () => Promise<void> }>}
 */
async function startAllSandboxes(opts = {}) {
	const dir = opts.dir || __dirname;
	/** @type {Record<string, any>} */
	const started = {};
	try {
		for (const s of SYSTEMS) {
			if (opts.only && !opts.only.includes(s.name)) continue;
			const file = path.join(dir, s.file);
			if (!fs.existsSync(file)) continue;
			const start = startFunctionOf(require(file), s.file);
			/** @type {Record<string, any>} */
			const sandboxOpts = { ...((opts.options || {})[s.name] || {}) };
			if (opts.basePort) sandboxOpts.port = opts.basePort + s.offset;
			started[s.name] = await start(sandboxOpts);
		}
	} catch (err) {
		await Promise.all(Object.values(started).map((sb) => sb.close().catch(() => undefined)));
		throw err;
	}
	return {
		sandboxes: started,
		describe: () => describeAll(started),
		close: async () => {
			await Promise.all(Object.values(started).map((sb) => sb.close().catch(() => undefined)));
		},
	};
}

function describeAll(/** @type {Record<string, any>} */ started) {
	/** @type {Record<string, Record<string, any>>} */
	const out = {};
	for (const [name, sb] of Object.entries(started)) {
		out[name] = {
			url: sb.url,
			port: sb.port,
			credentials: sb.credentials,
			stateUrl: `${sb.url}/__sandbox/state`,
		};
		for (const [k, v] of Object.entries(sb)) {
			// Anything else a sandbox publishes as plain data (e.g. webhook secrets, ids to use) goes along.
			if (
				!(k in out[name]) &&
				v !== null &&
				['string', 'number', 'boolean'].includes(typeof v) &&
				k !== 'name'
			)
				out[name][k] = v;
		}
	}
	return out;
}

function parseArgs(/** @type {string[]} */ argv) {
	/** @type {{ basePort?: number, options?: Record<string, object>, readyFile?: string, only?: string[], exitOnStdinClose: boolean }} */
	const args = {
		basePort: Number(process.env.SANDBOX_BASE_PORT) || undefined,
		options: undefined,
		readyFile: undefined,
		only: undefined,
		exitOnStdinClose: false,
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const next = () => {
			if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
			return argv[++i];
		};
		if (a === '--base-port') args.basePort = Number(next());
		else if (a === '--options') args.options = JSON.parse(next());
		else if (a === '--ready-file') args.readyFile = next();
		else if (a === '--only') args.only = next().split(',');
		else if (a === '--exit-on-stdin-close') args.exitOnStdinClose = true;
		else if (a === '--help' || a === '-h') {
			process.stdout.write(
				fs
					.readFileSync(__filename, 'utf8')
					.split('\n')
					.slice(2, 16)
					.map((l) => l.replace(/^ \* ?/, ''))
					.join('\n') + '\n',
			);
			process.exit(0);
		} else throw new Error(`unknown argument ${a}`);
	}
	if (
		args.basePort !== undefined &&
		!(Number.isInteger(args.basePort) && args.basePort > 0 && args.basePort < 65530)
	)
		throw new Error('--base-port must be a port number');
	return args;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const all = await startAllSandboxes(args);
	let closing = false;
	const stop = async (/** @type {string} */ why) => {
		if (closing) return;
		closing = true;
		process.stderr.write(
			`[sandboxes] ${why}: closing ${Object.keys(all.sandboxes).join(', ') || 'nothing'}\n`,
		);
		await all.close();
		if (args.readyFile) fs.rmSync(args.readyFile, { force: true });
		process.exit(0);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
	process.on('SIGHUP', () => stop('SIGHUP'));
	if (args.exitOnStdinClose) {
		process.stdin.on('end', () => stop('stdin closed'));
		process.stdin.resume();
	}
	const info = { pid: process.pid, sandboxes: all.describe() };
	const line = JSON.stringify(info);
	if (args.readyFile) {
		fs.writeFileSync(`${args.readyFile}.tmp`, line);
		fs.renameSync(`${args.readyFile}.tmp`, args.readyFile);
	}
	process.stdout.write(line + '\n');
	const names = Object.keys(info.sandboxes);
	process.stderr.write(
		`[sandboxes] listening: ${names.map((n) => `${n} ${info.sandboxes[n].url}`).join(', ') || 'none'}; missing: ${
			SYSTEMS.map((s) => s.name)
				.filter((n) => !names.includes(n))
				.join(', ') || 'none'
		}\n`,
	);
}

if (require.main === module) {
	main().catch((err) => {
		process.stderr.write(`[sandboxes] ${err && err.stack ? err.stack : err}\n`);
		process.exit(1);
	});
}

module.exports = { startAllSandboxes, availableSandboxes, SYSTEMS };
