import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
	IHookFunctions,
} from 'n8n-workflow';

import { OutreachTrigger } from '../../../nodes/OutreachTrigger/OutreachTrigger.node';

/**
 * A fake of the slice of IWebhookFunctions the Outreach Trigger uses. Parameters fall back to the
 * node's own defaults (read from its description), so a test only sets what it is about.
 */

export interface FakeRequest {
	rawBody?: Buffer | string;
	/** What n8n would have parsed; defaults to JSON.parse(rawBody) when that works. */
	body?: unknown;
	headers?: Record<string, string | string[]>;
	query?: Record<string, unknown>;
}

export interface RecordedResponse {
	statusCode?: number;
	body?: unknown;
	ended: boolean;
}

export interface WebhookRun {
	result: IWebhookResponseData;
	response: RecordedResponse;
	/** The json of every item the workflow would start with. */
	items: IDataObject[];
}

const node = new OutreachTrigger();

export const NODE_DEFAULTS: Record<string, unknown> = Object.fromEntries(
	node.description.properties.filter((p) => p.type !== 'notice').map((p) => [p.name, p.default]),
);

function parameterReader(params: Record<string, unknown>) {
	return (name: string, fallback?: unknown) => {
		if (name in params) return params[name];
		if (name in NODE_DEFAULTS) return NODE_DEFAULTS[name];
		return fallback;
	};
}

const fakeNode = {
	id: 'outreach-1',
	name: 'Outreach Trigger',
	type: 'n8n-nodes-ats-sync.outreachTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export function makeWebhookContext(
	params: Record<string, unknown>,
	request: FakeRequest,
	staticData: IDataObject = {},
) {
	const rawBody =
		typeof request.rawBody === 'string' ? Buffer.from(request.rawBody, 'utf8') : request.rawBody;
	let body = request.body;
	if (body === undefined && rawBody !== undefined) {
		try {
			body = JSON.parse(rawBody.toString('utf8'));
		} catch {
			body = {};
		}
	}
	const headers = Object.fromEntries(
		Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
	);
	const response: RecordedResponse = { ended: false };
	const res = {
		status(code: number) {
			response.statusCode = code;
			return res;
		},
		send(payload: unknown) {
			response.body = payload;
			return res;
		},
		end() {
			response.ended = true;
			return res;
		},
	};
	const ctx = {
		getNodeParameter: parameterReader(params),
		getRequestObject: () => ({
			rawBody,
			body,
			headers,
			query: request.query ?? {},
			header: (n: string) => headers[n.toLowerCase()],
		}),
		getResponseObject: () => res,
		getBodyData: () => body,
		getHeaderData: () => headers,
		getQueryData: () => request.query ?? {},
		getWorkflowStaticData: () => staticData,
		logger: {
			warn: () => undefined,
			info: () => undefined,
			debug: () => undefined,
			error: () => undefined,
		},
		getNode: () => fakeNode,
		helpers: {
			returnJsonArray: (data: IDataObject | IDataObject[]): INodeExecutionData[] =>
				(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
		},
	};
	return { ctx: ctx as unknown as IWebhookFunctions, response };
}

export async function runWebhook(
	params: Record<string, unknown>,
	request: FakeRequest,
	staticData: IDataObject = {},
): Promise<WebhookRun> {
	const { ctx, response } = makeWebhookContext(params, request, staticData);
	const result = await node.webhook.call(ctx);
	const items = (result.workflowData?.[0] ?? []).map((i) => i.json);
	return { result, response, items };
}

/** Runs one of the node's webhookMethods (publish / unpublish) with the given parameters. */
export async function runHook(
	method: 'checkExists' | 'create' | 'delete',
	params: Record<string, unknown>,
	staticData: IDataObject = {},
	warnings: string[] = [],
): Promise<boolean> {
	const ctx = {
		getNodeParameter: parameterReader(params),
		getNode: () => fakeNode,
		logger: { warn: (m: string) => warnings.push(m) },
		getWorkflowStaticData: () => staticData,
		getNodeWebhookUrl: () => undefined,
	} as unknown as IHookFunctions;
	return await node.webhookMethods.default[method].call(ctx);
}

/** Runs the node's checkExists (activation) with the given parameters. */
export const runCheckExists = (params: Record<string, unknown>, warnings: string[] = []) =>
	runHook('checkExists', params, {}, warnings);
