import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { ADAPTERS } from '../../../../nodes/OutreachTrigger/adapters';
import {
	MalformedBodyError,
	TOOLS,
	type Tool,
} from '../../../../nodes/OutreachTrigger/adapters/types';
import type { IDataObject } from 'n8n-workflow';

import { handleDelivery } from '../../../../nodes/OutreachTrigger/handler';
import { buildItem } from '../../../../nodes/OutreachTrigger/output';
import { everyEvent } from '../everyEvent';
import { candidateOf } from '../../../../nodes/shared/candidate/item';
import { parseCandidate } from '../../../../nodes/shared/candidate/normalize';
import { markedRecord } from '../../../../nodes/shared/export/marker';

const FIXTURES = join(__dirname, '../../../fixtures/outreach');
const raw = (name: string) => readFileSync(join(FIXTURES, name));
const json = (name: string): unknown => JSON.parse(raw(name).toString());

/** Runs a fixture through the whole pipeline with every event selected and no auth. */
function items(tool: Tool, name: string) {
	const outcome = handleDelivery(
		{ rawBody: raw(name), headers: {}, query: {} },
		everyEvent(tool),
		[],
		'2026-03-12T00:00:00.000Z',
	);
	if (outcome.status !== 200) throw new Error(`${name}: ${outcome.status} ${outcome.message}`);
	return outcome.items;
}

interface Case {
	tool: Tool;
	fixture: string;
	/** The adapter's own mapping (before the classifier). */
	adapterEvent: string;
	/** What the output says after interest detection. */
	outputEvent: string;
	eventId: string;
	expect: Record<string, unknown>;
	missing?: string[];
}

