// @ts-check
'use strict';
/**
 * A strict multipart/form-data reader (RFC 7578) for the sandboxes: the body must start with the
 * boundary and every part must close with CRLF + boundary, as a real server's parser demands. Parts
 * become plain fields; a file part becomes {filename, content_type, size}, with its bytes on a
 * non-enumerable `data` (so contract checks see only the fields). Bounded: at most 100 parts.
 */
const MAX_PARTS = 100;

function boundaryOf(/** @type {string | undefined} */ contentType) {
	const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(String(contentType || ''));
	return m ? m[1] || m[2] : undefined;
}

/** The value of `key="..."` in a Content-Disposition header, %22/%0D/%0A unescaped. */
function param(/** @type {string} */ header, /** @type {string} */ key) {
	const m = new RegExp(`;\\s*${key}="([^"]*)"`, 'i').exec(header);
	if (!m) return undefined;
	return m[1].replace(/%22/g, '"').replace(/%0D/g, '\r').replace(/%0A/g, '\n');
}

function headersOf(/** @type {string} */ text) {
	/** @type {Record<string, string>} */
	const out = {};
	for (const line of text.split('\r\n')) {
		const i = line.indexOf(':');
		if (i > 0) out[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
	}
	return out;
}

/**
 * @param {string | undefined} contentType
 * @param {Buffer} raw
 * @returns {{ parts: Array<{ name?: string, filename?: string, contentType?: string, data: Buffer }> } | { error: string }}
 */
function parseMultipart(contentType, raw) {
	const boundary = boundaryOf(contentType);
	if (!boundary) return { error: 'multipart/form-data without a boundary' };
	const delim = Buffer.from(`--${boundary}`, 'latin1');
	const closing = Buffer.concat([Buffer.from('\r\n'), delim]);
	if (raw.indexOf(delim) !== 0) return { error: 'the body does not start with the boundary' };
	const parts = [];
	let pos = 0;
	for (let n = 0; n <= MAX_PARTS; n++) {
		pos += delim.length;
		const after = raw.subarray(pos, pos + 2).toString('latin1');
		if (after === '--') return { parts };
		if (after !== '\r\n') return { error: 'a boundary line is malformed' };
		pos += 2;
		const headEnd = raw.indexOf('\r\n\r\n', pos);
		if (headEnd < 0) return { error: 'a part has no end of headers' };
		const headers = headersOf(raw.subarray(pos, headEnd).toString('utf8'));
		const end = raw.indexOf(closing, headEnd + 4);
		if (end < 0) return { error: 'a part is not closed by the boundary' };
		const disposition = headers['content-disposition'] || '';
		if (!/^form-data\b/i.test(disposition)) return { error: 'a part is not form-data' };
		parts.push({
			name: param(disposition, 'name'),
			filename: param(disposition, 'filename'),
			contentType: headers['content-type'],
			data: raw.subarray(headEnd + 4, end),
		});
		pos = end + 2;
	}
	return { error: `more than ${MAX_PARTS} parts` };
}

/** The parts as a body object for contract checks; undefined names are dropped. */
function multipartFields(/** @type {string | undefined} */ contentType, /** @type {Buffer} */ raw) {
	const parsed = parseMultipart(contentType, raw);
	if ('error' in parsed) return { __invalidMultipart: parsed.error };
	/** @type {Record<string, any>} */
	const body = {};
	for (const p of parsed.parts) {
		if (p.name === undefined) continue;
		if (p.filename === undefined) {
			body[p.name] = p.data.toString('utf8');
			continue;
		}
		const file = { filename: p.filename, content_type: p.contentType || '', size: p.data.length };
		Object.defineProperty(file, 'data', { value: p.data, enumerable: false });
		body[p.name] = file;
	}
	return body;
}

module.exports = { parseMultipart, multipartFields, boundaryOf };
