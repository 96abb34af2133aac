/**
 * In-process n8n: runs real workflows with n8n-core's WorkflowExecute and this package's nodes,
 * loaded from source exactly as package.json's "n8n" section lists them. Credentials behave as in
 * n8n's CLI: generic auth is applied, and an expirable field is filled by preAuthentication when
 * empty or after a 401, and persisted. Webhooks go through n8n-core's WebhookContext; the workflow's
 * static data survives between deliveries, as it does for an active workflow. Publishing runs a
 * trigger's webhookMethods through n8n-core's HookContext as n8n's activation does: checkExists,
 * then create when it answered false; unpublishing runs delete.
 */
import * as path from 'node:path';

import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IConnections,
	IWebhookResponseData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	Workflow as WorkflowType,
} from 'n8n-workflow';
import {
	createRunExecutionData,
	ICredentialsHelper,
	isExpression,
	NodeHelpers,
	Workflow,
} from 'n8n-workflow';
import { ExecutionLifecycleHooks, HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';

const ROOT = path.resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- package.json is read at run time, not compiled in
const PKG = require(path.join(ROOT, 'package.json')) as {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
};

/** dist/nodes/X/Y.node.js → the class exported from nodes/X/Y.node.ts */
function loadFromSource<T>(distPath: string): T {
	const source = path.join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- the path comes from package.json "n8n"
	const mod = require(source) as Record<string, new () => T>;
	const Cls = Object.values(mod).find((v) => typeof v === 'function');
	if (!Cls) throw new Error(`no class exported from ${source}`);
	return new Cls();
}

let cachedTypes:
	{ nodes: Record<string, INodeType>; credentials: Record<string, ICredentialType> } | undefined;
export function packageTypes() {
	if (!cachedTypes) {
		const nodes: Record<string, INodeType> = {};
		for (const p of PKG.n8n.nodes) {
			const n = loadFromSource<INodeType>(p);
			nodes[`${PKG.name}.${n.description.name}`] = n;
		}
		const credentials: Record<string, ICredentialType> = {};
		for (const p of PKG.n8n.credentials) {
			const c = loadFromSource<ICredentialType>(p);
			credentials[c.name] = c;
		}
		cachedTypes = { nodes, credentials };
	}
	return cachedTypes;
}

export const nodeType = (name: string) => `${PKG.name}.${name}`;

class HarnessCredentialsHelper extends ICredentialsHelper {
	preAuthCalls = 0;

	constructor(
		readonly data: Record<string, ICredentialDataDecryptedObject>,
		private readonly types: Record<string, ICredentialType>,
	) {
		super();
	}
	getParentTypes(): string[] {
		return [];
	}
	isCredentialUsableByNode(): boolean {
		return true;
	}
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: WorkflowType,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const auth = this.types[typeName]?.authenticate;
		if (!auth) return requestOptions;
		if (typeof auth === 'function') return await auth(credentials, requestOptions);
		const resolve = (v: string) =>
			isExpression(v) && workflow && node
				? String(
						workflow.expression.getSimpleParameterValue(
							node,
							v,
							'internal',
							{ $credentials: credentials },
							undefined,
							'',
						),
					)
				: v;
		const opts = requestOptions as unknown as Record<string, Record<string, unknown>>;
		for (const [outer, inner] of Object.entries(auth.properties)) {
			opts[outer] = { ...(opts[outer] ?? {}) };
			for (const [k, v] of Object.entries(inner as Record<string, string>))
				opts[outer][resolve(k)] = resolve(v);
		}
		return requestOptions;
	}
	// Same rule as n8n's CLI CredentialsHelper: run preAuthentication when the expirable field is
	// empty or the caller saw a 401, then persist what it returned.
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	) {
		const type = this.types[typeName];
		const expirable = type?.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		// n8n's Test button runs it whatever is stored (its temporary node is this noOp).
		const isTestingCredentials =
			node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (
			credentials[expirable.name] !== '' &&
			credentials[expirable.name] !== undefined &&
			!credentialsExpired &&
			!isTestingCredentials
		)
			return undefined;
		this.preAuthCalls++;
		const output = await type.preAuthentication.call(helpers, credentials);
		Object.assign(this.data[typeName] ?? {}, output);
		return Object.assign(credentials, output);
	}
	async runPreAuthentication() {
		return undefined;
	}
	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by the harness');
	}
	async getDecrypted(
		_a: unknown,
		_nc: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const d = this.data[type];
		if (!d) throw new Error(`The harness has no credentials of type ${type}`);
		// n8n fills every missing field with its default (applyDefaultsAndOverwrites); the hidden
		// ones decide whether preAuthentication runs, so they are filled here too.
		const hidden = (this.types[type]?.properties ?? []).filter(
			(p) => p.type === 'hidden' && p.default !== '' && !(p.name in d),
		);
		return { ...Object.fromEntries(hidden.map((p) => [p.name, String(p.default)])), ...d };
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types[type]?.properties ?? [];
	}
}

