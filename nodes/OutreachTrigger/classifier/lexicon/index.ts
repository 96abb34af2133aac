import {
	AUTO_REPLY_PHRASES,
	INTERESTED_PHRASES,
	NOT_INTERESTED_PHRASES,
	UNSUBSCRIBE_PHRASES,
	WRONG_PERSON_PHRASES,
} from '../../phrases';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';
import { nl } from './nl';
import { pt } from './pt';
import type { Lexicon } from './types';

export type { Lexicon } from './types';

export const LANGUAGES = ['en', 'de', 'fr', 'es', 'nl', 'pt', 'it'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Words that mean something else in another of our languages: French "mais" (but) is Portuguese
 * "more", Portuguese "mas" (but) is Spanish "más" once accents are gone, Italian "ma" (but) is French
 * "my", French "pas" (not) is Dutch "only just", French "ne" is Italian "of it", Italian "mai"
 * (never) is French "May". They count only when the reply reads as the language that lists them.
 */
export const AMBIGUOUS_WORDS: readonly string[] = ['mais', 'mas', 'ma', 'pas', 'ne', 'n', 'mai'];

// The v1 lists (phrases.ts, listed in the README) stay in use. These of their phrases are compliments
// or status statements rather than answers, so v2 weighs them lower (see Lexicon in types.ts).
const V1_WEAK_YES = new Set([
	'sounds good',
	'sounds great',
	'sounds interesting',
	'sounds promising',
	'could be a good fit',
	'sounds like a good fit',
	'interessant',
	'klingt gut',
	'klingt interessant',
	'klingt spannend',
	'tres interessant',
	'suena bien',
	'suena interesante',
	'klinkt goed',
	'klinkt interessant',
	'parece bom',
	'parece interessante',
]);
const V1_SOFT_NO = new Set([
	'not at the moment',
	'not at this time',
	'not right now',
	'not now',
	'not looking',
	"i'm not looking",
	'not currently looking',
	'not actively looking',
	'happy where i am',
	'happy in my current role',
	'happy with my current',
	'not considering',
	'not the right time',
	'bad timing',
	'no time',
	'maybe later',
	'maybe next year',
	'maybe in a few months',
	'just started a new',
	'not in the market',
	'derzeit nicht',
	'momentan nicht',
	'aktuell nicht',
	'zurzeit nicht',
	'im moment nicht',
	'nicht auf der suche',
	'bin zufrieden',
	'ein andermal',
	'ein anderes mal',
	'vielleicht spater',
	'keine zeit',
	'pas pour le moment',
	'pas en ce moment',
	'pas le moment',
	'pas a la recherche',
	'je ne cherche pas',
	'pas le temps',
	'no por ahora',
	'no en este momento',
	'ahora no',
	'no busco',
	'no estoy buscando',
	'no tengo tiempo',
	'op dit moment niet',
	'momenteel niet',
	'nu niet',
	'niet op zoek',
	'geen tijd',
	'agora nao',
	'no momento nao',
	'nao estou procurando',
	'nao tenho tempo',
]);
const V1_AUTO_MAYBE = new Set([
	'out of office',
	'out of the office',
	'ooo',
	'currently away',
	'i am away',
	"i'm away",
	'away from the office',
	'on vacation',
	'on holiday',
	'on annual leave',
	'on parental leave',
	'on maternity leave',
	'on paternity leave',
	'abwesend',
	'im urlaub',
	'nicht im buro',
	'ausser haus',
	'absent du bureau',
	'absente du bureau',
	'en conges',
	'en vacances',
	'fuera de la oficina',
	'de vacaciones',
	'estoy ausente',
	'afwezig',
	'op vakantie',
	'niet op kantoor',
	'fora do escritorio',
	'de ferias',
	'em ferias',
	'estou ausente',
]);

function unique(list: readonly string[]): string[] {
	return [...new Set(list)];
}

function withV1(lang: Language, lex: Lexicon): Lexicon {
	if (lang === 'it') return lex;
	const interested = INTERESTED_PHRASES[lang];
	const notInterested = NOT_INTERESTED_PHRASES[lang];
	const auto = AUTO_REPLY_PHRASES[lang];
	return {
		...lex,
		yes: unique([...interested.filter((p) => !V1_WEAK_YES.has(p)), ...lex.yes]),
		weakYes: unique([...interested.filter((p) => V1_WEAK_YES.has(p)), ...lex.weakYes]),
		no: unique([...notInterested.filter((p) => !V1_SOFT_NO.has(p)), ...lex.no]),
		softNo: unique([...notInterested.filter((p) => V1_SOFT_NO.has(p)), ...lex.softNo]),
		wrongPerson: unique([...WRONG_PERSON_PHRASES[lang], ...lex.wrongPerson]),
		unsubscribe: unique([...UNSUBSCRIBE_PHRASES[lang], ...lex.unsubscribe]),
		autoReply: unique([...auto.filter((p) => !V1_AUTO_MAYBE.has(p)), ...lex.autoReply]),
		autoReplyMaybe: unique([...auto.filter((p) => V1_AUTO_MAYBE.has(p)), ...lex.autoReplyMaybe]),
	};
}

/** Every built-in word and phrase of the classifier, per language (docs/classifier.md lists them). */
export const LEXICON: Record<Language, Lexicon> = {
	en: withV1('en', en),
	de: withV1('de', de),
	fr: withV1('fr', fr),
	es: withV1('es', es),
	nl: withV1('nl', nl),
	pt: withV1('pt', pt),
	it: withV1('it', it),
};
