'use strict';
/**
 * Everything needed to run this package inside a REAL n8n (2.41.1 by default, N8N_VERSION=... for another) on
 * Node 24, shared by the e2e suite, the demo, the browser check and the queue-mode test. Plain CommonJS so Node 20
 * scripts and jest use it as is. n8n's settings: https://docs.n8n.io/hosting/configuration/environment-variables/;
 * its public API: https://docs.n8n.io/api/api-reference/.
 */
const { spawn, spawnSync, execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

const log = (...a) => process.stderr.write(`[e2e] ${a.join(' ')}\n`);

/** The parent environment without npm's and jest's additions (jest's NODE_ENV=test makes `n8n start` exit silently with 1), so n8n and its npm calls see a clean slate. */
function cleanEnv(extra = {}) {
	const env = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (
			/^npm_/i.test(k) ||
			k === 'NODE_ENV' ||
			k === 'NODE_OPTIONS' ||
			k === 'JEST_WORKER_ID' ||
			k === 'INIT_CWD' ||
			k.startsWith('N8N_')
		)
			continue;
		env[k] = v;
	}
	return { ...env, ...extra };
}

/**
 * Runs scripts/real-n8n/runtime.sh (installs Node 24 + n8n into ~/.cache on a cold machine, progress on stderr)
 * and returns its exports: PATH (Node 24 first), npm_config_nodedir, N24, N8N, N8N_RUNTIME_DIR.
 */
function runtimeEnv() {
	const names = ['PATH', 'npm_config_nodedir', 'N24', 'N8N', 'N8N_RUNTIME_DIR', 'N8N_VERSION'];
	const script = `set -euo pipefail; eval "$(bash scripts/real-n8n/runtime.sh)"; printf '%s\\0' ${names.map((n) => `"$${n}"`).join(' ')}`;
	const r = spawnSync('bash', ['-c', script], {
		cwd: ROOT,
		// N8N_VERSION selects the n8n under test (cleanEnv drops every other N8N_* setting of the caller).
		env: cleanEnv(process.env.N8N_VERSION ? { N8N_VERSION: process.env.N8N_VERSION } : {}),
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
		maxBuffer: 1 << 20,
	});
	if (r.status !== 0)
		throw new Error(`scripts/real-n8n/runtime.sh failed (exit ${r.status}); its progress is above`);
	const values = r.stdout.split('\0');
	const env = Object.fromEntries(names.map((n, i) => [n, values[i]]));
	if (!fs.existsSync(env.N8N)) throw new Error(`n8n binary missing at ${env.N8N}`);
	return env;
}

/** `npm run build` with the project's own Node (20). */
function buildPackage() {
	execFileSync('npm', ['run', 'build', '--silent'], {
		cwd: ROOT,
		stdio: ['ignore', 'inherit', 'inherit'],
		env: cleanEnv(),
	});
}

/** `npm pack` into destDir; returns the tarball path. Checks the tarball holds every file package.json "n8n" lists. */
function packPackage(destDir) {
	fs.mkdirSync(destDir, { recursive: true });
	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', destDir], {
		cwd: ROOT,
		env: cleanEnv(),
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const [info] = JSON.parse(out.slice(out.indexOf('[')));
	const files = new Set(info.files.map((f) => f.path));
	const missing = [...PKG.n8n.nodes, ...PKG.n8n.credentials].filter((f) => !files.has(f));
	if (missing.length)
		throw new Error(
			`npm pack produced a tarball without ${missing.join(', ')} (was dist/ rebuilt or cleaned meanwhile?)`,
		);
	return path.join(destDir, info.filename);
}

/**
 * Installs the package the way n8n's Community Nodes install does (CommunityPackagesService.downloadPackage):
 * extract the tarball into <userFolder>/.n8n/nodes/node_modules/<name>, drop dev/peer/optional deps from its
 * package.json, then a shallow `npm install` in that folder, and record it in nodes/package.json.
 * mode 'symlink' links the working tree instead (demo; rebuilds show up after an n8n restart).
 */
