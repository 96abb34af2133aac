/**
 * The workflows the real-n8n benchmarks import: the careful user's HTTP Request workflow (Batching and
 * Retry On Fail, tuned to the limit) doing the same work as our export node, and our node itself.
 */
import type { IDataObject } from 'n8n-workflow';

import { candidateBody } from '../../nodes/Greenhouse/mapping';
import { planEmployments } from '../../nodes/Greenhouse/employments';
import { parseCandidate } from '../../nodes/shared/candidate/normalize';
import { generatedResume } from '../../nodes/shared/export/resume';

export const JOB_ID = 4012000;

export interface Batching {
	batchSize: number;
	batchInterval: number;
}

/** What the baseline workflow receives per candidate: the bodies our node would send, precomputed. */
export function baselinePayload(raw: IDataObject[]): IDataObject[] {
	return raw.map((r) => {
		const parsed = parseCandidate(r);
		if (!parsed.ok) throw new Error(`sample candidate is not valid: ${JSON.stringify(parsed)}`);
		const c = parsed.candidate;
		const resume = generatedResume(c, {});
		return {
			email: c.emails[0].value,
			body: candidateBody(c, { jobId: JOB_ID }),
			// candidate_id is filled in by the workflow from the create's answer.
			employments: planEmployments(0, c.previousJobs).bodies,
			resume: { filename: resume.fileName, content: resume.base64 },
		};
	});
}

export const webhook = (path: string) => ({
	name: 'Webhook',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	position: [0, 0],
	webhookId: path,
	parameters: { httpMethod: 'POST', path, responseMode: 'onReceived' },
});

export const split = (field: string) => ({
	name: 'Split',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	position: [0, 0],
	parameters: {
		jsCode: `return $('Webhook').first().json.body.${field}.map((c) => ({ json: c }));`,
	},
});

export const ifNode = (name: string, expression: string) => ({
	name,
	type: 'n8n-nodes-base.if',
	typeVersion: 2,
	position: [0, 0],
	parameters: {
		conditions: {
			options: { caseSensitive: true, leftValue: '', typeValidation: 'loose' },
			conditions: [
				{
					leftValue: `={{ ${expression} }}`,
					rightValue: true,
					operator: { type: 'boolean', operation: 'true', singleValue: true },
				},
			],
			combinator: 'and',
		},
		options: {},
	},
});

/** Greenhouse's client-credentials token, fetched once per execution (the user's first HTTP node). */
function tokenNode(gh: { credentials: IDataObject }) {
	const c = gh.credentials as Record<string, string>;
	const basic = Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64');
	return {
		name: 'Get token',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [0, 0],
		executeOnce: true,
		parameters: {
			method: 'POST',
			url: c.tokenUrl,
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Authorization', value: `Basic ${basic}` }] },
			sendBody: true,
			contentType: 'form-urlencoded',
			bodyParameters: {
				parameters: [
					{ name: 'grant_type', value: 'client_credentials' },
					{ name: 'sub', value: c.actingUserId },
				],
			},
			options: {},
		},
	};
}

/**
 * One HTTP Request node as a careful user sets it: Batching tuned to the limit, Retry On Fail at
 * n8n's maximum (5 tries, 5 s apart), On Error left at Stop Workflow (with Continue, n8n 2.x retries a
 * node only when its first item failed, so most failures would never be retried).
 */
function http(name: string, batching: Batching, parameters: IDataObject, fullResponse = false) {
	return {
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [0, 0],
		retryOnFail: true,
		maxTries: 5,
		waitBetweenTries: 5000,
		parameters: {
			...parameters,
			sendHeaders: true,
			headerParameters: {
				parameters: [
					{
						name: 'Authorization',
						value: '={{ "Bearer " + $("Get token").first().json.access_token }}',
					},
				],
			},
			options: {
				batching: { batch: batching },
				...(fullResponse ? { response: { response: { fullResponse: true } } } : {}),
			},
		},
	};
}

