/**
 * The reply classifier's public face: what the Outreach Trigger and the tests import. The code
 * lives in ./classifier/ (one small file per step), the words in ./classifier/lexicon/ and, for the
 * v1 lists the README shows, in ./phrases.ts.
 */
export { classifyReply } from './classifier/classify';
export { MAX_TEXT, normalize, replyBody, stripQuoted } from './classifier/email';
export { htmlToText } from './classifier/html';
export {
	AMBIGUOUS_WORDS,
	LANGUAGES,
	LEXICON,
	type Language,
	type Lexicon,
} from './classifier/lexicon';
export { labelFromTool } from './classifier/toolLabel';
export type {
	Classification,
	ClassifyInput,
	ClassifyOptions,
	InterestLabel,
} from './classifier/types';
export {
	AUTO_REPLY_PHRASES,
	INTERESTED_PHRASES,
	NEGATIONS,
	NOT_INTERESTED_PHRASES,
	UNSUBSCRIBE_PHRASES,
	WRONG_PERSON_PHRASES,
} from './phrases';