export interface WorkflowDefinition {
	nodes: INode[];
	connections: IConnections;
}

export interface WebhookRequest {
	body?: unknown;
	rawBody?: Buffer | string;
	headers?: Record<string, string>;
	query?: Record<string, string>;
}

export interface WebhookResult {
	status: number;
	responseBody?: unknown;
	response: IWebhookResponseData;
	run?: IRun;
}

const BASE_URL = 'http://localhost:5678/';

/** One workflow, kept alive like an active workflow in n8n (its static data persists). */
let harnessCount = 0;

export class WorkflowHarness {
	readonly workflow: Workflow;
	readonly credentialsHelper: HarnessCredentialsHelper;
	private executions = 0;

	readonly id = `harness-${++harnessCount}`;

	constructor(
		readonly definition: WorkflowDefinition,
		credentials: Record<string, ICredentialDataDecryptedObject> = {},
	) {
		const types = packageTypes();
		const nodeTypes: INodeTypes = {
			getByName: (t) => types.nodes[t],
			getByNameAndVersion: (t, v) => NodeHelpers.getVersionedNodeType(types.nodes[t], v),
			getKnownTypes: () => ({}),
		};
		this.credentialsHelper = new HarnessCredentialsHelper(
			Object.fromEntries(Object.entries(credentials).map(([k, v]) => [k, { ...v }])),
			types.credentials,
		);
		this.workflow = new Workflow({
			// Each harness is its own workflow, as each saved workflow in n8n has its own id.
			id: this.id,
			nodes: definition.nodes,
			connections: definition.connections,
			active: true,
			nodeTypes,
			settings: { executionOrder: 'v1' },
			staticData: {},
		});
	}

