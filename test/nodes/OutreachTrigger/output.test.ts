import type { IDataObject } from 'n8n-workflow';

import type { Tool } from '../../../nodes/OutreachTrigger/adapters/types';
import { handleDelivery } from '../../../nodes/OutreachTrigger/handler';
import { everyEvent } from './everyEvent';

/** `isReply` and `isInterested` next to `event` on every item, and short replies read as answers. */

function run(tool: Tool, body: unknown): IDataObject[] {
	const outcome = handleDelivery(
		{ rawBody: Buffer.from(JSON.stringify(body)), headers: {}, query: {} },
		everyEvent(tool),
		[],
		'2026-03-12T00:00:00.000Z',
	);
	if (outcome.status !== 200) throw new Error(`${outcome.status} ${outcome.message}`);
	return outcome.items;
}

const generic = (event: string, text?: string, label?: string) => ({
	event,
	eventId: `e-${event}-${text ?? ''}-${label ?? ''}`,
	contact: { fullName: 'Jane Doe', email: 'jane@example.com' },
	reply: text === undefined ? undefined : { text },
	label,
});

const flags = (item: IDataObject) => ({
	event: item.event,
	isReply: item.isReply,
	isInterested: item.isInterested,
});

describe('isReply / isInterested', () => {
	test.each<[string, object, object]>([
		[
			'added to sequence',
			generic('addedToSequence'),
			{ event: 'addedToSequence', isReply: false, isInterested: false },
		],
		[
			'a plain reply',
			generic('replied', 'Thanks, not now.'),
			{ event: 'replied', isReply: true, isInterested: false },
		],
		[
			'an interested reply',
			generic('replied', 'Happy to talk, call me Tuesday.'),
			{ event: 'interested', isReply: true, isInterested: true },
		],
		[
			'the tool says interested',
			generic('interested'),
			{ event: 'interested', isReply: true, isInterested: true },
		],
		[
			'a negative tool label on a reply',
			generic('replied', 'Sounds great', 'Not Interested'),
			{ event: 'replied', isReply: true, isInterested: false },
		],
	])('%s', (_name, body, expected) => {
		expect(flags(run('generic', body)[0])).toEqual(expected);
	});

	test('the flags sit right after `event`, before the rest of the envelope', () => {
		const keys = Object.keys(run('generic', generic('replied', 'Yes'))[0]);
		const at = keys.indexOf('event');
		expect(keys.slice(at, at + 3)).toEqual(['event', 'isReply', 'isInterested']);
	});
});

describe('short replies answer an outreach message', () => {
	test.each(['Yes', 'Sure', 'Ok', '👍', 'Sure, Tuesday works for me, 2pm CET?'])(
		'%j without "Re:" or quotes is interested',
		(text) => {
			const item = run('generic', generic('replied', text))[0];
			expect(flags(item)).toEqual({ event: 'interested', isReply: true, isInterested: true });
		},
	);

	test.each(['No', 'stop', 'unsubscribe'])('%j is not', (text) => {
		const item = run('generic', generic('replied', text))[0];
		expect(item.isInterested).toBe(false);
		expect(item.isReply).toBe(true);
	});

	test('a 👍 sent as HTML by Smartlead is read, not "no reply text"', () => {
		const item = run('smartlead', {
			event_type: 'EMAIL_REPLY',
			sl_lead_email: 'jane@example.com',
			to_name: 'Jane Doe',
			reply_message: { message_id: '<m1@x>', html: '<html><body><div>👍</div></body></html>' },
		})[0];
		expect((item.reply as IDataObject).text).toBe('👍');
		expect(item.isInterested).toBe(true);
	});
});
