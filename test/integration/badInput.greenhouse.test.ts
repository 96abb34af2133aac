import * as fs from 'node:fs';
import * as path from 'node:path';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { sampleCandidate } from '../fixtures/candidates';
import { node, outputOf, WorkflowHarness } from '../harness/runWorkflow';
import { expectNoSecrets } from './secrets';
const { startGreenhouseSandbox } = require('../sandbox/greenhouse');

/**
 * The bad-input catalogue, Greenhouse part: every case runs through the node in the harness with
 * continue-on-fail, inside a batch of good items. Each must fail alone, with a message naming the
 * item and the field, and the good items around it must still be exported.
 */
let gh: Awaited<ReturnType<typeof startGreenhouseSandbox>>;
beforeAll(
	async () => (gh = await startGreenhouseSandbox({ rateLimit: { limit: 5000, windowMs: 10_000 } })),
);
afterAll(async () => gh.close());
beforeEach(() => gh.reset());

const pdf = fs.readFileSync(path.join(__dirname, '../fixtures/resume.pdf'));
const bin = (data: Buffer, mimeType: string, fileName: string) => ({
	data: data.toString('base64'),
	mimeType,
	fileName,
});
const base = (n: number): IDataObject => sampleCandidate(n, 'bad');

interface Case {
	name: string;
	item: INodeExecutionData;
	params?: IDataObject;
	credentials?: IDataObject;
	/** The message must contain all of these (item number and field). */
	expect: Array<string | RegExp>;
}

const json = (j: IDataObject, binary?: INodeExecutionData['binary']): INodeExecutionData => ({
	json: j,
	...(binary ? { binary } : {}),
});

