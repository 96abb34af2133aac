import {
	classifyReply,
	htmlToText,
	normalize,
	replyBody,
} from '../../../nodes/OutreachTrigger/classifier';
import { tokenize } from '../../../nodes/OutreachTrigger/classifier/tokens';

describe('HTML bodies', () => {
	it('keeps the text, one line per block, with entities decoded', () => {
		expect(
			htmlToText('<div>Yes,&nbsp;happy to chat!</div><p>Tom &amp; Ana &#8211; &#x41;</p>'),
		).toEqual({
			text: '\nYes, happy to chat!\n\nTom & Ana \u2013 A\n',
			quoted: false,
		});
	});

	it('drops styles, scripts, comments and quoted history (blockquote, gmail_quote, Outlook)', () => {
		const gmail =
			'<div dir="ltr">No thanks</div><div class="gmail_quote"><div>On Mon, Rita wrote:</div><blockquote>Open to a chat? <div>nested</div></blockquote></div><div>after</div>';
		expect(htmlToText(gmail)).toEqual({ text: '\nNo thanks\n\nafter\n', quoted: true });
		expect(htmlToText('<style>p{color:red}</style><!-- hidden --><p>Sure</p>').text).toBe(
			'\nSure\n',
		);
		expect(
			htmlToText('<p>Sure</p><div id="divRplyFwdMsg"><b>From:</b> Rita</div><p>quoted</p>'),
		).toEqual({
			text: '\nSure\n',
			quoted: true,
		});
	});

	it('reads a stray "<" as text and never loses the rest of the reply to an unclosed tag', () => {
		expect(htmlToText('<p>I earn <3 and <a lot').text).toBe('\nI earn <3 and <a lot');
		expect(htmlToText('<p>x</p><!-- never closed').text).toBe('\nx\n');
	});

	it('is only used for real HTML, not for "<jane@example.com>" in a plain reply', () => {
		expect(replyBody('Sure\nJane <jane@example.com>').text).toBe('sure\njane <jane@example.com>');
		expect(classifyReply({ text: '<div>Happy to chat</div>' })).toMatchObject({ interested: true });
	});
});

describe('quoted history and signatures', () => {
	it.each([
		['On Tue, 3 Mar 2026 at 10:02, Rita Chen <rita@agency.example> wrote:'],
		['On Tue, 3 Mar 2026 at 10:02, Rita Chen <rita@agency.example>\nwrote:'],
		['Am Di., 3. März 2026 um 10:02 schrieb Rita Chen <rita@agency.example>:'],
		['Le mar. 3 mars 2026 à 10:02, Rita Chen <rita@agency.example> a écrit :'],
		['El mar, 3 mar 2026 a las 10:02, Rita Chen <rita@agency.example> escribió:'],
		['Op di 3 mrt 2026 om 10:02 schreef Rita Chen <rita@agency.example>:'],
		['Em ter., 3 de mar. de 2026 às 10:02, Rita Chen <rita@agency.example> escreveu:'],
		['Il giorno mar 3 mar 2026 alle ore 10:02 Rita Chen <rita@agency.example> ha scritto:'],
		['-----Original Message-----\nFrom: Rita'],
		['From: Rita Chen <rita@agency.example>\nSent: Tuesday'],
		['De : Rita Chen\nEnvoyé : mardi'],
		['---------- Forwarded message ---------'],
	])('cuts at %s', (header) => {
		const got = replyBody(
			`No thanks.\n\n${header}\n> Would you be open to a quick call? Happy to chat.`,
		);
		expect(got).toEqual({ text: 'no thanks.', quoted: true });
	});

	it('cuts a thread flattened onto one line', () => {
		expect(
			replyBody('Sounds good! On Mon, Mar 2, 2026 Rita <r@x.example> wrote: > not interested?'),
		).toEqual({
			text: 'sounds good!',
			quoted: true,
		});
	});

	it('drops ">" lines but keeps the text around them', () => {
		expect(replyBody('Yes\n> quoted\nmore')).toEqual({ text: 'yes\nmore', quoted: true });
	});

	it('cuts the signature after a sign-off line, "--", a mobile footer or a disclaimer', () => {
		expect(replyBody('Not interested.\n\nBest,\nMark\nVP Eng | Always open to a chat').text).toBe(
			'not interested.',
		);
		expect(
			replyBody('Nicht interessiert.\nMit freundlichen Grüßen\nAnna | Gerne erreichbar').text,
		).toBe('nicht interessiert.');
		expect(replyBody('No thanks\n-- \nJane, happy to connect').text).toBe('no thanks');
		expect(replyBody('Sure\n\nSent from my iPhone').text).toBe('sure');
		expect(
			replyBody('No.\nThis email and any attachments are confidential; interested parties …').text,
		).toBe('no.');
	});

	it('keeps a sign-off word that opens the reply ("Thanks! I would love to chat")', () => {
		expect(replyBody('Thanks!\nI would love to chat').text).toBe('thanks!\ni would love to chat');
	});

	it('a reply that is only quoted history or a signature has no text', () => {
		expect(
			classifyReply({
				text: '\n\nOn Mon, Rita <r@x.example> wrote:\n> Would you be open to a chat?',
			}),
		).toEqual({ interested: false, label: 'unknown', reason: 'no reply text to classify' });
		expect(classifyReply({ text: '--\nJane Doe\nhttps://linkedin.com/in/janedoe' })).toMatchObject({
			label: 'unknown',
		});
	});
});

describe('words', () => {
	it('splits sentences at . ! ? ; and line ends, parts at commas, and marks questions', () => {
		const { list, questions } = tokenize(normalize('Sure, Tuesday works! Is it remote?\nThanks'));
		expect(list.map((t) => [t.w, t.sentence, t.part])).toEqual([
			['sure', 0, 0],
			['tuesday', 0, 1],
			['works', 0, 1],
			['is', 1, 2],
			['it', 1, 2],
			['remote', 1, 2],
			['thanks', 2, 3],
		]);
		expect(questions.slice(0, 3)).toEqual([false, true, false]);
	});

	it('keeps times, addresses and dates after numbers together', () => {
		const words = (s: string) => tokenize(normalize(s)).list.map((t) => `${t.w}@${t.sentence}`);
		expect(words('14:00 at acme.example')).toEqual(['14:00@0', 'at@0', 'acme@0', 'example@0']);
		expect(words('bis 15. März im Urlaub')).toEqual([
			'bis@0',
			'15@0',
			'marz@0',
			'im@0',
			'urlaub@0',
		]);
	});

	it('makes each emoji one word, with its skin tone', () => {
		expect(tokenize('ok👍🏼👎').list.map((t) => t.w)).toEqual(['ok', '👍', '👎']);
	});

	it('splits elided Italian and French words', () => {
		expect(normalize("l'ho girato dell'azienda, c'è, m'intéresse, don't")).toBe(
			'l ho girato dell azienda, c e, m interesse, dont',
		);
	});
});
