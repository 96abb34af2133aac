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

/** Stands for a line break from a block tag until source line breaks are made spaces. */
const BREAK = '\u0000';

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

function decodeEntity(html: string, at: number): { text: string; length: number } {
	let end = at + 1;
	while (end < html.length && end - at <= 10 && html[end] !== ';') end++;
	if (html[end] !== ';') return { text: '&', length: 1 };
	const name = html.slice(at + 1, end);
	let text: string | undefined;
	if (name[0] === '#') {
		const code =
			name[1] === 'x' || name[1] === 'X'
				? parseInt(name.slice(2), 16)
				: parseInt(name.slice(1), 10);
		if (Number.isFinite(code) && code > 0 && code <= 0x10ffff) text = String.fromCodePoint(code);
	} else text = ENTITIES[name.toLowerCase()];
	return text === undefined ? { text: '&', length: 1 } : { text, length: end - at + 1 };
}

export interface HtmlText {
	text: string;
	/** Quoted history was found (and left out). */
	quoted: boolean;
}

export function htmlToText(html: string): HtmlText {
	const out: string[] = [];
	let quoted = false;
	let skip: { name: string; depth: number } | undefined;
	let gt = -1;
	let noMoreTags = false;
	let i = 0;
	while (i < html.length) {
		const c = html[i];
		if (c === '<') {
			if (html.startsWith('<!--', i)) {
				const end = html.indexOf('-->', i + 4);
				if (end === -1) break;
				i = end + 3;
				continue;
			}
			const next = html[i + 1];
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
				const content = html.slice(i + 1, gt);
				i = gt + 1;
				const name = tagName(content);
				const closing = content[0] === '/';
				if (skip) {
					if (name === skip.name) skip.depth += closing ? -1 : content.endsWith('/') ? 0 : 1;
					if (skip.depth === 0) skip = undefined;
					continue;
				}
				if (closing) {
					if (BLOCK_TAGS.has(name)) out.push(BREAK);
					continue;
				}
				const lower = content.toLowerCase();
				if (QUOTE_STARTS.some((m) => lower.includes(m))) {
					quoted = true;
					break;
				}
				const isQuote = QUOTE_MARKERS.some((m) => lower.includes(m));
				if (isQuote) quoted = true;
				if ((SKIP_TAGS.has(name) || isQuote) && !content.endsWith('/')) {
					if (name === 'blockquote') quoted = true;
					skip = { name, depth: 1 };
					continue;
				}
				if (BLOCK_TAGS.has(name)) out.push(BREAK);
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
			out.push(entity.text);
			i += entity.length;
			continue;
		}
		let end = i + 1;
		while (end < html.length && html[end] !== '&' && (noMoreTags || html[end] !== '<')) end++;
		out.push(html.slice(i, end));
		i = end;
	}
	// Line breaks in HTML source are only spaces; the lines come from the block tags.
	const text = out
		.join('')
		.replace(/[\r\n\t]/g, ' ')
		.split(BREAK)
		.join('\n');
	return { text, quoted };
}
