import * as fs from 'node:fs';
import * as path from 'node:path';

import { escapeQuoted, multipartBody, newBoundary } from '../../../../nodes/shared/http/multipart';
import { fakeContext } from './fakeContext';
import { apiRequest, type ApiDefinition } from '../../../../nodes/shared/http/request';
import { beginDryRun, endDryRun } from '../../../../nodes/shared/http/dryRun';
const { parseMultipart } = require('../../../sandbox/multipart');

const PDF = fs.readFileSync(path.join(__dirname, '../../../fixtures/resume.pdf'));

describe('multipartBody', () => {
	test('a binary PDF and text fields round-trip through a strict parser byte for byte', () => {
		const body = multipartBody([
			{
				name: 'file',
				file: { data: PDF, fileName: 'Jane Doe.pdf', contentType: 'application/pdf' },
			},
			{ name: 'type', value: 'resume_doc' },
			{ name: 'title', value: 'Résumé – Jane' },
		]);
		expect(body.contentType).toMatch(/^multipart\/form-data; boundary=----n8nAtsSync[0-9a-f]{48}$/);
		const parsed = parseMultipart(body.contentType, body.data);
		expect(parsed.error).toBeUndefined();
		expect(parsed.parts).toHaveLength(3);
		const [file, type, title] = parsed.parts;
		expect(file).toMatchObject({
			name: 'file',
			filename: 'Jane Doe.pdf',
			contentType: 'application/pdf',
		});
		expect(Buffer.compare(file.data, PDF)).toBe(0);
		expect(type.data.toString()).toBe('resume_doc');
		expect(title.data.toString('utf8')).toBe('Résumé – Jane');
		expect(body.summary).toEqual({
			file: { fileName: 'Jane Doe.pdf', contentType: 'application/pdf', size: PDF.length },
			type: 'resume_doc',
			title: 'Résumé – Jane',
		});
	});

	test('every byte value survives (CR, LF and dashes inside the file)', () => {
		const bytes = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256));
		const withDashes = Buffer.concat([bytes, Buffer.from('\r\n--\r\n--x--')]);
		const body = multipartBody([
			{
				name: 'file',
				file: { data: withDashes, fileName: 'a.bin', contentType: 'application/octet-stream' },
			},
		]);
		const parsed = parseMultipart(body.contentType, body.data);
		expect(Buffer.compare(parsed.parts[0].data, withDashes)).toBe(0);
	});

	test('quotes, CR and LF in names and file names are escaped, so they cannot add headers or parts', () => {
		const evil = 'a".pdf\r\nContent-Type: text/html\r\n\r\nx';
		const body = multipartBody([
			{
				name: 'file',
				file: { data: Buffer.from('%PDF-1.4'), fileName: evil, contentType: 'application/pdf' },
			},
		]);
		const head = body.data.toString('utf8').split('\r\n\r\n')[0];
		expect(head).toContain('filename="a%22.pdf%0D%0AContent-Type: text/html%0D%0A%0D%0Ax"');
		expect(head.split('\r\n')).toHaveLength(3);
		const parsed = parseMultipart(body.contentType, body.data);
		expect(parsed.parts).toHaveLength(1);
		expect(parsed.parts[0].filename).toBe(evil);
		expect(escapeQuoted('x"y\nz')).toBe('x%22y%0Az');
	});

	test('boundaries are random, and one found in the content is refused', () => {
		expect(newBoundary()).not.toBe(newBoundary());
		const b = 'fixed';
		expect(() => multipartBody([{ name: 'x', value: 'a --fixed b' }], b)).toThrow(
			/boundary occurs/,
		);
		expect(multipartBody([{ name: 'x', value: 'ok' }], b).data.toString()).toBe(
			'--fixed\r\nContent-Disposition: form-data; name="x"\r\n\r\nok\r\n--fixed--\r\n',
		);
	});
});

describe('a multipart body through the request choke point', () => {
	const api: ApiDefinition = {
		system: 'Test',
		credentialType: 'testApi',
		baseUrl: (c) => String(c.apiBaseUrl),
	};

	test('the Buffer goes out as the body with its content type; the answer is read as JSON', async () => {
		const { ctx, calls } = fakeContext([{ status: 200, body: { id: 'd1' } }]);
		const raw = multipartBody([{ name: 'type', value: 'resume_doc' }]);
		const res = await apiRequest(ctx, api, {
			method: 'POST',
			path: '/v1/docs',
			raw,
		});
		expect(res.body).toEqual({ id: 'd1' });
		expect(calls).toHaveLength(1);
		expect(Buffer.isBuffer(calls[0].body)).toBe(true);
		expect(Buffer.compare(calls[0].body as Buffer, raw.data)).toBe(0);
		expect((calls[0].headers as Record<string, string>)['content-type']).toBe(raw.contentType);
	});

	test('a dry run holds the upload back and records the summary, not the bytes', async () => {
		const { ctx, calls } = fakeContext([]);
		const raw = multipartBody([
			{ name: 'file', file: { data: PDF, fileName: 'cv.pdf', contentType: 'application/pdf' } },
		]);
		beginDryRun(ctx);
		await apiRequest(ctx, api, {
			method: 'POST',
			path: '/v1/docs',
			raw,
		});
		const held = endDryRun(ctx);
		expect(calls).toHaveLength(0);
		expect(held).toEqual([
			{
				method: 'POST',
				path: '/v1/docs',
				body: { file: { fileName: 'cv.pdf', contentType: 'application/pdf', size: PDF.length } },
			},
		]);
	});
});
