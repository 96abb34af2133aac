import type { IExecuteFunctions } from 'n8n-workflow';

import {
	resumeDocuments,
	uploadResume,
	uploadResumeUnlessThere,
} from '../../../../../nodes/Stardex/actions/candidate/documents';
import { setRetryPolicy } from '../../../../../nodes/shared/http/retryPolicy';
import { fakeContext, type Step } from '../../../shared/http/fakeContext';
const { parseMultipart } = require('../../../../sandbox/multipart');

const PDF = Buffer.from('%PDF-1.4\n\xff\xfe binary\r\n%%EOF', 'latin1');
const RESUME = {
	fileName: 'cv.pdf',
	mimeType: 'application/pdf',
	base64: PDF.toString('base64'),
	size: PDF.length,
};
const API = 'https://api.stardex.ai';
const ctxOf = (steps: Step[]) => {
	const { ctx, calls } = fakeContext(steps, { apiKey: 'k', apiBaseUrl: API });
	(ctx as unknown as { getExecutionCancelSignal: () => undefined }).getExecutionCancelSignal = () =>
		undefined;
	return { ctx: ctx as IExecuteFunctions, calls };
};
const ok = (data: unknown, meta?: unknown) => ({
	status: 200,
	body: { success: true, data, ...(meta ? { meta } : {}) },
});

describe('uploadResume', () => {
	test('POST /v1/persons/{id}/documents as multipart: the file, type resume_doc and the file name as title', async () => {
		const { ctx, calls } = ctxOf([ok({ id: 'd1', type: 'resume_doc', title: 'cv.pdf' })]);
		expect(await uploadResume(ctx, 'p 1', RESUME, 0)).toMatchObject({ id: 'd1' });
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({ method: 'POST', url: `${API}/v1/persons/p%201/documents` });
		const type = (calls[0].headers as Record<string, string>)['content-type'];
		const parsed = parseMultipart(type, calls[0].body as Buffer);
		expect(parsed.parts.map((p: { name: string }) => p.name)).toEqual(['file', 'type', 'title']);
		expect(Buffer.compare(parsed.parts[0].data, PDF)).toBe(0);
		expect(parsed.parts[0]).toMatchObject({ filename: 'cv.pdf', contentType: 'application/pdf' });
		expect(parsed.parts.slice(1).map((p: { data: Buffer }) => p.data.toString())).toEqual([
			'resume_doc',
			'cv.pdf',
		]);
	});

	test('an upload answered 500 is not sent again: the document list shows it, and it counts as done', async () => {
		const { ctx, calls } = ctxOf([
			{ status: 500, body: { success: false, error: { code: 'INTERNAL_ERROR', message: 'x' } } },
			ok([{ type: 'resume_doc', title: 'cv.pdf' }], { total: 1, offset: 0, limit: 100 }),
		]);
		expect(await uploadResume(ctx, 'p1', RESUME, 0)).toMatchObject({ title: 'cv.pdf' });
		expect(calls.map((c) => c.method)).toEqual(['POST', 'GET']);
		expect(calls[1].qs).toEqual({ offset: 0, limit: 100, document_types: 'resume_doc' });
	});

	test('an upload that may have arrived and never shows fails as "may have been created", sent once', async () => {
		const empty = ok([], { total: 0, offset: 0, limit: 100 });
		const { ctx, calls } = ctxOf([
			{ throw: { code: 'ECONNRESET', message: 'socket hang up' } },
			...Array.from({ length: 12 }, () => empty),
		]);
		setRetryPolicy(ctx, { baseDelayMs: 1, maxDelayMs: 2, confirmWindowMs: 50 });
		await expect(uploadResume(ctx, 'p1', RESUME, 0)).rejects.toMatchObject({
			mayHaveBeenCreated: true,
		});
		expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
	});
});

describe('resumeDocuments and uploadResumeUnlessThere', () => {
	test('pages through the list by meta.total', async () => {
		const page = (n: number, offset: number) =>
			ok(
				Array.from({ length: n }, (_, i) => ({ type: 'resume_doc', title: `f${offset + i}` })),
				{ total: 150, offset, limit: 100 },
			);
		const { ctx, calls } = ctxOf([page(100, 0), page(50, 100)]);
		expect(await resumeDocuments(ctx, 'p1', 0)).toHaveLength(150);
		expect(calls.map((c) => (c.qs as { offset: number }).offset)).toEqual([0, 100]);
	});

	test('a resume with the same title is there: nothing is uploaded; otherwise one upload', async () => {
		const there = ctxOf([ok([{ type: 'resume_doc', title: 'cv.pdf' }], { total: 1 })]);
		expect(await uploadResumeUnlessThere(there.ctx, 'p1', RESUME, 0)).toBe(false);
		expect(there.calls.map((c) => c.method)).toEqual(['GET']);
		const other = ctxOf([
			ok([{ type: 'resume_doc', title: 'old.pdf' }], { total: 1 }),
			ok({ id: 'd2', type: 'resume_doc' }),
		]);
		expect(await uploadResumeUnlessThere(other.ctx, 'p1', RESUME, 0)).toBe(true);
		expect(other.calls.map((c) => c.method)).toEqual(['GET', 'POST']);
	});
});
