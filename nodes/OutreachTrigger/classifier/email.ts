import { htmlToText, looksLikeHtml } from './html';

/**
 * From a raw reply to the contact's own words: HTML to text, then the quoted earlier message,
 * mobile footers and the signature cut off. Everything here is a forward scan over lines with
 * `startsWith` / `indexOf`; no pattern can backtrack on the reply text.
 */

/** Raw bodies (HTML with styles, long threads) are read up to here; the new reply is at the top. */
export const MAX_RAW = 100_000;
/** Replies are short; the text left after HTML is read up to here only. */
export const MAX_TEXT = 20_000;

/** Lower case, no accents, no apostrophes ("m'intéresse" → "m interesse", "don't" → "dont"). */
export function normalize(text: string): string {
	return (
		text
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/ß/g, 'ss')
			.replace(/[\u2018\u2019\u00b4`]/g, "'")
			// Elided articles and pronouns become words of their own: l'ho → l ho, dell'azienda → dell azienda.
			.replace(
				/(^|[^a-z])(qu|dell|nell|dall|sull|all|quell|quest|un|[cdjlmnst])'(?=[a-z])/g,
				'$1$2 ',
			)
			.replace(/'/g, '')
	);
}

/** "On … wrote:" and its translations: the line starts with one of these words… */
const QUOTE_INTROS = ['on ', 'am ', 'le ', 'el ', 'op ', 'em ', 'il ', 'den '];
/** …and, before its final colon, has one of these. */
const QUOTE_VERBS = [
	'wrote',
	'schrieb',
	'a ecrit',
	'escribio',
	'schreef',
	'escreveu',
	'ha scritto',
	'scrisse',
];
/** Separator lines of forwarded or quoted messages. */
const QUOTE_TITLES = [
	'original message',
	'ursprungliche nachricht',
	'message d origine',
	'mensaje original',
	'oorspronkelijk bericht',
	'mensagem original',
	'messaggio originale',
	'forwarded message',
	'begin forwarded message',
	'weitergeleitete nachricht',
	'message transfere',
	'mensaje reenviado',
	'doorgestuurd bericht',
	'mensagem encaminhada',
	'messaggio inoltrato',
];
/** Header lines of a quoted message ("From: Rita <…>"). */
const HEADER_FIELDS = [
	'from',
	'von',
	'de',
	'da',
	'van',
	'sent',
	'gesendet',
	'envoye',
	'enviado',
	'verzonden',
	'inviato',
];
/** Mobile and client footers. */
const FOOTERS = [
	'sent from my',
	'sent from outlook',
	'get outlook for',
	'von meinem',
	'gesendet von',
	'envoye de mon',
	'obtenir outlook',
	'enviado desde mi',
	'obtener outlook',
	'verzonden vanaf mijn',
	'verstuurd vanaf mijn',
	'enviado do meu',
	'enviado de meu',
	'inviato da',
	'scarica outlook',
	'ottieni outlook',
];
/** A line that is only one of these closes the message: what follows is the signature. */
const SIGN_OFFS = new Set([
	'best',
	'best regards',
	'regards',
	'kind regards',
	'warm regards',
	'warmest regards',
	'many thanks',
	'thanks',
	'thank you',
	'thanks again',
	'thx',
	'cheers',
	'br',
	'all the best',
	'sincerely',
	'yours',
	'yours sincerely',
	'best wishes',
	'mit freundlichen grussen',
	'freundliche grusse',
	'viele grusse',
	'beste grusse',
	'liebe grusse',
	'herzliche grusse',
	'gruss',
	'grusse',
	'lg',
	'vg',
	'mfg',
	'danke',
	'vielen dank',
	'cordialement',
	'bien cordialement',
	'bien a vous',
	'merci',
	'merci beaucoup',
	'bonne journee',
	'saludos',
	'un saludo',
	'saludos cordiales',
	'atentamente',
	'gracias',
	'muchas gracias',
	'un abrazo',
	'met vriendelijke groet',
	'met vriendelijke groeten',
	'vriendelijke groet',
	'groet',
	'groeten',
	'hartelijke groet',
	'mvg',
	'bedankt',
	'atenciosamente',
	'abracos',
	'abraco',
	'obrigado',
	'obrigada',
	'att',
	'cordiali saluti',
	'distinti saluti',
	'saluti',
	'un saluto',
	'grazie',
	'grazie mille',
	'buona giornata',
]);
/** Legal footers. */
const DISCLAIMERS = [
	'this email and any attachments',
	'this e mail and any attachments',
	'this message and any attachments',
	'confidentiality notice',
	'disclaimer',
	'the information contained in this',
	'diese e mail enthalt vertrauliche',
	'ce message et toutes les pieces jointes',
];

function hasWordContent(line: string): boolean {
	for (let i = 0; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127) return true;
	}
	return false;
}

/** "On Tue, 3 Mar 2026, Rita <r@x> wrote:" on this line or wrapped onto the next. */
function isQuoteIntro(line: string, next: string): boolean {
	if (!QUOTE_INTROS.some((w) => line.startsWith(w))) return false;
	const joined = line.endsWith(':') ? line : next.endsWith(':') ? `${line} ${next}` : '';
	return joined !== '' && QUOTE_VERBS.some((v) => joined.includes(v));
}

function isQuoteTitle(line: string): boolean {
	if (line[0] !== '-' && line[0] !== '*' && !line.startsWith('begin ')) return false;
	return QUOTE_TITLES.some((t) => line.includes(t));
}

function isHeaderField(line: string): boolean {
	for (const f of HEADER_FIELDS) {
		if (!line.startsWith(f)) continue;
		let i = f.length;
		if (line[i] === ' ') i++;
		if (line[i] === ':' && line.length > i + 2) return true;
	}
	return false;
}

function isRule(line: string): boolean {
	if (line === '--' || line === '-- ' || line === '\u2014' || line === '\u2013') return true;
	if (line.length < 3) return false;
	for (let i = 0; i < line.length; i++) if (line[i] !== '_' && line[i] !== '=') return false;
	return true;
}

function bareLine(line: string): string {
	let end = line.length;
	while (end > 0 && ',.!:;-'.includes(line[end - 1])) end--;
	return line.slice(0, end).trim();
}

/** Where "On … wrote:" starts inside a line that also holds the reply (a flattened thread), or -1. */
function inlineQuoteAt(line: string): number {
	for (const verb of QUOTE_VERBS) {
		let from = 0;
		for (;;) {
			const at = line.indexOf(verb, from);
			if (at === -1) break;
			from = at + verb.length;
			let j = from;
			while (j < line.length && j - from < 3 && line[j] === ' ') j++;
			if (line[j] !== ':') continue;
			const windowStart = Math.max(0, at - 300);
			const window = ` ${line.slice(windowStart, at)}`;
			let best = -1;
			for (const intro of QUOTE_INTROS) {
				const k = window.indexOf(` ${intro}`);
				if (k !== -1 && (best === -1 || k < best)) best = k;
			}
			if (best !== -1) return windowStart + best;
		}
	}
	return -1;
}

export interface Body {
	/** The contact's own words, normalized, one line per line. */
	text: string;
	/** Quoted history was found: the text answers an earlier message. */
	quoted: boolean;
}

/** The reply's own text from a raw body (plain text or HTML), normalized. */
export function replyBody(raw: string): Body {
	let text = raw.slice(0, MAX_RAW);
	let quoted = false;
	if (looksLikeHtml(text)) {
		const html = htmlToText(text);
		text = html.text;
		quoted = html.quoted;
	}
	const lines = normalize(text.slice(0, MAX_TEXT)).split('\n');
	const kept: string[] = [];
	let hasContent = false;
	for (let n = 0; n < lines.length; n++) {
		const line = lines[n].trim();
		if (line.startsWith('>')) {
			quoted = true;
			continue;
		}
		if (
			isQuoteIntro(line, (lines[n + 1] ?? '').trim()) ||
			isQuoteTitle(line) ||
			isHeaderField(line)
		) {
			quoted = true;
			break;
		}
		if (isRule(line) || FOOTERS.some((f) => line.startsWith(f))) break;
		if (
			hasContent &&
			(SIGN_OFFS.has(bareLine(line)) || DISCLAIMERS.some((d) => line.startsWith(d)))
		)
			break;
		const inline = inlineQuoteAt(line);
		if (inline !== -1) {
			kept.push(line.slice(0, inline));
			quoted = true;
			break;
		}
		kept.push(line);
		if (hasWordContent(line)) hasContent = true;
	}
	return { text: kept.join('\n').trim(), quoted };
}

/** The reply without the quoted earlier message and signature, normalized. */
export function stripQuoted(text: string): string {
	return replyBody(text).text;
}
