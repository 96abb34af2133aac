import {
	createInstantlyHook,
	deleteInstantlyHook,
	INSTANTLY_TOKEN_HEADER,
	listInstantlyHooks,
	resumeInstantlyHook,
} from '../transport/hooks';
import { eventsFrom, type Registrar } from './types';

/*
 * Instantly API v2 (https://developer.instantly.ai/api-reference/webhook/create-webhook): one hook
 * per `event_type`. Instantly does not sign deliveries; it sends the `headers` set at creation with
 * every one, so the token travels in a header of ours. A hook disabled after failed deliveries
 * (status -1) is re-enabled with POST /webhooks/{id}/resume.
 * - Added to Sequence: `email_sent` (the adapter keeps step 1 only; Instantly has no "lead added").
 * - Replied: reply_received.
 * - Replied and Interested: reply_received (classified) plus lead_interested and lead_meeting_booked.
 */
const NEEDS = {
	addedToSequence: ['email_sent'],
	replied: ['reply_received'],
	interested: ['reply_received', 'lead_interested', 'lead_meeting_booked'],
};

export const instantlyRegistrar: Registrar = {
	tool: 'instantly',
	credentialType: 'instantlyApi',
	token: { mode: 'headerToken', headerName: INSTANTLY_TOKEN_HEADER },
	vendorEvents: (events) => eventsFrom(NEEDS, events),
	list: listInstantlyHooks,
	create: createInstantlyHook,
	remove: deleteInstantlyHook,
	resume: resumeInstantlyHook,
	refusalHint: (status) =>
		status === 401
			? 'Check the API key in the Instantly API credential (Settings › Integrations › API Keys, API v2)'
			: status === 403
				? 'Give the API key the webhooks:all scope (or all:all), or set Registration to Manual and add the webhook in Instantly'
				: status === 402
					? 'Webhooks need an active paid Instantly plan: upgrade, or set Registration to Manual'
					: status === 429
						? 'Instantly is rate-limiting this workspace: publish again in a minute'
						: 'Publish again; if it keeps failing, set Registration to Manual and add the webhook in Instantly (Settings › Integrations › Webhooks)',
};
