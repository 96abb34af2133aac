import { createHmac } from 'crypto';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';

import { TOOLS, type Tool } from '../../../nodes/OutreachTrigger/adapters/types';
import { runWebhook } from './webhookHarness';

/**
 * Whatever arrives, the webhook answers (200, 400 or 401) and never throws; without valid auth it
 * never starts the workflow.
 */

const DIR = join(__dirname, '../../fixtures/outreach');
const FIXTURES: Array<{ tool: Tool; body: unknown }> = readdirSync(DIR)
	.filter((f) => f !== 'replies.json')
	.map((f) => {
		const prefix = f.split('-')[0];
		const tool = TOOLS.find((t) => t.toLowerCase() === prefix) as Tool;
		return { tool, body: JSON.parse(readFileSync(join(DIR, f), 'utf8')) };
	});

const ALL_EVENTS = ['addedToSequence', 'replied', 'interested'];
const source = fc.constantFrom(...TOOLS);
const status = (s: number | undefined) => s === undefined || s === 400 || s === 401;
// The node's and the handler's catch-alls: reaching them means a bug was hidden behind a 400.
const CATCH_ALL = /could not be read/;

type Json = unknown;
type Mutation = [number, Json, 'delete' | 'replace' | 'wrap' | 'stringify'];

/** Every path to a value inside a JSON document. */
function paths(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
	const children = Array.isArray(value)
		? value.flatMap((v, i) => paths(v, [...prefix, i]))
		: value && typeof value === 'object'
			? Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))
			: [];
	return prefix.length ? [prefix, ...children] : children;
}

function mutate(doc: Json, mutations: Mutation[]): Json {
	let out = JSON.parse(JSON.stringify(doc));
	for (const [pick, replacement, op] of mutations) {
		const all = paths(out);
		if (!all.length) return replacement;
		const path = all[pick % all.length];
		const parent = path
			.slice(0, -1)
			.reduce((o: Record<string | number, Json>, k) => o[k] as Record<string | number, Json>, out);
		const key = path[path.length - 1];
		if (op === 'delete') {
			if (Array.isArray(parent)) parent.splice(Number(key), 1);
			else delete parent[key];
		} else if (op === 'replace') parent[key] = replacement;
		else if (op === 'wrap') parent[key] = [parent[key], replacement];
		else parent[key] = JSON.stringify(parent[key]) ?? 'null';
		if (pick % 97 === 0) out = [out];
	}
	return out;
}

const mutation = fc.tuple(
	fc.nat(),
	fc.jsonValue({ maxDepth: 2 }),
	fc.constantFrom('delete', 'replace', 'wrap', 'stringify'),
) as fc.Arbitrary<Mutation>;

describe('webhook never throws', () => {
	it('on random bytes, random JSON and random strings, for every source', async () => {
		const body = fc.oneof(
			fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
			fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? ''),
			fc.string({ maxLength: 200 }),
		);
		await fc.assert(
			fc.asyncProperty(source, body, async (tool, rawBody) => {
				const run = await runWebhook({ source: tool, events: ALL_EVENTS }, { rawBody });
				expect(status(run.response.statusCode)).toBe(true);
				expect(String(run.response.body ?? '')).not.toMatch(CATCH_ALL);
			}),
			{ numRuns: 400 },
		);
	});

	it('on mutated versions of every documented payload', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...FIXTURES),
				fc.array(mutation, { minLength: 1, maxLength: 6 }),
				async ({ tool, body }, mutations) => {
					const mutated = mutate(body, mutations);
					const run = await runWebhook(
						{ source: tool, events: ALL_EVENTS },
						{ rawBody: JSON.stringify(mutated) },
					);
					expect(status(run.response.statusCode)).toBe(true);
					expect(String(run.response.body ?? '')).not.toMatch(CATCH_ALL);
					for (const item of run.items) {
						expect(typeof item.eventId).toBe('string');
						expect(['addedToSequence', 'replied', 'interested']).toContain(item.event);
					}
				},
			),
			{ numRuns: 400 },
		);
	});
});

describe('webhook never triggers without valid auth', () => {
	it('query and header tokens: any other value is a 401', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...FIXTURES),
				fc.constantFrom('queryToken', 'headerToken'),
				fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
				async ({ tool, body }, mode, given) => {
					fc.pre(given !== 'the-real-token');
					const run = await runWebhook(
						{ source: tool, events: ALL_EVENTS, authentication: mode, secret: 'the-real-token' },
						{
							rawBody: JSON.stringify(body),
							query: given === undefined ? {} : { token: given },
							headers: given === undefined ? {} : { 'X-Webhook-Token': given },
						},
					);
					expect(run.response.statusCode).toBe(401);
					expect(run.result.workflowData).toBeUndefined();
				},
			),
			{ numRuns: 200 },
		);
	});

	it('HMAC: a body changed after signing is a 401', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...FIXTURES),
				fc.array(mutation, { minLength: 1, maxLength: 4 }),
				async ({ tool, body }, mutations) => {
					const original = JSON.stringify(body);
					const tampered = JSON.stringify(mutate(body, mutations)) ?? '';
					fc.pre(tampered !== original);
					const signature = `sha256=${createHmac('sha256', 'k3y').update(original).digest('hex')}`;
					const run = await runWebhook(
						{ source: 'generic', events: ALL_EVENTS, authentication: 'hmac', secret: 'k3y' },
						{ rawBody: tampered, headers: { 'X-Signature': signature } },
					);
					expect(run.response.statusCode).toBe(401);
					expect(run.result.workflowData).toBeUndefined();
					void tool;
				},
			),
			{ numRuns: 200 },
		);
	});

	it('body secret: events whose secret field is missing or different are a 401', async () => {
		const lemlist = FIXTURES.filter((f) => f.tool === 'lemlist').map(
			(f) => f.body as Record<string, unknown>,
		);
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...lemlist),
				fc.option(fc.jsonValue({ maxDepth: 1 }), { nil: undefined }),
				async (body, secret) => {
					fc.pre(secret !== 'lemlist-shared-secret-123');
					const run = await runWebhook(
						{
							source: 'lemlist',
							events: ALL_EVENTS,
							authentication: 'bodySecret',
							secret: 'lemlist-shared-secret-123',
						},
						{ rawBody: JSON.stringify({ ...body, secret }) },
					);
					expect(run.response.statusCode === 401 || run.response.statusCode === 400).toBe(true);
					expect(run.result.workflowData).toBeUndefined();
				},
			),
			{ numRuns: 200 },
		);
	});
});
