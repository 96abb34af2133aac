import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { sampleCandidate } from '../fixtures/candidates';
import { errorOf, node, outputOf, WorkflowHarness } from '../harness/runWorkflow';
const { startStardexSandbox } = require('../sandbox/stardex');

/**
 * Stardex export with files: the resume binary, or the generated profile PDF, uploaded as the
 * person's resume_doc with POST /v1/persons/{id}/documents (multipart, parsed by the sandbox).
 */
type Sandbox = Awaited<ReturnType<typeof startStardexSandbox>>;
let sdx: Sandbox;
const FAST = { limit: 100_000, windowMs: 60_000, mode: 'sliding' };
const PDF = fs.readFileSync(path.join(__dirname, '../fixtures/resume.pdf'));

beforeAll(async () => {
	sdx = await startStardexSandbox({ rateLimit: FAST });
});
afterAll(async () => sdx.close());
let logStart = 0;
beforeEach(() => {
	sdx.reset();
	logStart = sdx.requests().length;
	sdx.setFaults({});
	sdx.configure({ maxDocumentBytes: 25 * 1024 * 1024 });
});

async function exportItems(items: INodeExecutionData[], params: IDataObject = {}) {
	const wf = new WorkflowHarness(
		{
			nodes: [
				node(
					'Stardex',
					'stardex',
					{
						resource: 'candidate',
						operation: 'export',
						candidateInput: 'input',
						ifExists: 'skip',
						...params,
					},
					{ stardexApi: 'Stardex sandbox' },
					{ onError: 'continueRegularOutput' },
				),
			],
			connections: {},
		},
		{ stardexApi: { ...sdx.credentials } as never },
	);
	const run = await wf.run('Stardex', items);
	expect(errorOf(run)).toBeUndefined();
	return outputOf(run, 'Stardex');
}

const withCv = (n: number, tag: string, fileName = 'jane-cv.pdf'): INodeExecutionData => ({
	json: { ...sampleCandidate(n, tag), resume: { binaryProperty: 'cv' } },
	binary: { cv: { data: PDF.toString('base64'), mimeType: 'application/pdf', fileName } },
});
const fromOutreach = (n: number, tag: string): INodeExecutionData => ({
	json: {
		...sampleCandidate(n, tag),
		tool: 'lemlist',
		campaign: { id: 'cmp_1', name: 'Backend Q3' },
		reply: { text: 'Sounds interesting, happy to talk next week.' },
	},
});
const documents = () => sdx.documents() as Array<IDataObject & { data: Buffer }>;
const uploads = () =>
	sdx
		.requests()
		.slice(logStart)
		.filter((e: IDataObject) => /\/documents$/.test(String(e.path)));