export const link = (to: string) => ({ main: [[{ node: to, type: 'main', index: 0 }]] });

/**
 * Webhook → token → split → lookup by email → IF new → create (with the application) → attach the
 * resume → split employments → add each employment. The same requests our node makes per candidate.
 */
export function baselineWorkflow(
	gh: { url: string; credentials: IDataObject },
	b: Batching,
	path: string,
) {
	const post = (path: string, json: string) => ({
		method: 'POST',
		url: `${gh.url}${path}`,
		sendBody: true,
		specifyBody: 'json',
		jsonBody: `={{ JSON.stringify(${json}) }}`,
	});
	const nodes = [
		webhook(path),
		tokenNode(gh),
		split('candidates'),
		http(
			'Lookup',
			b,
			{
				method: 'GET',
				url: `${gh.url}/v3/candidates`,
				sendQuery: true,
				queryParameters: { parameters: [{ name: 'email', value: '={{ $json.email }}' }] },
			},
			true,
		),
		// The full response, so an empty search answer stays one item (a bare [] would be no item).
		ifNode('Is new', '$json.statusCode === 200 && $json.body.length === 0'),
		http('Create', b, post('/v3/candidates', '$("Split").item.json.body')),
		http(
			'Attach resume',
			b,
			post(
				'/v3/attachments',
				'{ application_id: $("Create").item.json.application.id, type: "resume", ...$("Split").item.json.resume }',
			),
		),
		{
			name: 'Employments',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [0, 0],
			parameters: {
				jsCode: [
					'return $input.all().flatMap((it, k) => {',
					"	const created = $('Create').itemMatching(k).json;",
					"	const jobs = $('Split').itemMatching(k).json.employments || [];",
					'	return jobs.map((e) => ({ json: { ...e, candidate_id: created.candidate.id } }));',
					'});',
				].join('\n'),
			},
		},
		http('Add employment', b, post('/v3/candidate_employments', '$json')),
	];
	return {
		name: 'Bench: careful HTTP Request workflow',
		settings: { executionOrder: 'v1' },
		nodes,
		connections: {
			Webhook: link('Get token'),
			'Get token': link('Split'),
			Split: link('Lookup'),
			Lookup: link('Is new'),
			'Is new': { main: [[{ node: 'Create', type: 'main', index: 0 }], []] },
			Create: link('Attach resume'),
			'Attach resume': link('Employments'),
			Employments: link('Add employment'),
		},
	};
}

/** Our Greenhouse node in a real-n8n workflow; by default an item's error goes on as output. */
export function greenhouseNode(
	creds: { id: string; name: string },
	parameters: IDataObject,
	extra: IDataObject = { onError: 'continueRegularOutput' },
) {
	return {
		name: 'Greenhouse',
		type: 'n8n-nodes-ats-sync.greenhouse',
		typeVersion: 1,
		position: [0, 0],
		credentials: { greenhouseHarvestApi: creds },
		...extra,
		parameters,
	};
}

/** Webhook → split → our Greenhouse export (same job, the generated profile PDF as the resume). */
export function ourWorkflow(creds: { id: string; name: string }, path: string) {
	return {
		name: 'Bench: Greenhouse export node',
		settings: { executionOrder: 'v1' },
		nodes: [webhook(path), split('candidates'), greenhouseNode(creds, exportParameters())],
		connections: { Webhook: link('Split'), Split: link('Greenhouse') },
	};
}

/** The export's parameters, shared by the real-n8n and the in-process runs. */
export function exportParameters(): IDataObject {
	return { ...skipExistingParameters(), options: { profilePdf: 'always' } };
}

/** The export to job JOB_ID that skips a candidate already there, with the default options. */
export function skipExistingParameters(): IDataObject {
	return {
		resource: 'candidate',
		operation: 'export',
		candidateInput: 'input',
		job: { __rl: true, mode: 'id', value: String(JOB_ID) },
		ifExists: 'skip',
	};
}
