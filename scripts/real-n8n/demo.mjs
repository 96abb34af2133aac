#!/usr/bin/env node
/**
 * `npm run demo`: a real n8n 2.41.1 with this package, the sandbox ATS servers, and every workflow of
 * examples/workflows/ imported and active, on 127.0.0.1. Prints the editor URL, the login, and a ready
 * curl per trigger. Ctrl-C stops everything.
 *
 *   npm run demo                    # reuse ~/.cache/n8n-nodes-ats-sync/demo (owner, your own workflows)
 *   npm run demo -- --fresh         # start from an empty n8n user folder
 *   npm run demo -- --link          # symlink the working tree instead of installing the packed tarball
 *   npm run demo -- --port 5700     # editor/webhook port (default 5678, or a free one)
 *   npm run demo -- --check         # send every printed request once, report what each created, stop
 *
 * Each run replaces the credentials and workflows the previous run created (ids in state.json);
 * workflows you made yourself stay. Env: ATS_DEMO_HOME, ATS_DEMO_PORT, SANDBOX_BASE_PORT (default 18700).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const require = createRequire(import.meta.url);
const lib = require('./n8n.js');
const { createSystemCredentials } = require('./environment.js');
const { buildTriggerRequest, curlFor, isTrigger } = require('./triggers.js');
const examples = require('./examples.js');

const ROOT = lib.ROOT;
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
	const i = args.indexOf(name);
	return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const HOME =
	process.env.ATS_DEMO_HOME || path.join(os.homedir(), '.cache', 'n8n-nodes-ats-sync', 'demo');
const USER_FOLDER = path.join(HOME, 'n8n-user');
const STATE_FILE = path.join(HOME, 'state.json');
const PAYLOADS = path.join(HOME, 'payloads');
const LOGIN = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'User',
	password: 'Demo-ats-sync-1',
};

const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);
const step = (s) => process.stdout.write(`${bold('==')} ${s}\n`);

let n8n;
let sandboxProc;
let stopping = false;

async function shutdown(code, why) {
	if (stopping) return;
	stopping = true;
	if (why) process.stdout.write(`\n${why}: stopping n8n and the sandboxes …\n`);
	if (n8n) await n8n.stop(15_000);
	if (sandboxProc && sandboxProc.exitCode === null) {
		lib.killGroup(sandboxProc.pid, 'SIGTERM');
		await Promise.race([new Promise((r) => sandboxProc.once('exit', r)), lib.sleep(3000)]);
		lib.killGroup(sandboxProc.pid, 'SIGKILL');
	}
	process.stdout.write('stopped.\n');
	process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'])
	process.on(sig, () => shutdown(sig === 'SIGINT' ? 0 : 143, sig === 'SIGINT' ? 'Ctrl-C' : sig));

async function portFree(port) {
	return await new Promise((resolve) => {
		const s = net.createServer();
		s.once('error', () => resolve(false));
		s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
	});
}

/** test/sandbox/cli.js as a child in its own process group; resolves with its JSON. */
async function startSandboxes(basePort) {
	const cliArgs = [path.join(ROOT, 'test', 'sandbox', 'cli.js'), '--exit-on-stdin-close'];
	if (basePort) cliArgs.push('--base-port', String(basePort));
	const proc = spawn(process.execPath, cliArgs, {
		cwd: ROOT,
		detached: true,
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	lib.running.add(proc);
	proc.once('exit', () => lib.running.delete(proc));
	const line = await new Promise((resolve, reject) => {
		const rl = readline.createInterface({ input: proc.stdout });
		rl.once('line', (l) => resolve(l));
		proc.once('exit', (c) =>
			reject(new Error(`test/sandbox/cli.js exited (${c}) before it was ready`)),
		);
	});
	return { proc, info: JSON.parse(line) };
}

function readState() {
	try {
		return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
	} catch {
		return {};
	}
}

async function main() {
	const t0 = Date.now();
	fs.mkdirSync(HOME, { recursive: true });
	if (flag('--fresh')) fs.rmSync(USER_FOLDER, { recursive: true, force: true });
	if (flag('--fresh')) fs.rmSync(STATE_FILE, { force: true });
	fs.mkdirSync(USER_FOLDER, { recursive: true });
	fs.rmSync(PAYLOADS, { recursive: true, force: true });
	fs.mkdirSync(PAYLOADS, { recursive: true });

	step(
		`n8n runtime (Node 24 + n8n ${process.env.N8N_VERSION || '2.41.1'}; first run installs it: 3-6 minutes)`,
	);
	const rt = lib.runtimeEnv();

	step('build');
	lib.buildPackage();
	if (flag('--link')) {
		step(`link the working tree into ${path.join(USER_FOLDER, '.n8n/nodes/node_modules')}`);
		lib.installPackage(USER_FOLDER, { mode: 'symlink', rt });
	} else {
		step('npm pack + install the tarball the way n8n Community Nodes does');
		const tarball = lib.packPackage(path.join(HOME, 'pack'));
		lib.installPackage(USER_FOLDER, { tarball, rt });
	}

	step('sandbox ATS servers (test/sandbox/cli.js)');
	const basePort = Number(process.env.SANDBOX_BASE_PORT || 18700);
	const fixedFree = (await Promise.all([1, 2, 3, 4].map((o) => portFree(basePort + o)))).every(
		Boolean,
	);
	const sb = await startSandboxes(fixedFree ? basePort : undefined);
	sandboxProc = sb.proc;
	const sandboxes = sb.info.sandboxes;
	for (const [name, s] of Object.entries(sandboxes))
		process.stdout.write(`   ${name.padEnd(10)} ${s.url}\n`);

	let port = Number(option('--port', process.env.ATS_DEMO_PORT || 5678));
	if (!(await portFree(port))) {
		const free = await lib.freePort();
		process.stdout.write(`   port ${port} is taken, using ${free}\n`);
		port = free;
	}
	step(`n8n start on http://127.0.0.1:${port} (log: ${path.join(HOME, 'n8n.log')})`);
	fs.rmSync(path.join(HOME, 'n8n.log'), { force: true });
	n8n = await lib.startN8n(rt, {
		userFolder: USER_FOLDER,
		port,
		logFile: path.join(HOME, 'n8n.log'),
		extraEnv: {
			N8N_ENCRYPTION_KEY: 'ats-sync-demo-not-a-secret',
			...(flag('--link') ? { N8N_DEV_RELOAD: 'true' } : {}),
		},
	});
	n8n.exited.then((code) => {
		if (!stopping) {
			process.stdout.write(
				`\nn8n exited unexpectedly (${code}). Last lines of ${n8n.logFile}:\n${lib.tail(n8n.logFile)}\n`,
			);
			shutdown(1);
		}
	});

	step('owner login, API key');
	const client = new lib.N8nClient(n8n.url);
	try {
		await client.setupOwner(LOGIN);
	} catch {
		try {
			await client.login(LOGIN.email, LOGIN.password);
		} catch (err) {
			throw new Error(
				`This demo folder has an owner the demo cannot sign in as (${err.message}). Run: npm run demo -- --fresh`,
			);
		}
	}
	await client.createApiKey(`demo-${Date.now()}`);

	// Replace what an earlier run created: its workflows (by id, and any workflow named like an example,
	// since their webhook paths would clash) and its credentials.
	const previous = readState();
	const exampleNames = new Set(exampleFiles().map((f) => examples.loadExample(f).name));
	const existing = (await client.api('GET', '/workflows?limit=250')).data || [];
	const stale = existing.filter(
		(w) => (previous.workflows || []).includes(w.id) || exampleNames.has(w.name),
	);
	if (stale.length) step(`remove ${stale.length} workflow(s) of the previous demo run`);
	for (const w of stale) await removeWorkflow(client, w.id);
	for (const id of previous.credentials || [])
		await client.api('DELETE', `/credentials/${id}`, undefined, { raw: true });

	step('credentials pointing at the sandboxes (public API)');
	const declared = lib.declaredTypes(
		rt,
		path.join(USER_FOLDER, '.n8n', 'nodes', 'node_modules', lib.PKG.name),
	);
	const systemCreds = await createSystemCredentials(client, declared, sandboxes);
	const credByType = await examples.exampleCredentials(client, declared, systemCreds, sandboxes);
	const credIds = Object.values(credByType).map((c) => c.id);
	for (const c of Object.values(systemCreds)) if (c.badId) credIds.push(c.badId);
	for (const c of Object.values(credByType))
		process.stdout.write(`   ${c.name.padEnd(34)} ${dim(c.type)}\n`);

	// A hired applicant in the Pinpoint sandbox for the Pinpoint Trigger's curl.
	const pinpointApplicationId = sandboxes.pinpoint
		? await examples.seedPinpointHire(sandboxes.pinpoint.url)
		: undefined;
	// The lemlist lead the lemlist reply is about, for the examples' Mark as Synced step.
	if (sandboxes.outreachTools) await examples.seedOutreachLeads(sandboxes.outreachTools.url);

	step(`workflows from examples/workflows/ (${exampleFiles().length})`);
	const sampleCsv = examples.writeSampleCsv(PAYLOADS);
	const imported = [];
	const files = exampleFiles();
	for (const file of files) {
		const wf = examples.loadExample(file);
		const { body, adjustments, missing } = await examples.prepareExample(client, wf, credByType);
		const entry = {
			file,
			name: wf.name,
			wf: { ...wf, nodes: body.nodes },
			adjustments,
			missing,
			active: false,
		};
		try {
			const created = await client.api('POST', '/workflows', body);
			entry.id = created.id;
			if (missing.length)
				entry.error = `needs credentials the demo cannot create: ${missing.join(', ')}`;
			else {
				await client.activate(created.id);
				entry.active = true;
			}
		} catch (err) {
			entry.error = String(err.message).replace(/\s+/g, ' ').slice(0, 300);
		}
		imported.push(entry);
		process.stdout.write(
			`   ${entry.active ? '✓' : '✗'} ${wf.name}${entry.error ? `  ${dim(entry.error)}` : ''}\n`,
		);
		for (const a of adjustments) process.stdout.write(`     ${dim(`demo setting: ${a}`)}\n`);
	}
	if (!files.length)
		process.stdout.write(
			'   (none yet: add exported workflow JSON files to examples/workflows/)\n',
		);
	fs.writeFileSync(
		STATE_FILE,
		JSON.stringify(
			{
				port,
				workflows: imported.filter((i) => i.id).map((i) => i.id),
				credentials: credIds,
				at: new Date().toISOString(),
			},
			null,
			2,
		),
	);

	// Requests for every trigger of every active workflow.
	const requests = [];
	for (const entry of imported.filter((e) => e.active)) {
		for (const node of entry.wf.nodes.filter(isTrigger)) {
			const req = buildTriggerRequest({
				workflow: entry.wf,
				node,
				baseUrl: n8n.url,
				credentialData: (t) => credByType[t]?.data,
				pinpointApplicationId,
				sampleCsv,
			});
			const slug = `${entry.file.replace(/\.json$/, '')}--${node.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
			let bodyFile;
			if (!req.skip) {
				bodyFile = path.join(
					PAYLOADS,
					`${slug}.${req.contentType === 'multipart' ? 'multipart' : 'json'}`,
				);
				fs.writeFileSync(bodyFile, req.body);
			}
			requests.push({ entry, node, req, bodyFile });
		}
	}

	const ready = ((Date.now() - t0) / 1000).toFixed(0);
	process.stdout.write(`\n${bold(`Ready in ${ready} s.`)}\n\n`);
	process.stdout.write(
		`${bold('Editor')}   ${n8n.url}\n${bold('Login')}    ${LOGIN.email} / ${LOGIN.password}\n\n`,
	);
	process.stdout.write(
		`${bold('Start a workflow')} (each curl is complete: payload file, signature or token included)\n`,
	);
	for (const { entry, node, req, bodyFile } of requests) {
		process.stdout.write(`\n  ${bold(entry.name)}  ${dim(`(${node.name})`)}\n`);
		if (req.skip) process.stdout.write(`    ${dim(`no ready request: ${req.skip}`)}\n`);
		else
			process.stdout.write(`    ${dim(`sends ${req.describe}`)}\n    ${curlFor(req, bodyFile)}\n`);
	}
	process.stdout.write(`\n${bold('Watch the records appear')} in the sandbox ATS servers:\n`);
	for (const [name, s] of Object.entries(sandboxes))
		process.stdout.write(
			`  curl -s ${s.url}/__sandbox/state | jq .counts     ${dim(`# ${name}`)}\n`,
		);
	process.stdout.write(
		`\n${dim('Executions: open the editor › Overview › Executions. Sending the same event twice starts nothing the second time (deliveries are deduplicated).')}\n`,
	);

	if (flag('--check')) {
		process.stdout.write(`\n${bold('--check')}: sending every request once\n`);
		let failures = 0;
		for (const { entry, node, req } of requests) {
			if (req.skip) continue;
			const before = await counts(sandboxes);
			const execBefore = (await client.executions(entry.id)).length;
			const res = await client.webhook(
				new URL(req.url).pathname.replace(/^\/webhook\//, '') + new URL(req.url).search,
				req.body,
				{ method: req.method, headers: req.headers },
			);
			let execs = [];
			const until = Date.now() + 20_000;
			while (Date.now() < until) {
				execs = await client.executions(entry.id);
				if (
					execs.length > execBefore &&
					execs.every((e) => e.finished || ['success', 'error', 'crashed'].includes(e.status))
				)
					break;
				await lib.sleep(300);
			}
			await lib.sleep(300);
			const after = await counts(sandboxes);
			const newest = execs.sort((a, b) => Number(b.id) - Number(a.id))[0];
			const delta = diff(before, after);
			const ran = newest && execs.length > execBefore;
			const ok = res.status < 300 && ran && newest.status === 'success';
			if (!ok) failures++;
			let detail = '';
			if (ran) {
				const full = await client.api('GET', `/executions/${newest.id}?includeData=true`);
				const rd = full.data?.resultData;
				const last = rd?.lastNodeExecuted;
				const out = (rd?.runData?.[last]?.[0]?.data?.main?.[0] ?? []).map((i) => i.json);
				if (rd?.error) detail = `${last}: ${rd.error.message}`;
				else
					detail = `${last}: ${out.map((o) => o.status ?? (o.error ? 'error' : '?')).join(', ')}${out.some((o) => o.reason) ? ` (${[...new Set(out.map((o) => o.reason).filter(Boolean))].join('; ')})` : ''}`;
			}
			process.stdout.write(
				`  ${ok ? '✓' : '✗'} ${entry.name} (${node.name}): HTTP ${res.status}, execution ${ran ? newest.status : 'none'}, sandbox ${JSON.stringify(delta)}\n`,
			);
			if (detail) process.stdout.write(`      ${dim(detail)}\n`);
		}
		await shutdown(failures ? 1 : 0);
		return;
	}
	process.stdout.write(`\n${bold('Ctrl-C stops n8n and the sandboxes.')}\n`);
	// Keep the event loop alive until a signal arrives.
	setInterval(() => undefined, 1 << 30);
}

const exampleFiles = examples.exampleFiles;

/** n8n 2.x refuses to delete a published workflow, and needs a moment after unpublishing. */
async function removeWorkflow(client, id) {
	await client.api('POST', `/workflows/${id}/deactivate`, undefined, { raw: true });
	const until = Date.now() + 20_000;
	for (;;) {
		const r = await client.api('DELETE', `/workflows/${id}`, undefined, { raw: true });
		if (r.status < 300 || r.status === 404) return;
		if (r.status !== 409 || Date.now() > until)
			throw new Error(`could not remove workflow ${id}: ${r.status} ${r.text.slice(0, 200)}`);
		await lib.sleep(500);
	}
}

async function counts(sandboxes) {
	const out = {};
	for (const [name, s] of Object.entries(sandboxes)) {
		const st = await (await fetch(`${s.url}/__sandbox/state`)).json();
		for (const [k, v] of Object.entries(st.counts || {})) out[`${name}.${k}`] = v;
	}
	return out;
}
function diff(a, b) {
	return Object.fromEntries(
		Object.keys(b)
			.filter((k) => b[k] !== a[k])
			.map((k) => [k, b[k] - (a[k] ?? 0)]),
	);
}

main().catch(async (err) => {
	process.stderr.write(`\ndemo failed: ${err.stack || err}\n`);
	await shutdown(1);
});
