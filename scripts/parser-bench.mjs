#!/usr/bin/env node
// The shared value parsers on 1 MiB (and 2 MiB) of hostile input, timed in a plain Node process on
// the built package, as n8n loads it. Prints one JSON row per case. Run `npm run build` first;
// `npm run bench` (BENCH_ONLY=parsers) calls this and writes the table into BENCHMARKS.md.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lib = join(root, 'dist/nodes/shared/candidate');
if (!existsSync(join(lib, 'html.js'))) {
	console.error('dist/ is missing: run `npm run build` first.');
	process.exit(1);
}
const require = createRequire(import.meta.url);
const { leadEmails, parseEmails, parsePhones } = require(join(lib, 'contact.js'));
const { replyText } = require(join(lib, 'html.js'));
const { normalizeLinkedinUrl } = require(join(lib, 'linkedin.js'));
const { parseLocation } = require(join(lib, 'location.js'));
const { normalizeLoose } = require(join(lib, 'normalize.js'));
const { toIsoTimestamp } = require(join(lib, 'timestamp.js'));

const MB = 1024 * 1024;

/** Hostile text of `size` characters; parsed from JSON so it is a flat string, as a webhook body is. */
const filler =
	(size) =>
	(unit, prefix = '', suffix = '') =>
		JSON.parse(
			JSON.stringify(
				prefix +
					unit.repeat(Math.ceil((size - prefix.length - suffix.length) / unit.length)) +
					suffix,
			),
		);

function cases(size) {
	const fill = filler(size);
	const html = (input, value) => ({ parser: 'html → text', input, value, run: replyText });
	return [
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
		html('"<" × n', fill('<')),
		html('"<div>" + "<" × n', fill('<', '<div>')),
		html('"<div>" + "<p" × n + ">"', fill('<p', '<div>', '>')),
		html('"<div>" + "<!--" × n', fill('<!--', '<div>')),
		html('"<div>" + "&#x" × n', fill('&#x', '<div>')),
		html('"<div>" + "<b>x" × n', fill('<b>x', '<div>')),
		html('"<div>" + "<style>" × n', fill('<style>', '<div>')),
		html('nested quote divs', fill('<div class="gmail_quote">', '<p>hi</p>')),
		html('"<p>" + spaces and tabs', fill(' \t', '<p>', '</p>')),
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
			input: 'each field 1 MiB',
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
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/** Median wall and CPU time of five runs, after three warm-up runs (V8 optimizes hot loops late). */
function measure(run, value) {
	for (let i = 0; i < 3; i++) run(value);
	const wall = [];
	const cpu = [];
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

const one = cases(MB);
const two = cases(2 * MB);
const rows = one.map(({ parser, input, value, run }, i) => {
	const m = measure(run, value);
	const double = measure(two[i].run, two[i].value);
	return { parser, input, ms: m.wall, cpuMs: m.cpu, ratio: double.cpu / Math.max(m.cpu, 0.01) };
});
process.stdout.write(`${JSON.stringify(rows)}\n`);
