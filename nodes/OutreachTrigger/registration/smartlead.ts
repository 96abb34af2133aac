import {
	createSmartleadHook,
	deleteSmartleadHook,
	listSmartleadHooks,
} from '../transport/smartlead';
import { eventsFrom, type Registrar } from './types';

/*
 * Smartlead (https://api.smartlead.ai/api-reference/webhooks/events): webhooks live on a campaign
 * and carry several event types, so one webhook per picked campaign, with every event the Events
 * need. The campaign webhook API takes no secret of ours (the `secret_key` Smartlead echoes in the
 * body is set in its UI), so the token travels in the URL (?token=…).
 * - Added to Sequence: FIRST_EMAIL_SENT (the stand-in: sequence step 1 was sent).
 * - Replied: EMAIL_REPLY.
 * - Replied and Interested: EMAIL_REPLY (classified) plus LEAD_CATEGORY_UPDATED (positive categories).
 */
const NEEDS = {
	addedToSequence: ['FIRST_EMAIL_SENT'],
	replied: ['EMAIL_REPLY'],
	interested: ['EMAIL_REPLY', 'LEAD_CATEGORY_UPDATED'],
};

export const smartleadRegistrar: Registrar = {
	tool: 'smartlead',
	credentialType: 'smartleadApi',
	token: { mode: 'queryToken', queryParameter: 'token' },
	vendorEvents: (events) => eventsFrom(NEEDS, events),
	bundle: true,
	campaigns: 'required',
	list: listSmartleadHooks,
	create: createSmartleadHook,
	remove: deleteSmartleadHook,
	refusalHint: (status) =>
		status === 401
			? 'Check the API key in the Smartlead API credential (Smartlead: Settings › API Key)'
			: status === 404
				? 'Smartlead does not know one of the picked campaigns: pick it again under Campaigns'
				: status === 429
					? 'Smartlead is rate-limiting this account: publish again in a minute'
					: 'Publish again; if it keeps failing, set Registration to Manual and add the webhook in Smartlead (Campaign › Settings › Webhooks)',
};
