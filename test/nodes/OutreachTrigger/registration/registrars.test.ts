import {
	AUTO_SINCE,
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
	test('lemlist, Instantly, Woodpecker, Smartlead and HeyReach have registrars; every other source is manual', () => {
		expect([...REGISTRABLE_TOOLS].sort()).toEqual([
			'heyreach',
			'instantly',
			'lemlist',
			'smartlead',
			'woodpecker',
		]);
		// Smartlead and HeyReach became registrable with node version 2.1: older workflows stay manual.
		expect(AUTO_SINCE).toEqual({
			lemlist: 1.1,
			instantly: 1.1,
			woodpecker: 1.1,
			smartlead: 2.1,
			heyreach: 2.1,
		});
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
		['smartlead', ['replied'], ['EMAIL_REPLY']],
		['smartlead', ['addedToSequence'], ['FIRST_EMAIL_SENT']],
		['smartlead', ['interested'], ['EMAIL_REPLY', 'LEAD_CATEGORY_UPDATED']],
		['heyreach', ['replied'], ['INMAIL_REPLY_RECEIVED', 'MESSAGE_REPLY_RECEIVED']],
		['heyreach', ['addedToSequence'], ['CONNECTION_REQUEST_SENT']],
		[
			'heyreach',
			['interested'],
			['INMAIL_REPLY_RECEIVED', 'LEAD_TAG_UPDATED', 'MESSAGE_REPLY_RECEIVED'],
		],
	] as const)('%s, Events %j → exactly the tool events %j', (tool, events, vendor) => {
		expect(REGISTRARS[tool]!.vendorEvents([...events])).toEqual(vendor);
	});

	test('the token comes back in the body (lemlist), in our header (Instantly) or in the URL (Woodpecker)', () => {
		expect(REGISTRARS.woodpecker!.token).toEqual({ mode: 'queryToken', queryParameter: 'token' });
		expect(REGISTRARS.lemlist!.token).toEqual({ mode: 'bodySecret' });
		// Smartlead's campaign webhook API takes no secret of ours: the URL carries the token.
		expect(REGISTRARS.smartlead!.token).toEqual({ mode: 'queryToken', queryParameter: 'token' });
		expect(REGISTRARS.heyreach!.token).toEqual({ mode: 'queryToken', queryParameter: 'token' });
		expect(REGISTRARS.instantly!.token).toEqual({
			mode: 'headerToken',
			headerName: 'X-Outreach-Trigger-Token',
		});
	});

	test.each([
		['lemlist', 401, /Check the API key/],
		['lemlist', 500, /Registration to Manual/],
		['instantly', 403, /webhooks:all/],
		['instantly', 402, /paid Instantly plan/],
		['instantly', 429, /publish again in a minute/],
		['woodpecker', 409, /three webhooks per event/],
		['woodpecker', 403, /add-on/],
		['smartlead', 401, /Check the API key in the Smartlead API credential/],
		['smartlead', 404, /pick it again under Campaigns/],
		['smartlead', 500, /Registration to Manual/],
		['heyreach', 401, /Check the API key in the HeyReach API credential/],
		['heyreach', 429, /publish again in a minute/],
	] as const)('%s refused with %i: the hint says what to do', (tool, status, hint) => {
		expect(REGISTRARS[tool]!.refusalHint(status)).toMatch(hint);
	});
});
