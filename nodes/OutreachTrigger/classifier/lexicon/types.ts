/**
 * One language's words for the reply classifier. Phrases are written plainly; they are matched as
 * whole words after the same normalization as the reply (lower case, no accents, ß → ss, "don't" →
 * "dont", "m'intéresse" → "m interesse"). A phrase ending in " $" only matches at the end of a
 * sentence or comma-separated part ("I'm good $" matches "Thanks, I'm good." but not "I'm good with
 * Tuesday").
 */
export interface Lexicon {
	/** Agreeing, asking for a call or details, offering contact: interested. */
	yes: readonly string[];
	/** Compliments ("sounds interesting"): interested only when nothing in the reply declines. */
	weakYes: readonly string[];
	/** Refusals: not interested. Only a `yes` after a contrast word ("but …") outweighs them. */
	no: readonly string[];
	/** Status statements ("not looking"): a `yes` anywhere in the same part of the reply outweighs them. */
	softNo: readonly string[];
	/** No decision yet ("let me think about it"): not interested, label neutral. */
	undecided: readonly string[];
	/** Someone else should be contacted (wrong person, left, forwarded to a colleague). */
	wrongPerson: readonly string[];
	/** Unsubscribe / do-not-contact requests: never interested, whatever else the reply says. */
	unsubscribe: readonly string[];
	/** Certain signs of an auto-reply, out-of-office note or bounce (subject or body). */
	autoReply: readonly string[];
	/**
	 * Words a person may also write ("on holiday"): an auto-reply when in the subject, next to an
	 * "until" word, or when the reply has no `yes`.
	 */
	autoReplyMaybe: readonly string[];
	/** "until" words that make an `autoReplyMaybe` phrase in the same sentence certain. */
	until: readonly string[];
	/** Opening a reply to an outreach message, these say yes ("Sure", "Ok", 👍). */
	shortYes: readonly string[];
	/** A sentence of only these (and politeness) says no ("Nope.", "Nein."). */
	shortNo: readonly string[];
	/** Receipts, not answers ("Noted", "Got it"); "ok" followed only by thanks is one too. */
	acknowledgements: readonly string[];
	/** Politeness that does not change a short reply ("thanks", "please", 🙂). */
	filler: readonly string[];
	/** Openers skipped before a short reply ("Hi Rita, yes"). */
	greetings: readonly string[];
	/** In a question, these ask about the job: interested ("Is it remote?"). */
	questionTopics: readonly string[];
	/** Days and times; with `schedulingWords` or a question mark they propose or accept a time. */
	timeWords: readonly string[];
	schedulingWords: readonly string[];
	/** Prepositions before a bare hour ("at 10", "um 14", "alle 10"). */
	hourPrepositions: readonly string[];
	/** A negation up to four words before a `yes` (same part, no contrast word between) flips it. */
	negations: readonly string[];
	/** Negations that follow the verb ("interessiert mich nicht"): up to three words after. */
	trailingNegations: readonly string[];
	/** Pairs whose negation word negates nothing ("no worries", "why not"). */
	notANegation: readonly string[];
	/** The words from here on start a new clause that outweighs the previous one ("but"). */
	contrast: readonly string[];
	/** Adverbs that make their whole comma-separated part the new clause ("happy to chat though"). */
	contrastAdverbs: readonly string[];
	/** Their part is a side remark; the main clause decides ("although I'm not looking, …"). */
	concessive: readonly string[];
	/** Subject prefixes of a reply ("Re:", "AW:"). */
	replyPrefixes: readonly string[];
	/** Common words that tell which language a reply is in. */
	stopwords: readonly string[];
}
