import {
	cleanText,
	htmlToText,
	looksLikeHtml,
	replyText,
} from '../../../../nodes/shared/candidate/html';

describe('reply text from HTML or text', () => {
	test('a Smartlead-style HTML reply becomes its plain words, quoted history left out', () => {
		const html =
			'<html><head><style>p{color:red}</style></head><body><div dir="ltr">Yes, Tuesday works&nbsp;for me.<br>Thanks,<br>Jane</div><br><div class="gmail_quote">On Mon, Bob wrote: ...</div></body></html>';
		expect(replyText(html)).toBe('Yes, Tuesday works for me.\nThanks,\nJane');
		expect(htmlToText(html).quoted).toBe(true);
	});

	test('plain text stays as written, with spaces collapsed and empty lines dropped', () => {
		expect(replyText('  Sure,   call me\n\n\n  at 3pm  ')).toBe('Sure, call me\nat 3pm');
		expect(replyText('Write to <jane@example.com> please')).toBe(
			'Write to <jane@example.com> please',
		);
		expect(looksLikeHtml('Write to <jane@example.com>')).toBe(false);
	});

	test('entities are decoded; nothing left is undefined', () => {
		expect(replyText('<p>Tom &amp; Jerry &#39;ok&#39; &#x1F44D;</p>')).toBe("Tom & Jerry 'ok' 👍");
		expect(replyText('<p> </p>')).toBeUndefined();
		expect(replyText(undefined)).toBeUndefined();
		expect(cleanText('\t \n')).toBeUndefined();
	});
});
