import { randomBytes } from 'crypto';

/**
 * A multipart/form-data body (RFC 7578) as one Buffer, for the few endpoints that take files. It is
 * sent through request.ts like any other body, so pacing, retries, dry runs and error messages stay
 * the same. Names and file names are escaped as browsers do (WHATWG HTML, "multipart/form-data
 * encoding algorithm": " → %22, CR → %0D, LF → %0A) and written as UTF-8.
 * https://www.rfc-editor.org/rfc/rfc7578
 * https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#multipart-form-data
 */

export interface MultipartFile {
	data: Buffer;
	fileName: string;
	contentType: string;
}

export type MultipartPart = { name: string; value: string } | { name: string; file: MultipartFile };

export interface MultipartBody {
	data: Buffer;
	contentType: string;
	/** What a dry run records instead of the bytes: the fields, and each file's name, type and size. */
	summary: Record<string, string | { fileName: string; contentType: string; size: number }>;
}

const CRLF = '\r\n';
/** Boundaries tried before giving up; a random 24-byte one colliding with the content is ~impossible. */
const MAX_BOUNDARY_TRIES = 5;

export function escapeQuoted(value: string): string {
	return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function newBoundary(): string {
	return `----n8nAtsSync${randomBytes(24).toString('hex')}`;
}

export function multipartBody(parts: MultipartPart[], boundary?: string): MultipartBody {
	for (let n = 0; n < MAX_BOUNDARY_TRIES; n++) {
		const b = boundary ?? newBoundary();
		if (parts.some((p) => contentOf(p).includes(`--${b}`))) {
			if (boundary) throw new Error('multipart: the boundary occurs in the content');
			continue;
		}
		return {
			data: encode(parts, b),
			contentType: `multipart/form-data; boundary=${b}`,
			summary: summaryOf(parts),
		};
	}
	throw new Error('multipart: no boundary found that is absent from the content');
}

function contentOf(part: MultipartPart): Buffer {
	return 'file' in part ? part.file.data : Buffer.from(part.value, 'utf8');
}

function encode(parts: MultipartPart[], boundary: string): Buffer {
	const chunks: Buffer[] = [];
	for (const part of parts) {
		const name = `name="${escapeQuoted(part.name)}"`;
		const head =
			'file' in part
				? `Content-Disposition: form-data; ${name}; filename="${escapeQuoted(part.file.fileName)}"${CRLF}Content-Type: ${part.file.contentType.replace(/[\r\n]/g, '')}`
				: `Content-Disposition: form-data; ${name}`;
		chunks.push(Buffer.from(`--${boundary}${CRLF}${head}${CRLF}${CRLF}`, 'utf8'));
		chunks.push(contentOf(part));
		chunks.push(Buffer.from(CRLF, 'utf8'));
	}
	chunks.push(Buffer.from(`--${boundary}--${CRLF}`, 'utf8'));
	return Buffer.concat(chunks);
}

function summaryOf(parts: MultipartPart[]): MultipartBody['summary'] {
	const out: MultipartBody['summary'] = {};
	for (const p of parts)
		out[p.name] =
			'file' in p
				? { fileName: p.file.fileName, contentType: p.file.contentType, size: p.file.data.length }
				: p.value;
	return out;
}
