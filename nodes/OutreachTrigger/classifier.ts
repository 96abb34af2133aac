import {
	AUTO_REPLY_PHRASES,
	CONTRAST_WORDS,
	INTERESTED_PHRASES,
	NEGATIONS,
	NOT_A_NEGATION,
	NOT_INTERESTED_PHRASES,
	type PhraseList,
	TRAILING_NEGATIONS,
	UNSUBSCRIBE_PHRASES,
	WRONG_PERSON_PHRASES,
} from './phrases';

export {
	AUTO_REPLY_PHRASES,
	INTERESTED_PHRASES,
	NEGATIONS,
	NOT_INTERESTED_PHRASES,
	UNSUBSCRIBE_PHRASES,
	WRONG_PERSON_PHRASES,
} from './phrases';

/**
 * Decides whether a reply is interested. Pure and deterministic: the tool's own label wins when it
 * sent one we understand; otherwise the reply text is read with the phrase lists in phrases.ts.
 * Precision comes first: auto-replies, out-of-office notes, unsubscribe requests and wrong-person
 * answers are never interested, and not-interested phrases are checked before interested ones.
 */

export type InterestLabel =
	| 'interested'
	| 'meeting_booked'
	| 'information_request'
	| 'neutral'
	| 'not_interested'
	| 'do_not_contact'
	| 'out_of_office'
	| 'wrong_person'
	| 'unknown';

export interface Classification {
	interested: boolean;
	label: InterestLabel;
	/** Which rule decided, with the phrase or label that matched. */
	reason: string;
}

export interface ClassifyInput {
	text?: string;
	subject?: string;
	/** The tool's own label, e.g. Smartlead's category or lemlist's event type. */
	label?: { raw: string; sentiment?: 'positive' | 'negative' | 'neutral' };
	/** The tool sent an "interested" event without a label (e.g. Generic `event: interested`). */
	toolSaysInterested?: boolean;
}

export interface ClassifyOptions {
	extraInterested?: string[];
	extraNotInterested?: string[];
}

const INTERESTED_LABELS: InterestLabel[] = ['interested', 'meeting_booked'];

/** Replies are short; a huge body (a forwarded thread, an attack) is read up to here only. */
const MAX_TEXT = 20000;

/** Maps a tool's label to ours, or undefined when we do not recognize it. */
export function labelFromTool(
	label: NonNullable<ClassifyInput['label']>,
): InterestLabel | undefined {
	const key = ` ${label.raw
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.toLowerCase()
		.replace(/[^a-z]+/g, ' ')
		.trim()} `;
	if (/ not ?interested | negative /.test(key)) return 'not_interested';
	if (/ do not contact | unsubscribe| blacklist| blocklist/.test(key)) return 'do_not_contact';
	if (/ out of office | auto ?repl/.test(key)) return 'out_of_office';
	if (/ wrong person /.test(key)) return 'wrong_person';
	if (/ meeting /.test(key)) return 'meeting_booked';
	if (/ interested | positive /.test(key)) return 'interested';
	if (/ info(rmation)? request /.test(key)) return 'information_request';
	if (/ maybe later | neutral /.test(key)) return 'neutral';
	if (label.sentiment === 'positive') return 'interested';
	if (label.sentiment === 'negative') return 'not_interested';
	if (label.sentiment === 'neutral') return 'neutral';
	return undefined;
}

export function classifyReply(input: ClassifyInput, options: ClassifyOptions = {}): Classification {
	if (input.label) {
		const label = labelFromTool(input.label);
		if (label)
			return {
				interested: INTERESTED_LABELS.includes(label),
				label,
				reason: `tool label "${input.label.raw}"`,
			};
	}
	if (input.toolSaysInterested)
		return { interested: true, label: 'interested', reason: 'the tool sent an interested event' };
	const fullText = normalize(`${input.subject ?? ''}\n${(input.text ?? '').slice(0, MAX_TEXT)}`);
	const body = clauses(stripQuoted(input.text ?? ''));
	if (!body.length)
		return { interested: false, label: 'unknown', reason: 'no reply text to classify' };

	const auto = findAny(clauses(fullText), BUILT_IN.autoReply);
	if (auto)
		return {
			interested: false,
			label: 'out_of_office',
			reason: `auto-reply phrase "${auto.phrase}"`,
		};
	const stop =
		findAny(body, BUILT_IN.unsubscribe) ??
		(body.length === 1 && body[0].words.join(' ') === 'stop' ? { phrase: 'stop' } : undefined);
	if (stop)
		return {
			interested: false,
			label: 'do_not_contact',
			reason: `unsubscribe phrase "${stop.phrase}"`,
		};

	const extraNo = findAny(body, compile(options.extraNotInterested ?? []));
	if (extraNo)
		return {
			interested: false,
			label: 'not_interested',
			reason: `extra not-interested phrase "${extraNo.phrase}"`,
		};
	const extraYes = findInterested(body, compile(options.extraInterested ?? []));
	if (extraYes.match)
		return {
			interested: true,
			label: 'interested',
			reason: `extra interested phrase "${extraYes.match}"`,
		};

	const wrong = findAny(body, BUILT_IN.wrongPerson);
	if (wrong)
		return {
			interested: false,
			label: 'wrong_person',
			reason: `wrong-person phrase "${wrong.phrase}"`,
		};
	const no = findAny(body, BUILT_IN.notInterested);
	if (no)
		return {
			interested: false,
			label: 'not_interested',
			reason: `not-interested phrase "${no.phrase}"`,
		};
	const yes = findInterested(body, BUILT_IN.interested);
	if (yes.match)
		return { interested: true, label: 'interested', reason: `interested phrase "${yes.match}"` };
	if (extraYes.negated ?? yes.negated) {
		return {
			interested: false,
			label: 'not_interested',
			reason: `negated interested phrase "${extraYes.negated ?? yes.negated}"`,
		};
	}
	return { interested: false, label: 'neutral', reason: 'no interested phrase found' };
}

