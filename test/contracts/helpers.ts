/**
 * What the contract tests need beyond the workflow harness: n8n's credential Test button (the
 * credential's test request, authenticated as n8n does it) and a load-options context for the nodes'
 * dropdowns and pickers, both against the sandboxes.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { LoadOptionsContext } from 'n8n-core';

import { node, nodeType, packageTypes, WorkflowHarness } from '../harness/runWorkflow';

/** The node type (by its description name, e.g. 'greenhouse') as the package registers it. */
export function nodeTypeOf(name: string) {
	const type = packageTypes().nodes[nodeType(name)];
	if (!type) throw new Error(`no node type ${name}`);
	return type;
}

/**
 * Sends a credential's test request the way n8n's Test button does: expressions resolved against
 * the credential, authenticate applied (function or generic). `baseUrl` replaces a fixed base URL
 * (Outreach.io's test request names api.outreach.io, which a sandbox cannot be).
 */
export async function credentialTest(
	credentialType: string,
	credentials: ICredentialDataDecryptedObject,
	opts: { baseUrl?: string; bearer?: string } = {},
): Promise<{ status: number; body: unknown }> {
	const cred = packageTypes().credentials[credentialType];
	if (!cred?.test) throw new Error(`${credentialType} has no test request`);
	const wf = new WorkflowHarness(
		{ nodes: [node('Test', 'greenhouse', {})], connections: {} },
		{ [credentialType]: credentials },
	);
	const n = wf.workflow.getNode('Test')!;
	const resolve = (v: unknown) =>
		typeof v === 'string' && v.startsWith('=')
			? String(
					wf.workflow.expression.getSimpleParameterValue(
						n,
						v,
						'internal',
						{ $credentials: credentials } as never,
						undefined,
						'',
					),
				)
			: v;
	const request = cred.test.request;
	let options = {
		method: request.method ?? 'GET',
		baseURL: opts.baseUrl ?? (resolve(request.baseURL) as string | undefined),
		url: resolve(request.url) as string,
		qs: request.qs,
		body: request.body,
		headers: { ...(request.headers ?? {}) },
	} as IHttpRequestOptions;
	if (typeof cred.authenticate === 'function')
		options = await cred.authenticate(credentials, options);
	else
		options = await wf.credentialsHelper.authenticate(
			credentials,
			credentialType,
			options,
			wf.workflow,
			n,
		);
	if (opts.bearer) options.headers = { ...options.headers, Authorization: `Bearer ${opts.bearer}` };
	const base = String(options.baseURL ?? opts.baseUrl ?? '');
	const url = new URL(`${base}${options.url}`);
	for (const [k, v] of Object.entries(options.qs ?? {})) url.searchParams.set(k, String(v));
	const headers: Record<string, string> = {};
	for (const [k, v] of Object.entries(options.headers ?? {})) headers[k] = String(v);
	const auth = options.auth as { username?: string; password?: string } | undefined;
	if (auth?.username !== undefined || auth?.password !== undefined)
		headers.Authorization = `Basic ${Buffer.from(`${auth.username ?? ''}:${auth.password ?? ''}`).toString('base64')}`;
	const hasBody = options.body !== undefined && options.method !== 'GET';
	if (hasBody) headers['Content-Type'] = 'application/json';
	const res = await fetch(url, {
		method: options.method,
		headers,
		body: hasBody ? JSON.stringify(options.body) : undefined,
	});
	const text = await res.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// text bodies stay text
	}
	return { status: res.status, body };
}

/** A load-options context for one node of a harness, as the editor creates for a dropdown. */
export function loadOptionsContext(
	wf: WorkflowHarness,
	nodeName: string,
	currentNodeParameters: IDataObject = {},
): ILoadOptionsFunctions {
	const n = wf.workflow.getNode(nodeName);
	if (!n) throw new Error(`no node ${nodeName}`);
	const additional = {
		credentialsHelper: wf.credentialsHelper,
		currentNodeParameters: { ...n.parameters, ...currentNodeParameters },
		variables: {},
		restApiUrl: 'http://localhost:5678/',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/',
		executionId: 'load-options',
		getRunExecutionData: async () => undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(wf.workflow, n, additional, 'parameters.x');
}

export async function loadOptions(
	wf: WorkflowHarness,
	nodeName: string,
	method: string,
	currentNodeParameters: IDataObject = {},
): Promise<INodePropertyOptions[]> {
	const n = wf.workflow.getNode(nodeName)!;
	const type = packageTypes().nodes[n.type];
	const fn = type.methods?.loadOptions?.[method];
	if (!fn) throw new Error(`${n.type} has no loadOptions.${method}`);
	return await fn.call(loadOptionsContext(wf, nodeName, currentNodeParameters));
}

export async function listSearch(
	wf: WorkflowHarness,
	nodeName: string,
	method: string,
	filter?: string,
): Promise<INodeListSearchResult> {
	const n = wf.workflow.getNode(nodeName)!;
	const type = packageTypes().nodes[n.type];
	const fn = type.methods?.listSearch?.[method];
	if (!fn) throw new Error(`${n.type} has no listSearch.${method}`);
	return await fn.call(loadOptionsContext(wf, nodeName), filter);
}
