import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import {
	capIssues,
	capMessage,
	FIELD_CAPS,
	NOTE_CAP,
	noteCapIssue,
	tooLongForTrigger,
} from '../../../../nodes/shared/candidate/caps';
import { CANDIDATE_KEYS } from '../../../../nodes/shared/candidate/schema';
import { parseCandidate } from '../../../../nodes/shared/candidate/normalize';
import { errorOf, node, outputOf, WorkflowHarness } from '../../../harness/runWorkflow';

const { startStardexSandbox } = require('../../../sandbox/stardex');

const BASE = {
	fullName: 'Jane Doe',
	emails: ['jane@example.com'],
	linkedinUrl: 'https://www.linkedin.com/in/jane-doe',
};
const x = (count: number) => 'x'.repeat(count);
const capOf = (field: string) => FIELD_CAPS.find((c) => c.field === field)!.max;

describe('the caps table', () => {
	test('every candidate field has a cap (nested fields and lists included)', () => {
		const capped = new Set(FIELD_CAPS.map((c) => c.field.split(/[.[]/)[0]));
		expect(CANDIDATE_KEYS.filter((k) => !capped.has(k))).toEqual([]);
		for (const sub of ['location.city', 'location.state', 'location.country'])
			expect(capOf(sub)).toBe(255);
		expect(NOTE_CAP.max).toBe(50_000);
	});
});

/** One loose candidate per field family, each just over its cap, and the field the error names. */
const families: Array<[string, Record<string, unknown>, string, number]> = [
	['names', { fullName: x(256) }, 'fullName', 255],
	['first name', { fullName: undefined, firstName: x(256), lastName: 'Doe' }, 'firstName', 255],
	['email', { emails: [`${x(250)}@example.com`] }, 'emails[0].value', 254],
	[
		'email count',
		{ emails: Array.from({ length: 21 }, (_, i) => `a${i}@example.com`) },
		'emails',
		20,
	],
	['phone', { phones: [`+1 ${'5'.repeat(60)}`] }, 'phones[0].value', 60],
	['LinkedIn URL', { linkedinUrl: `https://www.linkedin.com/in/${x(2000)}` }, 'linkedinUrl', 2000],
	['location', { location: { city: x(256) } }, 'location.city', 255],
	['job title', { currentTitle: x(256) }, 'currentTitle', 255],
	['company', { currentCompany: x(256) }, 'currentCompany', 255],
	[
		'previous job',
		{ previousJobs: [{ title: 'Dev', company: x(300) }] },
		'previousJobs[0].company',
		255,
	],
	[
		'previous job date',
		{ previousJobs: [{ title: 'Dev', startDate: x(41) }] },
		'previousJobs[0].startDate',
		40,
	],
	[
		'previous job count',
		{ previousJobs: Array.from({ length: 51 }, () => ({ title: 'Dev' })) },
		'previousJobs',
		50,
	],
	['source', { source: x(256) }, 'source', 255],
	['tag', { tags: ['ok', x(256)] }, 'tags[1]', 255],
	['extra', { notesFromCrm: x(250_001) }, 'extra', 250_000],
];

describe('exports: parseCandidate refuses a field over its cap, naming field, cap and fix', () => {
	test.each(families)('%s', (_name, fields, field, cap) => {
		const res = parseCandidate({ ...BASE, ...fields });
		expect(res.ok).toBe(false);
		if (res.ok) return;
		expect(res.issues).toContainEqual({
			field,
			message: expect.stringMatching(
				new RegExp(
					`^has \\d+ (characters|entries); at most ${cap} are accepted \\((shorten it|keep the first ones), e\\.g\\. in a Set node before this one\\)$`,
				),
			),
		});
	});

	test('at the cap exactly, everything passes', () => {
		const res = parseCandidate({
			...BASE,
			fullName: `Jane ${x(250)}`,
			currentTitle: x(255),
			currentCompany: x(255),
			location: { city: x(255), state: 'NSW', country: 'Australia' },
			tags: Array.from({ length: 50 }, (_, i) => `tag${i}`),
			previousJobs: [{ title: x(255), company: x(255), startDate: '2019-03' }],
		});
		expect(res.ok).toBe(true);
	});

	test('a megabyte email is refused by its length, before the email pattern runs', () => {
		const res = parseCandidate({ ...BASE, emails: [`${'a@'.repeat(500_000)}x.com`] });
		expect(res.ok).toBe(false);
		if (!res.ok) expect(res.issues[0].field).toBe('emails[0].value');
	});

	test('every over-cap field is reported at once', () => {
		const issues = capIssues({ fullName: x(300), currentTitle: x(300), tags: [x(300)] });
		expect(issues.map((i) => i.field)).toEqual(['fullName', 'currentTitle', 'tags[0]']);
		expect(capMessage(issues[0], false)).toBe('has 300 characters; at most 255 are accepted');
	});

	test('the note text of an export node', () => {
		expect(noteCapIssue(x(50_000), 'Note')).toBeUndefined();
		expect(noteCapIssue(x(50_001), 'Note')).toMatchObject({ field: 'Note', size: 50_001 });
		expect(noteCapIssue(undefined, 'Note')).toBeUndefined();
	});
});

describe('triggers: a field over its cap answers 413 and starts nothing', () => {
	test('the message names the event, the field, its size and the cap', () => {
		expect(
			tooLongForTrigger([{ ...BASE }, { ...BASE, currentTitle: x(300), source: x(300) }]),
		).toBe(
			'Payload too large: event 2: currentTitle has 300 characters; at most 255 are accepted (and 1 more field); nothing was started',
		);
		expect(tooLongForTrigger([{ ...BASE }])).toBeUndefined();
	});

	test('Greenhouse Trigger: a hire whose candidate title is 300 characters', async () => {
		const SECRET = 'gh-secret-caps';
		const doc = JSON.parse(
			fs.readFileSync(
				path.join(__dirname, '../../../fixtures/greenhouse-webhooks/hire_candidate.json'),
				'utf8',
			),
		);
		doc.payload.application.candidate.title = x(300);
		const raw = Buffer.from(JSON.stringify(doc));
		const wf = new WorkflowHarness(
			{
				nodes: [
					node(
						'Greenhouse Trigger',
						'greenhouseTrigger',
						{ events: ['hire_candidate'] },
						{
							greenhouseWebhookApi: 'GH webhook',
						},
					),
				],
				connections: {},
			},
			{ greenhouseWebhookApi: { secretKey: SECRET } },
		);
		const res = await wf.deliver('Greenhouse Trigger', {
			rawBody: raw,
			headers: {
				'Content-Type': 'application/json',
				Signature: `sha256 ${createHmac('sha256', SECRET).update(raw).digest('hex')}`,
				'Greenhouse-Event-ID': 'evt-caps-1',
			},
		});
		expect(res.status).toBe(413);
		expect(res.run).toBeUndefined();
		expect(String(res.responseBody ?? '')).toContain(
			'currentTitle has 300 characters; at most 255 are accepted',
		);
	});
});

describe('exports against a sandbox: the item over a cap fails alone, the rest go on', () => {
	test('Stardex: 3 items, the middle one with a 300-character company', async () => {
		const sx = await startStardexSandbox({ jobs: 1 });
		try {
			const wf = new WorkflowHarness(
				{
					nodes: [
						node(
							'Stardex',
							'stardex',
							{
								resource: 'candidate',
								operation: 'export',
								candidateInput: 'input',
								ifExists: 'skip',
							},
							{ stardexApi: 'Stardex' },
							{ onError: 'continueRegularOutput' },
						),
					],
					connections: {},
				},
				{ stardexApi: sx.credentials },
			);
			const person = (n: number, extra = {}) => ({
				fullName: `Person ${n}`,
				emails: [`person${n}@example.com`],
				linkedinUrl: `https://www.linkedin.com/in/person-${n}`,
				...extra,
			});
			const run = await wf.run('Stardex', [
				person(1),
				person(2, { currentCompany: x(300) }),
				person(3),
			]);
			expect(errorOf(run)).toBeUndefined();
			const out = outputOf(run, 'Stardex');
			expect(out.map((o) => o.status)).toEqual(['created', 'failed', 'created']);
			expect(String(out[1].error)).toContain(
				'currentCompany has 300 characters; at most 255 are accepted (shorten it, e.g. in a Set node before this one)',
			);
			expect(sx.state().counts.persons).toBe(2);
		} finally {
			await sx.close();
		}
	});
});