const cases: Case[] = [
	{
		tool: 'lemlist',
		fixture: 'lemlist-emailsReplied.json',
		adapterEvent: 'replied',
		outputEvent: 'interested',
		eventId: 'lemlist:act_9Gh2kLmP4qRsT',
		expect: {
			fullName: 'Jane Doe',
			emails: [{ value: 'jane.doe@example.com', type: 'other' }],
			linkedinUrl: 'https://www.linkedin.com/in/jane-doe-42',
			currentCompany: 'Acme GmbH',
			source: 'lemlist: Backend Engineers Berlin',
			campaign: { id: 'cam_A1b2C3d4', name: 'Backend Engineers Berlin' },
			sequence: { id: 'seq_Z9y8X7', step: 2 },
		},
	},
	{
		tool: 'lemlist',
		fixture: 'lemlist-interested.json',
		adapterEvent: 'interested',
		outputEvent: 'interested',
		eventId: 'lemlist:act_Int55Xy',
		expect: {
			fullName: 'Jane Doe',
			reply: { date: '2026-03-03T11:00:00.000Z', channel: 'linkedin' },
		},
		missing: ['reply.text'],
	},
	{
		tool: 'lemlist',
		fixture: 'lemlist-contacted.json',
		adapterEvent: 'addedToSequence',
		outputEvent: 'addedToSequence',
		eventId: 'lemlist:added:cam_A1b2C3d4:lea_Qw3rTy',
		expect: { fullName: 'Jane Doe', sequence: { id: 'seq_Z9y8X7', step: 1 } },
	},
	{
		tool: 'instantly',
		fixture: 'instantly-reply_received.json',
		adapterEvent: 'replied',
		outputEvent: 'replied',
		eventId: 'instantly:0190f2c4-7a1b-7c3d-9e8f-112233445566:reply_received',
		expect: {
			fullName: 'Marco Rossi',
			currentCompany: 'Datafabrik',
			reply: expect.objectContaining({
				subject: 'Re: Data Engineer opportunity',
				channel: 'email',
			}),
			interested: expect.objectContaining({ value: false, label: 'not_interested' }),
		},
	},
	{
		tool: 'instantly',
		fixture: 'instantly-lead_interested.json',
		adapterEvent: 'interested',
		outputEvent: 'interested',
		eventId: 'instantly:0190f2c4-7a1b-7c3d-9e8f-aabbccddeeff:lead_interested',
		expect: {
			fullName: 'Ana Lima',
			linkedinUrl: 'https://www.linkedin.com/in/analima',
			interested: expect.objectContaining({ toolLabel: 'lead_interested' }),
		},
	},
	{
		tool: 'instantly',
		fixture: 'instantly-email_sent.json',
		adapterEvent: 'addedToSequence',
		outputEvent: 'addedToSequence',
		eventId: 'instantly:added:5b7d9e1f-2a3c-4b5d-8e9f-0a1b2c3d4e5f:ana.lima@example.com.br',
		expect: { fullName: 'Ana Lima', sequence: { step: 1 } },
	},
	{
		tool: 'smartlead',
		fixture: 'smartlead-EMAIL_REPLY.json',
		adapterEvent: 'replied',
		outputEvent: 'interested',
		eventId: 'smartlead:<CAF=reply-42@mail.example.de>',
		expect: {
			fullName: 'Lukas Schmidt',
			emails: [{ value: 'lukas.schmidt@example.de', type: 'other' }],
			campaign: { id: '455', name: 'Platform DACH' },
			interested: expect.objectContaining({ reason: 'interested phrase "klingt gut"' }),
		},
	},
	{
		tool: 'smartlead',
		fixture: 'smartlead-EMAIL_REPLIED.json',
		adapterEvent: 'replied',
		outputEvent: 'replied',
		eventId: 'smartlead:<reply-43@mail.example.fr>',
		expect: {
			fullName: 'Sophie Martin',
			location: { city: 'Lyon', country: 'France' },
			linkedinUrl: 'https://www.linkedin.com/in/sophiemartin',
		},
	},
	{
		tool: 'smartlead',
		fixture: 'smartlead-LEAD_CATEGORY_UPDATED.json',
		adapterEvent: 'interested',
		outputEvent: 'interested',
		eventId: 'smartlead:category:2290011:Interested:2026-03-06T10:00:00.000Z',
		expect: {
			phones: [{ value: '+49 30 1234567', type: 'other' }],
			linkedinUrl: 'https://www.linkedin.com/in/lukas-schmidt-dev',
			currentCompany: 'Cloudwerk GmbH',
			reply: expect.objectContaining({ text: 'Klingt gut, lassen Sie uns telefonieren.' }),
			interested: expect.objectContaining({ value: true, reason: 'tool label "Interested"' }),
		},
	},
	{
		tool: 'smartlead',
		fixture: 'smartlead-FIRST_EMAIL_SENT.json',
		adapterEvent: 'addedToSequence',
		outputEvent: 'addedToSequence',
		eventId: 'smartlead:added:455:2290011',
		expect: { fullName: 'Lukas Schmidt', sequence: { step: 1 } },
	},
	{
		tool: 'outreachIo',
		fixture: 'outreachio-sequenceState.created.json',
		adapterEvent: 'addedToSequence',
		outputEvent: 'addedToSequence',
		eventId: 'outreachIo:sequenceState.created:90210',
		expect: {
			extra: { outreachProspectId: '5511' },
			sequence: { id: '77' },
			enrichment: expect.objectContaining({ needed: true }),
		},
		missing: ['name', 'email', 'linkedinUrl', 'currentTitle', 'currentCompany', 'sequence.name'],
	},
	{
		tool: 'outreachIo',
		fixture: 'outreachio-mailing.replied.json',
		adapterEvent: 'replied',
		outputEvent: 'replied',
		eventId: 'outreachIo:mailing.replied:123456',
		expect: {
			reply: { date: '2026-03-02T16:20:00.000Z', channel: 'email' },
			interested: expect.objectContaining({ value: false }),
		},
		missing: [
			'name',
			'email',
			'linkedinUrl',
			'currentTitle',
			'currentCompany',
			'sequence.name',
			'reply.text',
		],
	},
	{
		tool: 'replyIo',
		fixture: 'replyio-email_replied.json',
		adapterEvent: 'replied',
		outputEvent: 'interested',
		eventId: 'replyIo:5f0c3a8e-8c1b-4d3a-9b2e-0f1e2d3c4b5a',
		expect: {
			fullName: 'Carlos García',
			currentTitle: 'Backend Lead',
			sequence: { id: '3301', name: 'Backend Spain', step: 2 },
		},
	},
	{
		tool: 'replyIo',
		fixture: 'replyio-eventlog.json',
		adapterEvent: 'replied',
		outputEvent: 'replied',
		eventId: 'replyIo:evt-log-0091',
		expect: {
			fullName: 'Emma Jones',
			currentCompany: 'Thames Systems',
			reply: expect.objectContaining({ channel: 'linkedin' }),
			sequence: { id: '3302', step: 3 },
		},
		missing: ['reply.text'],
	},
	{
		tool: 'replyIo',
		fixture: 'replyio-meeting_booked.json',
		adapterEvent: 'interested',
		outputEvent: 'interested',
		eventId: 'replyIo:7a1b2c3d-0000-4e5f-8a9b-cdef01234567',
		expect: { interested: expect.objectContaining({ label: 'meeting_booked' }) },
		missing: ['reply.text'],
	},
	{
		tool: 'heyreach',
		fixture: 'heyreach-MESSAGE_REPLY_RECEIVED.json',
		adapterEvent: 'replied',
		outputEvent: 'interested',
		eventId: 'heyreach:reply:2-ZmQ4N2Q=:2026-03-10T08:29:00Z',
		expect: {
			fullName: 'Tom Baker',
			linkedinUrl: 'https://www.linkedin.com/in/tom-baker-eng',
			currentTitle: 'Senior Engineer',
			reply: expect.objectContaining({
				text: "Hey! Yes, tell me more. What's the salary range?",
				channel: 'linkedin',
			}),
		},
		missing: ['email'],
	},
	{
		tool: 'heyreach',
		fixture: 'heyreach-no-type.json',
		adapterEvent: 'replied',
		outputEvent: 'replied',
		eventId: 'heyreach:reply:2-YWJjZGVm:2026-03-10T08:59:00Z',
		expect: { fullName: 'Sam Lee', toolEvent: 'MESSAGE_REPLY_RECEIVED' },
		missing: ['email'],
	},
	{
		tool: 'heyreach',
		fixture: 'heyreach-LEAD_AUTO_TAGGED_INTERESTED.json',
		adapterEvent: 'interested',
		outputEvent: 'interested',
		eventId: 'heyreach:LEAD_AUTO_TAGGED_INTERESTED:corr-5599',
		expect: { emails: [{ value: 'tom.baker@example.co.uk', type: 'other' }] },
		missing: ['reply.text'],
	},
	{
		tool: 'heyreach',
		fixture: 'heyreach-CONNECTION_REQUEST_SENT.json',
		adapterEvent: 'addedToSequence',
		outputEvent: 'addedToSequence',
		eventId: 'heyreach:added:61:lead-8812',
		expect: { fullName: 'Tom Baker', source: 'HeyReach: Staff Engineers UK' },
		missing: ['email'],
	},
	{
		tool: 'generic',
		fixture: 'generic-replied.json',
		adapterEvent: 'replied',
		outputEvent: 'interested',
		eventId: 'generic:crm-reply-1001',
		expect: {
			fullName: 'Priya Patel',
			phones: [{ value: '+44 7700 900123', type: 'other' }],
			location: { city: 'Manchester', country: 'United Kingdom' },
			tags: ['ml', 'uk'],
			source: 'Apollo: ML UK',
			extra: { seniority: 'senior' },
		},
	},
];

