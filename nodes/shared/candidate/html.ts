/**
 * HTML reply bodies to plain text, in one forward pass (no regular expressions over the body, so
 * the time stays linear on any input). Quoted history that mail clients wrap in their own markup
 * (Gmail's `gmail_quote`, `<blockquote>`, Outlook's reply header block) is left out, because it is
 * the earlier message, not the contact's words.
 */

const KNOWN_TAGS = new Set([
	'a',
	'b',
	'blockquote',
	'body',
	'br',
	'div',
	'em',
	'font',
	'head',
	'hr',
	'html',
	'i',
	'li',
	'meta',
	'ol',
	'p',
	'span',
	'strong',
	'style',
	'table',
	'td',
	'tr',
	'u',
	'ul',
]);
const BLOCK_TAGS = new Set([
	'br',
	'p',
	'div',
	'li',
	'ul',
	'ol',
	'tr',
	'table',
	'blockquote',
	'hr',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'section',
	'article',
	'header',
	'footer',
	'pre',
]);
/** Their content is never the reply text. */
const SKIP_TAGS = new Set(['style', 'script', 'head', 'title', 'blockquote']);
/** Class or id markers of quoted history (Gmail, Yahoo, Thunderbird, Proton Mail, Apple Mail). */
const QUOTE_MARKERS = [
	'gmail_quote',
	'yahoo_quoted',
	'moz-cite-prefix',
	'protonmail_quote',
	'type="cite"',
];
/** Outlook puts the quoted message after this block, not inside it. */
const QUOTE_STARTS = ['divrplyfwdmsg', 'appendonsend', 'outlookmessageheader'];

/** Uint16Array is in the platform's byte order, little-endian on every platform n8n runs on. */
const UTF16 = new TextDecoder('utf-16le');

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	rsquo: '\u2019',
	lsquo: '\u2018',
	ndash: '\u2013',
	mdash: '\u2014',
	hellip: '\u2026',
};

