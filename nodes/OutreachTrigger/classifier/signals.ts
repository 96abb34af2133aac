import type { Match } from './match';
import type { Reading } from './reading';

/**
 * What each part of a reply says, as signals in text order. decide.ts weighs them.
 * - yes: agrees, asks for a call or details, proposes a time, asks about the job
 * - weakYes: a compliment, or a short "yes"/"ok"/👍 opening the reply
 * - no: refuses (also a negated yes: "I'm not interested in a call")
 * - softNo: a status that a yes outweighs ("not looking")
 * - undecided: "let me think about it"
 * - wrongPerson: someone else should be contacted
 */
export type SignalKind = 'yes' | 'weakYes' | 'no' | 'softNo' | 'undecided' | 'wrongPerson';

export interface Signal {
	kind: SignalKind;
	/** The reason text for this signal, e.g. `interested phrase "open to"`. */
	says: string;
	at: number;
	segment: number;
	/** Inside an "although …" part. */
	aside: boolean;
	/** A compliment phrase ("sounds great"), not a short answer. */
	compliment?: boolean;
}

/** Why a short reply did not count, for a truthful reason when nothing else decides. */
export interface ShortReplyNote {
	text: string;
}

const OK_WORDS = new Set(['ok', 'okay', 'oke', 'okey', 'k']);
const STOP_WORDS = new Set([
	'stop',
	'stopp',
	'arret',
	'arrete',
	'arretez',
	'pare',
	'basta',
	'alto',
]);

const quote = (s: string) => `"${s}"`;

function signal(r: Reading, kind: SignalKind, says: string, at: number): Signal {
	return {
		kind,
		says,
		at,
		segment: r.segment[at],
		aside: r.concessiveParts.has(r.words[at].part),
	};
}

/** Per reading: how many of the words before index i are politeness, to answer `onlyFiller` at once. */
const fillerCounts = new WeakMap<Reading, Int32Array>();

/** Words [from, to) are all politeness ("thanks", "please", 🙂). */
function onlyFiller(r: Reading, from: number, to: number): boolean {
	let counts = fillerCounts.get(r);
	if (!counts) {
		const filler = new Uint8Array(r.words.length);
		for (const m of r.of('filler')) filler.fill(1, m.start, m.end);
		counts = new Int32Array(r.words.length + 1);
		for (let i = 0; i < r.words.length; i++) counts[i + 1] = counts[i] + filler[i];
		fillerCounts.set(r, counts);
	}
	return to <= from || counts[to] - counts[from] === to - from;
}

function isEmoji(word: string): boolean {
	return !/[\p{L}\p{N}]/u.test(word);
}

function sentenceEnd(r: Reading, at: number): number {
	return r.sentenceEnds[r.words[at].sentence];
}

function sentenceStart(r: Reading, at: number): number {
	return r.sentenceStarts[r.words[at].sentence];
}

/** A negation in the two words after `end`, in the same part: its index. */
function negatedAfter(r: Reading, end: number): number | undefined {
	for (let i = end; i < r.words.length && i < end + 2; i++) {
		if (r.words[i].part !== r.words[end - 1].part) return undefined;
		if (r.isNegation(i)) return i;
	}
	return undefined;
}

/** Phrase signals: yes / compliments (unless negated), refusals, statuses, wrong person. */
function phraseSignals(r: Reading): Signal[] {
	const out: Signal[] = [];
	for (const m of r.longest(['yes', 'weakYes', 'no', 'softNo', 'undecided', 'wrongPerson'])) {
		const phrase = quote(m.entry.phrase);
		const kind = m.entry.kind;
		if (kind === 'yes' || kind === 'weakYes') {
			// "Interested in my projects?": a one-word phrase in a question asks, it does not answer.
			if (m.entry.words.length === 1 && r.questions[r.words[m.start].sentence]) continue;
			const negation = r.negationOf(m.start, m.end);
			if (negation) out.push(signal(r, 'no', `negated interested phrase ${phrase}`, m.start));
			else
				out.push({
					...signal(r, kind, `interested phrase ${phrase}`, m.start),
					compliment: kind === 'weakYes',
				});
		} else if (kind === 'wrongPerson')
			out.push(signal(r, kind, `wrong-person phrase ${phrase}`, m.start));
		else if (kind === 'undecided') out.push(signal(r, kind, `undecided phrase ${phrase}`, m.start));
		else if (kind === 'no' || kind === 'softNo')
			out.push(signal(r, kind, `not-interested phrase ${phrase}`, m.start));
	}
	return out;
}

/**
 * Short replies. A sentence that is only "no" (plus politeness) refuses. In a reply to an outreach
 * message, "yes" / "sure" / "ok" / 👍 opening a sentence agree, unless "ok" is followed only by
 * thanks (a receipt) or by a negation ("sure not").
 */