function pdfText(data: Buffer): string | undefined {
	try {
		execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
	} catch {
		return undefined;
	}
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ats-sync-sdxdoc-'));
	try {
		const file = path.join(dir, 'profile.pdf');
		fs.writeFileSync(file, data);
		return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

describe('Stardex export: the resume as a person document', () => {
	test('a resume binary is uploaded byte for byte to each new person as resume_doc, once', async () => {
		const out = await exportItems([withCv(0, 'doc'), withCv(1, 'doc', 'Zoë "CV".pdf')]);
		expect(out.map((o) => [o.status, o.resumeAttached, o.resumeGenerated])).toEqual([
			['created', true, undefined],
			['created', true, undefined],
		]);
		const docs = documents();
		expect(docs).toHaveLength(2);
		// Items may run in parallel: compare in the order of the outputs.
		const byPerson = (id: unknown) => docs.find((d) => d.person_id === id) as IDataObject;
		expect(
			out
				.map((o) => byPerson(o.candidateId))
				.map((d) => [d.person_id, d.type, d.title, d.content_type]),
		).toEqual([
			[out[0].candidateId, 'resume_doc', 'jane-cv.pdf', 'application/pdf'],
			[out[1].candidateId, 'resume_doc', 'Zoë "CV".pdf', 'application/pdf'],
		]);
		expect(docs.every((d) => Buffer.compare(d.data, PDF) === 0)).toBe(true);
		expect(uploads().map((e: IDataObject) => [e.method, e.status])).toEqual([
			['POST', 200],
			['POST', 200],
		]);

		// A re-run finds the persons: nothing is uploaded again without the option.
		const again = await exportItems([withCv(0, 'doc'), withCv(1, 'doc', 'Zoë "CV".pdf')]);
		expect(again.map((o) => [o.status, o.resumeAttached])).toEqual([
			['skipped', false],
			['skipped', false],
		]);
		expect(documents()).toHaveLength(2);
	});

	test('an outreach-sourced candidate without a file gets the generated profile PDF, readable as text', async () => {
		const [out] = await exportItems([fromOutreach(2, 'gen')]);
		expect(out).toMatchObject({ status: 'created', resumeAttached: true, resumeGenerated: true });
		const [doc] = documents();
		expect(doc).toMatchObject({ type: 'resume_doc', person_id: out.candidateId });
		expect(String(doc.title)).toMatch(/\.pdf$/);
		expect(doc.data.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const text = pdfText(doc.data);
		if (text !== undefined) {
			const c = sampleCandidate(2, 'gen');
			expect(text).toContain(String(c.fullName));
			expect(text).toContain('Backend Q3');
			expect(text).toContain('Sounds interesting');
		}
	});

	test('profilePdf: never, and an item not from an outreach tool, get no document', async () => {
		const out = await exportItems([fromOutreach(3, 'never')], { options: { profilePdf: 'never' } });
		expect(out[0]).toMatchObject({ status: 'created', resumeAttached: false });
		const plain = await exportItems([{ json: sampleCandidate(4, 'plain') }]);
		expect(plain[0]).toMatchObject({ status: 'created', resumeAttached: false });
		expect(plain[0].resumeGenerated).toBeUndefined();
		const always = await exportItems([{ json: sampleCandidate(5, 'always') }], {
			options: { profilePdf: 'always' },
		});
		expect(always[0]).toMatchObject({ resumeAttached: true, resumeGenerated: true });
		expect(documents()).toHaveLength(1);
	});

	test('an existing person gets the file only with the option, and never a second copy', async () => {
		sdx.seed({
			persons: [
				{ name: 'Ann Existing', linkedin_url: String(sampleCandidate(6, 'ex').linkedinUrl) },
			],
		});
		const first = await exportItems([withCv(6, 'ex')]);
		expect(first[0]).toMatchObject({ status: 'skipped' });
		expect(documents()).toHaveLength(0);
		const opts = { options: { resumeToExisting: true } };
		const [attached] = await exportItems([withCv(6, 'ex')], opts);
		expect(attached).toMatchObject({ status: 'skipped', resumeAttached: true });
		const [again] = await exportItems([withCv(6, 'ex')], opts);
		expect(again).toMatchObject({ resumeAttached: false });
		expect(again.resumeNotes).toEqual(['a resume titled "jane-cv.pdf" is already on this person']);
		// An outreach item without a file: nothing generated for a person who was already there.
		await exportItems([fromOutreach(6, 'ex')], opts);
		expect(documents()).toHaveLength(1);
	});

	test('an upload answered 500 after it was stored is found with GET documents, not sent twice', async () => {
		sdx.setFaults({ error5xxAfterWriteRate: 1, only: ['POST /v1/persons/'] });
		const [out] = await exportItems([withCv(7, 'amb')], {
			requestOptions: { confirmWindowSeconds: 2 },
		});
		expect(out).toMatchObject({ status: 'created', resumeAttached: true });
		expect(documents()).toHaveLength(1);
		const calls = uploads().map((e: IDataObject) => `${e.method} ${e.status}`);
		expect(calls[0]).toBe('POST 500');
		expect(calls.filter((c: string) => c.startsWith('POST'))).toHaveLength(1);
		expect(calls).toContain('GET 200');
	});

	test('a missing resume binary fails that item before anything is written; the rest go on', async () => {
		const out = await exportItems([
			{ json: { ...sampleCandidate(8, 'ref'), resume: { binaryProperty: 'missing' } } },
			withCv(9, 'ref'),
		]);
		expect(out[0].error).toMatch(/Resume \(binary property "missing"\) does not exist/);
		expect(out[1]).toMatchObject({ status: 'created', resumeAttached: true });
		expect(sdx.state().counts).toMatchObject({ persons: 1, documents: 1 });
	});

	test('an upload Stardex refuses fails that item, naming the person created; a re-run with the option finishes it', async () => {
		sdx.configure({ maxDocumentBytes: 100 });
		const out = await exportItems([withCv(11, 'ref'), { json: sampleCandidate(12, 'ref') }]);
		// Items run in parallel: find the person of item 0 by their LinkedIn slug.
		const slug = String(sampleCandidate(11, 'ref').linkedinUrl).split('/in/')[1];
		const person = sdx.state().persons.find((p: IDataObject) => p.linkedin_public_id === slug);
		expect(out[0].error).toMatch(
			new RegExp(
				`^\\[item 0\\] Person ${person.id} was created in Stardex, but the resume upload failed: .*400.*file must be at most 0 MB`,
			),
		);
		expect(out[1]).toMatchObject({ status: 'created', resumeAttached: false });
		expect(sdx.state().counts).toMatchObject({ persons: 2, documents: 0 });
		sdx.configure({ maxDocumentBytes: 25 * 1024 * 1024 });
		const [again] = await exportItems([withCv(11, 'ref')], { options: { resumeToExisting: true } });
		expect(again).toMatchObject({ status: 'skipped', resumeAttached: true });
		expect(sdx.state().counts).toMatchObject({ persons: 2, documents: 1 });
	});

	test('Dry Run holds the upload back: the request is listed, nothing is written', async () => {
		const [out] = await exportItems([withCv(10, 'dry')], { options: { dryRun: true } });
		expect(out).toMatchObject({ dryRun: true, decision: 'created', wouldCreate: true });
		const requests = out.requests as IDataObject[];
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /v1/persons',
			'POST /v1/persons/-1/documents',
		]);
		expect(requests[1].body).toEqual({
			file: { fileName: 'jane-cv.pdf', contentType: 'application/pdf', size: PDF.length },
			type: 'resume_doc',
			title: 'jane-cv.pdf',
		});
		expect(sdx.state().counts).toMatchObject({ persons: 0, documents: 0 });
		expect(uploads()).toHaveLength(0);
	});
});