// ---- text handling ----

/** Lower case, no accents, no apostrophes ("m'intéresse" → "m interesse", "don't" → "dont"). */
export function normalize(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/ß/g, 'ss')
		.replace(/[\u2018\u2019\u00b4`]/g, "'")
		.replace(/(^|[^a-z])(qu|[cdjlmnst])'(?=[a-z])/g, '$1$2 ')
		.replace(/'/g, '');
}

function tokens(text: string): string[] {
	return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

// Everything below these lines is the quoted earlier message, not the contact's words.
const QUOTE_HEADERS = [
	/^-{2,}\s*(original message|ursprungliche nachricht|message d origine|mensaje original|oorspronkelijk bericht|mensagem original)/,
	/^(from|von|de|van|sent|gesendet|envoye|enviado|verzonden):\s/,
	/^sent from my /,
];
const INLINE_QUOTE =
	/\b(on|am|le|el|op|em)\s[^\n]{3,200}?\b(wrote|schrieb|a ecrit|escribio|schreef|escreveu)\s*:/;

export function stripQuoted(text: string): string {
	const lines: string[] = [];
	for (const line of normalize(text.slice(0, MAX_TEXT)).split(/\r?\n/)) {
		const t = line.trim();
		if (t.startsWith('>')) continue;
		if (QUOTE_HEADERS.some((re) => re.test(t))) break;
		const inline = INLINE_QUOTE.exec(t);
		if (inline) {
			lines.push(t.slice(0, inline.index));
			break;
		}
		lines.push(t);
	}
	return lines.join('\n').trim();
}

/**
 * Sentences as word lists; phrases never span two of them. `breaks` holds the index of each word
 * that follows a comma: a negation does not reach across one ("No, I'm interested").
 */
interface Clause {
	words: string[];
	breaks: Set<number>;
}

function clauses(text: string): Clause[] {
	return text
		.split(/[.!?;\n]+/)
		.map((sentence) => {
			const words: string[] = [];
			const breaks = new Set<number>();
			for (const part of sentence.split(',')) {
				if (words.length) breaks.add(words.length);
				words.push(...tokens(part));
			}
			return { words, breaks };
		})
		.filter((c) => c.words.length > 0);
}

// ---- phrase matching ----

interface Phrase {
	phrase: string;
	words: string[];
}

function compile(list: readonly string[]): Phrase[] {
	return list
		.map((p) => ({ phrase: p.trim(), words: tokens(normalize(p)) }))
		.filter((p) => p.words.length > 0);
}

function compileAll(lists: PhraseList): Phrase[] {
	return compile(Object.values(lists).flat());
}

const BUILT_IN = {
	interested: compileAll(INTERESTED_PHRASES),
	notInterested: compileAll(NOT_INTERESTED_PHRASES),
	wrongPerson: compileAll(WRONG_PERSON_PHRASES),
	autoReply: compileAll(AUTO_REPLY_PHRASES),
	unsubscribe: compileAll(UNSUBSCRIBE_PHRASES),
};

const NEGATION_SET = new Set(NEGATIONS);
const TRAILING_SET = new Set(TRAILING_NEGATIONS);
const CONTRAST_SET = new Set(CONTRAST_WORDS);
const NOT_A_NEGATION_SET = new Set(NOT_A_NEGATION.map((p) => tokens(normalize(p)).join(' ')));

function positions(words: string[], phrase: Phrase): number[] {
	const found: number[] = [];
	for (let i = 0; i + phrase.words.length <= words.length; i++) {
		if (phrase.words.every((w, j) => words[i + j] === w)) found.push(i);
	}
	return found;
}

function findAny(clauseList: Clause[], phrases: Phrase[]): Phrase | undefined {
	return phrases.find((p) => clauseList.some((c) => positions(c.words, p).length > 0));
}

function isNegation(words: string[], i: number): boolean {
	if (!NEGATION_SET.has(words[i])) return false;
	const pairs = [`${words[i - 1]} ${words[i]}`, `${words[i]} ${words[i + 1]}`];
	return !pairs.some((p) => NOT_A_NEGATION_SET.has(p));
}

/** A negation up to three words before the phrase (not across a comma or "but"), or "nicht/niet/pas" right after. */
function negated({ words, breaks }: Clause, start: number, length: number): boolean {
	for (let i = start - 1; i >= Math.max(0, start - 3); i--) {
		if (breaks.has(i + 1) || CONTRAST_SET.has(words[i])) break;
		if (isNegation(words, i)) return true;
	}
	for (let i = start + length; i < Math.min(words.length, start + length + 2); i++) {
		if (breaks.has(i)) break;
		if (TRAILING_SET.has(words[i]) && isNegation(words, i)) return true;
	}
	return false;
}

function findInterested(
	clauseList: Clause[],
	phrases: Phrase[],
): { match?: string; negated?: string } {
	let negatedPhrase: string | undefined;
	for (const p of phrases) {
		for (const c of clauseList) {
			for (const at of positions(c.words, p)) {
				if (!negated(c, at, p.words.length)) return { match: p.phrase };
				negatedPhrase ??= p.phrase;
			}
		}
	}
	return { negated: negatedPhrase };
}
