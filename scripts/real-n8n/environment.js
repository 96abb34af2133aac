'use strict';
/**
 * The expensive part of every real-n8n run, done once: runtime, build, pack, community-style install,
 * sandboxes, one `n8n start`, owner, API key, one credential per system. Used by the jest globalSetup,
 * the browser check and the queue-mode test. Returns a plain-JSON context plus a stop() function.
 */
const fs = require('node:fs');
const path = require('node:path');

const n8n = require('./n8n');
const { startAllSandboxes } = require('../../test/sandbox/cli');

/** Which of our systems are built (package.json "n8n" lists the node) and which sandboxes exist. */
const SYSTEMS = {
	greenhouse: {
		node: /\/Greenhouse\/Greenhouse\.node\.js$/,
		credential: /GreenhouseHarvestApi/,
		sandbox: 'greenhouse',
	},
	greenhouseTrigger: {
		node: /\/GreenhouseTrigger\/GreenhouseTrigger\.node\.js$/,
		credential: /GreenhouseHarvestApi/,
		sandbox: 'greenhouse',
	},
	outreachTrigger: { node: /\/OutreachTrigger\/OutreachTrigger\.node\.js$/ },
	stardex: { node: /\/Stardex\/Stardex\.node\.js$/, credential: /StardexApi/, sandbox: 'stardex' },
	intellihr: {
		node: /\/IntelliHr\/IntelliHr\.node\.js$/i,
		credential: /IntelliHrApi/i,
		sandbox: 'intellihr',
	},
	pinpointTrigger: {
		node: /\/PinpointTrigger\/PinpointTrigger\.node\.js$/,
		credential: /PinpointApi/,
		sandbox: 'pinpoint',
	},
};

function builtSystems(pkg = n8n.PKG) {
	return Object.keys(SYSTEMS).filter((s) => pkg.n8n.nodes.some((f) => SYSTEMS[s].node.test(f)));
}

const timed = async (timings, name, fn) => {
	const t0 = Date.now();
	n8n.log(`${name} …`);
	try {
		return await fn();
	} finally {
		timings[name] = Date.now() - t0;
		n8n.log(`${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	}
};

/**
 * @param {{ workDir?: string, sandboxOptions?: object, n8nEnv?: object, skipBuild?: boolean, install?: 'extract'|'symlink' }} [opts]
 */
async function startEnvironment(opts = {}) {
	const timings = {};
	const t0 = Date.now();
	const workDir = opts.workDir || n8n.mkTemp('ats-sync-e2e-');
	const userFolder = path.join(workDir, 'n8n-user');
	fs.mkdirSync(userFolder, { recursive: true });
	let sandboxes;
	let server;
	const stop = async () => {
		if (server) await server.stop();
		if (sandboxes) await sandboxes.close();
	};
	try {
		const rt = await timed(timings, 'runtime (scripts/real-n8n/runtime.sh)', async () =>
			n8n.runtimeEnv(),
		);
		if (!opts.skipBuild) await timed(timings, 'npm run build', async () => n8n.buildPackage());
		const tarball = await timed(timings, 'npm pack', async () =>
			n8n.packPackage(path.join(workDir, 'pack')),
		);
		const packageDir = await timed(timings, 'install like Community Nodes', async () =>
			n8n.installPackage(userFolder, { tarball, mode: opts.install || 'extract', rt }),
		);
		const declared = await timed(timings, 'read declared types', async () =>
			n8n.declaredTypes(rt, packageDir),
		);
		sandboxes = await timed(timings, 'start sandboxes', async () =>
			startAllSandboxes({
				options: {
					greenhouse: { rateLimit: { limit: 1000, windowMs: 10_000 } },
					...(opts.sandboxOptions || {}),
				},
			}),
		);
		server = await timed(timings, 'n8n start → ready', async () =>
			n8n.startN8n(rt, { userFolder, extraEnv: opts.n8nEnv || {} }),
		);
		const client = await timed(timings, 'owner + API key', async () =>
			n8n.bootstrapOwner(server.url),
		);
		const sbx = sandboxes.describe();
		const credentials = await timed(timings, 'credentials via public API', async () =>
			createSystemCredentials(client, declared, sbx),
		);
		timings.total = Date.now() - t0;
		const context = {
			workDir,
			userFolder,
			packageDir,
			tarball,
			rt,
			declared,
			builtSystems: builtSystems(),
			n8n: {
				url: server.url,
				port: server.port,
				pid: server.pid,
				logFile: server.logFile,
				brokerPort: server.brokerPort,
				readyMs: server.readyMs,
			},
			client: client.toJSON(),
			owner: n8n.OWNER,
			sandboxes: sbx,
			credentials,
			timings,
		};
		return { context, stop, server, sandboxes, client };
	} catch (err) {
		await stop();
		throw err;
	}
}

/**
 * One working credential per system whose credential type is declared and whose sandbox runs, named
 * "<System> sandbox", plus "<System> sandbox (wrong secret)" for the credential-test checks.
 * Data: the sandbox's published credentials, limited to the fields the credential type has.
 */
async function createSystemCredentials(client, declared, sbx) {
	const created = {};
	for (const [system, def] of Object.entries(SYSTEMS)) {
		if (!def.credential || !def.sandbox || !sbx[def.sandbox] || created[def.sandbox]) continue;
		const type = declared.credentials.find((c) => def.credential.test(c.file));
		if (!type) continue;
		const data = pick(sbx[def.sandbox].credentials || {}, type.properties);
		const name = `${title(def.sandbox)} sandbox`;
		const good = await client.createCredential(name, type.name, data);
		const secretField = ['clientSecret', 'apiKey', 'apiToken', 'token', 'secret', 'password'].find(
			(f) => f in data,
		);
		let bad;
		if (secretField)
			bad = await client.createCredential(`${name} (wrong secret)`, type.name, {
				...data,
				[secretField]: 'wrong-secret-for-e2e',
			});
		created[def.sandbox] = {
			type: type.name,
			id: good.id,
			name,
			data,
			...(bad ? { badId: bad.id, badName: `${name} (wrong secret)`, secretField } : {}),
		};
		void system;
	}
	return created;
}

function pick(obj, keys) {
	return Object.fromEntries(Object.entries(obj).filter(([k]) => keys.includes(k)));
}
const title = (s) =>
	({ greenhouse: 'Greenhouse', stardex: 'Stardex', intellihr: 'IntelliHR', pinpoint: 'Pinpoint' })[
		s
	] || s;

module.exports = { startEnvironment, builtSystems, SYSTEMS, createSystemCredentials };
