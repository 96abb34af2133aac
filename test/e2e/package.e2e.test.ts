/**
 * The package as n8n sees it after a Community Nodes style install: every node and credential loads
 * under its real type name, and n8n-workflow / zod come from n8n's own tree (we ship no node_modules).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { client, ctx } from './helpers';

const lib = require('../../scripts/real-n8n/n8n');

/** The package.json that was packed and installed (the working tree's may have moved on meanwhile). */
const installed = () =>
	JSON.parse(fs.readFileSync(path.join(ctx().packageDir, 'package.json'), 'utf8')) as {
		name: string;
		n8n: { nodes: string[]; credentials: string[] };
	};

describe(`package installed like Community Nodes in n8n ${ctx().rt.N8N_VERSION}`, () => {
	test('`n8n export:nodes` lists every node of package.json "n8n" under its real type name', async () => {
		const c = ctx();
		const out = path.join(c.workDir, 'export-nodes.json');
		await lib.n8nCli(c.rt, ['export:nodes', `--output=${out}`], { userFolder: c.userFolder });
		const exported = JSON.parse(fs.readFileSync(out, 'utf8')) as Array<{
			name: string;
			credentials?: Array<{ name: string }>;
			version: number | number[];
		}>;
		const pkg = installed();
		const ours = exported.filter((n) => n.name.startsWith(`${pkg.name}.`));
		// one declared node per package.json entry, each exported by n8n under the same name
		expect(c.declared.nodes.map((n) => n.file)).toEqual(pkg.n8n.nodes);
		// usableAsTool nodes also appear as "<name>Tool" (n8n's AI-tool variant)
		const expected = c.declared.nodes.flatMap((n) =>
			n.usableAsTool ? [n.name, `${n.name}Tool`] : [n.name],
		);
		expect(ours.map((n) => n.name).sort()).toEqual(expected.sort());
		for (const d of c.declared.nodes) {
			const n = ours.find((x) => x.name === d.name)!;
			expect((n.credentials ?? []).map((x) => x.name).sort()).toEqual([...d.credentials].sort());
		}
		// nothing of ours is loaded under the CUSTOM.* prefix of the custom-folder loaders
		expect(exported.filter((n) => n.name.startsWith('CUSTOM.'))).toEqual([]);
	});

	test('every credential type of package.json "n8n" is served to the editor (/types/credentials.json)', async () => {
		const c = ctx();
		const res = await fetch(`${c.n8n.url}/types/credentials.json`, {
			headers: { cookie: c.client.cookie },
		});
		expect(res.status).toBe(200);
		const types = (await res.json()) as Array<{
			name: string;
			properties: Array<{ name: string }>;
		}>;
		expect(c.declared.credentials.map((x) => x.file)).toEqual(installed().n8n.credentials);
		for (const d of c.declared.credentials) {
			const t = types.find((x) => x.name === d.name);
			expect(t).toBeDefined();
			// n8n appends its own fields (allowedHttpRequestDomains, …) after ours
			expect(t!.properties.map((p) => p.name).slice(0, d.properties.length)).toEqual(d.properties);
		}
	});

	test("n8n-workflow and zod resolve from n8n's tree: the installed package has no dependencies of its own", async () => {
		const c = ctx();
		const pj = JSON.parse(fs.readFileSync(path.join(c.packageDir, 'package.json'), 'utf8'));
		expect(pj.name).toBe('n8n-nodes-ats-sync');
		expect(pj.dependencies ?? {}).toEqual({});
		expect(pj.peerDependencies).toBeUndefined(); // removed by the install, as n8n does
		expect(fs.existsSync(path.join(c.packageDir, 'node_modules'))).toBe(false);
		expect(fs.existsSync(path.join(c.userFolder, '.n8n', 'nodes', 'node_modules', 'zod'))).toBe(
			false,
		);
		expect(
			fs.existsSync(path.join(c.userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-workflow')),
		).toBe(false);
		const runtimeModules = path.join(c.rt.N8N_RUNTIME_DIR, 'node_modules') + path.sep;
		expect(c.declared.resolved.zod.startsWith(runtimeModules)).toBe(true);
		expect(c.declared.resolved['n8n-workflow'].startsWith(runtimeModules)).toBe(true);
		// the built code really needs zod at runtime (the candidate schema), so this is not vacuous
		const candidateJs = fs.readFileSync(
			path.join(c.packageDir, 'dist', 'nodes', 'shared', 'candidate', 'schema.js'),
			'utf8',
		);
		expect(candidateJs).toMatch(/require\("zod"\)/);
		// and n8n logged no load problem for the package
		// (the runtime cache folder is also called n8n-nodes-ats-sync, so its paths are taken out first)
		const log = fs
			.readFileSync(c.n8n.logFile, 'utf8')
			.split(c.rt.N8N_RUNTIME_DIR)
			.join('<runtime>');
		const problems = log
			.split('\n')
			.filter((l) => l.includes(pj.name) && /error|fail|cannot|not found/i.test(l));
		expect(problems).toEqual([]);
	});

	test('the owner can sign in again with the printed login (REST /rest/login)', async () => {
		const c = ctx();
		const fresh = new lib.N8nClient(c.n8n.url);
		await fresh.login(c.owner.email, c.owner.password);
		const me = await fresh.rest('GET', '/login');
		expect(me.email).toBe(c.owner.email);
		expect(client().apiKey).toBeTruthy();
	});
});
