/**
 * What every real-n8n test file needs: the context globalSetup wrote, a REST/public-API client, sandbox
 * control over HTTP, workflow building blocks, and "skip with a visible reason when the node isn't built".
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const lib = require('../../scripts/real-n8n/n8n');

export type Json = Record<string, any>;

export interface E2eContext {
	workDir: string;
	userFolder: string;
	packageDir: string;
	tarball: string;
	rt: {
		PATH: string;
		N24: string;
		N8N: string;
		N8N_RUNTIME_DIR: string;
		N8N_VERSION: string;
		npm_config_nodedir: string;
	};
	declared: {
		nodes: Array<{
			file: string;
			name: string;
			displayName: string;
			credentials: string[];
			webhook: boolean;
			usableAsTool: boolean;
		}>;
		credentials: Array<{ file: string; name: string; displayName: string; properties: string[] }>;
		resolved: Record<string, string>;
	};
	builtSystems: string[];
	n8n: { url: string; port: number; pid: number; logFile: string };
	client: { url: string; apiKey: string; cookie: string };
	owner: { email: string; password: string };
	sandboxes: Record<string, { url: string; credentials: Json; [k: string]: unknown }>;
	credentials: Record<
		string,
		{
			type: string;
			id: string;
			name: string;
			data: Json;
			badId?: string;
			badName?: string;
			secretField?: string;
		}
	>;
}

let cached: E2eContext | undefined;
export function ctx(): E2eContext {
	if (!cached) {
		const file = process.env.ATS_E2E_CONTEXT;
		if (!file)
			throw new Error(
				'ATS_E2E_CONTEXT is not set: run these tests with `npm run test:e2e` (jest -c jest.e2e.config.js)',
			);
		cached = JSON.parse(fs.readFileSync(file, 'utf8')) as E2eContext;
	}
	return cached;
}

export interface N8nClient {
	url: string;
	apiKey: string;
	cookie: string;
	rest(method: string, path: string, body?: unknown, opts?: { raw?: boolean }): Promise<any>;
	api(method: string, path: string, body?: unknown, opts?: { raw?: boolean }): Promise<any>;
	createCredential(name: string, type: string, data: Json): Promise<{ id: string; name: string }>;
	createWorkflow(wf: Json): Promise<{ id: string; name: string; nodes: Json[] }>;
	activate(id: string): Promise<Json>;
	webhook(
		path: string,
		body?: unknown,
		opts?: { method?: string; headers?: Record<string, string>; registerTimeoutMs?: number },
	): Promise<{ status: number; text: string; json: any; headers: Headers }>;
	executions(
		workflowId: string,
		opts?: { includeData?: boolean; status?: string },
	): Promise<Json[]>;
	waitForExecutions(
		workflowId: string,
		count: number,
		opts?: { timeoutMs?: number; includeData?: boolean },
	): Promise<Json[]>;
}

export function client(): N8nClient {
	return lib.N8nClient.from(ctx().client);
}

export const PACKAGE: { name: string; n8n: { nodes: string[]; credentials: string[] } } = lib.PKG;

/** A node of this package exists in package.json "n8n" (so it was built and packed). */
export function hasNode(dirName: string): boolean {
	return PACKAGE.n8n.nodes.some((f) => f.split('/').includes(dirName));
}

/**
 * describe() when the node is listed in package.json "n8n", otherwise a skipped describe whose title says
 * why, so `npm run test:e2e` shows e.g. "Stardex (skipped: node not built yet)".
 */
export function describeNode(
	dirName: string,
	title: string,
	fn: () => void,
	needsSandbox?: string,
): void {
	if (!hasNode(dirName)) {
		describe(`${title} (skipped: node not built yet)`, () => {
			test.skip(`no dist/nodes/${dirName}/*.node.js in package.json "n8n"`, () => undefined);
		});
		return;
	}
	if (needsSandbox && !fs.existsSync(path.join(__dirname, '..', 'sandbox', `${needsSandbox}.js`))) {
		describe(`${title} (skipped: test/sandbox/${needsSandbox}.js not written yet)`, () => {
			test.skip('sandbox missing', () => undefined);
		});
		return;
	}
	describe(title, fn);
}

