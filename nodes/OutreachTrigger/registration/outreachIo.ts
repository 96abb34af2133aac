import {
	activateOutreachIoHook,
	createOutreachIoHook,
	deleteOutreachIoHook,
	listOutreachIoHooks,
} from '../transport/outreachIoHooks';
import { eventsFrom, type Registrar } from './types';

/*
 * Outreach.io API v2 (https://developers.outreach.io/api/webhooks/): one webhook per resource +
 * action, with our random `secret`: Outreach.io signs every delivery with it
 * (Outreach-Webhook-Signature, hex HMAC-SHA256 of the raw body), the strongest check of all tools.
 * A webhook Outreach.io deactivated is set active again.
 * - Added to Sequence: sequenceState.created (a prospect added to a sequence).
 * - Replied: mailing.replied.
 * - Replied and Interested: mailing.replied (Outreach.io has no interest event; replies are classified).
 */
const NEEDS = {
	addedToSequence: ['sequenceState.created'],
	replied: ['mailing.replied'],
	interested: ['mailing.replied'],
};

export const outreachIoRegistrar: Registrar = {
	tool: 'outreachIo',
	credentialType: 'outreachIoOAuth2Api',
	token: { mode: 'hmac' },
	vendorEvents: (events) => eventsFrom(NEEDS, events),
	list: listOutreachIoHooks,
	create: createOutreachIoHook,
	remove: deleteOutreachIoHook,
	resume: activateOutreachIoHook,
	refusalHint: (status) =>
		status === 401
			? 'Reconnect the Outreach.io OAuth2 API credential: its token was refused and could not be refreshed'
			: status === 403
				? 'The Outreach.io OAuth2 API credential needs the webhooks.all scope: add it to your Outreach app, then reconnect the credential (or set Registration to Manual)'
				: status === 422 || status === 400
					? "Outreach.io accepts only a public https webhook URL: set n8n's WEBHOOK_URL to your https address and publish again (or set Registration to Manual)"
					: status === 429
						? 'Outreach.io is rate-limiting this organization: publish again in a minute'
						: 'Publish again; if it keeps failing, set Registration to Manual and create the webhook with the Outreach.io API',
};
