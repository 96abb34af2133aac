import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { handleGreenhouseDelivery } from '../../../../nodes/GreenhouseTrigger/handler';
import type { Tool } from '../../../../nodes/OutreachTrigger/adapters/types';
import { withContact, withFailure } from '../../../../nodes/OutreachTrigger/enrich';
import { handleDelivery } from '../../../../nodes/OutreachTrigger/handler';
import { everyEvent } from '../../OutreachTrigger/everyEvent';
import { handlePinpointDelivery } from '../../../../nodes/PinpointTrigger/handler';
import { readDocument } from '../../../../nodes/PinpointTrigger/jsonApi';
import {
	candidateOf,
	ENVELOPE_KEYS,
	envelopeOf,
	triggerItem,
} from '../../../../nodes/shared/candidate/item';
import { parseCandidate } from '../../../../nodes/shared/candidate/normalize';
import { CANDIDATE_KEYS } from '../../../../nodes/shared/candidate/schema';

/**
 * The item contract, held against what the triggers really emit: every trigger is driven with all
 * of its fixtures, and every key of every item must be a candidate key or an envelope key. A
 * trigger (or the enrich step) that starts emitting a key the contract does not name fails here.
 */

const FIXTURES = path.join(__dirname, '../../../fixtures');
const NOW = '2026-11-24T10:00:00.000Z';
const KNOWN = new Set<string>([...CANDIDATE_KEYS, ...ENVELOPE_KEYS]);

const unknownKeys = (item: IDataObject) => Object.keys(item).filter((k) => !KNOWN.has(k));

function expectContract(item: IDataObject) {
	expect(unknownKeys(item)).toEqual([]);
	const candidate = candidateOf(item);
	for (const key of Object.keys(candidate)) expect(CANDIDATE_KEYS).toContain(key);
	if (item.fullName && !(item.candidateErrors as string[] | undefined)?.length)
		expect(parseCandidate(candidate).ok).toBe(true);
}

const OUTREACH_TOOLS: Record<string, Tool> = {
	generic: 'generic',
	heyreach: 'heyreach',
	instantly: 'instantly',
	lemlist: 'lemlist',
	outreachio: 'outreachIo',
	replyio: 'replyIo',
	smartlead: 'smartlead',
	woodpecker: 'woodpecker',
};

/** Every Outreach fixture through the whole pipeline, every event selected, no auth. */
function outreachItems(): Array<[string, IDataObject]> {
	const out: Array<[string, IDataObject]> = [];
	for (const file of fs.readdirSync(path.join(FIXTURES, 'outreach'))) {
		const tool = OUTREACH_TOOLS[file.split('-')[0]];
		if (!tool) continue;
		const rawBody = fs.readFileSync(path.join(FIXTURES, 'outreach', file));
		const outcome = handleDelivery({ rawBody, headers: {}, query: {} }, everyEvent(tool), [], NOW);
		if (outcome.status === 200) for (const item of outcome.items) out.push([file, item]);
	}
	return out;
}