describe.each(cases)('$fixture', (c) => {
	it(`maps to ${c.adapterEvent} with a stable id`, () => {
		const events = ADAPTERS[c.tool](json(c.fixture), {});
		expect(events).toHaveLength(1);
		expect(events[0].event).toBe(c.adapterEvent);
		expect(events[0].eventId).toBe(c.eventId);
		expect(events[0].tool).toBe(c.tool);
		// Same bytes, same id: redeliveries dedupe.
		expect(ADAPTERS[c.tool](json(c.fixture), {})[0].eventId).toBe(c.eventId);
	});

	it(`outputs a normalized ${c.outputEvent} item`, () => {
		const [item] = items(c.tool, c.fixture);
		expect(item).toMatchObject({
			event: c.outputEvent,
			tool: c.tool,
			eventId: c.eventId,
			...c.expect,
		});
		expect(item.missing ?? []).toEqual(c.missing ?? []);
		if (!c.missing?.includes('name')) {
			expect(item.candidateErrors).toBeUndefined();
			const candidate = candidateOf(item);
			expect(parseCandidate(candidate).ok).toBe(true);
		}
		expect(JSON.stringify(item.raw)).not.toMatch(/secret/);
	});
});

describe('batches', () => {
	it('Woodpecker: one event per array element, each mapped on its own', () => {
		const events = ADAPTERS.woodpecker(json('woodpecker-batch.json'), {});
		expect(events.map((e) => [e.event, e.eventId])).toEqual([
			['replied', 'woodpecker:prospect_replied:880001:700001'],
			['replied', 'woodpecker:prospect_replied:880002:700002'],
			['interested', 'woodpecker:prospect_interested:700001:2026-03-07T10:00:00+0100'],
		]);
		const out = items('woodpecker', 'woodpecker-batch.json');
		expect(out.map((i) => [i.event, (i.interested as { label: string }).label])).toEqual([
			['interested', 'interested'],
			['replied', 'out_of_office'],
			['interested', 'interested'],
		]);
		expect(out[0]).toMatchObject({
			fullName: 'Pieter de Vries',
			tags: ['DATA', 'NL'],
			location: { city: 'Amsterdam', country: 'Netherlands' },
		});
		expect(out[1]).toMatchObject({ fullName: 'João Silva' });
	});

	it('Generic: arrays and the dotted event names of the reference', () => {
		const out = items('generic', 'generic-batch.json');
		expect(out.map((i) => i.event)).toEqual(['addedToSequence', 'interested']);
		expect(out[1].interested).toMatchObject({ value: true, toolLabel: 'Hot' });
	});

	it('any tool: a JSON array becomes one event per element', () => {
		const one = json('lemlist-emailsReplied.json') as Record<string, unknown>;
		const events = ADAPTERS.lemlist([one, { ...one, _id: 'act_second' }], {});
		expect(events.map((e) => e.eventId)).toEqual([
			'lemlist:act_9Gh2kLmP4qRsT',
			'lemlist:act_second',
		]);
	});
});

