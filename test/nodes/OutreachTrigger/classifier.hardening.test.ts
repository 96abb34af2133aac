import fc from 'fast-check';

import {
	classifyReply,
	type InterestLabel,
	LANGUAGES,
	LEXICON,
} from '../../../nodes/OutreachTrigger/classifier';
import { untruthfulQuotes } from './reasonCheck';

const LABELS: InterestLabel[] = [
	'interested',
	'meeting_booked',
	'information_request',
	'neutral',
	'not_interested',
	'do_not_contact',
	'out_of_office',
	'wrong_person',
	'unknown',
];

/**
 * Hostile input must finish and answer sensibly. How fast is measured by `npm run classifier:report`
 * (1 MB inputs), not asserted here.
 */
describe('1 MB adversarial replies finish with an answer', () => {
	const MB = 1024 * 1024;
	const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

	it.each([
		['yes but no ', undefined],
		['<', 'unknown'],
		[' ', 'unknown'],
		['< ', 'unknown'],
		['<blockquote>', 'unknown'],
		['<!--', 'unknown'],
		['&', 'unknown'],
		['On x wrote:\n', 'unknown'],
		['not interested ', 'not_interested'],
		['👍', 'interested'],
		['a', 'neutral'],
		['no. ', 'not_interested'],
		['> quoted\n', 'unknown'],
	])('%j × 1 MB', (unit, label) => {
		const text = fill(unit);
		const got = classifyReply({ text, subject: text, inReplyToOutreach: true });
		expect(LABELS).toContain(got.label);
		if (label) expect(got.label).toBe(label);
		expect(got.reason.length).toBeLessThan(400);
	});
});

describe('any input', () => {
	const words = LANGUAGES.flatMap((lang) => [
		...LEXICON[lang].yes.slice(0, 8),
		...LEXICON[lang].no.slice(0, 8),
		...LEXICON[lang].softNo.slice(0, 4),
		...LEXICON[lang].shortYes.slice(0, 4),
		...LEXICON[lang].contrast,
		...LEXICON[lang].negations.slice(0, 3),
	]);
	const piece = fc.oneof(
		fc.constantFrom(...words),
		fc.constantFrom(
			',',
			'.',
			'?',
			'!',
			'\n',
			'> ',
			'<p>',
			'</p>',
			' ',
			'👍',
			'On Mon Rita wrote:\n',
		),
		fc.string({ unit: 'grapheme', maxLength: 6 }),
	);
	const reply = fc.array(piece, { maxLength: 30 }).map((p) => p.join(' '));

	it('gets a deterministic answer whose reason only quotes words of the reply', () => {
		fc.assert(
			fc.property(reply, fc.boolean(), (text, inReplyToOutreach) => {
				const got = classifyReply({ text, inReplyToOutreach });
				expect(classifyReply({ text, inReplyToOutreach })).toEqual(got);
				expect(LABELS).toContain(got.label);
				expect(got.interested).toBe(got.label === 'interested');
				expect(untruthfulQuotes(got.reason, text)).toEqual([]);
			}),
			{ numRuns: 400 },
		);
	});
});
