/**
 * The Stardex sandbox's person documents: POST /v1/persons/{id}/documents reads the multipart body
 * for real and refuses, with Stardex's error shape, what the docs say it does not take: no file, a
 * type outside the enum, more than 25 MB, a file type other than PDF, DOC, DOCX, PNG, JPG or JPEG,
 * or a body that is not multipart. GET lists what was uploaded, filtered by type and paged.
 * https://docs.stardex.com/api-reference/persons/upload-person-document
 */
import { multipartBody, type MultipartPart } from '../../nodes/shared/http/multipart';
const { startStardexSandbox } = require('./stardex');

let sdx: any;
let person: string;
const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

beforeAll(async () => {
	sdx = await startStardexSandbox({ rateLimit: { limit: 100_000, windowMs: 60_000 } });
});
afterAll(async () => sdx.close());
beforeEach(() => {
	sdx.reset();
	sdx.seed({
		persons: [{ name: 'Doc Person', linkedin_url: 'https://www.linkedin.com/in/doc-person' }],
	});
	person = sdx.state().persons[0].id;
});

const auth = () => ({ authorization: `Bearer ${sdx.credentials.apiKey}` });

async function upload(parts: MultipartPart[], id = person) {
	const body = multipartBody(parts);
	const res = await fetch(`${sdx.url}/v1/persons/${id}/documents`, {
		method: 'POST',
		headers: { ...auth(), 'content-type': body.contentType },
		body: body.data,
	});
	return { status: res.status, body: (await res.json()) as any };
}

const file = (
	data: Buffer,
	fileName = 'cv.pdf',
	contentType = 'application/pdf',
): MultipartPart => ({
	name: 'file',
	file: { data, fileName, contentType },
});
const type = (value = 'resume_doc'): MultipartPart => ({ name: 'type', value });

async function list(query = '') {
	const res = await fetch(`${sdx.url}/v1/persons/${person}/documents${query}`, { headers: auth() });
	return { status: res.status, body: (await res.json()) as any };
}

const refusal = (message: RegExp) => ({
	status: 400,
	body: {
		success: false,
		error: { code: 'VALIDATION_ERROR', message: expect.stringMatching(message) },
	},
});

describe('POST /v1/persons/{id}/documents', () => {
	test('a PDF with type and title is stored byte for byte and answered with the document', async () => {
		const res = await upload([file(PDF), type(), { name: 'title', value: 'CV 2026' }]);
		expect(res).toMatchObject({
			status: 200,
			body: {
				success: true,
				data: { type: 'resume_doc', title: 'CV 2026', visible_in_share_links: false },
			},
		});
		const [doc] = sdx.documents();
		expect(Buffer.compare(doc.data, PDF)).toBe(0);
		expect(doc).toMatchObject({ person_id: person, file_name: 'cv.pdf', size: PDF.length });
	});

	test('without a title the file name is the title; DOCX, PNG and JPG are taken too', async () => {
		for (const [name, mime] of [
			['a.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
			['b.PNG', 'image/png'],
			['c.jpg', 'image/jpeg'],
		])
			expect((await upload([file(PDF, name, mime), type('reference')])).status).toBe(200);
		expect(sdx.documents().map((d: any) => d.title)).toEqual(['a.docx', 'b.PNG', 'c.jpg']);
	});

	test('refused with the Stardex error shape: no file, a wrong type, a file type not allowed, over 25 MB', async () => {
		expect(await upload([type()])).toMatchObject(refusal(/file/));
		expect(await upload([file(PDF), type('resume')])).toMatchObject(refusal(/type/));
		expect(await upload([file(PDF)])).toMatchObject(refusal(/type/));
		expect(await upload([file(PDF, 'cv.exe', 'application/x-msdownload'), type()])).toMatchObject(
			refusal(/filename|file type/),
		);
		expect(await upload([file(PDF, 'cv.pdf', 'text/html'), type()])).toMatchObject(
			refusal(/file type/),
		);
		const big = Buffer.alloc(25 * 1024 * 1024 + 1, 0x20);
		expect(await upload([file(big), type()])).toMatchObject(refusal(/size|25 MB/));
		expect(sdx.documents()).toHaveLength(0);
	});

	test('a JSON body, or a multipart body cut short, is refused; an unknown person is 404', async () => {
		const json = await fetch(`${sdx.url}/v1/persons/${person}/documents`, {
			method: 'POST',
			headers: { ...auth(), 'content-type': 'application/json' },
			body: JSON.stringify({ type: 'resume_doc', file: 'JVBERi0=' }),
		});
		expect(json.status).toBe(400);
		const body = multipartBody([file(PDF), type()]);
		const cut = await fetch(`${sdx.url}/v1/persons/${person}/documents`, {
			method: 'POST',
			headers: { ...auth(), 'content-type': body.contentType },
			body: body.data.subarray(0, body.data.length - 20),
		});
		expect({ status: cut.status, body: await cut.json() }).toMatchObject(refusal(/multipart/));
		const unknown = await upload([file(PDF), type()], '00000000-0000-4000-8000-000000000000');
		expect(unknown.status).toBe(404);
		expect(sdx.documents()).toHaveLength(0);
	});
});

describe('GET /v1/persons/{id}/documents', () => {
	test('lists the uploads, filtered by document_types, paged with offset and limit', async () => {
		await upload([file(PDF, 'one.pdf'), type()]);
		await upload([file(PDF, 'letter.pdf'), type('cover_letter')]);
		await upload([file(PDF, 'two.pdf'), type()]);
		const all = await list();
		expect(all.body.meta).toEqual({ total: 3, offset: 0, limit: 100 });
		const resumes = await list('?document_types=resume_doc&limit=1&offset=1');
		expect(resumes.body.data.map((d: any) => d.title)).toEqual(['two.pdf']);
		expect(resumes.body.meta).toEqual({ total: 2, offset: 1, limit: 1 });
		expect((await list('?limit=101')).status).toBe(400);
	});
});
