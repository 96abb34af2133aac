/**
 * Normalized text to words, one forward pass. Each word knows its sentence (split at . ! ? ; and
 * line ends) and its part (split also at commas, colons, dashes and brackets): phrases never span
 * two sentences, and a negation never reaches across a part. Emoji are words of their own.
 */

export interface Token {
	w: string;
	sentence: number;
	part: number;
}

export interface Tokens {
	list: Token[];
	/** Per sentence: it ends with a question mark. */
	questions: boolean[];
}

const SENTENCE_ENDS = new Set(['.', '!', '?', ';', '\n', '\u2026']);
const PART_ENDS = new Set([
	',',
	':',
	'(',
	')',
	'[',
	']',
	'|',
	'"',
	'\u2013',
	'\u2014',
	'\u201c',
	'\u201d',
	'\u00ab',
	'\u00bb',
]);
/** Skin tones, variation selectors and joiners only decorate the emoji before them. */
function isEmojiPart(cp: number): boolean {
	return (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0xfe0e || cp === 0xfe0f || cp === 0x200d;
}
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

function isAsciiWordChar(c: number): boolean {
	return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

function isDigit(c: string | undefined): boolean {
	return c !== undefined && c >= '0' && c <= '9';
}

/** Replies are short: words past this many are not read (a 20 000-character body of emoji is 10 000). */
export const MAX_WORDS = 4000;

type CharClass = 'skip' | 'letter' | 'emoji' | 'sentence' | 'part' | 'space';
const charClasses = new Map<number, CharClass>();

/** The class of a non-ASCII code point, remembered: a reply repeats the same few. */
function classOf(cp: number): CharClass {
	let cls = charClasses.get(cp);
	if (cls) return cls;
	const char = String.fromCodePoint(cp);
	if (isEmojiPart(cp)) cls = 'skip';
	else if (LETTER_OR_DIGIT.test(char)) cls = 'letter';
	else if (PICTOGRAPH.test(char)) cls = 'emoji';
	else if (SENTENCE_ENDS.has(char)) cls = 'sentence';
	else if (PART_ENDS.has(char)) cls = 'part';
	else cls = 'space';
	if (charClasses.size < 10_000) charClasses.set(cp, cls);
	return cls;
}

export function tokenize(text: string): Tokens {
	const list: Token[] = [];
	const questions: boolean[] = [false];
	let sentence = 0;
	let part = 0;
	let word = '';
	let sentenceHasWords = false;
	let partHasWords = false;

	const flush = () => {
		if (!word) return;
		list.push({ w: word, sentence, part });
		word = '';
		sentenceHasWords = true;
		partHasWords = true;
	};
	const endPart = () => {
		flush();
		if (partHasWords) part++;
		partHasWords = false;
	};
	const endSentence = (question: boolean) => {
		endPart();
		if (question && sentenceHasWords) questions[sentence] = true;
		if (sentenceHasWords) {
			sentence++;
			questions.push(false);
		}
		sentenceHasWords = false;
	};

	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (isAsciiWordChar(code)) {
			word += text[i];
			continue;
		}
		const c = text[i];
		if (code < 128) {
			// "14:00", "2.5": a colon or dot between digits stays inside the word.
			if ((c === ':' || c === '.') && isDigit(text[i - 1]) && isDigit(text[i + 1])) {
				word += c;
				continue;
			}
			// A dot inside an address or a URL ("acme.example") or after a number ("bis 15. März",
			// "bis 20.08. im Urlaub") is not the end of a sentence.
			if (
				c === '.' &&
				((i + 1 < text.length && isAsciiWordChar(text.charCodeAt(i + 1))) || isDigit(text[i - 1]))
			) {
				flush();
				continue;
			}
			if (c === '-' && text[i - 1] === ' ' && text[i + 1] === ' ') endPart();
			else if (SENTENCE_ENDS.has(c)) endSentence(c === '?');
			else if (PART_ENDS.has(c)) endPart();
			else flush();
			if (list.length >= MAX_WORDS) break;
			continue;
		}
		// Outside ASCII: read a whole code point (emoji are surrogate pairs).
		const cp = text.codePointAt(i) ?? code;
		const char = cp > 0xffff ? text.slice(i, i + 2) : c;
		if (cp > 0xffff) i++;
		const cls = classOf(cp);
		if (cls === 'letter') word += char;
		else if (cls === 'emoji') {
			flush();
			word = char;
			flush();
		} else if (cls === 'sentence') endSentence(false);
		else if (cls === 'part') endPart();
		else if (cls === 'space') flush();
		if (list.length >= MAX_WORDS) break;
	}
	endSentence(false);
	return { list, questions };
}
