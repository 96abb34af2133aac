import { readFileSync } from 'fs';
import { join } from 'path';

import {
	AUTO_REPLY_PHRASES,
	classifyReply,
	INTERESTED_PHRASES,
	labelFromTool,
	NOT_INTERESTED_PHRASES,
	normalize,
	stripQuoted,
	UNSUBSCRIBE_PHRASES,
} from '../../../nodes/OutreachTrigger/classifier';

interface Labelled {
	lang: string;
	text: string;
	interested: boolean;
	/** "auto" (auto-reply / out of office) or "unsubscribe": must never be interested. */
	kind?: 'auto' | 'unsubscribe';
}

const replies: Labelled[] = JSON.parse(
	readFileSync(join(__dirname, '../../fixtures/outreach/replies.json'), 'utf8'),
);

describe('classifier on labelled replies', () => {
	const results = replies.map((r) => ({ ...r, got: classifyReply({ text: r.text }) }));

	it('has at least 100 labelled replies in six languages', () => {
		expect(replies.length).toBeGreaterThanOrEqual(100);
		expect(new Set(replies.map((r) => r.lang))).toEqual(
			new Set(['en', 'de', 'fr', 'es', 'nl', 'pt']),
		);
	});

	it('reaches precision >= 0.95 and recall >= 0.9', () => {
		const tp = results.filter((r) => r.interested && r.got.interested).length;
		const fp = results.filter((r) => !r.interested && r.got.interested);
		const fn = results.filter((r) => r.interested && !r.got.interested);
		const precision = tp / (tp + fp.length);
		const recall = tp / (tp + fn.length);
		console.log(
			[
				`Outreach reply classifier: ${replies.length} replies, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
				...fp.map(
					(r) => `  false positive [${r.lang}] ${JSON.stringify(r.text)} (${r.got.reason})`,
				),
				...fn.map(
					(r) => `  false negative [${r.lang}] ${JSON.stringify(r.text)} (${r.got.reason})`,
				),
			].join('\n'),
		);
		expect(precision).toBeGreaterThanOrEqual(0.95);
		expect(recall).toBeGreaterThanOrEqual(0.9);
	});

	it('never calls an auto-reply, out-of-office note or unsubscribe request interested', () => {
		const never = results.filter((r) => r.kind);
		expect(never.length).toBeGreaterThanOrEqual(20);
		for (const r of never) {
			expect({ text: r.text, interested: r.got.interested }).toEqual({
				text: r.text,
				interested: false,
			});
			expect(['out_of_office', 'do_not_contact']).toContain(r.got.label);
		}
	});

	it('per language, recall stays reasonable', () => {
		for (const lang of ['en', 'de', 'fr', 'es', 'nl', 'pt']) {
			const positives = results.filter((r) => r.lang === lang && r.interested);
			const found = positives.filter((r) => r.got.interested).length;
			expect({ lang, ratio: found / positives.length >= 0.75 }).toEqual({ lang, ratio: true });
		}
	});
});

describe('classifyReply rules', () => {
	it('says which rule and phrase decided', () => {
		expect(classifyReply({ text: 'Sounds good!' })).toEqual({
			interested: true,
			label: 'interested',
			reason: 'interested phrase "sounds good"',
		});
		expect(classifyReply({ text: 'No thanks' })).toEqual({
			interested: false,
			label: 'not_interested',
			reason: 'not-interested phrase "no thanks"',
		});
		expect(classifyReply({ text: "I wouldn't be interested" })).toMatchObject({
			interested: false,
			reason: 'negated interested phrase "interested"',
		});
		expect(classifyReply({ text: 'Ok.' })).toMatchObject({ interested: false, label: 'neutral' });
		expect(classifyReply({})).toMatchObject({ interested: false, label: 'unknown' });
	});

	it('keeps a negation inside its comma-separated part, and after the verb in German and Dutch', () => {
		expect(classifyReply({ text: "No, I'm interested!" })).toMatchObject({ interested: true });
		expect(classifyReply({ text: 'No worries, happy to chat' })).toMatchObject({
			interested: true,
		});
		expect(classifyReply({ text: 'Not sure yet, but happy to chat' })).toMatchObject({
			interested: true,
		});
		expect(classifyReply({ text: 'Das interessiert mich nicht' })).toMatchObject({
			interested: false,
		});
		expect(classifyReply({ text: 'Ik heb geen tijd om te bellen' })).toMatchObject({
			interested: false,
		});
		expect(classifyReply({ text: "I don't think I'd be a good fit" })).toMatchObject({
			interested: false,
		});
	});

	it('uses the tool label first, in both directions', () => {
		expect(classifyReply({ text: 'No thanks', label: { raw: 'Interested' } })).toMatchObject({
			interested: true,
			reason: 'tool label "Interested"',
		});
		expect(classifyReply({ text: 'Sounds great', label: { raw: 'NOT_INTERESTED' } })).toMatchObject(
			{ interested: false, label: 'not_interested' },
		);
		expect(
			classifyReply({ text: 'Sounds great', label: { raw: 'Information Request' } }),
		).toMatchObject({ interested: false, label: 'information_request' });
		// An unknown label without sentiment falls back to the text.
		expect(classifyReply({ text: 'Sounds great', label: { raw: 'Custom 7' } })).toMatchObject({
			interested: true,
			reason: 'interested phrase "sounds great"',
		});
		expect(classifyReply({ label: { raw: 'Hot', sentiment: 'positive' } })).toMatchObject({
			interested: true,
		});
		expect(classifyReply({ toolSaysInterested: true })).toMatchObject({
			interested: true,
			reason: 'the tool sent an interested event',
		});
	});

	it.each([
		['linkedinInterested', 'interested'],
		['emailsNotInterested', 'not_interested'],
		['lead_meeting_booked', 'meeting_booked'],
		['Meeting Request', 'meeting_booked'],
		['Do Not Contact', 'do_not_contact'],
		['lead_out_of_office', 'out_of_office'],
		['LEAD_AUTO_TAGGED_NOT_INTERESTED', 'not_interested'],
		['INTERESTED', 'interested'],
		['MAYBE_LATER', 'neutral'],
		['lead_wrong_person', 'wrong_person'],
		['lead_closed', undefined],
	])('maps tool label %s to %s', (raw, label) => {
		expect(labelFromTool({ raw })).toBe(label);
	});

	it('reads the subject for auto-replies', () => {
		expect(
			classifyReply({
				subject: 'Automatic reply: Senior role',
				text: 'Thanks, I will get back to you. Happy to chat.',
			}),
		).toMatchObject({
			interested: false,
			label: 'out_of_office',
		});
	});

	it('takes extra phrases from the user, not-interested first', () => {
		const options = {
			extraInterested: ['send me the JD', 'ping me'],
			extraNotInterested: ['found a job'],
		};
		expect(classifyReply({ text: 'Please send me the JD' }, options)).toMatchObject({
			interested: true,
			reason: 'extra interested phrase "send me the JD"',
		});
		expect(classifyReply({ text: 'Sounds good but I found a job' }, options)).toMatchObject({
			interested: false,
			reason: 'extra not-interested phrase "found a job"',
		});
		expect(classifyReply({ text: "Don't ping me" }, options)).toMatchObject({ interested: false });
		expect(classifyReply({ text: 'Please send me the JD' })).toMatchObject({ interested: false });
	});

	it('ignores the quoted earlier message', () => {
		expect(
			stripQuoted('Yes!\n\nOn Tue, 3 Mar 2026, Rita <r@x.example> wrote:\n> interested?'),
		).toBe('yes!');
		expect(stripQuoted('Oui\nLe mar. 3 mars 2026 à 10:00, Rita a écrit :\n> ok')).toBe('oui');
		expect(stripQuoted('Yes\n> quoted\nmore')).toBe('yes\nmore');
	});

	it('normalizes accents, ß and apostrophes', () => {
		expect(normalize("Ça m'intéresse, don’t worry, Straße")).toBe(
			'ca m interesse, dont worry, strasse',
		);
	});

	it('is deterministic and exports its phrase lists', () => {
		expect(classifyReply({ text: 'Klingt gut' })).toEqual(classifyReply({ text: 'Klingt gut' }));
		for (const list of [
			INTERESTED_PHRASES,
			NOT_INTERESTED_PHRASES,
			AUTO_REPLY_PHRASES,
			UNSUBSCRIBE_PHRASES,
		]) {
			expect(Object.keys(list).sort()).toEqual(['de', 'en', 'es', 'fr', 'nl', 'pt']);
		}
	});
});
