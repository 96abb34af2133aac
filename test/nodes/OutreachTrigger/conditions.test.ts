import {
	evaluateConditions,
	evaluateRule,
	getPath,
	validateConditions,
	type ConditionRule,
} from '../../../nodes/OutreachTrigger/conditions';

const item = {
	fullName: 'Jane Doe',
	emails: [
		{ value: 'jane@acme.example', type: 'work' },
		{ value: 'jane.doe@gmail.com', type: 'personal' },
	],
	email: 'jane@acme.example',
	emailDomain: ['acme.example', 'gmail.com'],
	tags: ['VIP', 'backend'],
	campaign: { id: 'c1', name: 'Backend Engineers Berlin' },
	sequence: { step: 3 },
	reply: { text: 'Sounds good, call me', date: '2026-03-02T09:00:00.000Z' },
	interested: { value: true, label: 'interested' },
	currentCompany: '',
	raw: { lead_data: { custom_fields: { Stack: 'Go' } }, campaign_id: 455 },
};

const rule = (field: string, operator: ConditionRule['operator'], value?: string) =>
	evaluateRule(item, { field, operator, value });

describe('getPath', () => {
	it('reads dot paths, list indexes and fields of every list element', () => {
		expect(getPath(item, 'campaign.name')).toBe('Backend Engineers Berlin');
		expect(getPath(item, 'emails.1.value')).toBe('jane.doe@gmail.com');
		expect(getPath(item, 'emails.value')).toEqual(['jane@acme.example', 'jane.doe@gmail.com']);
		expect(getPath(item, 'raw.lead_data.custom_fields.Stack')).toBe('Go');
		expect(getPath(item, 'nothing.here')).toBeUndefined();
		expect(getPath(item, 'campaign.constructor')).toBeUndefined();
	});
});

describe('operators', () => {
	it('equals / not equals ignore case and match any list element', () => {
		expect(rule('campaign.name', 'equals', 'backend engineers berlin')).toBe(true);
		expect(rule('tags', 'equals', 'vip')).toBe(true);
		expect(rule('tags', 'notEquals', 'vip')).toBe(false);
		expect(rule('tags', 'notEquals', 'sales')).toBe(true);
		expect(rule('sequence.step', 'equals', '3')).toBe(true);
		expect(rule('interested.value', 'equals', 'true')).toBe(true);
	});

	it('contains / not contains / starts with / ends with', () => {
		expect(rule('campaign.name', 'contains', 'BERLIN')).toBe(true);
		expect(rule('reply.text', 'notContains', 'unsubscribe')).toBe(true);
		expect(rule('campaign.name', 'startsWith', 'backend')).toBe(true);
		expect(rule('emailDomain', 'endsWith', 'gmail.com')).toBe(true);
		expect(rule('emails', 'contains', 'gmail')).toBe(true);
	});

	it('regex, with /flags/ or case-insensitive by default', () => {
		expect(rule('campaign.name', 'regex', '^backend')).toBe(true);
		expect(rule('campaign.name', 'regex', '/^backend/')).toBe(false);
		expect(rule('email', 'regex', '@acme\\.example$')).toBe(true);
	});

	it('is empty / is not empty', () => {
		expect(rule('currentCompany', 'isEmpty')).toBe(true);
		expect(rule('missingField', 'isEmpty')).toBe(true);
		expect(rule('tags', 'isNotEmpty')).toBe(true);
		expect(rule('sequence', 'isNotEmpty')).toBe(true);
	});

	it('greater than / less than compare numbers and ISO dates', () => {
		expect(rule('sequence.step', 'greaterThan', '2')).toBe(true);
		expect(rule('sequence.step', 'lessThan', '3')).toBe(false);
		expect(rule('raw.campaign_id', 'greaterThan', '400')).toBe(true);
		expect(rule('reply.date', 'greaterThan', '2026-03-01')).toBe(true);
		expect(rule('reply.date', 'lessThan', '2026-03-01')).toBe(false);
		expect(rule('campaign.name', 'greaterThan', '1')).toBe(false);
	});
});

describe('evaluateConditions', () => {
	const berlin: ConditionRule = { field: 'campaign.name', operator: 'contains', value: 'Berlin' };
	const sales: ConditionRule = { field: 'tags', operator: 'equals', value: 'sales' };

	it('AND needs every rule, OR any rule; no rules always pass', () => {
		expect(evaluateConditions(item, [berlin, sales], 'and')).toEqual({
			pass: false,
			problems: [],
			failed: ['tags equals "sales"'],
		});
		expect(evaluateConditions(item, [berlin, sales], 'or').pass).toBe(true);
		expect(evaluateConditions(item, [sales], 'or').pass).toBe(false);
		expect(evaluateConditions(item, [], 'and').pass).toBe(true);
	});

	it('reports rules that cannot be evaluated instead of silently failing', () => {
		const bad: ConditionRule[] = [
			{ field: 'reply.text', operator: 'regex', value: '([' },
			{ field: '', operator: 'equals', value: 'x' },
		];
		expect(validateConditions(bad)).toEqual([
			'Condition 1 (reply.text): "([" is not a regular expression the trigger can use: it has an unclosed "[". Conditions accept JavaScript regular expressions without backreferences and lookarounds',
			'Condition 2 (no field): the field is empty; enter a path such as campaign.name',
		]);
		expect(evaluateConditions(item, bad).pass).toBe(false);
		expect(validateConditions([{ field: 'x', operator: 'between' as never }])).toHaveLength(1);
	});

	it('refuses backreferences and lookarounds at publish and at run time, saying why', () => {
		for (const [value, why] of [
			['(a)\\1', 'uses a backreference'],
			['yes(?!, but)', 'uses a lookahead or lookbehind'],
		]) {
			const rule: ConditionRule = { field: 'reply.text', operator: 'regex', value };
			expect(validateConditions([rule])).toEqual([expect.stringContaining(why)]);
			const outcome = evaluateConditions(item, [rule]);
			expect(outcome).toMatchObject({ pass: false, problems: [expect.stringContaining(why)] });
		}
	});

	it('patterns that backtrack badly in RegExp are answered correctly on long replies', () => {
		const long = { reply: { text: `${'a'.repeat(300_000)}b` } };
		const rule = (value: string): ConditionRule => ({
			field: 'reply.text',
			operator: 'regex',
			value,
		});
		expect(evaluateConditions(long, [rule('.*a.*b.*c')]).pass).toBe(false);
		expect(evaluateConditions(long, [rule('.*a.*b')]).pass).toBe(true);
		expect(evaluateConditions(long, [rule('^(a+)+$')]).pass).toBe(false);
	});
});