function shortSignals(r: Reading, inReply: boolean, notes: ShortReplyNote[]): Signal[] {
	const out: Signal[] = [];
	const starts = new Set(r.openings());
	for (const m of r.of('shortNo')) {
		const opening = starts.has(m.start) || onlyFiller(r, sentenceStart(r, m.start), m.start);
		const alone = opening && onlyFiller(r, m.end, sentenceEnd(r, m.start));
		if (alone || isEmoji(m.entry.words[0]))
			out.push(signal(r, 'no', `short reply ${quote(m.entry.phrase)}`, m.start));
	}
	// "Noted", "Thanks for letting me know": a receipt outweighs a bare "ok" / "alright".
	for (const m of r.of('acknowledgements'))
		out.push(
			signal(r, 'undecided', `acknowledgement ${quote(m.entry.phrase)}, not a yes`, m.start),
		);
	const yesAt = new Map<number, Match>();
	for (const m of r.of('shortYes')) {
		// Opening a sentence, or after politeness only ("Thanks, sure!"); emoji anywhere.
		const opening =
			starts.has(m.start) || (m.start > 0 && onlyFiller(r, sentenceStart(r, m.start), m.start));
		if (!isEmoji(m.entry.words[0]) && !opening) continue;
		const best = yesAt.get(m.start);
		if (!best || best.end < m.end) yesAt.set(m.start, m);
	}
	for (const m of yesAt.values()) {
		const phrase = quote(m.entry.phrase);
		if (!inReply) {
			notes.push({
				text: `short reply ${phrase} not counted: not known to answer an outreach message`,
			});
			continue;
		}
		const start = sentenceStart(r, m.start);
		const end = sentenceEnd(r, m.start);
		// "Absolutely not", "Claro que no": a negation right after turns the yes into a no.
		const negation = negatedAfter(r, m.end);
		if (negation !== undefined) {
			const words = r.words.slice(m.start, negation + 1).map((w) => w.w);
			out.push(signal(r, 'no', `short reply ${quote(words.join(' '))}`, m.start));
			continue;
		}
		// "Ok thanks", "Thanks, ok": a receipt, when it is the whole reply.
		const receipt = end - start > 1 && onlyFiller(r, start, m.start) && onlyFiller(r, m.end, end);
		if (OK_WORDS.has(m.entry.words[0]) && receipt && start === 0 && end === r.words.length) {
			const words = r.words.slice(start, end).map((w) => w.w);
			notes.push({ text: `acknowledgement ${quote(words.join(' '))}, not a yes` });
			continue;
		}
		out.push(signal(r, 'weakYes', `short reply ${phrase} to an outreach message`, m.start));
	}
	return out;
}

/** The whole reply is "stop" (plus politeness): an unsubscribe request. */
export function isBareStop(r: Reading): boolean {
	let word: string | undefined;
	for (let i = 0; i < r.words.length; i++) {
		if (onlyFiller(r, i, i + 1)) continue;
		if (word !== undefined) return false;
		word = r.words[i].w;
	}
	return word !== undefined && STOP_WORDS.has(word);
}

/** The words that are times: a day or time word, "2pm", "14h", "14:00", an hour after "at" / "um" / "alle". */
function timeWordsAt(r: Reading): Map<number, string> {
	const greeting = new Set<number>();
	for (const m of r.of('greetings')) for (let i = m.start; i < m.end; i++) greeting.add(i);
	const times = new Map<number, string>();
	for (const m of r.of('timeWords')) if (!greeting.has(m.start)) times.set(m.start, m.entry.phrase);
	const afterPreposition = new Set(r.of('hourPrepositions').map((m) => m.end));
	r.words.forEach((t, i) => {
		const digits = /^\d{1,2}/.exec(t.w)?.[0];
		if (!digits || Number(digits) > 24) return;
		const rest = t.w.slice(digits.length);
		const isTime =
			['am', 'pm', 'h', 'hs', 'hrs', 'uhr', 'u'].includes(rest) ||
			/^[:.]\d\d$/.test(rest) ||
			(rest === '' && afterPreposition.has(i));
		if (isTime) times.set(i, t.w);
	});
	return times;
}

/** "Tuesday works", "how about Thursday at 10?", "passt, Dienstag 10 Uhr geht": proposes or accepts a time. */
function timeSignals(r: Reading): Signal[] {
	const out: Signal[] = [];
	const times = timeWordsAt(r);
	if (!times.size) return out;
	const done = new Set<number>();
	const negated = new Set<number>();
	for (const m of r.of('schedulingWords')) {
		const sentence = r.words[m.start].sentence;
		if (done.has(sentence)) continue;
		if (r.negationOf(m.start, m.end)) {
			negated.add(sentence);
			continue;
		}
		let nearest: number | undefined;
		for (let i = Math.max(0, m.start - 4); i < m.end + 4 && i < r.words.length; i++) {
			if (!times.has(i) || r.words[i].sentence !== sentence || (i >= m.start && i < m.end))
				continue;
			if (nearest === undefined || Math.abs(i - m.start) < Math.abs(nearest - m.start)) nearest = i;
		}
		if (nearest === undefined) continue;
		done.add(sentence);
		const how = `${quote(times.get(nearest)!)} … ${quote(m.entry.phrase)}`;
		out.push(signal(r, 'yes', `proposes or accepts a time (${how})`, Math.max(nearest, m.start)));
	}
	// "How about Thursday at 10?": a day or time in a question.
	for (const [at, word] of times) {
		const sentence = r.words[at].sentence;
		if (done.has(sentence) || negated.has(sentence) || !r.questions[sentence]) continue;
		done.add(sentence);
		out.push(signal(r, 'yes', `proposes or accepts a time (${quote(word)}?)`, at));
	}
	return out;
}

/** "Is it remote?", "What's the salary range?": a question about the job. */
function questionSignals(r: Reading): Signal[] {
	const out: Signal[] = [];
	const done = new Set<number>();
	for (const m of r.of('questionTopics')) {
		const sentence = r.words[m.start].sentence;
		if (!r.questions[sentence] || done.has(sentence) || r.negationOf(m.start, m.end)) continue;
		done.add(sentence);
		out.push(signal(r, 'yes', `asks about the job (${quote(m.entry.phrase)})`, m.start));
	}
	return out;
}

export function readSignals(
	r: Reading,
	inReply: boolean,
): { signals: Signal[]; notes: ShortReplyNote[] } {
	const notes: ShortReplyNote[] = [];
	const signals = [
		...phraseSignals(r),
		...shortSignals(r, inReply, notes),
		...timeSignals(r),
		...questionSignals(r),
	].sort((a, b) => a.at - b.at);
	return { signals, notes };
}