function isAsciiLetter(c: string): boolean {
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

function tagName(content: string): string {
	let i = content[0] === '/' ? 1 : 0;
	let name = '';
	while (i < content.length && name.length < 12) {
		const c = content[i];
		if (!isAsciiLetter(c) && !(c >= '0' && c <= '9')) break;
		name += c;
		i++;
	}
	return name.toLowerCase();
}

/** The lower-cased name of the tag whose name starts at `from` (letters and digits, at most 12). */
function tagNameAt(html: string, from: number, end: number): string {
	let to = from;
	while (to < end && to - from < 12) {
		const c = html.charCodeAt(to);
		const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
		if (!alnum) break;
		to++;
	}
	const name = html.slice(from, to);
	for (let k = 0; k < name.length; k++) {
		const c = name.charCodeAt(k);
		if (c >= 65 && c <= 90) return name.toLowerCase();
	}
	return name;
}

/** True when the text holds a real HTML tag (not just "<jane@example.com>" in a plain reply). */
export function looksLikeHtml(text: string): boolean {
	let from = 0;
	for (let tries = 0; tries < 50; tries++) {
		const i = text.indexOf('<', from);
		if (i === -1 || i + 1 >= text.length) return false;
		const name = tagName(text.slice(i + 1, i + 14));
		const after = text[i + 1 + (text[i + 1] === '/' ? 1 : 0) + name.length];
		if (KNOWN_TAGS.has(name) && (after === '>' || after === ' ' || after === '/' || after === '\n'))
			return true;
		from = i + 1;
	}
	return false;
}

const NOT_AN_ENTITY = { text: '&', length: 1 };

function isEntityChar(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 35;
}

function decodeEntity(html: string, at: number): { text: string; length: number } {
	const limit = Math.min(html.length, at + 11);
	let end = at + 1;
	// An entity name is letters, digits and "#": stop at anything else, so "&#x&#x…" costs little.
	while (end < limit && isEntityChar(html.charCodeAt(end))) end++;
	if (end >= limit || html.charCodeAt(end) !== 59) return NOT_AN_ENTITY;
	const name = html.slice(at + 1, end);
	let text: string | undefined;
	if (name[0] === '#') {
		const code =
			name[1] === 'x' || name[1] === 'X'
				? parseInt(name.slice(2), 16)
				: parseInt(name.slice(1), 10);
		if (Number.isFinite(code) && code > 0 && code <= 0x10ffff) text = String.fromCodePoint(code);
	} else text = ENTITIES[name.toLowerCase()];
	return text === undefined ? NOT_AN_ENTITY : { text, length: end - at + 1 };
}

/** The next "&" from `from` that starts an entity (bare ones are text), or the length. */
function nextDecodable(text: string, from: number): number {
	let at = text.indexOf('&', from);
	while (at !== -1 && decodeEntity(text, at) === NOT_AN_ENTITY) at = text.indexOf('&', at + 1);
	return at === -1 ? text.length : at;
}

/** The index of the next `mark` from `from`, or the length when there is none. */
function nextOf(text: string, mark: string, from: number): number {
	const at = text.indexOf(mark, from);
	return at === -1 ? text.length : at;
}

export interface HtmlText {
	text: string;
	/** Quoted history was found (and left out). */
	quoted: boolean;
}

export function htmlToText(html: string): HtmlText {
	// The text is written as char codes into one buffer: no string per piece, so a megabyte of tiny
	// tags or entities stays cheap. Output is never longer than input (an entity or a tag is longer
	// than what it becomes), so the input's length is enough.
	const out = new Uint16Array(html.length);
	let o = 0;
	let quoted = false;
	let skip: { name: string; depth: number } | undefined;
	let gt = -1;
	let noMoreTags = false;
	let amp = -1;
	let lt = -1;
	let i = 0;
	while (i < html.length) {
		const c = html[i];
		if (c === '<') {
			const next = html[i + 1];
			if (next === '!' && html.startsWith('<!--', i)) {
				const end = html.indexOf('-->', i + 4);
				if (end === -1) break;
				i = end + 3;
				continue;
			}
			// `gt` only moves forward, so a run of "<" is scanned once, not once per "<". Once no ">"
			// is left, the remaining "<" are plain text.
			if (!noMoreTags && gt < i) {
				gt = html.indexOf('>', i);
				noMoreTags = gt === -1;
			}
			if (
				!noMoreTags &&
				next !== undefined &&
				(isAsciiLetter(next) || next === '/' || next === '!')
			) {
				const closing = next === '/';
				const name = tagNameAt(html, i + 1 + (closing ? 1 : 0), gt);
				// Attributes are read only when there are some: most tags are a bare "<b>" or "</p>".
				const bare = gt - i - 1 === name.length + (closing ? 1 : 0);
				const content = bare ? (closing ? `/${name}` : name) : html.slice(i + 1, gt);
				i = gt + 1;
				if (skip) {
					if (name === skip.name) skip.depth += closing ? -1 : content.endsWith('/') ? 0 : 1;
					if (skip.depth === 0) skip = undefined;
					continue;
				}
				if (closing) {
					if (BLOCK_TAGS.has(name)) out[o++] = 10;
					continue;
				}
				// The markers are attribute values: a tag without attributes ("<b>") carries none.
				const lower = content.length > name.length + 1 ? content.toLowerCase() : '';
				if (lower && QUOTE_STARTS.some((m) => lower.includes(m))) {
					quoted = true;
					break;
				}
				const isQuote = lower !== '' && QUOTE_MARKERS.some((m) => lower.includes(m));
				if (isQuote) quoted = true;
				if ((SKIP_TAGS.has(name) || isQuote) && !content.endsWith('/')) {
					if (name === 'blockquote') quoted = true;
					skip = { name, depth: 1 };
					continue;
				}
				if (BLOCK_TAGS.has(name)) out[o++] = 10;
				continue;
			}
		}
		if (skip) {
			const next = html.indexOf('<', i + 1);
			i = next === -1 ? html.length : next;
			continue;
		}
		if (c === '&') {
			const entity = decodeEntity(html, i);
			// A bare "&" is text: read on, so a run of them is one piece of output, not one per "&".
			if (entity !== NOT_AN_ENTITY) {
				for (let k = 0; k < entity.text.length; k++) out[o++] = entity.text.charCodeAt(k);
				i += entity.length;
				continue;
			}
		}
		// Both marks only move forward, so each part of the input is searched once.
		if (amp <= i) amp = nextDecodable(html, i + 1);
		if (lt <= i) lt = nextOf(html, '<', i + 1);
		const end = noMoreTags ? amp : Math.min(amp, lt);
		// Line breaks and tabs in HTML source are only spaces; the lines come from the block tags.
		for (; i < end; i++) {
			const code = html.charCodeAt(i);
			out[o++] = code === 9 || code === 10 || code === 13 ? 32 : code;
		}
	}
	return { text: UTF16.decode(out.subarray(0, o)), quoted };
}

/**
 * Plain reply text from a body that may be HTML or text: tags and entities read by htmlToText when
 * it is HTML, then spaces collapsed and blank lines dropped, in one pass (no regular expression over
 * the body, so the time stays linear). Undefined when nothing is left.
 */
export function replyText(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	return cleanText(looksLikeHtml(value) ? htmlToText(value).text : value);
}

/**
 * Collapses runs of spaces and tabs, trims every line and drops empty lines, in one pass that
 * writes char codes into a buffer (no piece per word, so a megabyte of one-letter words is cheap).
 */
export function cleanText(text: string): string | undefined {
	const out = new Uint16Array(text.length);
	let o = 0;
	let lineHasWord = false;
	let pendingSpace = false;
	let pendingBreak = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10 || c === 13) {
			pendingBreak ||= lineHasWord;
			lineHasWord = false;
			pendingSpace = false;
		} else if (isSpace(c)) {
			pendingSpace = lineHasWord;
		} else {
			if (pendingBreak) out[o++] = 10;
			else if (pendingSpace) out[o++] = 32;
			out[o++] = c;
			pendingBreak = pendingSpace = false;
			lineHasWord = true;
		}
	}
	return o ? UTF16.decode(out.subarray(0, o)) : undefined;
}

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 160;
}
