/**
 * The shared value parsers on 1 MB of hostile input: each parser, the inputs that make naive
 * patterns backtrack (long runs of what a pattern repeats, unclosed tags, separators without
 * values), timed in process. The goal is under 50 ms for each; nothing here asserts a time.
 */
import { performance } from 'node:perf_hooks';

import { leadEmails, parseEmails, parsePhones } from '../../nodes/shared/candidate/contact';
import { replyText } from '../../nodes/shared/candidate/html';
import { normalizeLinkedinUrl } from '../../nodes/shared/candidate/linkedin';
import { parseLocation } from '../../nodes/shared/candidate/location';
import { normalizeLoose } from '../../nodes/shared/candidate/normalize';
import { toIsoTimestamp } from '../../nodes/shared/candidate/timestamp';

const MB = 1024 * 1024;
const fill = (unit: string, prefix = '', suffix = '') =>
	prefix + unit.repeat(Math.ceil((MB - prefix.length - suffix.length) / unit.length)) + suffix;

export interface ParserRow {
	parser: string;
	input: string;
	ms: number;
}

const CASES: Array<{ parser: string; input: string; value: string; run: (v: string) => unknown }> =
	[
		{ parser: 'location', input: '"a, " × n', value: fill('a, '), run: parseLocation },
		{
			parser: 'location',
			input: '"1 " × n + ", TX"',
			value: fill('1 ', '', ', TX'),
			run: parseLocation,
		},
		{ parser: 'timestamp', input: 'digits × n', value: fill('1'), run: toIsoTimestamp },
		{
			parser: 'timestamp',
			input: '"2025-03-28 " + spaces',
			value: fill(' ', '2025-03-28 '),
			run: toIsoTimestamp,
		},
		{ parser: 'html → text', input: '"<" × n', value: fill('<'), run: replyText },
		{
			parser: 'html → text',
			input: '"<div>" + "<" × n',
			value: fill('<', '<div>'),
			run: replyText,
		},
		{
			parser: 'html → text',
			input: '"<div>" + "<p" × n + ">"',
			value: fill('<p', '<div>', '>'),
			run: replyText,
		},
		{
			parser: 'html → text',
			input: '"<div>" + "<!--" × n',
			value: fill('<!--', '<div>'),
			run: replyText,
		},
		{
			parser: 'html → text',
			input: '"<div>" + "&#x" × n',
			value: fill('&#x', '<div>'),
			run: replyText,
		},
		{
			parser: 'html → text',
			input: '"<div>" + "<b>x" × n',
			value: fill('<b>x', '<div>'),
			run: replyText,
		},
		{
			parser: 'html → text',
			input: '"<div>" + "<style>" × n',
			value: fill('<style>', '<div>'),
			run: replyText,
		},
		{
			parser: 'html → text',
			input: 'nested quote divs',
			value: fill('<div class="gmail_quote">', '<p>hi</p>'),
			run: replyText,
		},
		{
			parser: 'html → text',
			input: '"<p>" + spaces and tabs',
			value: fill(' \t', '<p>', '</p>'),
			run: replyText,
		},
		{
			parser: 'email',
			input: '"a" × n + "@"',
			value: fill('a', '', '@'),
			run: (v) => parseEmails(v),
		},
		{
			parser: 'email',
			input: '"a@" + "a." × n + "!"',
			value: fill('a.', 'a@', '!'),
			run: (v) => leadEmails([v], v),
		},
		{ parser: 'email', input: '"<" × n', value: fill('<'), run: (v) => parseEmails(v) },
		{
			parser: 'linkedin',
			input: '"…/in/" + "a" × n',
			value: fill('a', 'https://www.linkedin.com/in/'),
			run: normalizeLinkedinUrl,
		},
		{
			parser: 'linkedin',
			input: '"/" × n',
			value: fill('/', 'linkedin.com'),
			run: normalizeLinkedinUrl,
		},
		{
			parser: 'phone',
			input: '"1 " × n + "!"',
			value: fill('1 ', '', '!'),
			run: (v) => parsePhones(v),
		},
		{
			parser: 'candidate (all of them, schema included)',
			input: 'each field 1 MB',
			value: fill('1 ', 'a@', '!'),
			run: (v) =>
				normalizeLoose({
					fullName: 'Jane Doe',
					emails: [{ value: v }, { value: fill('a.', 'a@', '!') }],
					phones: [{ value: v }, { value: fill('1 ', '1', 'x') }],
					linkedinUrl: fill('a', 'https://www.linkedin.com/in/'),
					location: fill('a, '),
				}),
		},
	];

/** Median of five runs per case, after one warm-up run. */
export function runParserBench(): ParserRow[] {
	return CASES.map(({ parser, input, value, run }) => {
		run(value);
		const times: number[] = [];
		for (let i = 0; i < 5; i++) {
			const start = performance.now();
			run(value);
			times.push(performance.now() - start);
		}
		times.sort((a, b) => a - b);
		return { parser, input, ms: times[2] };
	});
}
