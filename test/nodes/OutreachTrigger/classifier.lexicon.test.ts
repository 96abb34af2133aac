import { readFileSync } from 'fs';
import { join } from 'path';

import {
	AUTO_REPLY_PHRASES,
	type Classification,
	classifyReply,
	INTERESTED_PHRASES,
	LANGUAGES,
	LEXICON,
	type Lexicon,
	NEGATIONS,
	normalize,
	NOT_INTERESTED_PHRASES,
	UNSUBSCRIBE_PHRASES,
	WRONG_PERSON_PHRASES,
} from '../../../nodes/OutreachTrigger/classifier';
import {
	CONTRAST_WORDS,
	NOT_A_NEGATION,
	TRAILING_NEGATIONS,
} from '../../../nodes/OutreachTrigger/phrases';
import { untruthfulQuotes } from './reasonCheck';
import { REPLIES, classifyLabelled } from './replyFixtures';

const alone = (phrase: string) =>
	classifyReply({ text: phrase.replace(/ \$$/, ''), inReplyToOutreach: true });

describe('every built-in phrase, alone, gets its own answer', () => {
	const expected: Partial<Record<keyof Lexicon, (c: Classification) => boolean>> = {
		yes: (c) => c.interested,
		weakYes: (c) => c.interested,
		shortYes: (c) => c.interested,
		no: (c) => c.label === 'not_interested',
		softNo: (c) => c.label === 'not_interested',
		shortNo: (c) => c.label === 'not_interested',
		undecided: (c) => c.label === 'neutral' && c.reason.startsWith('undecided phrase'),
		wrongPerson: (c) => c.label === 'wrong_person',
		unsubscribe: (c) => c.label === 'do_not_contact',
		autoReply: (c) => c.label === 'out_of_office',
		autoReplyMaybe: (c) => c.label === 'out_of_office',
	};
	it.each(LANGUAGES)('%s', (lang) => {
		const wrong: string[] = [];
		for (const [kind, ok] of Object.entries(expected))
			for (const phrase of LEXICON[lang][kind as keyof Lexicon]) {
				const got = alone(phrase);
				if (!ok!(got)) wrong.push(`${kind} "${phrase}" → ${got.label} (${got.reason})`);
			}
		expect(wrong).toEqual([]);
	});

	it('the v1 lists (phrases.ts, shown in the README) keep their meaning', () => {
		const wrong: string[] = [];
		const check = (
			lists: Record<string, readonly string[]>,
			ok: (c: Classification) => boolean,
		) => {
			for (const phrase of Object.values(lists).flat()) {
				const got = classifyReply({ text: phrase });
				if (!ok(got)) wrong.push(`"${phrase}" → ${got.label}`);
			}
		};
		check(INTERESTED_PHRASES, (c) => c.interested);
		check(NOT_INTERESTED_PHRASES, (c) => c.label === 'not_interested');
		check(WRONG_PERSON_PHRASES, (c) => c.label === 'wrong_person');
		check(AUTO_REPLY_PHRASES, (c) => c.label === 'out_of_office');
		check(UNSUBSCRIBE_PHRASES, (c) => c.label === 'do_not_contact');
		expect(wrong).toEqual([]);
	});
});

describe('the reason is truthful', () => {
	it('quotes only phrases that are in the reply, for every labelled reply', () => {
		const wrong = REPLIES.flatMap((r) => {
			const { reason } = classifyLabelled(r);
			const bad = untruthfulQuotes(reason, r.text, r.subject);
			return bad.length ? [`${r.id}: ${reason}`] : [];
		});
		expect(wrong).toEqual([]);
	});

	it('names the rule: one of the documented reason shapes', () => {
		const shapes = [
			/^no reply text to classify$/,
			/^auto-reply phrase ".+"$/,
			/^unsubscribe phrase ".+"$/,
			/^(short reply|interested phrase|negated interested phrase|not-interested phrase|undecided phrase|wrong-person phrase|proposes or accepts a time|asks about the job)/,
			/^acknowledgement ".+", not a yes$/,
			/^no interested phrase found$/,
		];
		for (const r of REPLIES) {
			const { reason } = classifyLabelled(r);
			expect({ id: r.id, reason, known: shapes.some((s) => s.test(reason)) }).toMatchObject({
				known: true,
			});
		}
	});
});

describe('docs/classifier.md', () => {
	const doc = readFileSync(join(__dirname, '../../../docs/classifier.md'), 'utf8');

	it('lists every built-in word and phrase', () => {
		const missing = LANGUAGES.flatMap((lang) =>
			Object.values(LEXICON[lang])
				.flat()
				.filter((p) => !doc.includes(`\`${p}\``))
				.map((p) => `${lang}: ${p}`),
		);
		expect(missing).toEqual([]);
	});
});

describe('the v1 word lists are part of the v2 lexicon', () => {
	const all = (pick: (lex: Lexicon) => readonly string[]) =>
		new Set(LANGUAGES.flatMap((lang) => pick(LEXICON[lang]).map((w) => normalize(w))));

	it('negations, trailing negations, non-negating pairs and contrast words', () => {
		const negations = all((lex) => lex.negations);
		const trailing = all((lex) => lex.trailingNegations);
		const pairs = all((lex) => lex.notANegation);
		const contrast = all((lex) => [...lex.contrast, ...lex.contrastAdverbs]);
		expect(NEGATIONS.filter((w) => !negations.has(w))).toEqual([]);
		expect(TRAILING_NEGATIONS.filter((w) => !trailing.has(w))).toEqual([]);
		expect(NOT_A_NEGATION.filter((w) => !pairs.has(normalize(w)))).toEqual([]);
		expect(CONTRAST_WORDS.filter((w) => !contrast.has(w))).toEqual([]);
	});
});
