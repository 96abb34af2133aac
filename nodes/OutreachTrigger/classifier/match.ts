import { normalize } from './email';
import { AMBIGUOUS_WORDS, type Language, LANGUAGES, LEXICON, type Lexicon } from './lexicon';
import { type Token, tokenize } from './tokens';

/**
 * Phrase lists compiled once into an index by first word, so finding every phrase in a reply costs
 * one lookup per word plus a comparison per candidate phrase starting with that word: linear in the
 * length of the reply, whatever the number of phrases.
 */

export const PHRASE_KINDS = [
	'yes',
	'weakYes',
	'no',
	'softNo',
	'undecided',
	'wrongPerson',
	'unsubscribe',
	'autoReply',
	'autoReplyMaybe',
	'until',
	'shortYes',
	'shortNo',
	'acknowledgements',
	'filler',
	'greetings',
	'questionTopics',
	'timeWords',
	'schedulingWords',
	'hourPrepositions',
	'notANegation',
	'contrast',
	'contrastAdverbs',
	'concessive',
] as const satisfies ReadonlyArray<keyof Lexicon>;
export type Kind = (typeof PHRASE_KINDS)[number] | 'extraYes' | 'extraNo';

export interface Entry {
	words: string[];
	kind: Kind;
	/** As written in the list, for the reason text. */
	phrase: string;
	lang?: Language;
	/** Matches only at the end of a sentence or comma-separated part. */
	atEnd: boolean;
}

export interface Match {
	entry: Entry;
	start: number;
	/** Index after the last word. */
	end: number;
}

const AMBIGUOUS = new Set(AMBIGUOUS_WORDS);

/** The longest phrase, in words: how far back a phrase containing a given word can start. */
export const MAX_PHRASE_WORDS = 8;

export function compilePhrase(phrase: string, kind: Kind, lang?: Language): Entry | undefined {
	let text = phrase.trim();
	const atEnd = text.endsWith(' $');
	if (atEnd) text = text.slice(0, -2).trim();
	const words = tokenize(normalize(text))
		.list.slice(0, MAX_PHRASE_WORDS)
		.map((t) => t.w);
	return words.length ? { words, kind, phrase: text, lang, atEnd } : undefined;
}

export class PhraseIndex {
	/** One-word phrases by their word; longer ones by their first two words. */
	private readonly single = new Map<string, Entry[]>();
	private readonly byPair = new Map<string, Entry[]>();

	constructor(entries: Entry[]) {
		const seen = new Set<string>();
		for (const e of entries) {
			// The same words listed by two languages ("ok", "no") are one entry, except words whose
			// meaning depends on the language (AMBIGUOUS_WORDS).
			const key = `${e.kind} ${e.words.join(' ')} ${AMBIGUOUS.has(e.words[0]) ? e.lang : ''}`;
			if (seen.has(key)) continue;
			seen.add(key);
			const map = e.words.length === 1 ? this.single : this.byPair;
			const at = e.words.length === 1 ? e.words[0] : `${e.words[0]} ${e.words[1]}`;
			const list = map.get(at);
			if (list) list.push(e);
			else map.set(at, [e]);
		}
	}

	find(tokens: Token[]): Match[] {
		const found: Match[] = [];
		for (let i = 0; i < tokens.length; i++) {
			for (const entry of this.single.get(tokens[i].w) ?? []) {
				if (this.endsRight(tokens, entry, i + 1)) found.push({ entry, start: i, end: i + 1 });
			}
			const next = tokens[i + 1];
			if (!next || next.sentence !== tokens[i].sentence) continue;
			for (const entry of this.byPair.get(`${tokens[i].w} ${next.w}`) ?? []) {
				const end = i + entry.words.length;
				if (end > tokens.length) continue;
				let same = true;
				for (let j = 2; j < entry.words.length && same; j++) {
					const t = tokens[i + j];
					same = t.w === entry.words[j] && t.sentence === tokens[i].sentence;
				}
				if (same && this.endsRight(tokens, entry, end)) found.push({ entry, start: i, end });
			}
		}
		return found;
	}

	/** A phrase marked " $" must end its sentence or comma-separated part. */
	private endsRight(tokens: Token[], entry: Entry, end: number): boolean {
		return !entry.atEnd || end >= tokens.length || tokens[end].part !== tokens[end - 1].part;
	}
}

/** For single words (negations, stopwords): which languages list the word. */
function wordLanguages(pick: (lex: Lexicon) => readonly string[]): Map<string, Set<Language>> {
	const map = new Map<string, Set<Language>>();
	for (const lang of LANGUAGES) {
		for (const raw of pick(LEXICON[lang])) {
			for (const t of tokenize(normalize(raw)).list) {
				const set = map.get(t.w) ?? new Set<Language>();
				set.add(lang);
				map.set(t.w, set);
			}
		}
	}
	return map;
}

function builtInEntries(): Entry[] {
	const entries: Entry[] = [];
	for (const lang of LANGUAGES) {
		for (const kind of PHRASE_KINDS) {
			for (const phrase of LEXICON[lang][kind]) {
				const entry = compilePhrase(phrase, kind, lang);
				if (entry) entries.push(entry);
			}
		}
	}
	return entries;
}

export const BUILT_IN = new PhraseIndex(builtInEntries());
export const NEGATIONS_BY_WORD = wordLanguages((lex) => lex.negations);
export const TRAILING_NEGATIONS_BY_WORD = wordLanguages((lex) => lex.trailingNegations);
export const STOPWORDS_BY_WORD = wordLanguages((lex) => lex.stopwords);
export const REPLY_PREFIXES = new Set(
	LANGUAGES.flatMap((lang) => LEXICON[lang].replyPrefixes.map((p) => normalize(p))),
);

/** Whether a word listed by `langs` counts in a reply read as `lang`. */
export function activeWord(
	word: string,
	langs: ReadonlySet<Language> | undefined,
	lang?: Language,
) {
	if (!langs) return false;
	return !AMBIGUOUS.has(word) || (lang !== undefined && langs.has(lang));
}

/** The language whose common words the reply uses most, or undefined on a tie or none. */
export function detectLanguage(tokens: Token[]): Language | undefined {
	const counts = new Map<Language, number>();
	for (const t of tokens.slice(0, 300)) {
		for (const lang of STOPWORDS_BY_WORD.get(t.w) ?? [])
			counts.set(lang, (counts.get(lang) ?? 0) + 1);
	}
	let best: Language | undefined;
	let bestCount = 0;
	let tie = false;
	for (const [lang, count] of counts) {
		if (count > bestCount) {
			best = lang;
			bestCount = count;
			tie = false;
		} else if (count === bestCount) tie = true;
	}
	return tie ? undefined : best;
}
