import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { createOnce } from '../../../shared/http/createOnce';
import { multipartBody, type MultipartPart } from '../../../shared/http/multipart';
import type { ResumeFile } from '../../../shared/export/resume';
import { SDX_RECORD, sdxRequest } from '../../transport';

/**
 * A person's resume in Stardex: POST /v1/persons/{id}/documents (multipart/form-data: file, type,
 * title), and GET /v1/persons/{id}/documents to see what is there.
 * https://docs.stardex.com/api-reference/persons/upload-person-document
 * https://docs.stardex.com/api-reference/persons/get-person-documents
 */

/** Stardex takes files up to 25 MB. */
export const STARDEX_MAX_DOCUMENT_MB = 25;
const RESUME_TYPE = 'resume_doc';
/** Pages of 100 read at most when looking for a document (10,000 documents of one type). */
const MAX_PAGES = 100;

interface SdxDocument {
	id?: string;
	type?: string;
	title?: string | null;
}

/** The person's resume documents (type resume_doc), every page. */
export async function resumeDocuments(
	ctx: IExecuteFunctions,
	personId: string,
	itemIndex: number,
): Promise<SdxDocument[]> {
	const out: SdxDocument[] = [];
	for (let page = 0; page < MAX_PAGES; page++) {
		const { data, meta } = await sdxRequest<unknown>(
			ctx,
			'GET',
			`/v1/persons/${encodeURIComponent(personId)}/documents`,
			{
				qs: { offset: page * 100, limit: 100, document_types: RESUME_TYPE },
				itemIndex,
				expect: (d) => (Array.isArray(d) ? undefined : 'data is not a list of documents'),
			},
		);
		const rows = (Array.isArray(data) ? data : []) as SdxDocument[];
		out.push(...rows);
		const total = Number(meta?.total);
		if (rows.length < 100 || (Number.isFinite(total) && out.length >= total)) break;
	}
	return out;
}

const field = (name: string, value: string): MultipartPart => ({ name, value });

const sameResume = (doc: SdxDocument, title: string) =>
	doc.type === RESUME_TYPE && (doc.title ?? '') === title;

/**
 * Uploads the resume once. Stardex has no idempotency key, so an upload that may have arrived (a
 * timeout, a reset, a 5xx) is never sent again: the person's documents are read until it shows
 * (createOnce). The title is sent explicitly, so the document can be recognised by it.
 */
export async function uploadResume(
	ctx: IExecuteFunctions,
	personId: string,
	resume: ResumeFile,
	itemIndex: number,
): Promise<IDataObject> {
	const raw = multipartBody([
		{
			name: 'file',
			file: {
				data: Buffer.from(resume.base64, 'base64'),
				fileName: resume.fileName,
				contentType: resume.mimeType,
			},
		},
		field('type', RESUME_TYPE),
		field('title', resume.fileName),
	]);
	const path = `/v1/persons/${encodeURIComponent(personId)}/documents`;
	const { value } = await createOnce(ctx, {
		what: `resume upload for person ${personId}`,
		create: async () =>
			(await sdxRequest<IDataObject>(ctx, 'POST', path, { raw, itemIndex, expect: SDX_RECORD }))
				.data,
		find: async () =>
			(await resumeDocuments(ctx, personId, itemIndex)).find((d) =>
				sameResume(d, resume.fileName),
			) as IDataObject | undefined,
	});
	return value;
}

/** For a person who was already there: upload unless a resume with this title is listed. */
export async function uploadResumeUnlessThere(
	ctx: IExecuteFunctions,
	personId: string,
	resume: ResumeFile,
	itemIndex: number,
): Promise<boolean> {
	const there = (await resumeDocuments(ctx, personId, itemIndex)).some((d) =>
		sameResume(d, resume.fileName),
	);
	if (there) return false;
	await uploadResume(ctx, personId, resume, itemIndex);
	return true;
}