const CASES: Case[] = [
	{
		name: 'missing name',
		item: json({ ...base(1), fullName: undefined }),
		expect: ['fullName is missing'],
	},
	{
		name: 'only a first name',
		item: json({ firstName: 'Ann', emails: ['ann@example.com'] }),
		expect: ['fullName is missing'],
	},
	{
		name: 'missing email',
		item: json({ ...base(2), emails: [] }),
		expect: ['Candidate emails are missing'],
	},
	{
		name: 'blank email',
		item: json({ ...base(3), emails: [''] }),
		expect: ['emails[0].value is not a valid email address'],
	},
	{
		name: 'email without domain',
		item: json({ ...base(4), emails: ['jane@'] }),
		expect: ['emails[0].value'],
	},
	{
		name: 'email with two @',
		item: json({ ...base(5), emails: ['jane@@example.com'] }),
		expect: ['emails[0].value'],
	},
	{
		name: 'email with a space',
		item: json({ ...base(6), emails: ['jane doe@example.com'] }),
		expect: ['emails[0].value'],
	},
	{
		name: 'email without TLD',
		item: json({ ...base(7), emails: ['jane@localhost'] }),
		expect: ['emails[0].value'],
	},
	{
		name: 'second email malformed',
		item: json({ ...base(8), emails: ['ok@example.com', 'bad@'] }),
		expect: ['emails[1].value'],
	},
	{
		name: 'unknown email type',
		item: json({ ...base(9), emails: [{ value: 'a@example.com', type: 'home' }] }),
		expect: ['emails[0].type'],
	},
	{
		name: 'phone with letters',
		item: json({ ...base(10), phones: ['call me'] }),
		expect: ['phones[0].value has characters'],
	},
	{
		name: 'phone too short',
		item: json({ ...base(11), phones: ['123'] }),
		expect: ['phones[0].value must have between 6 and 18 digits'],
	},
	{
		name: 'phone too long',
		item: json({ ...base(12), phones: ['+1 234 567 890 123 456 789 0'] }),
		expect: ['phones[0].value must have between 6 and 18 digits'],
	},
	{
		name: 'unknown phone type',
		item: json({ ...base(13), phones: [{ value: '+1 555 0100', type: 'fax' }] }),
		expect: ['phones[0].type'],
	},
	{
		name: 'LinkedIn company page',
		item: json({ ...base(14), linkedinUrl: 'https://www.linkedin.com/company/acme' }),
		expect: ['linkedinUrl', 'is not a LinkedIn profile URL'],
	},
	{
		name: 'LinkedIn on another host',
		item: json({ ...base(15), linkedinUrl: 'https://linkedin.evil.io/in/jane' }),
		expect: ['linkedinUrl'],
	},
	{
		name: 'LinkedIn lookalike domain',
		item: json({ ...base(16), linkedinUrl: 'https://linkedin.com.evil.io/in/jane' }),
		expect: ['linkedinUrl'],
	},
	{
		name: 'LinkedIn without a profile',
		item: json({ ...base(17), linkedinUrl: 'https://www.linkedin.com/in/' }),
		expect: ['linkedinUrl'],
	},
	{ name: 'name is a number', item: json({ ...base(18), fullName: 42 }), expect: ['fullName'] },
	{
		name: 'previous jobs not a list',
		item: json({ ...base(19), previousJobs: 'Acme 2019-2021' }),
		expect: ['previousJobs'],
	},
	{ name: 'tags not text', item: json({ ...base(20), tags: [{ a: 1 }] }), expect: ['tags[0]'] },
	{
		name: 'unknown job id',
		item: json({ ...base(21), jobId: '999' }),
		expect: ['Job 999 was not found in Greenhouse'],
	},
	{
		name: 'job id not a number',
		item: json({ ...base(22), jobId: 'backend-role' }),
		expect: ['Job "backend-role" is not a Greenhouse job ID'],
	},
	{
		name: 'non-PDF resume',
		item: json(
			{ ...base(23), resume: { binaryProperty: 'cv' } },
			{ cv: bin(Buffer.from('plain text cv'), 'text/plain', 'cv.txt') },
		),
		expect: ['Resume (binary property "cv")', 'is not a PDF'],
	},
	{
		name: 'PDF name but Word content',
		item: json(
			{ ...base(24), resume: { binaryProperty: 'cv' } },
			{ cv: bin(Buffer.from('PK\u0003\u0004word'), 'application/pdf', 'cv.pdf') },
		),
		expect: ['is not a PDF'],
	},
	{
		name: 'oversized resume',
		item: json(
			{ ...base(25), resume: { binaryProperty: 'cv' } },
			{ cv: bin(Buffer.concat([pdf, Buffer.alloc(1_200_000)]), 'application/pdf', 'big.pdf') },
		),
		params: { options: { maxResumeMb: 1 } },
		expect: ['Resume (binary property "cv") is 1.', 'over the 1 MB limit'],
	},
	{
		name: 'empty resume',
		item: json(
			{ ...base(26), resume: { binaryProperty: 'cv' } },
			{ cv: bin(Buffer.alloc(0), 'application/pdf', 'empty.pdf') },
		),
		expect: ['is an empty file'],
	},
	{
		name: 'binary property does not exist',
		item: json(
			{ ...base(27), resume: { binaryProperty: 'resume' } },
			{ data: bin(pdf, 'application/pdf', 'cv.pdf') },
		),
		expect: ['Resume (binary property "resume") does not exist on this item', 'data'],
	},
	{
		name: 'no binary data at all',
		item: json({ ...base(28), resume: 'data' }),
		expect: ['Resume (binary property "data") does not exist on this item'],
	},
	{
		// Refused by the package's cap (caps.ts) before any request, instead of Greenhouse's 422.
		name: 'name over its cap (255 characters)',
		item: json({ ...base(29), fullName: `Jane ${'X'.repeat(300)}` }),
		expect: ['fullName has 305 characters; at most 255 are accepted', 'shorten it'],
	},
	{
		name: '422 from the API (unknown source)',
		item: json({ ...base(30), sourceId: 999 }),
		expect: ['HTTP 422', 'source_id: Source 999 does not exist'],
	},
];