	private additionalData(
		hooks: ExecutionLifecycleHooks,
		extra: IDataObject = {},
	): IWorkflowExecuteAdditionalData {
		return {
			hooks,
			credentialsHelper: this.credentialsHelper,
			executionId: String(++this.executions),
			currentNodeExecutionIndex: 0,
			variables: {},
			restApiUrl: BASE_URL,
			instanceBaseUrl: BASE_URL,
			webhookBaseUrl: BASE_URL,
			webhookWaitingBaseUrl: BASE_URL,
			// As in n8n, test webhooks have their own base URL.
			webhookTestBaseUrl: `${BASE_URL}test/`,
			formBaseUrl: BASE_URL,
			formWaitingBaseUrl: BASE_URL,
			formTestBaseUrl: BASE_URL,
			mcpBaseUrl: BASE_URL,
			mcpTestBaseUrl: BASE_URL,
			executeWorkflow: async () => {
				throw new Error('sub-workflows are not supported by the harness');
			},
			getRunExecutionData: async () => undefined,
			getRuntimeCredential: async () => undefined,
			logAiEvent: () => {},
			...extra,
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	/** Runs the workflow from `startNode`, feeding it `items`. */
	async run(startNode: string, items: Array<IDataObject | INodeExecutionData>): Promise<IRun> {
		const start = this.workflow.getNode(startNode);
		if (!start) throw new Error(`no node named ${startNode}`);
		const data: INodeExecutionData[] = items.map((i) =>
			'json' in i && typeof i.json === 'object'
				? (i as INodeExecutionData)
				: { json: i as IDataObject },
		);
		const workflowData = {
			id: this.id,
			name: 'harness',
			active: true,
			isArchived: false,
			nodes: this.definition.nodes,
			connections: this.definition.connections,
			settings: { executionOrder: 'v1' },
			createdAt: new Date(),
			updatedAt: new Date(),
		} as unknown as IWorkflowBase;
		return await new Promise<IRun>((resolve, reject) => {
			const hooks = new ExecutionLifecycleHooks('manual', '1', workflowData);
			hooks.addHandler('workflowExecuteAfter', (run) => resolve(run));
			const runExecutionData = createRunExecutionData({
				executionData: {
					nodeExecutionStack: [{ node: start, data: { main: [data] }, source: null }],
				},
			});
			new WorkflowExecute(this.additionalData(hooks), 'manual', runExecutionData)
				.processRunExecutionData(this.workflow)
				.catch(reject);
		});
	}

	/** The webhook URL n8n gives a trigger node when the workflow is published. */
	webhookUrl(triggerNode: string, test = false): string {
		return this.hookContext(triggerNode, 'activate', test).getNodeWebhookUrl('default') ?? '';
	}

	/**
	 * Publishes like n8n: checkExists, then create if it said no. Answers whether create ran. `test`:
	 * the editor's "Listen for test event" instead (mode 'manual', the test URL).
	 */
	async publish(triggerNode: string, test = false): Promise<boolean> {
		const ctx = this.hookContext(triggerNode, 'activate', test);
		const methods = this.triggerType(triggerNode).webhookMethods!.default!;
		if (await methods.checkExists!.call(ctx)) return false;
		await methods.create!.call(ctx);
		return true;
	}

	/**
	 * Unpublishes like n8n: delete, in mode 'internal' (`test`: the end of a "Listen for test event",
	 * which n8n deletes in the same mode, on the test URL).
	 */
	async unpublish(triggerNode: string, test = false): Promise<boolean> {
		const methods = this.triggerType(triggerNode).webhookMethods!.default!;
		return await methods.delete!.call(this.hookContext(triggerNode, 'update', test, 'internal'));
	}

	private triggerType(triggerNode: string): INodeType {
		const node = this.workflow.getNode(triggerNode);
		if (!node) throw new Error(`no node named ${triggerNode}`);
		return this.workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
	}

	private hookContext(
		triggerNode: string,
		activation: 'activate' | 'init' | 'update',
		test = false,
		deleteMode?: 'internal',
	): HookContext {
		const node = this.workflow.getNode(triggerNode);
		if (!node) throw new Error(`no node named ${triggerNode}`);
		const webhookDescription = this.triggerType(triggerNode).description.webhooks?.[0];
		const hooks = new ExecutionLifecycleHooks('trigger', '1', {} as IWorkflowBase);
		const mode = deleteMode ?? (test ? 'manual' : 'trigger');
		return new HookContext(this.workflow, node, this.additionalData(hooks), mode, activation, {
			httpMethod: 'POST',
			node: node.name,
			path: 'harness',
			webhookDescription,
			workflowId: 'harness',
			isTest: test,
		} as never);
	}

	/** Delivers one HTTP request to a webhook trigger node; if it starts the workflow, runs it. */
	async deliver(triggerNode: string, request: WebhookRequest): Promise<WebhookResult> {
		const node = this.workflow.getNode(triggerNode);
		if (!node) throw new Error(`no node named ${triggerNode}`);
		const type = this.workflow.nodeTypes.getByNameAndVersion(
			node.type,
			node.typeVersion,
		) as INodeType;
		const raw =
			request.rawBody === undefined
				? Buffer.from(JSON.stringify(request.body ?? {}))
				: Buffer.from(request.rawBody);
		let body = request.body;
		if (body === undefined) {
			try {
				body = JSON.parse(raw.toString('utf8'));
			} catch {
				body = {};
			}
		}
		const headers = Object.fromEntries(
			Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
		);
		const httpRequest = {
			body,
			rawBody: raw,
			headers,
			query: request.query ?? {},
			params: {},
			header: (n: string) => headers[n.toLowerCase()],
			get: (n: string) => headers[n.toLowerCase()],
		};
		const captured: { status: number; body?: unknown } = { status: 200 };
		const httpResponse = {
			status(code: number) {
				captured.status = code;
				return this;
			},
			send(b?: unknown) {
				captured.body = b;
				return this;
			},
			json(b?: unknown) {
				captured.body = b;
				return this;
			},
			end(b?: unknown) {
				if (b !== undefined) captured.body = b;
				return this;
			},
			setHeader() {
				return this;
			},
			header() {
				return this;
			},
		};
		const hooks = new ExecutionLifecycleHooks('webhook', '1', {} as IWorkflowBase);
		const webhookDescription = type.description.webhooks?.[0];
		const ctx = new WebhookContext(
			this.workflow,
			node,
			this.additionalData(hooks, { httpRequest, httpResponse } as unknown as IDataObject),
			'webhook',
			{
				httpMethod: 'POST',
				node: node.name,
				path: 'harness',
				webhookDescription,
				workflowId: this.id,
			} as never,
			[],
			null,
		);
		const response = await type.webhook!.call(ctx);
		const result: WebhookResult = {
			status: captured.status,
			responseBody: captured.body ?? response.webhookResponse,
			response,
		};
		const items = response.workflowData?.[0];
		// As in n8n, the run starts at the trigger with the webhook's items as its data; a trigger
		// with an execute() method (ours record delivery ids there) runs it first.
		if (items?.length) result.run = await this.run(node.name, items);
		return result;
	}
}

/** The JSON of every item a node output in a run (first run of that node, first output). */
export function outputOf(run: IRun, nodeName: string): IDataObject[] {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs) return [];
	return runs.flatMap((r) => (r.data?.main?.[0] ?? []).map((i) => i.json));
}

export function errorOf(run: IRun): string | undefined {
	return run.data.resultData.error?.message;
}

/** A node definition with sensible defaults. */
export function node(
	name: string,
	type: string,
	parameters: IDataObject,
	credentials?: Record<string, string>,
	extra: Partial<INode> = {},
): INode {
	return {
		id: name,
		name,
		type: nodeType(type),
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: credentials
			? Object.fromEntries(
					Object.entries(credentials).map(([k, v]) => [k, { id: `${k}-id`, name: v }]),
				)
			: undefined,
		...extra,
	};
}

/** A straight chain a → b → c. */
export function chain(...names: string[]): IConnections {
	const c: IConnections = {};
	for (let i = 0; i + 1 < names.length; i++)
		c[names[i]] = { main: [[{ node: names[i + 1], type: 'main' as never, index: 0 }]] };
	return c;
}
