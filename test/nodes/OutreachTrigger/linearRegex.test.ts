import { compileLinearRegex, UnsupportedPattern } from '../../../nodes/OutreachTrigger/linearRegex';

/** The linear matcher answers as JavaScript's RegExp does, for the subset it accepts. */

const native = (pattern: string): RegExp => {
	const m = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
	return m ? new RegExp(m[1], m[2].replace('g', '')) : new RegExp(pattern, 'i');
};

const PATTERNS = [
	'backend',
	'^acme',
	'corp$',
	'/^ACME/',
	'/^acme/i',
	'a|b|cd',
	'(ab)+c',
	'(a|b)*c',
	'x{2,3}y',
	'x{2}',
	'x{2,}',
	'[a-c]+z',
	'[^a-c]+',
	'[A-Z]{2}',
	'/[A-Z]{2}/',
	'\\d{3}-\\d{4}',
	'\\bcto\\b',
	'\\Bend',
	'\\w+@\\w+\\.com',
	'\\s+yes\\s*',
	'.*a.*b.*c',
	'/a.c/s',
	'/^line2$/m',
	'(?:interested|keen) in',
	'(?<word>hello) world',
	'colou?r',
	'a{0}b',
	'[.]',
	'\\.',
	'[\\d.-]+',
	'\\x41\\u0042',
	'[\\b]',
	'(a*)*b',
	'(a+)+$',
	'x*?y',
	'{',
	'a{,2}',
	'[]a]',
	'é',
	'/É/i',
	'\\S+\\W',
	'',
];
const TEXTS = [
	'',
	'Backend Engineer at ACME corp',
	'acme',
	'xxy xxxy',
	'ABCz abz',
	'555-1234',
	'The CTO said yes ',
	'legend end',
	'bob@example.com',
	'aaaaaaaaaaaaaaaaaaaaaaaaaaaa!',
	'a\nc',
	'line1\nline2\nline3',
	'I am interested in this',
	'hello world',
	'color colour',
	'a.b-1',
	'AB',
	'\b',
	'{x}',
	'a{,2}',
	']a',
	'café CAFÉ',
	'xyz abc',
];

describe('compileLinearRegex agrees with RegExp', () => {
	test.each(PATTERNS)('%s', (pattern) => {
		const linear = compileLinearRegex(pattern);
		const re = native(pattern);
		for (const text of TEXTS)
			expect({ text, m: linear.test(text) }).toEqual({ text, m: re.test(text) });
	});
});

describe('what needs backtracking is refused, saying what', () => {
	test.each([
		['(a)\\1', 'backreference'],
		['(?<x>a)\\k<x>', 'backreference'],
		['a(?=b)', 'lookahead or lookbehind'],
		['a(?!b)', 'lookahead or lookbehind'],
		['(?<=a)b', 'lookahead or lookbehind'],
		['(?<!a)b', 'lookahead or lookbehind'],
		['\\p{L}', 'Unicode properties'],
		['/a/y', 'flag "y"'],
		['(a', 'unclosed "("'],
		['a)', 'unmatched ")"'],
		['[a', 'unclosed "["'],
		['*a', 'nothing to repeat'],
		['a**', 'quantifier after a quantifier'],
		['x{3,2}', 'out of order'],
		['(x{1000}){1000}', 'too large'],
		['[z-a]', 'out of order'],
	])('%s', (pattern, why) => {
		expect(() => compileLinearRegex(pattern)).toThrow(UnsupportedPattern);
		expect(() => compileLinearRegex(pattern)).toThrow(why);
	});
});

test('adversarial patterns on long text give the right answer (timings are in npm run bench)', () => {
	const text = 'a'.repeat(200_000);
	expect(compileLinearRegex('.*a.*b.*c').test(text)).toBe(false);
	expect(compileLinearRegex('(a+)+$').test(`${text}!`)).toBe(false);
	expect(compileLinearRegex('(a+)+$').test(text)).toBe(true);
	expect(compileLinearRegex('^(a|aa)+b').test(text)).toBe(false);
	expect(compileLinearRegex('.*a.*b.*c').test(`${text}bc`)).toBe(true);
});
