/**
 * Built-in phrases of the reply classifier, per language. They are matched as whole words, after
 * lower-casing, removing accents (é → e, ß → ss) and apostrophes (don't → dont, m'intéresse →
 * m interesse), so write them plainly. the README lists them (a unit test keeps it in sync).
 */

export const LANGUAGES = ['en', 'de', 'fr', 'es', 'nl', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];
export type PhraseList = Record<Language, readonly string[]>;

/** A reply containing one of these (and no negation right before it) counts as interested. */
export const INTERESTED_PHRASES: PhraseList = {
	en: [
		'interested', 'sounds good', 'sounds great', 'sounds interesting', 'sounds promising', "let's talk", "let's chat",
		"let's connect", "let's speak", 'happy to chat', 'happy to talk', 'happy to connect', 'happy to hop on', 'love to chat',
		'love to learn more', 'love to hear more', 'would love to', "i'd love to", 'open to', 'tell me more', 'send me more',
		'send over more', 'more info', 'more information', 'more details', 'book a call', 'schedule a call', 'set up a call',
		'hop on a call', 'jump on a call', 'quick call', 'a quick chat', 'when are you free', 'what times work', 'what time works',
		'my calendar', 'calendly', 'available for a call', 'count me in', 'yes please', 'keen', 'call me', 'give me a call',
		'my number is', "let's do it", 'why not', 'curious to learn', 'worth a conversation', 'worth a chat',
		'go ahead', 'set something up', 'could be a good fit', 'sounds like a good fit', 'a time that works', 'salary range', "what's the salary", 'what is the salary', 'is the role remote', 'is this role remote',
		'have a call', 'have a chat', 'let us talk', 'let us chat', 'can we talk', 'can we chat', 'can we speak',
	],
	de: [
		'interessiert', 'interesse', 'interessant', 'gerne', 'gern', 'klingt gut', 'klingt interessant', 'klingt spannend',
		'lassen sie uns', 'lass uns', 'telefonieren', 'kurzes gesprach', 'termin', 'rufen sie mich an', 'ruf mich an',
		'mehr erfahren', 'mehr informationen', 'mehr details', 'bin offen', 'offen fur', 'warum nicht',
	],
	fr: [
		'interesse', 'interessee', 'interesses', 'ca m interesse', 'avec plaisir', 'volontiers', 'parlons en', 'discutons',
		'appelez moi', 'appelle moi', 'je suis disponible', 'disponible', 'en savoir plus', "plus d'informations",
		'plus de details', 'pourquoi pas', 'rendez vous', 'un appel', 'un echange', 'ca me dit', 'tres interessant',
		'ouvert a', 'ouverte a',
	],
	es: [
		'me interesa', 'interesado', 'interesada', 'suena bien', 'suena interesante', 'hablemos', 'con gusto', 'encantado',
		'encantada', 'mas informacion', 'mas detalles', 'una llamada', 'agendar', 'agendemos', 'estoy disponible', 'llamame',
		'cuentame mas', 'saber mas', 'me encantaria', 'abierto a', 'abierta a', 'claro que si', 'por que no',
	],
	nl: [
		'geinteresseerd', 'interesse', 'klinkt goed', 'klinkt interessant', 'graag', 'laten we', 'bellen', 'afspraak',
		'meer informatie', 'meer weten', 'vertel me meer', 'sta open', 'beschikbaar', 'waarom niet', 'bel me',
	],
	pt: [
		'interessado', 'interessada', 'tenho interesse', 'parece bom', 'parece interessante', 'vamos conversar', 'com certeza',
		'mais informacoes', 'mais detalhes', 'uma ligacao', 'agendar', 'estou disponivel', 'me liga', 'me ligar', 'conte me mais',
		'aberto a', 'aberta a', 'claro que sim', 'por que nao',
	],
};

/** Checked before the interested phrases: any of these makes the reply not interested. */
export const NOT_INTERESTED_PHRASES: PhraseList = {
	en: [
		'not interested', 'no interest', 'no longer interested', 'no thanks', 'no thank you', 'no thx', 'not at the moment',
		'not at this time', 'not right now', 'not now', 'not looking', "i'm not looking", 'not currently looking', 'not actively looking',
		'not a fit', 'not a good fit', 'not the right fit', 'not for me', 'pass on this', "i'll pass", 'i will pass',
		'happy where i am', 'happy in my current role', 'happy with my current', 'not considering', 'not the right time',
		'bad timing', 'already accepted', 'just accepted', 'just started a new', 'not relevant', 'not in the market',
		'respectfully decline', 'i decline', 'not open to', 'no time', 'maybe later', 'maybe next year', 'maybe in a few months',
	],
	de: [
		'kein interesse', 'keine interesse', 'nicht interessiert', 'nein danke', 'derzeit nicht', 'momentan nicht',
		'aktuell nicht', 'zurzeit nicht', 'im moment nicht', 'kein bedarf', 'nicht auf der suche', 'bin zufrieden',
		'leider nicht', 'passt nicht', 'keine zeit', 'ein andermal', 'ein anderes mal', 'vielleicht spater',
	],
	fr: [
		'pas interesse', 'pas interessee', 'ne m interesse pas', 'ne suis pas interesse', 'non merci', 'pas pour le moment',
		'pas en ce moment', 'pas le moment', 'pas a la recherche', 'je ne cherche pas', 'je decline', 'pas le temps',
	],
	es: [
		'no me interesa', 'no estoy interesado', 'no estoy interesada', 'no gracias', 'no por ahora', 'no en este momento',
		'ahora no', 'no busco', 'no estoy buscando', 'no tengo tiempo',
	],
	nl: [
		'niet geinteresseerd', 'geen interesse', 'nee dank je', 'nee bedankt', 'nee dankjewel', 'op dit moment niet',
		'momenteel niet', 'nu niet', 'niet op zoek', 'geen tijd',
	],
	pt: [
		'nao tenho interesse', 'nao estou interessado', 'nao estou interessada', 'sem interesse', 'nao obrigado',
		'nao obrigada', 'agora nao', 'no momento nao', 'nao estou procurando', 'nao tenho tempo',
	],
};

