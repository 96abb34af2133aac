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
let size = MB;
// JSON round trip: a flat string, as a webhook body parsed by n8n is (repeat() builds a rope).
const fill = (unit: string, prefix = '', suffix = ''): string =>
	JSON.parse(
		JSON.stringify(
			prefix +
				unit.repeat(Math.ceil((size - prefix.length - suffix.length) / unit.length)) +
				suffix,
		),
	) as string;

export interface ParserRow {
	parser: string;
	input: string;
	/** Wall-clock time: inflated when other processes share the CPU. */
	ms: number;
	/** CPU time of this process (user + system), what the parser itself costs. */
	cpuMs: number;
	/** CPU time on 2 MiB over CPU time on 1 MiB. */
	ratio: number;
}

type Case = { parser: string; input: string; value: string; run: (v: string) => unknown };

const cases = (): Case[] => [
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

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

function measure(run: (v: string) => unknown, value: string): { wall: number; cpu: number } {
	run(value);
	const wall: number[] = [];
	const cpu: number[] = [];
	for (let i = 0; i < 5; i++) {
		const start = performance.now();
		const startCpu = process.cpuUsage();
		run(value);
		const used = process.cpuUsage(startCpu);
		cpu.push((used.user + used.system) / 1000);
		wall.push(performance.now() - start);
	}
	return { wall: median(wall), cpu: median(cpu) };
}

/**
 * Median of five runs per case, after one warm-up run; each case again on 2 MiB, whose CPU time
 * over the 1 MiB one is about 2 for a linear parser and about 4 for a quadratic one.
 */
export function runParserBench(): ParserRow[] {
	size = MB;
	const one = cases();
	size = 2 * MB;
	const two = cases();
	size = MB;
	return one.map(({ parser, input, value, run }, i) => {
		const m = measure(run, value);
		const double = measure(two[i].run, two[i].value);
		return { parser, input, ms: m.wall, cpuMs: m.cpu, ratio: double.cpu / Math.max(m.cpu, 0.01) };
	});
}
