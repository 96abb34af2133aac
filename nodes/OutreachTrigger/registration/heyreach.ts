import { createHeyReachHook, deleteHeyReachHook, listHeyReachHooks } from '../transport/heyreach';
import { eventsFrom, type Registrar } from './types';

/*
 * HeyReach (https://documenter.getpostman.com/view/23808049/2sA2xb5F75, "PublicWebhooks"): one
 * webhook per event type, for every campaign (`campaignIds: []`). HeyReach does not sign deliveries
 * and sends no header we choose, so the token travels in the URL (?token=…).
 * - Added to Sequence: CONNECTION_REQUEST_SENT (the stand-in: first contact; the adapter keeps it).
 * - Replied: MESSAGE_REPLY_RECEIVED and INMAIL_REPLY_RECEIVED (not EVERY_MESSAGE_REPLY_RECEIVED,
 *   which repeats the same replies across campaigns).
 * - Replied and Interested: the replies (classified) plus LEAD_TAG_UPDATED (an "Interested" tag).
 *   LEAD_AUTO_TAGGED_INTERESTED is not in HeyReach's published event list, so it is not subscribed.
 */
const NEEDS = {
	addedToSequence: ['CONNECTION_REQUEST_SENT'],
	replied: ['INMAIL_REPLY_RECEIVED', 'MESSAGE_REPLY_RECEIVED'],
	interested: ['INMAIL_REPLY_RECEIVED', 'LEAD_TAG_UPDATED', 'MESSAGE_REPLY_RECEIVED'],
};

export const heyreachRegistrar: Registrar = {
	tool: 'heyreach',
	credentialType: 'heyReachApi',
	token: { mode: 'queryToken', queryParameter: 'token' },
	vendorEvents: (events) => eventsFrom(NEEDS, events),
	list: listHeyReachHooks,
	create: createHeyReachHook,
	remove: deleteHeyReachHook,
	refusalHint: (status) =>
		status === 401
			? 'Check the API key in the HeyReach API credential (HeyReach: Integrations › API)'
			: status === 429
				? 'HeyReach is rate-limiting this account (300 requests a minute): publish again in a minute'
				: 'Publish again; if it keeps failing, set Registration to Manual and add the webhook in HeyReach (Settings › Integrations › Webhooks)',
};