const CREDENTIAL_CASES: Case[] = [
	{
		name: 'wrong client secret',
		item: json(base(40)),
		credentials: { clientSecret: 'wrong-secret-value-1' },
		expect: ['Client ID and Client Secret (invalid_client)'],
	},
	{
		name: 'client id without the Greenhouse suffix',
		item: json(base(41)),
		credentials: { clientId: 'sandbox-client' },
		expect: ['Client ID and Client Secret'],
	},
	{
		name: 'acting user that does not exist',
		item: json(base(42)),
		credentials: { actingUserId: '12345' },
		expect: ['Greenhouse refused Acting User ID 12345'],
	},
	{
		name: 'acting user given as an email',
		item: json(base(43)),
		credentials: { actingUserId: 'ada@example.com' },
		expect: ['Acting User ID must be the numeric Greenhouse user ID'],
	},
	{
		name: 'token expired and refresh refused (secret rotated)',
		item: json(base(44)),
		credentials: { accessToken: 'expired-token-abc', clientSecret: 'rotated-secret-2' },
		expect: ['invalid_client'],
	},
	{
		name: 'unreachable API host',
		item: json(base(45)),
		credentials: { apiBaseUrl: 'http://127.0.0.1:9' },
		params: { requestOptions: { maxRetries: 0 } },
		expect: [
			'Greenhouse did not answer GET /v3/candidates: the connection was refused (1 attempt)',
			'Check that http://127.0.0.1:9 is reachable',
		],
	},
];

function workflow(params: IDataObject = {}, credentials: IDataObject = {}) {
	const n = node(
		'Greenhouse',
		'greenhouse',
		{
			resource: 'candidate',
			operation: 'export',
			candidateInput: 'input',
			// Per-item values come from the item, so one bad item sits among good ones.
			job: { __rl: true, mode: 'id', value: '={{ $json.jobId || "4012000" }}' },
			ifExists: 'skip',
			...params,
			options: { sourceId: '={{ $json.sourceId || "" }}', ...(params.options as IDataObject) },
		},
		{ greenhouseHarvestApi: 'Greenhouse sandbox' },
		{ onError: 'continueRegularOutput' },
	);
	return new WorkflowHarness(
		{ nodes: [n], connections: {} },
		{ greenhouseHarvestApi: { accessToken: '', ...gh.credentials, ...credentials } as never },
	);
}

describe('bad-input catalogue: Greenhouse', () => {
	test.each(CASES.map((c) => [c.name, c] as const))(
		'%s → clear per-item error, the rest of the batch goes on',
		async (_name, c) => {
			const good = [json(base(100)), c.item, json(base(101))];
			const run = await workflow(c.params).run('Greenhouse', good);
			const out = outputOf(run, 'Greenhouse');
			expect(out).toHaveLength(3);
			expect(out[0].status).toBe('created');
			expect(out[2].status).toBe('created');
			expect(out[1].status).toBe('failed');
			const message = String(out[1].error);
			expect(message.startsWith('[item 1] ')).toBe(true);
			for (const e of c.expect)
				expect(message).toEqual(expect.stringMatching(typeof e === 'string' ? escape(e) : e));
			expectNoSecrets(run, [
				gh.credentials.clientSecret,
				...Object.values(c.credentials ?? {}).map(String),
			]);
		},
	);

	test.each(CREDENTIAL_CASES.map((c) => [c.name, c] as const))(
		'%s → clear error on every item, no secret in any output',
		async (_name, c) => {
			const run = await workflow(c.params, c.credentials).run('Greenhouse', [
				c.item,
				json(base(102)),
			]);
			const out = outputOf(run, 'Greenhouse');
			expect(out).toHaveLength(2);
			for (const [i, o] of out.entries()) {
				expect(o.status).toBe('failed');
				expect(String(o.error).startsWith(`[item ${i}] `)).toBe(true);
				for (const e of c.expect) expect(String(o.error)).toContain(e);
			}
			expectNoSecrets(run, [
				gh.credentials.clientSecret,
				...Object.entries(c.credentials ?? {})
					.filter(([k]) => /secret|token/i.test(k))
					.map(([, v]) => String(v)),
			]);
			expect(gh.state().counts.candidates).toBe(0);
		},
	);
});

function escape(s: string): RegExp {
	return new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