describe('variants the docs disagree on', () => {
	it('Smartlead: EMAIL_REPLY and EMAIL_REPLIED, event_type and event, any casing', () => {
		for (const body of [
			{ event_type: 'EMAIL_REPLY' },
			{ event: 'EMAIL_REPLIED' },
			{ event_type: 'email_reply' },
		]) {
			expect(ADAPTERS.smartlead({ ...body, sl_lead_email: 'a@example.com' }, {})[0].event).toBe(
				'replied',
			);
		}
	});

	it('Smartlead: category by positive sentiment, and negative categories are not interested', () => {
		const custom = {
			event_type: 'LEAD_CATEGORY_UPDATED',
			lead_category: { new_name: 'Hot Prospect', sentiment: 'positive' },
		};
		expect(ADAPTERS.smartlead(custom, {})[0].event).toBe('interested');
		const no = {
			event_type: 'LEAD_CATEGORY_UPDATED',
			lead_category: { new_name: 'Not Interested' },
		};
		expect(ADAPTERS.smartlead(no, {})[0]).toMatchObject({
			event: 'other',
			label: { raw: 'Not Interested', sentiment: 'negative' },
		});
		const meeting = {
			event_type: 'LEAD_CATEGORY_UPDATED',
			lead_category: { new_name: 'Meeting Request' },
		};
		expect(ADAPTERS.smartlead(meeting, {})[0].event).toBe('interested');
	});

	it('HeyReach: eventType and event_type; LEAD_TAG_UPDATED with an Interested tag', () => {
		expect(
			ADAPTERS.heyreach({ eventType: 'INMAIL_REPLY_RECEIVED', recent_messages: [] }, {})[0].event,
		).toBe('replied');
		expect(ADAPTERS.heyreach({ event_type: 'message_reply_received' }, {})[0].event).toBe(
			'replied',
		);
		expect(
			ADAPTERS.heyreach({ event_type: 'LEAD_TAG_UPDATED', tags: ['Interested'] }, {})[0].event,
		).toBe('interested');
		expect(
			ADAPTERS.heyreach({ event_type: 'LEAD_TAG_UPDATED', tags: ['Not interested'] }, {})[0].event,
		).toBe('other');
	});

	it('HeyReach: the same reply from two webhooks (firehose and campaign) has one id', () => {
		const base = json('heyreach-MESSAGE_REPLY_RECEIVED.json') as Record<string, unknown>;
		const firehose = {
			...base,
			eventType: 'EVERY_MESSAGE_REPLY_RECEIVED',
			correlation_id: 'corr-other',
		};
		expect(ADAPTERS.heyreach(firehose, {})[0].eventId).toBe(ADAPTERS.heyreach(base, {})[0].eventId);
	});

	it('Woodpecker: method casing of the v2 listing and Pipedream', () => {
		expect(ADAPTERS.woodpecker([{ method: 'PROSPECT_REPLIED' }], {})[0].event).toBe('replied');
		expect(ADAPTERS.woodpecker([{ method: 'prospect-interested' }], {})[0].event).toBe(
			'interested',
		);
		expect(ADAPTERS.woodpecker({ method: 'prospect_autoreplied' }, {})[0].event).toBe('other');
	});

	it('Instantly: auto replies and not-interested labels never start a reply run', () => {
		expect(ADAPTERS.instantly({ event_type: 'auto_reply_received' }, {})[0].event).toBe('other');
		expect(ADAPTERS.instantly({ event_type: 'lead_not_interested' }, {})[0]).toMatchObject({
			event: 'other',
			label: { sentiment: 'negative' },
		});
		expect(ADAPTERS.instantly({ event_type: 'email_sent', step: 2 }, {})[0].event).toBe('other');
		expect(ADAPTERS.instantly({ event_type: 'lead_meeting_booked' }, {})[0].event).toBe(
			'interested',
		);
	});

	it('lemlist: emailsSent counts as added only for the first step', () => {
		expect(
			ADAPTERS.lemlist({ type: 'emailsSent', sequenceStep: 0, campaignId: 'c', leadId: 'l' }, {})[0]
				.event,
		).toBe('addedToSequence');
		expect(ADAPTERS.lemlist({ type: 'emailsSent', sequenceStep: 1 }, {})[0].event).toBe('other');
		expect(ADAPTERS.lemlist({ type: 'emailsNotInterested' }, {})[0]).toMatchObject({
			event: 'other',
			label: { sentiment: 'negative' },
		});
	});

	it('Reply.io: response classification events (names unconfirmed)', () => {
		expect(ADAPTERS.replyIo({ event: { type: 'contact_interested', id: 'x' } }, {})[0].event).toBe(
			'interested',
		);
		expect(
			ADAPTERS.replyIo({ event: { type: 'contact_not_interested', id: 'y' } }, {})[0].event,
		).toBe('other');
		expect(
			ADAPTERS.replyIo(
				{ event: { type: 'reply_classified', id: 'z' }, classification: 'Interested' },
				{},
			)[0].event,
		).toBe('interested');
		expect(
			ADAPTERS.replyIo({ event: 'email_replied', email: 'legacy@example.com' }, {})[0].event,
		).toBe('replied');
	});

	it('payloads without an id get a content hash that is stable across key order', () => {
		const a = ADAPTERS.instantly(
			{ event_type: 'reply_received', lead_email: 'x@example.com', reply_text: 'hi' },
			{},
		)[0].eventId;
		const b = ADAPTERS.instantly(
			{ reply_text: 'hi', lead_email: 'x@example.com', event_type: 'reply_received' },
			{},
		)[0].eventId;
		expect(a).toMatch(/^instantly:sha256:[0-9a-f]{32}$/);
		expect(a).toBe(b);
	});
});

