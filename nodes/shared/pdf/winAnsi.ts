/**
 * Text for PDF's standard fonts, which only know WinAnsiEncoding (PDF 1.7, Annex D.2:
 * https://opensource.adobe.com/dc-acrobat-sdk-docs/pdfstandards/PDF32000_2008.pdf). Latin-1 and the
 * few 0x80–0x9F specials are written as they are; accented letters outside it lose their accent,
 * Cyrillic and Greek are transliterated, and what is left becomes "?". Linear in the input.
 */

const SPECIALS: Record<string, number> = {
	'€': 0x80,
	'‚': 0x82,
	ƒ: 0x83,
	'„': 0x84,
	'…': 0x85,
	'†': 0x86,
	'‡': 0x87,
	ˆ: 0x88,
	'‰': 0x89,
	Š: 0x8a,
	'‹': 0x8b,
	Œ: 0x8c,
	Ž: 0x8e,
	'‘': 0x91,
	'’': 0x92,
	'“': 0x93,
	'”': 0x94,
	'•': 0x95,
	'–': 0x96,
	'—': 0x97,
	'˜': 0x98,
	'™': 0x99,
	š: 0x9a,
	'›': 0x9b,
	œ: 0x9c,
	ž: 0x9e,
	Ÿ: 0x9f,
};

const LETTERS: Record<string, string> = {
	Ł: 'L',
	ł: 'l',
	Đ: 'D',
	đ: 'd',
	Ħ: 'H',
	ħ: 'h',
	ı: 'i',
	Ŀ: 'L',
	ŀ: 'l',
	Ŋ: 'N',
	ŋ: 'n',
	Ŧ: 'T',
	ŧ: 't',
	ſ: 's',
	ẞ: 'SS',
	А: 'A',
	Б: 'B',
	В: 'V',
	Г: 'G',
	Ґ: 'G',
	Д: 'D',
	Е: 'E',
	Є: 'Ye',
	Ё: 'Yo',
	Ж: 'Zh',
	З: 'Z',
	И: 'I',
	І: 'I',
	Ї: 'Yi',
	Й: 'Y',
	К: 'K',
	Л: 'L',
	М: 'M',
	Н: 'N',
	О: 'O',
	П: 'P',
	Р: 'R',
	С: 'S',
	Т: 'T',
	У: 'U',
	Ф: 'F',
	Х: 'Kh',
	Ц: 'Ts',
	Ч: 'Ch',
	Ш: 'Sh',
	Щ: 'Shch',
	Ъ: '',
	Ы: 'Y',
	Ь: '',
	Э: 'E',
	Ю: 'Yu',
	Я: 'Ya',
	Α: 'A',
	Β: 'V',
	Γ: 'G',
	Δ: 'D',
	Ε: 'E',
	Ζ: 'Z',
	Η: 'I',
	Θ: 'Th',
	Ι: 'I',
	Κ: 'K',
	Λ: 'L',
	Μ: 'M',
	Ν: 'N',
	Ξ: 'X',
	Ο: 'O',
	Π: 'P',
	Ρ: 'R',
	Σ: 'S',
	ς: 's',
	Τ: 'T',
	Υ: 'Y',
	Φ: 'F',
	Χ: 'Ch',
	Ψ: 'Ps',
	Ω: 'O',
};

function encodable(ch: string): number | undefined {
	const code = ch.codePointAt(0) ?? 0;
	if (code === 0x09) return 0x20;
	if (code === 0x0a) return 0x0a; // a line break, for the wrapper
	if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) return code;
	return SPECIALS[ch];
}

function letter(c: string): string | undefined {
	if (LETTERS[c] !== undefined) return LETTERS[c];
	const upper = c.toUpperCase();
	return upper !== c && LETTERS[upper] !== undefined ? LETTERS[upper].toLowerCase() : undefined;
}

/** ő, ș, ğ, ώ ...: the base letter without its combining marks, transliterated where needed. */
function fallback(ch: string): string {
	const direct = letter(ch);
	if (direct !== undefined) return direct;
	let out = '';
	for (const c of ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')) {
		if (encodable(c) !== undefined) out += c;
		else {
			const mapped = letter(c);
			if (mapped === undefined) return '?';
			out += mapped;
		}
	}
	return out || '?';
}

export interface Encoded {
	bytes: number[];
	/** Whether any character had to be replaced (the output reports it). */
	changed: boolean;
}

/** The WinAnsi bytes of `text`; control characters are dropped. */
export function toWinAnsi(text: string): Encoded {
	const bytes: number[] = [];
	let changed = false;
	for (const ch of text.normalize('NFC')) {
		const code = ch.codePointAt(0) ?? 0;
		if (code < 0x20 && code !== 0x09 && code !== 0x0a) continue;
		const direct = encodable(ch);
		if (direct !== undefined) {
			bytes.push(direct);
			continue;
		}
		changed = true;
		for (const c of fallback(ch)) bytes.push(encodable(c) ?? 0x3f);
	}
	return { bytes, changed };
}
