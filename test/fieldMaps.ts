import * as fs from 'node:fs';
import * as path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { ADAPTERS } from '../nodes/OutreachTrigger/adapters';
import type { Tool } from '../nodes/OutreachTrigger/adapters/types';
import { classifyReply } from '../nodes/OutreachTrigger/classifier';
import { buildItem } from '../nodes/OutreachTrigger/output';
import {
	entryFor,
	type FieldMap,
	leafPaths,
	present,
	readPath,
} from '../nodes/shared/candidate/fieldMap';

/**
 * Drives a source's mapping table with the documented payloads of that source: every field present
 * in a payload is covered by the table; a mapped one is found on the item where the table says (or
 * reported in candidateErrors when its value is refused); a dropped one is named on the source's
 * docs page. Also counts what is mapped and what is dropped, for the docs and the report.
 */

export const FIXTURES = path.join(__dirname, 'fixtures');
const NOW = '2026-03-12T00:00:00.000Z';

export interface Case {
	file: string;
	payload: unknown;
	item: IDataObject;
}

/** Every Outreach fixture of a tool, each element through the adapter and the item builder (no event filter). */
export function outreachCases(tool: Tool): Case[] {
	const dir = path.join(FIXTURES, 'outreach');
	return fs
		.readdirSync(dir)
		.filter((f) => f.split('-')[0] === tool.toLowerCase())
		.flatMap((file) => {
			const body = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
			const elements: unknown[] = Array.isArray(body) ? body : [body];
			return elements.map((payload) => {
				const [event] = ADAPTERS[tool](payload, {});
				const isReply = event.event === 'replied' || event.event === 'interested';
				const classification = isReply
					? classifyReply({
							text: event.reply?.text,
							subject: event.reply?.subject,
							label: event.label,
							toolSaysInterested: event.event === 'interested',
							inReplyToOutreach: true,
						})
					: undefined;
				return { file, payload, item: buildItem(event, classification, NOW) };
			});
		});
}

/** Whether an item shows a value for the table's target (`a|b`: either one). */
export function landed(item: IDataObject, target: string): boolean {
	return target.split('|').some((t) => landedOne(item, t));
}

const REPORTED: Record<string, RegExp> = {
	emails: /email/i,
	phones: /phone/i,
	linkedinUrl: /linkedin/i,
};

function landedOne(item: IDataObject, target: string): boolean {
	const errors = JSON.stringify(item.candidateErrors ?? []);
	if (REPORTED[target] && REPORTED[target].test(errors)) return true;
	if (target === 'raw') return true;
	if (target === 'label')
		return item.interested === undefined || present(readPath(item, 'interested.toolLabel'));
	if (target.startsWith('reply.')) return item.isReply !== true || present(readPath(item, target));
	if (target === 'extra.*') return present(item.extra);
	if (target.startsWith('location')) return present(item.location);
	if (target === 'fullName') return present(item.fullName);
	return present(readPath(item, target));
}

export interface Coverage {
	mapped: Set<string>;
	dropped: Set<string>;
	uncovered: string[];
	notLanded: string[];
}

/** What a source's payloads carry, against its table. */
export function coverage(
	map: FieldMap,
	cases: Array<{ file: string; paths: string[]; item: IDataObject }>,
): Coverage {
	const out: Coverage = { mapped: new Set(), dropped: new Set(), uncovered: [], notLanded: [] };
	for (const { file, paths, item } of cases)
		for (const p of paths) {
			const entry = entryFor(map, p);
			if (!entry) out.uncovered.push(`${file}: ${p}`);
			else if (entry.kind === 'dropped') out.dropped.add(entry.pattern);
			else {
				out.mapped.add(entry.pattern);
				if (!landed(item, entry.value)) out.notLanded.push(`${file}: ${p} → ${entry.value}`);
			}
		}
	return out;
}

export const pathsOf = (payload: unknown) => leafPaths(payload);

/** The dropped paths of a table that its docs page does not name (each must appear as `path`). */
export function undocumented(map: FieldMap, page: string): string[] {
	const text = fs.readFileSync(path.join(__dirname, '..', 'docs', 'nodes', page), 'utf8');
	return Object.keys(map.dropped).filter((p) => !text.includes(`\`${p}\``));
}

/** A table as its docs page shows it: what lands where, then what is dropped and why. */
export function renderFieldMap(name: string, map: FieldMap, level = '###'): string {
	const byTarget = new Map<string, string[]>();
	for (const [p, t] of Object.entries(map.mapped)) byTarget.set(t, [...(byTarget.get(t) ?? []), p]);
	const byReason = new Map<string, string[]>();
	for (const [p, r] of Object.entries(map.dropped))
		byReason.set(r, [...(byReason.get(r) ?? []), p]);
	const code = (ps: string[]) => ps.map((p) => `\`${p}\``).join(', ');
	const lines = [
		`${level} ${name}`,
		'',
		`${Object.keys(map.mapped).length} paths mapped, ${Object.keys(map.dropped).length} deliberately dropped (they stay in \`raw\`).`,
		'',
		'| Lands in | Read from (first present wins) |',
		'|---|---|',
		...[...byTarget].map(([t, ps]) => `| \`${t}\` | ${code(ps)} |`),
	];
	if (byReason.size)
		lines.push('', 'Dropped:', '', ...[...byReason].map(([r, ps]) => `- ${code(ps)}: ${r}.`));
	return `${lines.join('\n')}\n`;
}

/** Whether the docs page shows the table as it is (run with UPDATE_FIELD_DOCS=1 to rewrite it). */
export function docsShow(page: string, name: string, map: FieldMap, level = '###'): boolean {
	const file = path.join(__dirname, '..', 'docs', 'nodes', page);
	const text = fs.readFileSync(file, 'utf8');
	const rendered = renderFieldMap(name, map, level);
	if (text.includes(rendered)) return true;
	const start = text.indexOf(`${level} ${name}\n`);
	if (!process.env.UPDATE_FIELD_DOCS || start === -1) return false;
	const next = text.indexOf('\n#', start + level.length + name.length + 2);
	const end = next === -1 ? text.length : next + 1;
	fs.writeFileSync(
		file,
		text.slice(0, start) + rendered + (next === -1 ? '' : '\n') + text.slice(end),
	);
	return true;
}

/**
 * The five checks every outreach source's mapping table gets (one test file per table, as the
 * tests mirror nodes/OutreachTrigger/fields/): payloads exist, every field is covered, mapped ones
 * land on the item, dropped ones are named on the docs page, and the page shows the table.
 */
export function describeOutreachTable(tool: Tool, heading: string, map: FieldMap): void {
	describe(`${tool} mapping table, driven by every documented ${tool} payload`, () => {
		const cases = outreachCases(tool).map((c) => ({ ...c, paths: pathsOf(c.payload) }));
		const result = coverage(map, cases);

		test('there are documented payloads', () => {
			expect(cases.length).toBeGreaterThan(0);
		});

		test('every field a payload carries is in the table, mapped or dropped', () => {
			expect(result.uncovered).toEqual([]);
		});

		test('every mapped field is found on the item where the table says', () => {
			expect(result.notLanded).toEqual([]);
		});

		test('every dropped field is named on the docs page', () => {
			expect(undocumented(map, 'outreach-trigger.md')).toEqual([]);
		});

		test('the docs page shows the table as it is', () => {
			expect(docsShow('outreach-trigger.md', heading, map)).toBe(true);
		});
	});
}
