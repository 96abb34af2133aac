import { wrap, textWidth } from '../../../../nodes/shared/pdf/metrics';
import { toWinAnsi } from '../../../../nodes/shared/pdf/winAnsi';
import { writePdf } from '../../../../nodes/shared/pdf/writer';

const latin1 = (b: Buffer) => b.toString('latin1');

describe('writePdf', () => {
	const { buffer } = writePdf('Jane Doe - profile', [
		{ text: 'Jane Doe', bold: true, size: 20 },
		{ text: 'Engineer (C++) \\ Berlin' },
	]);
	const pdf = latin1(buffer);

	test('is a PDF 1.4 file ending with %%EOF', () => {
		expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
		expect(pdf.endsWith('%%EOF\n')).toBe(true);
	});

	test('every xref offset points at its object, and startxref at the xref table', () => {
		const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)?.[1]);
		expect(pdf.slice(startxref, startxref + 4)).toBe('xref');
		const entries = pdf
			.slice(startxref)
			.split('\n')
			.filter((l) => / 00000 n $/.test(l));
		expect(entries).toHaveLength(7);
		entries.forEach((e, k) => {
			const at = Number(e.slice(0, 10));
			expect(pdf.slice(at, at + `${k + 1} 0 obj`.length)).toBe(`${k + 1} 0 obj`);
		});
	});

	test('the stream length is the exact byte count of the content', () => {
		const m = /<< \/Length (\d+) >>\nstream\n/.exec(pdf)!;
		const start = m.index + m[0].length;
		const end = pdf.indexOf('\nendstream', start);
		expect(end - start).toBe(Number(m[1]));
	});

	test('text is escaped inside string literals and uses the standard fonts', () => {
		expect(pdf).toContain('(Engineer \\(C++\\) \\\\ Berlin) Tj');
		expect(pdf).toContain('/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding');
		expect(pdf).not.toContain('/FontFile');
	});

	test('a page that is full stops, and says so', () => {
		const many = Array.from({ length: 200 }, (_, k) => ({ text: `line ${k}` }));
		const r = writePdf('t', many);
		expect(r.truncated).toBe(true);
		expect(latin1(r.buffer)).toContain('(line 0)');
		expect(latin1(r.buffer)).not.toContain('(line 199)');
	});
});

describe('toWinAnsi', () => {
	test('Latin-1 and the WinAnsi specials stay as they are', () => {
		expect(toWinAnsi('Zoë Müller – ß €')).toEqual({
			bytes: [...'Zoë Müller '].map((c) => c.charCodeAt(0)).concat([0x96, 0x20, 0xdf, 0x20, 0x80]),
			changed: false,
		});
	});

	test.each([
		['Łukasz Żółć', 'Lukasz Zólc'],
		['Ștefan Ğül', 'Stefan Gül'],
		['Дмитрий Иванов', 'Dmitriy Ivanov'],
		['Юлия', 'Yuliya'],
		['Γιώργος', 'Giorgos'],
		['山田 太郎', '?? ??'],
	])('%s is written as %s and reported', (input, expected) => {
		const r = toWinAnsi(input);
		expect(Buffer.from(r.bytes).toString('latin1')).toBe(expected);
		expect(r.changed).toBe(true);
	});

	test('control characters are dropped, tabs and newlines kept as spaces and line breaks', () => {
		expect(Buffer.from(toWinAnsi('a\u0000b\tc').bytes).toString('latin1')).toBe('ab c');
	});
});

describe('wrap', () => {
	test('no line is wider than the limit, and no word is lost', () => {
		const text = 'The quick brown fox jumps over the lazy dog '.repeat(20) + 'x'.repeat(300);
		const bytes = toWinAnsi(text).bytes;
		const lines = wrap(bytes, 10, false, 200);
		for (const l of lines) expect(textWidth(l, 10, false)).toBeLessThanOrEqual(200);
		const joined = lines.map((l) => Buffer.from(l).toString('latin1')).join(' ');
		expect(joined.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
	});

	test('newlines start new lines', () => {
		const lines = wrap(toWinAnsi('a\nb').bytes, 10, false, 500);
		expect(lines.map((l) => Buffer.from(l).toString('latin1'))).toEqual(['a', 'b']);
	});
});
