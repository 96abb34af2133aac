import {
	REGISTRABLE_TOOLS,
	REGISTRARS,
	registrationMode,
} from '../../../../nodes/OutreachTrigger/registration/registrars';
import { TOOLS } from '../../../../nodes/OutreachTrigger/adapters/types';

const reader = (params: Record<string, unknown>) => ({
	getNodeParameter: (name: string, fallback?: unknown) =>
		name in params ? params[name] : fallback,
});

describe('which tools register themselves, and how', () => {
	test('lemlist, Instantly, Woodpecker, Reply.io and Outreach.io have registrars; every other source is manual', () => {
		expect(REGISTRABLE_TOOLS.sort()).toEqual([
			'instantly',
			'lemlist',
			'outreachIo',
			'replyIo',
			'woodpecker',
		]);
		for (const source of TOOLS) {
			const mode = registrationMode(reader({ source, registration: 'auto' }));
			expect({ source, mode }).toEqual({
				source,
				mode: REGISTRABLE_TOOLS.includes(source) ? 'auto' : 'manual',
			});
		}
		expect(registrationMode(reader({ source: 'lemlist', registration: 'manual' }))).toBe('manual');
		// A parameter the node does not have (version 1 workflows read through defaults) is manual.
		expect(registrationMode(reader({ source: 'lemlist' }))).toBe('manual');
	});

	test.each([
		['lemlist', ['replied'], ['emailsReplied', 'linkedinReplied']],
		['lemlist', ['addedToSequence'], ['contacted']],
		['lemlist', ['interested'], ['emailsReplied', 'interested', 'linkedinReplied']],
		[
			'lemlist',
			['replied', 'interested', 'addedToSequence'],
			['contacted', 'emailsReplied', 'interested', 'linkedinReplied'],
		],
		['instantly', ['replied'], ['reply_received']],
		['instantly', ['addedToSequence'], ['email_sent']],
		['instantly', ['interested'], ['lead_interested', 'lead_meeting_booked', 'reply_received']],
		['instantly', [], []],
		['woodpecker', ['replied'], ['prospect_replied']],
		['woodpecker', ['addedToSequence'], []],
		['woodpecker', ['interested'], ['prospect_interested', 'prospect_replied']],
		['replyIo', ['replied'], ['email_replied', 'linkedin_message_replied']],
		['replyIo', ['addedToSequence'], []],
		['replyIo', ['interested'], ['email_replied', 'linkedin_message_replied', 'meeting_booked']],
		['outreachIo', ['replied'], ['mailing.replied']],
		['outreachIo', ['addedToSequence'], ['sequenceState.created']],
		['outreachIo', ['interested', 'replied'], ['mailing.replied']],
	] as const)('%s, Events %j → exactly the tool events %j', (tool, events, vendor) => {
		expect(REGISTRARS[tool]!.vendorEvents([...events])).toEqual(vendor);
	});

	test('the token comes back in the body (lemlist), in our header (Instantly) or in the URL (Woodpecker)', () => {
		expect(REGISTRARS.woodpecker!.token).toEqual({ mode: 'queryToken', queryParameter: 'token' });
		expect(REGISTRARS.lemlist!.token).toEqual({ mode: 'bodySecret' });
		// Reply.io documents no signing secret; Outreach.io signs every delivery with ours.
		expect(REGISTRARS.replyIo!.token).toEqual({ mode: 'queryToken', queryParameter: 'token' });
		expect(REGISTRARS.outreachIo!.token).toEqual({ mode: 'hmac' });
		expect(REGISTRARS.instantly!.token).toEqual({
			mode: 'headerToken',
			headerName: 'X-Outreach-Trigger-Token',
		});
	});

	test('only lemlist takes a Campaign (its hook API has campaignId; the others are account-wide here)', () => {
		expect(REGISTRARS.lemlist!.campaignParameter).toBe('lemlistCampaign');
		for (const tool of ['instantly', 'woodpecker', 'replyIo', 'outreachIo'] as const)
			expect(REGISTRARS[tool]!.campaignParameter).toBeUndefined();
	});

	test.each([
		['lemlist', 401, /Check the API key/],
		['lemlist', 500, /Registration to Manual/],
		['instantly', 403, /webhooks:all/],
		['instantly', 402, /paid Instantly plan/],
		['instantly', 429, /publish again in a minute/],
		['woodpecker', 409, /three webhooks per event/],
		['woodpecker', 403, /add-on/],
		['replyIo', 401, /Reply.io API credential/],
		['replyIo', 403, /account owner/],
		['outreachIo', 403, /webhooks.all scope/],
		['outreachIo', 401, /Reconnect/],
		['outreachIo', 422, /public https webhook URL/],
	] as const)('%s refused with %i: the hint says what to do', (tool, status, hint) => {
		expect(REGISTRARS[tool]!.refusalHint(status)).toMatch(hint);
	});
});
