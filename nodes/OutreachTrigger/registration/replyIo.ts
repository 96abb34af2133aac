import {
	createReplyIoHook,
	deleteReplyIoHook,
	enableReplyIoHook,
	listReplyIoHooks,
} from '../transport/replyIoHooks';
import { eventsFrom, type Registrar } from './types';

/*
 * Reply.io v3 (https://docs.reply.io/api-reference/webhooks/create-a-webhook-subscription): one
 * subscription per `eventType`, Personal scope (the key owner's activity). The documented
 * subscription has no signing secret, so the token travels in the URL (?token=…). A subscription
 * found disabled is enabled again.
 * - Added to Sequence: Reply.io has no contact-level event for it; nothing is subscribed.
 * - Replied: email_replied and linkedin_message_replied.
 * - Replied and Interested: the replies (their text is classified) plus meeting_booked.
 *   (https://docs.reply.io/essentials/webhook-events)
 */
const NEEDS = {
	addedToSequence: [],
	replied: ['email_replied', 'linkedin_message_replied'],
	interested: ['email_replied', 'linkedin_message_replied', 'meeting_booked'],
};

export const replyIoRegistrar: Registrar = {
	tool: 'replyIo',
	credentialType: 'replyIoApi',
	token: { mode: 'queryToken', queryParameter: 'token' },
	vendorEvents: (events) => eventsFrom(NEEDS, events),
	list: listReplyIoHooks,
	create: createReplyIoHook,
	remove: deleteReplyIoHook,
	resume: enableReplyIoHook,
	refusalHint: (status) =>
		status === 401
			? 'Check the API key in the Reply.io API credential (Reply.io: Settings › API Key)'
			: status === 403
				? "This Reply.io user or plan may not manage webhooks: use the account owner's key, or set Registration to Manual"
				: status === 429
					? 'Reply.io is rate-limiting this account: publish again in a minute'
					: 'Publish again; if it keeps failing, set Registration to Manual and add the webhook in Reply.io (Settings › Integrations › Webhooks)',
};
