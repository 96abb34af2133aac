import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	resumeAfterCreate,
	resumeBeforeWrite,
	resumeForExisting,
} from '../../../../../nodes/Stardex/actions/candidate/resume';
import { parseCandidate } from '../../../../../nodes/shared/candidate/normalize';
import { fakeContext, type Step } from '../../../shared/http/fakeContext';

const PDF = Buffer.from('%PDF-1.4\n%%EOF');
const RESUME = {
	fileName: 'cv.pdf',
	mimeType: 'application/pdf',
	base64: PDF.toString('base64'),
	size: PDF.length,
};
const parsed = parseCandidate({
	fullName: 'Ana Lima',
	emails: ['ana@example.com'],
	linkedinUrl: 'https://www.linkedin.com/in/ana-lima',
});
if (!parsed.ok) throw new Error('fixture');
const CANDIDATE = parsed.candidate;

function ctxOf(steps: Step[], json: IDataObject = {}) {
	const { ctx, calls } = fakeContext(steps, { apiKey: 'k', apiBaseUrl: 'https://api.stardex.ai' });
	Object.assign(ctx, { getInputData: () => [{ json }], getExecutionCancelSignal: () => undefined });
	return { ctx: ctx as IExecuteFunctions, calls };
}
const a = (resume?: typeof RESUME) => ({
	candidate: CANDIDATE,
	personId: 'p1',
	appUrl: 'https://app.stardex.ai',
	resume,
});
const uploaded = { status: 200, body: { success: true, data: { id: 'd1', type: 'resume_doc' } } };

describe('resumeAfterCreate', () => {
	test('the file when there is one; else the generated profile for an outreach item; else nothing', async () => {
		const file = ctxOf([uploaded], { tool: 'lemlist' });
		expect(await resumeAfterCreate(file.ctx, 0, a(RESUME), {})).toEqual({ resumeAttached: true });
		const gen = ctxOf([uploaded], { tool: 'lemlist' });
		expect(await resumeAfterCreate(gen.ctx, 0, a(), {})).toMatchObject({
			resumeAttached: true,
			resumeGenerated: true,
		});
		const none = ctxOf([], {});
		expect(await resumeAfterCreate(none.ctx, 0, a(), {})).toEqual({ resumeAttached: false });
		const never = ctxOf([], { tool: 'lemlist' });
		expect(await resumeAfterCreate(never.ctx, 0, a(), { profilePdf: 'never' })).toEqual({
			resumeAttached: false,
		});
		expect(none.calls.length + never.calls.length).toBe(0);
	});

	test('a refused upload fails the item, naming the person created and what to do', async () => {
		const { ctx } = ctxOf([
			{
				status: 400,
				body: {
					success: false,
					error: { code: 'VALIDATION_ERROR', message: 'file type not allowed' },
				},
			},
		]);
		await expect(resumeAfterCreate(ctx, 0, a(RESUME), {})).rejects.toThrow(
			/^\[item 0\] Person p1 was created in Stardex, but the resume upload failed: .*file type not allowed.*Attach Resume to Existing Person/,
		);
	});
});

describe('resumeForExisting', () => {
	test('no upload without the option (the output says so) or without a file; with both, one upload', async () => {
		const { ctx, calls } = ctxOf([
			{ status: 200, body: { success: true, data: [], meta: { total: 0 } } },
			uploaded,
		]);
		expect(await resumeForExisting(ctx, 0, 'p1', RESUME, {})).toMatchObject({
			resumeAttached: false,
			resumeNotes: [
				expect.stringMatching(/already in Stardex.*Attach Resume to Existing Person is off/),
			],
		});
		expect(await resumeForExisting(ctx, 0, 'p1', undefined, { resumeToExisting: true })).toEqual(
			{},
		);
		expect(calls).toHaveLength(0);
		expect(await resumeForExisting(ctx, 0, 'p1', RESUME, { resumeToExisting: true })).toEqual({
			resumeAttached: true,
		});
		expect(calls.map((c) => c.method)).toEqual(['GET', 'POST']);
	});
});

describe('resumeBeforeWrite', () => {
	function withBinary(bytes: Buffer) {
		const { ctx, calls } = ctxOf([]);
		const item = {
			json: {},
			binary: { cv: { data: '', mimeType: 'application/pdf', fileName: 'cv.pdf' } },
		};
		Object.assign(ctx, { getInputData: () => [item] });
		Object.assign(ctx.helpers, { getBinaryDataBuffer: async () => bytes });
		return { ctx, calls };
	}

	test('a Max Resume Size over 25 MB is capped at Stardex’s 25 MB, before any request', async () => {
		const big = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(25 * 1024 * 1024 + 1 - 5, 0x20)]);
		const { ctx, calls } = withBinary(big);
		await expect(
			resumeBeforeWrite(ctx, 0, CANDIDATE, { resumeBinaryProperty: 'cv', maxResumeMb: 40 }),
		).rejects.toThrow(/is 25\.0 MB, over the 25 MB limit/);
		expect(calls).toHaveLength(0);
		const ok = withBinary(PDF);
		expect(
			await resumeBeforeWrite(ok.ctx, 0, CANDIDATE, { resumeBinaryProperty: 'cv' }),
		).toMatchObject({
			fileName: 'cv.pdf',
			size: PDF.length,
		});
		expect(await resumeBeforeWrite(ok.ctx, 0, CANDIDATE, {})).toBeUndefined();
	});
});