/** The sandbox of one system, driven through its /__sandbox/* control endpoints. */
export function sandbox(name: string) {
	const info = ctx().sandboxes[name];
	if (!info) throw new Error(`sandbox ${name} is not running (test/sandbox/${name}.js missing?)`);
	const call = async (method: string, what: string, body?: unknown) => {
		const r = await fetch(`${info.url}/__sandbox/${what}`, {
			method,
			headers: body ? { 'content-type': 'application/json' } : {},
			body: body ? JSON.stringify(body) : undefined,
		});
		if (!r.ok) throw new Error(`sandbox ${name} ${what} → ${r.status}`);
		return (await r.json()) as any;
	};
	return {
		...info,
		state: () => call('GET', 'state'),
		stats: () => call('GET', 'stats'),
		requests: () =>
			call('GET', 'requests') as Promise<
				Array<{ method: string; path: string; query: string; status: number }>
			>,
		reset: () => call('POST', 'reset'),
		seed: (data: unknown) => call('POST', 'seed', data),
		faults: (f: unknown) => call('POST', 'faults', f),
	};
}

export const nodeType = (name: string) => `${PACKAGE.name}.${name}`;
export const uuid = () => crypto.randomUUID();

/** A unique webhook path per run, so nothing collides with a previous run's registrations. */
export const hookPath = (name: string) => `e2e-${name}-${crypto.randomBytes(3).toString('hex')}`;

export function webhookNode(
	pathName: string,
	opts: {
		responseMode?: 'lastNode' | 'onReceived';
		responseData?: string;
		name?: string;
		position?: [number, number];
	} = {},
) {
	return {
		id: uuid(),
		name: opts.name ?? 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: opts.position ?? [0, 0],
		webhookId: uuid(),
		parameters: {
			httpMethod: 'POST',
			path: pathName,
			responseMode: opts.responseMode ?? 'lastNode',
			...(opts.responseMode === 'onReceived'
				? {}
				: { responseData: opts.responseData ?? 'allEntries' }),
			options: {},
		},
	};
}

export function pkgNode(
	name: string,
	type: string,
	parameters: Json,
	credentials?: Record<string, { id: string; name: string }>,
	extra: Json = {},
) {
	return {
		id: uuid(),
		name,
		type: nodeType(type),
		typeVersion: 1,
		position: [300, 0],
		// The editor gives every webhook node a webhookId; n8n 1.x registers a node without one under
		// <workflowId>/<node name>/<path> instead of <path>.
		webhookId: uuid(),
		parameters,
		...(credentials ? { credentials } : {}),
		...extra,
	};
}

/** name → name connections, main output 0 → main input 0. */
export function chain(...names: string[]) {
	const connections: Json = {};
	for (let i = 0; i + 1 < names.length; i++)
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	return connections;
}

/** Creates the workflow through the public API, activates it, and returns its id. */
export async function deploy(
	c: N8nClient,
	wf: { name: string; nodes: Json[]; connections: Json; settings?: Json },
) {
	const created = await c.createWorkflow(wf);
	await c.activate(created.id);
	return created.id;
}

/** The executions n8n has for a workflow, newest first, with data. */
export async function lastExecution(c: N8nClient, workflowId: string) {
	const list = await c.executions(workflowId, { includeData: true });
	return list.sort((a, b) => Number(b.id) - Number(a.id))[0];
}

export function hmac(
	secret: string,
	body: string | Buffer,
	algorithm = 'sha256',
	encoding: crypto.BinaryToTextEncoding = 'hex',
) {
	return crypto.createHmac(algorithm, secret).update(body).digest(encoding);
}

export function fixture(rel: string): string {
	return fs.readFileSync(path.join(__dirname, '..', 'fixtures', rel), 'utf8');
}