function installPackage(userFolder, { tarball, mode = 'extract', rt }) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PKG.name);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(target), { recursive: true });
	if (mode === 'symlink') {
		fs.symlinkSync(ROOT, target, 'dir');
	} else {
		fs.mkdirSync(target, { recursive: true });
		execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
		const pjPath = path.join(target, 'package.json');
		// eslint-disable-next-line no-unused-vars
		const { devDependencies, peerDependencies, optionalDependencies, ...pj } = JSON.parse(
			fs.readFileSync(pjPath, 'utf8'),
		);
		fs.writeFileSync(pjPath, JSON.stringify(pj, null, 2));
		execFileSync(
			'npm',
			[
				'install',
				'--audit=false',
				'--fund=false',
				'--bin-links=false',
				'--install-strategy=shallow',
				'--ignore-scripts=true',
				'--package-lock=false',
			],
			{
				cwd: target,
				env: cleanEnv(rt ? { PATH: rt.PATH, npm_config_nodedir: rt.npm_config_nodedir } : {}),
				stdio: ['ignore', 'ignore', 'inherit'],
			},
		);
	}
	const nodesPj = path.join(nodesDir, 'package.json');
	const current = fs.existsSync(nodesPj)
		? JSON.parse(fs.readFileSync(nodesPj, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	current.dependencies = { ...(current.dependencies || {}), [PKG.name]: PKG.version };
	fs.writeFileSync(nodesPj, JSON.stringify(current, null, 2));
	return target;
}

async function freePort() {
	return await new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** The environment of every n8n process we start, for one user folder. */
function n8nEnv(rt, { userFolder, port, brokerPort, extra = {} }) {
	const tmp = path.join(userFolder, 'tmp');
	fs.mkdirSync(tmp, { recursive: true });
	return cleanEnv({
		PATH: rt.PATH,
		npm_config_nodedir: rt.npm_config_nodedir,
		TMPDIR: tmp,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'ats-sync-e2e-not-a-secret',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		...(port
			? {
					N8N_PORT: String(port),
					WEBHOOK_URL: `http://127.0.0.1:${port}/`,
					N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
				}
			: {}),
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_DEFAULT_LOCALE: 'en',
		DB_SQLITE_POOL_SIZE: '2',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		...extra,
	});
}

/** Processes started here, killed (whole process group) on exit of the parent whatever happens. */
const running = new Set();
let exitHooked = false;
function hookExit() {
	if (exitHooked) return;
	exitHooked = true;
	process.on('exit', () => {
		for (const p of running) killGroup(p.pid, 'SIGKILL');
	});
}
function killGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch {
		/* already gone */
	}
}

/**
 * Starts one long-running n8n command (`start`, `worker`) in its own process group, output to logFile.
 * @returns {{ proc: import('node:child_process').ChildProcess, pid: number, logFile: string, stop: () => Promise<void>, exited: Promise<number|null> }}
 */
function spawnN8n(rt, args, env, logFile) {
	hookExit();
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const fd = fs.openSync(logFile, 'a');
	const proc = spawn(rt.N8N, args, { env, detached: true, stdio: ['ignore', fd, fd] });
	fs.closeSync(fd);
	running.add(proc);
	const exited = new Promise((resolve) => proc.once('exit', (code, sig) => resolve(code ?? sig)));
	exited.then(() => running.delete(proc));
	const stop = async (timeoutMs = 20_000) => {
		if (proc.exitCode !== null || proc.signalCode !== null) return killGroup(proc.pid, 'SIGKILL');
		killGroup(proc.pid, 'SIGTERM');
		let timeout;
		const timer = new Promise((r) => (timeout = setTimeout(() => r('timeout'), timeoutMs)));
		const how = await Promise.race([exited, timer]);
		clearTimeout(timeout);
		if (how === 'timeout') killGroup(proc.pid, 'SIGKILL');
		// the task-runner child shares the group; make sure nothing of it stays
		killGroup(proc.pid, 'SIGKILL');
	};
	return { proc, pid: proc.pid, logFile, stop, exited };
}

function tail(file, lines = 40) {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

/**
 * Why `n8n start` stopped, in words that lead to the fix. n8n's own hint for a missing sqlite3 binding
 * ("npm install sqlite3") is wrong here: the binding must be built for Node 24 inside the cached n8n.
 */
function startFailure(exitCode, logFile) {
	const log = tail(logFile);
	const hint = /SQLite package has not been found|node_sqlite3\.node|sqlite3/i.test(log)
		? '\nn8n could not load its sqlite3 module under Node 24 (the cached runtime is broken). Fix: npm run n8n:reinstall'
		: '';
	return new Error(
		`n8n start exited (${exitCode}) before it was ready.${hint}\nLog ${logFile}:\n${log}`,
	);
}

/** `n8n start` on 127.0.0.1 (free ports unless given); resolves when readiness and the REST API answer 200. */
async function startN8n(
	rt,
	{ userFolder, port, brokerPort, extraEnv = {}, logFile, readyTimeoutMs = 180_000 },
) {
	port = port || (await freePort());
	brokerPort = brokerPort || (await freePort());
	logFile = logFile || path.join(userFolder, 'n8n-main.log');
	const env = n8nEnv(rt, { userFolder, port, brokerPort, extra: extraEnv });
	const t0 = Date.now();
	const n8n = spawnN8n(rt, ['start'], env, logFile);
	const url = `http://127.0.0.1:${port}`;
	let exitCode;
	n8n.exited.then((c) => (exitCode = c));
	for (;;) {
		if (exitCode !== undefined) throw startFailure(exitCode, logFile);
		if (Date.now() - t0 > readyTimeoutMs) {
			await n8n.stop();
			throw new Error(
				`n8n was not ready after ${readyTimeoutMs / 1000} s. Log ${logFile}:\n${tail(logFile)}`,
			);
		}
		try {
			// n8n 1.x answers readiness before its REST routes exist; /rest/settings proves they do.
			const ready = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
			const rest =
				ready.status === 200 &&
				(await fetch(`${url}/rest/settings`, { signal: AbortSignal.timeout(2000) }));
			if (rest && rest.status === 200) break;
		} catch {
			/* not listening yet */
		}
		await sleep(250);
	}
	return { ...n8n, url, port, brokerPort, env, readyMs: Date.now() - t0 };
}

/** One-shot n8n CLI command (export:nodes, import:workflow, …) with its own broker port. */
async function n8nCli(rt, args, { userFolder, extraEnv = {}, timeoutMs = 120_000 }) {
	const env = n8nEnv(rt, {
		userFolder,
		brokerPort: await freePort(),
		extra: { N8N_LOG_LEVEL: 'warn', ...extraEnv },
	});
	return await new Promise((resolve, reject) => {
		const proc = spawn(rt.N8N, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		running.add(proc);
		let out = '';
		let err = '';
		proc.stdout.on('data', (d) => (out += d));
		proc.stderr.on('data', (d) => (err += d));
		const timer = setTimeout(() => killGroup(proc.pid, 'SIGKILL'), timeoutMs);
		proc.on('exit', (code) => {
			clearTimeout(timer);
			running.delete(proc);
			killGroup(proc.pid, 'SIGKILL'); // the task runner it may have started
			if (code === 0) resolve({ stdout: out, stderr: err });
			else
				reject(
					new Error(
						`n8n ${args.join(' ')} exited ${code}:\n${out.slice(-2000)}\n${err.slice(-2000)}`,
					),
				);
		});
	});
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const OWNER = {
	email: 'owner@ats-sync.test',
	firstName: 'Ada',
	lastName: 'Owner',
	password: 'AtsSync-e2e-2026!',
};

/** n8n's REST API (session cookie, as the editor uses it) and public API (X-N8N-API-KEY). */
class N8nClient {
	constructor(url, { apiKey, cookie } = {}) {
		this.url = url;
		this.apiKey = apiKey;
		this.cookie = cookie;
		this.browserId = 'ats-sync-e2e-browser';
	}

	toJSON() {
		return { url: this.url, apiKey: this.apiKey, cookie: this.cookie };
	}

	static from(obj) {
		return new N8nClient(obj.url, obj);
	}

	async request(method, pathname, { body, headers = {}, raw = false, timeoutMs = 60_000 } = {}) {
		const res = await fetch(this.url + pathname, {
			method,
			headers: {
				...(body !== undefined && typeof body !== 'string'
					? { 'content-type': 'application/json' }
					: {}),
				...headers,
			},
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
			signal: AbortSignal.timeout(timeoutMs),
		});
		const text = await res.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		if (raw) return { status: res.status, headers: res.headers, text, json };
		if (res.status >= 400)
			throw new Error(`${method} ${pathname} → ${res.status}: ${text.slice(0, 1000)}`);
		return { status: res.status, headers: res.headers, text, json };
	}

	/** REST as the editor calls it: cookie + browser-id. Returns the unwrapped `data`. */
	async rest(method, pathname, body, opts = {}) {
		const r = await this.request(method, `/rest${pathname}`, {
			body,
			headers: { cookie: this.cookie, 'browser-id': this.browserId },
			...opts,
		});
		return opts.raw ? r : r.json?.data;
	}

	async api(method, pathname, body, opts = {}) {
		const r = await this.request(method, `/api/v1${pathname}`, {
			body,
			headers: { 'X-N8N-API-KEY': this.apiKey },
			...opts,
		});
		return opts.raw ? r : r.json;
	}

	takeCookie(res) {
		const set = res.headers.getSetCookie
			? res.headers.getSetCookie()
			: [res.headers.get('set-cookie')];
		const auth = set
			.filter(Boolean)
			.map((c) => c.split(';')[0])
			.find((c) => c.startsWith('n8n-auth='));
		if (!auth) throw new Error('n8n did not set the n8n-auth cookie');
		this.cookie = auth;
	}

	async setupOwner(owner = OWNER) {
		const r = await this.request('POST', '/rest/owner/setup', {
			body: owner,
			headers: { 'browser-id': this.browserId },
		});
		this.takeCookie(r);
		return owner;
	}

	async login(email = OWNER.email, password = OWNER.password) {
		const r = await this.request('POST', '/rest/login', {
			body: { emailOrLdapLoginId: email, password },
			headers: { 'browser-id': this.browserId },
		});
		this.takeCookie(r);
	}

	/** An API key with every workflow:, execution: and credential: scope the instance offers. */
	async createApiKey(label = `ats-sync-${Date.now()}`) {
		const all = await this.rest('GET', '/api-keys/scopes');
		const scopes = all.filter((s) => /^(workflow|execution|credential|tag):/.test(s));
		const created = await this.rest('POST', '/api-keys', { label, scopes, expiresAt: null });
		this.apiKey = created.rawApiKey;
		return this.apiKey;
	}

	async createCredential(name, type, data) {
		const r = await this.api('POST', '/credentials', { name, type, data }, { raw: true });
		// n8n 1.x's public API schema turns the "Allowed HTTP Request Domains" display rule of every
		// credential into a requirement that also fires when the setting is absent; saying "all" (its
		// default) satisfies it and changes nothing.
		if (r.status === 400 && /allowedDomains/.test(r.text))
			return await this.api('POST', '/credentials', {
				name,
				type,
				data: { allowedHttpRequestDomains: 'all', ...data },
			});
		if (r.status >= 400)
			throw new Error(`POST /api/v1/credentials → ${r.status}: ${r.text.slice(0, 1000)}`);
		return r.json;
	}

	async createWorkflow(wf) {
		const { name, nodes, connections, settings } = wf;
		return await this.api('POST', '/workflows', {
			name,
			nodes,
			connections,
			settings: settings || { executionOrder: 'v1' },
		});
	}

	async activate(id) {
		return await this.api('POST', `/workflows/${id}/activate`);
	}

	/**
	 * POST (or other method) to a production webhook. Right after activation n8n may still answer 404
	 * "not registered" for a moment, so 404s are retried for up to `registerTimeoutMs`.
	 */
	async webhook(
		pathname,
		body,
		{ method = 'POST', headers = {}, registerTimeoutMs = 15_000, timeoutMs = 120_000 } = {},
	) {
		const t0 = Date.now();
		const payload =
			body === undefined
				? undefined
				: Buffer.isBuffer(body) || typeof body === 'string'
					? body
					: JSON.stringify(body);
		for (;;) {
			const res = await fetch(`${this.url}/webhook/${pathname}`, {
				method,
				headers: {
					...(payload !== undefined &&
					!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')
						? { 'content-type': 'application/json' }
						: {}),
					...headers,
				},
				body: payload,
				signal: AbortSignal.timeout(timeoutMs),
			});
			const text = await res.text();
			if (
				res.status === 404 &&
				/not registered/i.test(text) &&
				Date.now() - t0 < registerTimeoutMs
			) {
				await sleep(250);
				continue;
			}
			let json;
			try {
				json = text ? JSON.parse(text) : undefined;
			} catch {
				json = undefined;
			}
			return { status: res.status, text, json, headers: res.headers };
		}
	}

	async executions(workflowId, { includeData = false, status, limit = 250 } = {}) {
		const q = new URLSearchParams({
			workflowId: String(workflowId),
			includeData: String(includeData),
			limit: String(limit),
		});
		if (status) q.set('status', status);
		const all = [];
		let cursor;
		do {
			if (cursor) q.set('cursor', cursor);
			const page = await this.api('GET', `/executions?${q}`);
			all.push(...page.data);
			cursor = page.nextCursor;
		} while (cursor);
		return all;
	}

	/** Waits until the workflow has `count` finished executions (webhooks answering onReceived finish later). */
	async waitForExecutions(workflowId, count, { timeoutMs = 60_000, includeData = false } = {}) {
		const t0 = Date.now();
		for (;;) {
			const list = await this.executions(workflowId, { includeData });
			const done = list.filter(
				(e) => e.finished || ['success', 'error', 'crashed', 'canceled'].includes(e.status),
			);
			if (done.length >= count) return list;
			if (Date.now() - t0 > timeoutMs)
				throw new Error(
					`only ${done.length}/${count} executions of workflow ${workflowId} finished after ${timeoutMs} ms`,
				);
			await sleep(300);
		}
	}
}

/** Waits for n8n, then creates the owner and an API key. */
async function bootstrapOwner(url) {
	const client = new N8nClient(url);
	await client.setupOwner();
	await client.createApiKey('ats-sync');
	return client;
}

const uuid = () => crypto.randomUUID();

/** node types and credential types this package declares, read from the built files with n8n's module paths. */
function declaredTypes(rt, packageDir) {
	const script = `
		const path = require('path');
		const pj = require(path.join(process.argv[1], 'package.json'));
		const load = (f) => { const m = require(path.join(process.argv[1], f)); const C = Object.values(m).find((v) => typeof v === 'function'); return new C(); };
		const nodes = pj.n8n.nodes.map((f) => { const n = load(f); const d = n.description || n.nodeVersions[n.currentVersion].description; return { file: f, name: pj.name + '.' + d.name, displayName: d.displayName, credentials: (d.credentials || []).map((c) => c.name), webhook: !!d.webhooks, usableAsTool: !!d.usableAsTool }; });
		const credentials = pj.n8n.credentials.map((f) => { const c = load(f); return { file: f, name: c.name, displayName: c.displayName, properties: c.properties.map((p) => p.name), shown: c.properties.filter((p) => p.type !== 'hidden' && p.type !== 'notice').map((p) => p.name) }; });
		const resolved = { zod: require.resolve('zod'), 'n8n-workflow': require.resolve('n8n-workflow') };
		console.log(JSON.stringify({ nodes, credentials, resolved }));`;
	const nodePath = path.join(rt.N8N_RUNTIME_DIR, 'node_modules');
	// n8n puts its own module paths on NODE_PATH before loading community packages (load-nodes-and-credentials.js),
	// so a bare require from the installed package falls through to n8n's node_modules, as here.
	const out = execFileSync(path.join(rt.N24, 'bin', 'node'), ['-e', script, packageDir], {
		env: cleanEnv({ NODE_PATH: nodePath, PATH: rt.PATH }),
		cwd: packageDir,
		encoding: 'utf8',
	});
	return JSON.parse(out);
}

function mkTemp(prefix) {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

module.exports = {
	ROOT,
	PKG,
	OWNER,
	N8nClient,
	log,
	cleanEnv,
	runtimeEnv,
	buildPackage,
	packPackage,
	installPackage,
	freePort,
	n8nEnv,
	spawnN8n,
	startN8n,
	n8nCli,
	bootstrapOwner,
	declaredTypes,
	killGroup,
	running,
	sleep,
	tail,
	uuid,
	mkTemp,
};
