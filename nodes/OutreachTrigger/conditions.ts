import { isRecord } from '../shared/values';
import { compileLinearRegex, type LinearRegex, UnsupportedPattern } from './linearRegex';

/**
 * Consultant-friendly filters on the normalized event ("campaign.name contains Backend"). Pure:
 * the trigger passes the output item plus derived fields (email, emailDomain). Text comparisons
 * ignore case; a field holding a list passes when any element passes (none, for the "not" operators).
 */

export const CONDITION_OPERATORS = [
	'equals',
	'notEquals',
	'contains',
	'notContains',
	'startsWith',
	'endsWith',
	'regex',
	'isEmpty',
	'isNotEmpty',
	'greaterThan',
	'lessThan',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export interface ConditionRule {
	/** Dot path, e.g. "campaign.name", "sequence.step", "raw.lead_data.company_name", "emails.value". */
	field: string;
	operator: ConditionOperator;
	value?: string;
}

export type Combine = 'and' | 'or';

export interface ConditionOutcome {
	pass: boolean;
	/** Rules that cannot be evaluated (bad regex, unknown operator): the trigger reports them. */
	problems: string[];
	/** The rules that failed, in words, e.g. `campaign.name contains "Backend"`. */
	failed: string[];
}

/** The matcher is linear, so the text it reads is capped only to bound memory and work per rule. */
const MAX_REGEX_INPUT = 1_000_000;

/** Reads a dot path; a list on the way is searched element by element ("emails.value"). */
export function getPath(obj: unknown, path: string): unknown {
	const parts = path
		.split('.')
		.map((p) => p.trim())
		.filter(Boolean);
	let current: unknown[] = [obj];
	for (const part of parts) {
		const next: unknown[] = [];
		for (const value of current) {
			if (Array.isArray(value)) {
				const index = /^\d+$/.test(part) ? Number(part) : undefined;
				if (index !== undefined) next.push(value[index]);
				else for (const el of value) if (isRecord(el) && part in el) next.push(el[part]);
			} else if (isRecord(value) && Object.prototype.hasOwnProperty.call(value, part)) {
				next.push(value[part]);
			}
		}
		current = next;
	}
	return current.length === 0 ? undefined : current.length === 1 ? current[0] : current;
}

export function validateConditions(rules: ConditionRule[]): string[] {
	return rules.flatMap((rule, i) =>
		ruleProblems(rule).map((p) => `Condition ${i + 1} (${rule.field || 'no field'}): ${p}`),
	);
}

function ruleProblems(rule: ConditionRule): string[] {
	if (!rule.field?.trim()) return ['the field is empty; enter a path such as campaign.name'];
	if (!(CONDITION_OPERATORS as readonly string[]).includes(rule.operator))
		return [`"${rule.operator}" is not an operator`];
	if (rule.operator === 'regex') {
		try {
			toRegex((rule.value ?? '').trim());
		} catch (error) {
			const why = error instanceof UnsupportedPattern ? error.message : 'cannot be read';
			return [
				`"${String(rule.value).slice(0, 100)}" is not a regular expression the trigger can use: it ${why}. Conditions accept JavaScript regular expressions without backreferences and lookarounds`,
			];
		}
	}
	return [];
}

export function evaluateConditions(
	context: unknown,
	rules: ConditionRule[],
	combine: Combine = 'and',
): ConditionOutcome {
	const problems = validateConditions(rules);
	if (problems.length) return { pass: false, problems, failed: [] };
	const failed: string[] = [];
	for (const rule of rules) {
		if (!evaluateRule(context, rule)) failed.push(describe(rule));
	}
	const pass =
		rules.length === 0 || (combine === 'or' ? failed.length < rules.length : failed.length === 0);
	return { pass, problems: [], failed };
}

export function evaluateRule(context: unknown, rule: ConditionRule): boolean {
	const values = scalars(getPath(context, rule.field));
	const expected = (rule.value ?? '').trim();
	const e = expected.toLowerCase();
	const texts = values.map((v) => v.toLowerCase());
	switch (rule.operator) {
		case 'isEmpty':
			return values.every((v) => v === '');
		case 'isNotEmpty':
			return values.some((v) => v !== '');
		case 'equals':
			return texts.some((t) => t === e);
		case 'notEquals':
			return !texts.some((t) => t === e);
		case 'contains':
			return texts.some((t) => t.includes(e));
		case 'notContains':
			return !texts.some((t) => t.includes(e));
		case 'startsWith':
			return texts.some((t) => t.startsWith(e));
		case 'endsWith':
			return texts.some((t) => t.endsWith(e));
		case 'regex': {
			const re = toRegex(expected);
			return values.some((v) => re.test(v.slice(0, MAX_REGEX_INPUT)));
		}
		case 'greaterThan':
			return values.some((v) => compare(v, expected) > 0);
		case 'lessThan':
			return values.some((v) => compare(v, expected) < 0);
		default:
			return false;
	}
}

const compiled = new Map<string, LinearRegex>();
const MAX_COMPILED = 200;

/**
 * "/^acme/i" keeps its flags; a bare pattern ignores case. Matched in linear time (linearRegex.ts):
 * a condition runs on text that prospects write, and a backtracking RegExp could stall n8n.
 */
function toRegex(pattern: string): LinearRegex {
	let re = compiled.get(pattern);
	if (!re) {
		re = compileLinearRegex(pattern);
		if (compiled.size >= MAX_COMPILED) compiled.clear();
		compiled.set(pattern, re);
	}
	return re;
}

/** Numbers compare as numbers, dates as dates; anything else does not compare (NaN). */
function compare(actual: string, expected: string): number {
	const a = Number(actual);
	const b = Number(expected);
	if (actual !== '' && expected !== '' && Number.isFinite(a) && Number.isFinite(b)) return a - b;
	const da = Date.parse(actual);
	const db = Date.parse(expected);
	if (
		!Number.isNaN(da) &&
		!Number.isNaN(db) &&
		/\d{4}-\d{2}-\d{2}/.test(actual) &&
		/\d{4}-\d{2}-\d{2}/.test(expected)
	)
		return da - db;
	return NaN;
}

/** A field as a flat list of strings: [] when absent, objects as JSON. */
function scalars(value: unknown): string[] {
	if (value === undefined || value === null) return [];
	if (Array.isArray(value)) return value.flatMap(scalars);
	if (typeof value === 'object') return Object.keys(value).length ? [JSON.stringify(value)] : [];
	return [String(value).trim()];
}

function describe(rule: ConditionRule): string {
	return rule.operator === 'isEmpty' || rule.operator === 'isNotEmpty'
		? `${rule.field} ${rule.operator}`
		: `${rule.field} ${rule.operator} "${rule.value ?? ''}"`;
}