/** The reply comes from someone else than the contact: never interested. */
export const WRONG_PERSON_PHRASES: PhraseList = {
	en: ['wrong person', 'not the right person', 'no longer work', 'no longer with', 'left the company', 'i have retired'],
	de: ['falsche person', 'nicht mehr bei', 'nicht mehr tatig'],
	fr: ['mauvaise personne', 'ne travaille plus'],
	es: ['persona equivocada', 'ya no trabajo'],
	nl: ['verkeerde persoon', 'werk hier niet meer'],
	pt: ['pessoa errada', 'nao trabalho mais'],
};

/** Auto-replies and out-of-office notes (searched in subject and body): never interested. */
export const AUTO_REPLY_PHRASES: PhraseList = {
	en: [
		'out of office', 'out of the office', 'ooo', 'automatic reply', 'auto reply', 'autoreply', 'automated response',
		'automatic response', 'currently away', 'i am away', "i'm away", 'away from the office', 'on vacation', 'on holiday',
		'on annual leave', 'on parental leave', 'on maternity leave', 'on paternity leave', 'limited access to email',
		'limited access to my email', 'this mailbox is not monitored', 'delivery status notification', 'undeliverable',
		'mail delivery failed',
	],
	de: ['abwesenheitsnotiz', 'abwesend', 'automatische antwort', 'im urlaub', 'nicht im buro', 'ausser haus'],
	fr: ['reponse automatique', 'absent du bureau', 'absente du bureau', 'en conges', 'en vacances', 'message automatique'],
	es: ['respuesta automatica', 'fuera de la oficina', 'de vacaciones', 'estoy ausente'],
	nl: ['automatisch antwoord', 'afwezig', 'op vakantie', 'niet op kantoor', 'afwezigheidsbericht'],
	pt: ['resposta automatica', 'fora do escritorio', 'de ferias', 'em ferias', 'estou ausente'],
};

/** Unsubscribe and do-not-contact requests: never interested. */
export const UNSUBSCRIBE_PHRASES: PhraseList = {
	en: [
		'unsubscribe', 'remove me', 'take me off', 'stop emailing', 'stop contacting', 'stop messaging', 'stop sending',
		'do not contact', "don't contact", 'do not email', "don't email", 'opt out', 'opt me out', 'delete my data',
		'this is spam', 'marked as spam', 'reported as spam', 'report as spam',
	],
	de: ['abmelden', 'austragen', 'entfernen sie mich', 'nicht mehr kontaktieren', 'keine weiteren', 'loschen sie meine daten'],
	fr: ['desinscrire', 'desabonner', 'desinscription', 'retirez moi', 'ne plus me contacter', 'ne me contactez plus', 'supprimez mes donnees'],
	es: ['darme de baja', 'dar de baja', 'darse de baja', 'no me contacten', 'no me contactes', 'eliminen mis datos', 'borrar mis datos'],
	nl: ['afmelden', 'uitschrijven', 'verwijder mij', 'verwijder me', 'niet meer contacteren', 'niet meer mailen'],
	pt: ['descadastrar', 'cancelar inscricao', 'remova me', 'remover meu', 'nao me contate', 'pare de enviar'],
};

/** Words that flip an interested phrase when they come up to three words before it. */
export const NEGATIONS: readonly string[] = [
	'not', 'no', 'never', 'dont', 'doesnt', 'didnt', 'wont', 'wouldnt', 'cant', 'cannot', 'isnt', 'arent', 'neither', 'nor',
	'nicht', 'kein', 'keine', 'keinen', 'keiner', 'nie', 'niemals', 'ne', 'n', 'pas', 'jamais', 'non', 'nunca', 'tampoco',
	'ni', 'niet', 'geen', 'nooit', 'nao', 'nem',
];

/** Languages that put the negation after the verb ("interessiert mich nicht", "interesseert me niet"). */
export const TRAILING_NEGATIONS: readonly string[] = ['nicht', 'niet', 'pas'];

/** Negation words inside these pairs are not negations ("no worries, let's talk"). */
export const NOT_A_NEGATION: readonly string[] = [
	'no worries', 'no problem', 'no pressure', 'no rush', 'no doubt', 'why not', 'not only', 'warum nicht', 'kein problem',
	'pourquoi pas', 'pas de probleme', 'por que no', 'porque no', 'sin problema', 'waarom niet', 'geen probleem', 'geen zorgen',
	'por que nao', 'sem problema',
];

/** Words after which the negation window stops ("not sure, but happy to chat"). */
export const CONTRAST_WORDS: readonly string[] = ['but', 'however', 'aber', 'jedoch', 'mais', 'pero', 'maar', 'mas', 'though'];
