import { AMBIGUOUS_WORDS, type Language } from './lexicon';
import {
	activeWord,
	type Kind,
	type Match,
	MAX_PHRASE_WORDS,
	NEGATIONS_BY_WORD,
	TRAILING_NEGATIONS_BY_WORD,
} from './match';
import type { Token, Tokens } from './tokens';

const AMBIGUOUS = new Set(AMBIGUOUS_WORDS);

/** How far before a phrase a negation still counts ("I don't think I'd be interested"). */
const NEGATION_REACH = 4;
/** How far after ("das interessiert mich leider nicht"). */
const TRAILING_REACH = 3;

/**
 * One reply, read: its words, the phrases found in it, its language, and its clause structure.
 * A contrast word ("but", "aber", "mais", "pero", "maar", "mas", "ma", …) starts a new segment;
 * a later segment outweighs an earlier one. A negation only reaches within its own part and segment.
 */
export class Reading {
	readonly words: Token[];
	readonly questions: boolean[];
	/** Per sentence: the index of its first word, and the index after its last word. */
	readonly sentenceStarts: number[] = [];
	readonly sentenceEnds: number[] = [];
	/** Segment of each word. */
	readonly segment: number[];
	/** The contrast word that opened each segment. */
	readonly segmentWord: string[] = [''];
	/** Parts that are side remarks ("although …"). */
	readonly concessiveParts = new Set<number>();
	private readonly byKind = new Map<Kind, Match[]>();
	private readonly notNegating = new Set<number>();

	constructor(
		tokens: Tokens,
		matches: Match[],
		readonly lang: Language | undefined,
	) {
		this.words = tokens.list;
		this.questions = tokens.questions;
		for (let i = 0; i < this.words.length; i++) {
			const sentence = this.words[i].sentence;
			this.sentenceStarts[sentence] ??= i;
			this.sentenceEnds[sentence] = i + 1;
		}
		for (const m of matches) {
			if (!this.counts(m)) continue;
			const list = this.byKind.get(m.entry.kind) ?? [];
			list.push(m);
			this.byKind.set(m.entry.kind, list);
		}
		for (const m of this.of('notANegation'))
			for (let i = m.start; i < m.end; i++) this.notNegating.add(i);
		for (const m of this.of('concessive')) this.concessiveParts.add(this.words[m.start].part);
		this.segment = this.segments();
	}

	/** A one-word phrase that means something else in another language counts only in its own. */
	private counts(m: Match): boolean {
		const { words, lang } = m.entry;
		return words.length !== 1 || !AMBIGUOUS.has(words[0]) || lang === this.lang;
	}

	of(kind: Kind): Match[] {
		return this.byKind.get(kind) ?? [];
	}

	private segments(): number[] {
		const opens = new Map<number, string>();
		for (const m of this.of('contrast')) opens.set(m.start, m.entry.phrase);
		for (const m of this.of('contrastAdverbs')) {
			// The adverb's whole part is the new clause: "happy to chat though".
			let start = m.start;
			while (start > 0 && this.words[start - 1].part === this.words[m.start].part) start--;
			if (!opens.has(start)) opens.set(start, m.entry.phrase);
		}
		const segment: number[] = [];
		let current = 0;
		for (let i = 0; i < this.words.length; i++) {
			const word = opens.get(i);
			if (word !== undefined && i > 0) {
				current++;
				this.segmentWord.push(word);
			}
			segment.push(current);
		}
		return segment;
	}

	isNegation(i: number): boolean {
		const w = this.words[i].w;
		return !this.notNegating.has(i) && activeWord(w, NEGATIONS_BY_WORD.get(w), this.lang);
	}

	private isTrailingNegation(i: number): boolean {
		const w = this.words[i].w;
		return !this.notNegating.has(i) && activeWord(w, TRAILING_NEGATIONS_BY_WORD.get(w), this.lang);
	}

	/** The negation that flips words [start, end), if any: same part and segment only. */
	negationOf(start: number, end: number): string | undefined {
		const part = this.words[start].part;
		const seg = this.segment[start];
		for (let i = start - 1; i >= 0 && i >= start - NEGATION_REACH; i--) {
			if (this.words[i].part !== part || this.segment[i] !== seg) break;
			if (this.isNegation(i)) return this.words[i].w;
		}
		for (let i = end; i < this.words.length && i < end + TRAILING_REACH; i++) {
			if (this.words[i].part !== this.words[end - 1].part || this.segment[i] !== seg) break;
			if (this.isTrailingNegation(i)) return this.words[i].w;
		}
		return undefined;
	}

	/**
	 * Drops matches that lie inside a longer match of the given kinds: "interested" inside "not
	 * interested", "open to" inside "not open to". Phrases are short, so only a few starts are checked.
	 */
	longest(kinds: Kind[]): Match[] {
		const all = kinds.flatMap((k) => this.of(k));
		const byStart = new Map<number, Match[]>();
		for (const m of all) {
			const list = byStart.get(m.start);
			if (list) list.push(m);
			else byStart.set(m.start, [m]);
		}
		return all
			.filter((m) => {
				for (let s = m.start; s >= 0 && s > m.start - MAX_PHRASE_WORDS; s--) {
					for (const other of byStart.get(s) ?? []) {
						const longer = other.end - other.start > m.end - m.start;
						if (longer && other.end >= m.end) return false;
					}
				}
				return true;
			})
			.sort((a, b) => a.start - b.start);
	}

	/** The first word of each sentence, and of the reply after an opening greeting ("Hi Rita,"). */
	openings(): number[] {
		const starts: number[] = [];
		for (let i = 0; i < this.words.length; i++) {
			if (i === 0 || this.words[i].sentence !== this.words[i - 1].sentence) starts.push(i);
		}
		const greeting = this.of('greetings').find((m) => m.start === 0);
		if (greeting) {
			let next = greeting.end;
			// A greeting part may hold a name or two: "Hi Rita," / "Hallo Herr Weber,".
			while (
				next < this.words.length &&
				next < greeting.end + 3 &&
				this.words[next].part === this.words[0].part
			)
				next++;
			if (next < this.words.length && this.words[next].part !== this.words[0].part)
				starts.push(next);
		}
		return starts;
	}
}
