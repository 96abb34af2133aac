import nock from 'nock';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeCredentialTestResult,
	INodeType,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { ExecuteContext, ExecutionLifecycleHooks, RoutingNode } from 'n8n-core';

import { IntelliHrApi } from '../../credentials/IntelliHrApi.credentials';

import { WorkflowHarness } from '../harness/runWorkflow';

const GOOD: ICredentialDataDecryptedObject = {
	apiKey: 'ihr-key-0123456789abcdef',
	subdomain: 'acme',
	apiBaseUrl: 'https://api.intellihr.io/v1',
};
const credential = new IntelliHrApi();

/**
 * n8n's CredentialsTester.testCredentials for a credential with a `test` request, step by step
 * (n8n packages/cli/src/services/credentials-tester.service.ts): a temporary node whose one
 * property routes the test request, run by n8n-core's RoutingNode with the credential's own
 * `authenticate`, and the same translation of failures into the message the user sees.
 */
async function testCredential(
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const harness = new WorkflowHarness({ nodes: [], connections: {} }, { intelliHrApi: data });
	const additionalData = (
		harness as unknown as {
			additionalData(h: ExecutionLifecycleHooks): IWorkflowExecuteAdditionalData;
		}
	).additionalData(new ExecutionLifecycleHooks('internal', 'test', {} as IWorkflowBase));
	const node: INode = {
		id: 'temp',
		// n8n's Workflow gives the temporary node its property's default, which is how n8n knows a
		// credential test is running (and runs preAuthentication whatever is stored).
		parameters: { temp: '' },
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		credentials: { intelliHrApi: { id: 'c1', name: 'IntelliHR' } },
	};
	const nodeType: INodeType = {
		description: {
			displayName: 'No Operation',
			name: 'n8n-nodes-base.noOp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			credentials: [{ name: 'intelliHrApi', required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: credential.test.request },
					default: '',
				},
			],
		},
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => nodeType,
			getByNameAndVersion: () => nodeType,
			getKnownTypes: () => ({}),
		},
	});
	const runExecutionData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
	const ctx = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		runExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	try {
		await new RoutingNode(ctx, nodeType, {
			id: 'c1',
			name: 'IntelliHR',
			type: 'intelliHrApi',
			data,
		}).runNode();
	} catch (error) {
		const e = error as {
			message: string;
			cause?: { response?: { status: number; statusText?: string }; code?: string };
		};
		if (e.cause?.response) {
			const rule = credential.test.rules?.find(
				(r) => r.type === 'responseCode' && r.properties.value === e.cause!.response!.status,
			);
			if (rule && rule.type === 'responseCode')
				return { status: 'Error', message: rule.properties.message };
			return {
				status: 'Error',
				message:
					e.cause.response.statusText || `Received HTTP status code: ${e.cause.response.status}`,
			};
		} else if (e.cause?.code) {
			return { status: 'Error', message: e.cause.code };
		}
		return { status: 'Error', message: e.message.toString() };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/** The reads of the access check (credentials/accessCheck.ts), each answered `status`. */
function probes(status: number, headers: Record<string, string> = {}) {
	const scope = nock('https://api.intellihr.io', { reqheaders: headers });
	for (const p of [
		'/business-entities',
		'/business-units',
		'/work-classes',
		'/locations',
		'/work-types',
		'/jobs',
	])
		scope.get(`/v1${p}`).query({ limit: 1 }).reply(status, { data: [] });
	return scope;
}

describe('IntelliHR credential test (as n8n runs it)', () => {
	test('GET https://api.intellihr.io/v1/people?limit=1 with Bearer key and tenant header → OK, after the access check', async () => {
		const headers = { authorization: 'Bearer ihr-key-0123456789abcdef', tenant: 'acme' };
		// The access check (preAuthentication, run on every Test press) reads people first, then the lists.
		const scope = nock('https://api.intellihr.io', { reqheaders: headers })
			.get('/v1/people')
			.query({ limit: 1 })
			.times(2)
			.reply(200, { data: [], meta: { pagination: { total: 0 } } });
		const lists = probes(200, headers);
		expect(await testCredential(GOOD)).toEqual({ status: 'OK', message: 'Connection successful!' });
		scope.done();
		lists.done();
	});

	test('a list the key may not read fails the test, naming it', async () => {
		nock('https://api.intellihr.io').get('/v1/people').query({ limit: 1 }).reply(200, { data: [] });
		const scope = nock('https://api.intellihr.io');
		for (const p of [
			'/business-entities',
			'/business-units',
			'/work-classes',
			'/locations',
			'/work-types',
			'/jobs',
		])
			scope
				.get(`/v1${p}`)
				.query({ limit: 1 })
				.reply(p === '/work-types' ? 403 : 200, {
					name: 'Forbidden',
					message: 'Error',
					code: 403,
					errors: {},
				});
		const result = await testCredential(GOOD);
		expect(result.status).toBe('Error');
		expect(result.message).toContain(
			"IntelliHR accepted the API key, but it may not: read Work Types (needed by the Send Hired operation's Work Types list)",
		);
	});

	test('an empty API Base URL falls back to the real API, and a pasted web address is reduced to the tenant', async () => {
		const scope = nock('https://api.intellihr.io', { reqheaders: { tenant: 'acme' } })
			.get('/v1/people')
			.query({ limit: 1 })
			.times(2)
			.reply(200, { data: [] });
		probes(200, { tenant: 'acme' });
		expect(
			await testCredential({
				...GOOD,
				apiBaseUrl: '',
				subdomain: 'https://acme.intellihr.net/spa/settings/access-keys',
			}),
		).toMatchObject({ status: 'OK' });
		scope.done();
	});

	test.each([
		['evil.com', 'points to "evil.com", which is not an address under intellihr.net'],
		['acme.intellihr.net.evil.com', 'points to "acme.intellihr.net.evil.com"'],
		['https://x@evil.com', 'contains a user name or "@"'],
		['acme:8443', 'contains ":"'],
		['127.0.0.1', 'is an IP address'],
		['аcme', 'contains non-ASCII characters'],
		['acme\r\ntenant: other', 'contains spaces, line breaks or invisible characters'],
		['acme_corp', 'contains an underscore'],
		['', 'is empty'],
	])(
		'subdomain %j: the test fails with the reason, and nothing is sent',
		async (subdomain, reason) => {
			const scope = nock('https://api.intellihr.io').get(/.*/).reply(200, {});
			const result = await testCredential({ ...GOOD, subdomain });
			expect(result.status).toBe('Error');
			expect(result.message).toContain(`IntelliHR credential: Company Subdomain ${reason}`);
			expect(result.message).toContain(
				'Enter just the company part of your IntelliHR address, e.g. acme for https://acme.intellihr.net',
			);
			expect(scope.isDone()).toBe(false);
		},
	);

	test('401 and 403 get messages that say what to fix', async () => {
		// The access check reads people first (a 401 ends it quietly); n8n-core resends once after a
		// 401, running the check again: four answers.
		nock('https://api.intellihr.io')
			.get('/v1/people')
			.query(true)
			.times(4)
			.reply(401, { name: 'Unauthorized', message: 'Unauthorized', code: 401, errors: {} });
		expect(await testCredential(GOOD)).toEqual({
			status: 'Error',
			message: credential.test.rules![0].properties.message,
		});
		nock('https://api.intellihr.io')
			.get('/v1/people')
			.query(true)
			.times(2)
			.reply(403, { name: 'Forbidden', message: 'Error', code: 403, errors: {} });
		const forbidden = await testCredential(GOOD);
		expect(forbidden.message).toContain(
			'Check that the Company Subdomain is the company the API key was created in',
		);
	});

	test('an empty key or a bad base URL is refused before anything is sent', async () => {
		expect((await testCredential({ ...GOOD, apiKey: '' })).message).toContain(
			'IntelliHR credential: API Key is empty',
		);
		expect(
			(await testCredential({ ...GOOD, apiBaseUrl: 'https://user:pw@api.intellihr.io/v1' }))
				.message,
		).toContain('API Base URL may not contain a user name or password');
		expect(
			(await testCredential({ ...GOOD, apiBaseUrl: 'http://169.254.169.254/latest' })).message,
		).toContain('API Base URL is an IP address; only api.intellihr.io, *.intellihr.io may receive');
		expect(
			(await testCredential({ ...GOOD, apiBaseUrl: 'https://intellihr.evil.example/v1' })).message,
		).toContain('API Base URL points to intellihr.evil.example');
	});
});