function greenhouseItems(): Array<[string, IDataObject]> {
	const secret = 'contract-secret';
	const dir = path.join(FIXTURES, 'greenhouse-webhooks');
	return fs.readdirSync(dir).flatMap((file): Array<[string, IDataObject]> => {
		const rawBody = fs.readFileSync(path.join(dir, file));
		const signature = `sha256 ${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
		const outcome = handleGreenhouseDelivery(
			{ rawBody, headers: { signature } },
			{ secretKey: secret, events: ['*'] },
			[],
			NOW,
		);
		return outcome.status === 200 ? outcome.items.map((i) => [file, i]) : [];
	});
}

async function pinpointItems(): Promise<Array<[string, IDataObject]>> {
	const secret = 'contract-secret';
	const dir = path.join(FIXTURES, 'pinpoint');
	const json = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
	const fetches = {
		none: undefined,
		failing: async () => await Promise.reject(new Error('no answer')),
		...Object.fromEntries(
			fs
				.readdirSync(dir)
				.filter((f) => f.startsWith('api.application'))
				.map((f) => [
					f,
					async () => ({
						application: readDocument(json(f)),
						candidate: readDocument(json('api.candidate.jsonapi.json')),
					}),
				]),
		),
	};
	const out: Array<[string, IDataObject]> = [];
	for (const file of fs.readdirSync(dir).filter((f) => f.startsWith('webhook.'))) {
		const rawBody = fs.readFileSync(path.join(dir, file));
		const signature = createHmac('sha256', secret).update(rawBody).digest('base64');
		for (const [name, fetch] of Object.entries(fetches)) {
			const outcome = await handlePinpointDelivery(
				{ rawBody, headers: { 'pinpoint-hmac-sha256': signature } },
				{ signingSecret: secret, events: ['*'], onFetchFailure: 'emit' },
				[],
				NOW,
				fetch,
			);
			if (outcome.status === 200) for (const i of outcome.items) out.push([`${file} + ${name}`, i]);
		}
	}
	return out;
}

describe('every key a trigger emits is named by the contract', () => {
	const outreach = outreachItems();
	const greenhouse = greenhouseItems();

	test('the fixtures give items from every source (the checks below cannot pass empty)', async () => {
		const sources = new Set(outreach.map(([f]) => f.split('-')[0]));
		expect([...sources].sort()).toEqual(Object.keys(OUTREACH_TOOLS).sort());
		expect(greenhouse.length).toBeGreaterThanOrEqual(29);
		expect((await pinpointItems()).length).toBeGreaterThanOrEqual(4 * 5);
	});

	test.each(outreach)('Outreach Trigger: %s', (_file, item) => expectContract(item));
	test.each(greenhouse)('Greenhouse Trigger: %s', (_file, item) => expectContract(item));

	test('Pinpoint Trigger: every webhook fixture, with and without the API read', async () => {
		for (const [, item] of await pinpointItems()) expectContract(item);
	});

	test('Outreach enrichment: a filled item and a failed lookup stay within the contract', () => {
		for (const [, item] of outreach) {
			expectContract(
				withContact(
					item,
					{
						firstName: 'Ada',
						lastName: 'Lovelace',
						emails: [{ value: 'ada@example.com' }],
						linkedinUrl: 'https://www.linkedin.com/in/ada',
						currentTitle: 'CTO',
						currentCompany: 'Analytical Engines',
						location: 'London, United Kingdom',
					},
					'lemlist API',
				),
			);
			expectContract(withFailure(item, 'boom', { hint: 'hint' }));
		}
	});

	test('a key the contract does not name is caught', () => {
		const [, item] = greenhouse[0];
		expect(unknownKeys({ ...item, surprise: 1 })).toEqual(['surprise']);
	});
});

describe('building and reading an item', () => {
	test('candidate first, empty envelope values left out, raw last', () => {
		const item = triggerItem(
			{ fullName: 'Ada Lovelace', emails: [] },
			{ raw: { a: 1 }, event: 'replied', missing: [], campaign: {}, reply: undefined },
		);
		expect(Object.keys(item)).toEqual(['fullName', 'emails', 'event', 'raw']);
	});

	test('candidateOf: a nested candidate wins; otherwise the item without its envelope', () => {
		expect(candidateOf({ candidate: { name: 'Ada' }, fullName: 'Other' })).toEqual({ name: 'Ada' });
		expect(
			candidateOf({ name: 'Ada', email: 'a@example.com', event: 'x', status: 'created' }),
		).toEqual({ name: 'Ada', email: 'a@example.com' });
	});

	test('envelopeOf and candidateOf split a trigger item into what triggerItem was given', () => {
		const item = triggerItem({ fullName: 'Ada Lovelace' }, { event: 'replied', raw: {} });
		expect(triggerItem(candidateOf(item), envelopeOf(item))).toEqual(item);
		expect(envelopeOf(item)).toEqual({ event: 'replied', raw: {} });
	});
});