describe('malformed bodies', () => {
	it.each([
		['lemlist', { campaignId: 'x' }],
		['instantly', { lead_email: 'a@b.co' }],
		['smartlead', {}],
		['outreachIo', { data: {} }],
		['woodpecker', [{ prospect: {} }]],
		['replyIo', { contact_fields: {} }],
		['heyreach', { lead: {} }],
		['generic', { event: 'bought' }],
		['generic', { event: 'replied', contact: 'jane' }],
		['generic', []],
		['lemlist', [1, 2]],
		['lemlist', 'text'],
	] as Array<[Tool, unknown]>)('%s rejects %j with a reason', (tool, body) => {
		expect(() => ADAPTERS[tool](body, {})).toThrow(MalformedBodyError);
	});
});

describe('multi-event deliveries: no field of one person reaches another one', () => {
	const PERSON_KEY =
		/name|title|company|position|headline|linkedin|profile_url|phone|city|state|country|location|website|email|sender|^to$|^from/i;
	const NOT_PERSON = /campaign|sequence|event|type|method|subject|webhook|status/i;

	/** The same event for someone else: every person-like value changed, marked "zz". */
	function otherPerson(value: unknown, key = ''): unknown {
		if (Array.isArray(value)) return value.map((v) => otherPerson(v, key));
		if (value && typeof value === 'object')
			return Object.fromEntries(
				Object.entries(value).map(([k, v]) => [k, otherPerson(v, NOT_PERSON.test(k) ? '' : k)]),
			);
		if (typeof value !== 'string' || !value.trim()) return value;
		if (value.includes('@')) return `zz${value}`;
		if (!PERSON_KEY.test(key)) return value;
		if (/linkedin\.com\/in\//i.test(value)) return value.replace(/\/in\//i, '/in/zz');
		if (/phone/i.test(key)) return `+99 ${value.replace(/^\+/, '')}`;
		return `Zz${value}`;
	}

	const PERSON_FIELDS = [
		'fullName',
		'emails',
		'phones',
		'linkedinUrl',
		'currentTitle',
		'currentCompany',
	];
	const fixtures = readdirSync(FIXTURES).filter((f) => f !== 'replies.json');

	test.each(fixtures)('%s, delivered together with another person', (file) => {
		const tool = TOOLS.find((t) => t.toLowerCase() === file.split('-')[0]) as Tool;
		const body = json(file);
		const first = Array.isArray(body) ? body[0] : body;
		const batch = [first, otherPerson(first)];
		const outcome = handleDelivery(
			{ rawBody: Buffer.from(JSON.stringify(batch)), headers: {}, query: {} },
			everyEvent(tool),
			[],
			'2026-03-12T00:00:00.000Z',
		);
		if (outcome.status !== 200 || outcome.items.length < 2) return;
		const [a, b] = outcome.items.map(({ raw: _raw, ...rest }) => rest);
		expect(JSON.stringify(a)).not.toMatch(/zz/i);
		const set = (v: unknown) => v !== undefined && !(Array.isArray(v) && v.length === 0);
		for (const field of PERSON_FIELDS)
			if (set(a[field])) expect([field, b[field]]).not.toEqual([field, a[field]]);
	});
});

describe('documented shapes the earlier adapters lost fields of', () => {
	const one = (tool: Tool, file: string) => items(tool, file)[0];

	test('lemlist: the lead nested under lead.variables (LinkedIn URL with /en, job title, phone)', () => {
		expect(one('lemlist', 'lemlist-linkedinReplied-nested-lead.json')).toMatchObject({
			fullName: 'Amira Haddad',
			emails: [{ value: 'amira.haddad@example.com' }],
			phones: [{ value: '+49 30 5550 1234' }],
			linkedinUrl: 'https://www.linkedin.com/in/amira-haddad',
			currentTitle: 'Staff Engineer',
			currentCompany: 'Nordlicht GmbH',
			extra: { lemlistLeadId: 'lea_Nest3dL3ad' },
			reply: { text: 'Sure, happy to talk next week.', channel: 'linkedin' },
			isReply: true,
			isInterested: true,
		});
	});

	test('lemlist: an activity object keeps its custom variables, not its CRM state', () => {
		const [event] = ADAPTERS.lemlist(json('lemlist-activity-lead-variables.json'), {});
		expect(event.candidate).toMatchObject({
			firstName: 'John',
			currentTitle: 'Growth Engineer',
			currentCompany: 'Acme Inc',
			extra: {
				lemlistContactId: 'ctc_xW8Ou6C03Csv8vatp',
				companyDomain: 'example.com',
				variables: {
					preferredContactMethod: 'email',
					industry: 'Technology',
					'Company name': 'John Doe',
				},
			},
		});
	});

	test('Smartlead: deprecated reply_body HTML becomes text, time_replied becomes occurredAt', () => {
		const item = one('smartlead', 'smartlead-EMAIL_REPLY-deprecated.json');
		expect((item.reply as IDataObject).text).toBe('Klingt gut, lassen Sie uns telefonieren.\nLena');
		expect(item.occurredAt).toBe('2026-03-06T08:44:51.000Z');
		expect(item.eventId).toBe('smartlead:<CAF=reply-2291104@mail.example.de>');
	});

	test('Smartlead: lastReply (camelCase) is the reply of a category update', () => {
		const item = one('smartlead', 'smartlead-LEAD_CATEGORY_UPDATED-lastReply.json');
		expect(item).toMatchObject({
			event: 'interested',
			fullName: 'Ramesh Kumar',
			location: { city: 'Bengaluru', country: 'India' },
			occurredAt: '2026-03-06T10:00:00.000Z',
			reply: { text: 'Yes, interested. Call me Friday.', date: '2026-03-06T09:58:00.000Z' },
		});
		expect(item.candidateErrors).toContain(
			'linkedin "linkedin.com" left out: not a LinkedIn profile URL',
		);
		expect(item.linkedinUrl).toBeUndefined();
	});

	test('Smartlead: the API shape (event, lead{}, reply{body})', () => {
		expect(one('smartlead', 'smartlead-EMAIL_REPLIED-api.json')).toMatchObject({
			fullName: 'Jane Doe',
			currentTitle: 'CEO',
			currentCompany: 'Acme Corp',
			occurredAt: '2024-01-15T10:30:00.000Z',
			reply: { text: 'Thanks for reaching out...', subject: 'Re: Quick question' },
		});
	});

	test('Smartlead: a colleague who replied is kept as reply.from, not as a second email or the name', () => {
		const item = one('smartlead', 'smartlead-EMAIL_REPLY-colleague.json');
		expect(item.emails).toEqual([{ value: 'sarah.miller@example.com', type: 'other' }]);
		expect(item.reply).toMatchObject({
			from: 'james.parker@example.com',
			fromName: 'James Parker',
			text: 'webhook reply',
		});
		expect(item.fullName).toBeUndefined();
		expect(item.missing).toContain('name');
	});

	test('Woodpecker: a reply sent from the lead own address adds no reply.from', () => {
		const item = one('woodpecker', 'woodpecker-batch.json');
		expect(item.emails).toEqual([{ value: 'pieter.devries@example.nl', type: 'other' }]);
		expect((item.reply as IDataObject).from).toBeUndefined();
	});

	test('HeyReach: an invalid LinkedIn URL is left out and reported, never both, even without a name', () => {
		const body = {
			eventType: 'MESSAGE_REPLY_RECEIVED',
			conversation_id: 'c-1',
			lead: { id: 'l-1', profile_url: 'https://www.linkedin.com/sales/lead/ACwAAB,NAME_SEARCH' },
			recent_messages: [{ creation_time: '2026-03-01T10:00:00Z', message: 'Yes', is_reply: true }],
		};
		const outcome = handleDelivery(
			{ rawBody: Buffer.from(JSON.stringify(body)), headers: {}, query: {} },
			everyEvent('heyreach'),
			[],
			'2026-03-12T00:00:00.000Z',
		);
		const item = outcome.status === 200 ? outcome.items[0] : {};
		expect(item.linkedinUrl).toBeUndefined();
		expect(JSON.stringify(item.candidateErrors)).toMatch(/linkedin .* left out/);
	});

	test('Instantly: "City, ST" puts the state in state and the country after it', () => {
		const [event] = ADAPTERS.instantly(
			{ event_type: 'reply_received', lead_email: 'a@example.com', location: 'Austin, TX 78701' },
			{},
		);
		const item = buildItem(event, undefined, '2026-03-12T00:00:00.000Z');
		expect(item.location).toEqual({ city: 'Austin', state: 'Texas', country: 'United States' });
	});

	// Mark as Synced leaves these two custom variables on the lead (nodes/Outreach); the export's
	// Skip Lookup When Lead Is Marked reads them from the candidate (shared/export/marker.ts).
	const GH = 'https://app.greenhouse.io';
	const marker = { atsCandidateId: '4021', atsProfileUrl: `${GH}/people/4021` };

	test.each([
		[
			'lemlist, top level of a webhook',
			'lemlist',
			{
				type: 'emailsReplied',
				leadEmail: 'a@example.com',
				leadFirstName: 'Ada',
				leadLastName: 'Lovelace',
				...marker,
			},
		],
		[
			'Instantly, top level',
			'instantly',
			{
				event_type: 'reply_received',
				lead_email: 'a@example.com',
				first_name: 'Ada',
				last_name: 'Lovelace',
				...marker,
			},
		],
		[
			'Instantly, under payload',
			'instantly',
			{
				event_type: 'reply_received',
				lead_email: 'a@example.com',
				full_name: 'Ada Lovelace',
				payload: marker,
			},
		],
	] as Array<[string, Tool, IDataObject]>)(
		'%s: the marker reaches the candidate and the export sees it',
		(_, tool, body) => {
			const [event] = ADAPTERS[tool](body, {});
			expect((event.candidate.extra as IDataObject).variables).toEqual(marker);
			const item = buildItem(event, undefined, '2026-03-12T00:00:00.000Z');
			const parsed = parseCandidate(candidateOf(item as IDataObject));
			if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
			expect(markedRecord(parsed.candidate, GH)).toEqual({
				candidateId: '4021',
				profileUrl: marker.atsProfileUrl,
			});
		},
	);

	test('a lead without the marker gets no variables from the top level', () => {
		const [event] = ADAPTERS.instantly(
			{ event_type: 'reply_received', lead_email: 'a@example.com', tier: 'A' },
			{},
		);
		expect((event.candidate.extra as IDataObject | undefined)?.variables).toBeUndefined();
	});
});
