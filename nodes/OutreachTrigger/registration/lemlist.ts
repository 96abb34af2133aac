import { createLemlistHook, deleteLemlistHook, listLemlistHooks } from '../transport/hooks';
import { eventsFrom, type Registrar } from './types';

/*
 * lemlist (https://developer.lemlist.com/api-reference/endpoints/webhooks/add-webhook): one hook per
 * `type`. The secret set at creation is "sent back to your endpoint as a `secret` field in the body
 * of every webhook call" (the hook's only verification; lemlist has no signatures).
 * - Added to Sequence: `contacted` only (the stand-in: first contact on any channel).
 * - Replied: emailsReplied and linkedinReplied.
 * - Replied and Interested: the replies (their text is classified) plus lemlist's own `interested`.
 */
const NEEDS = {
	addedToSequence: ['contacted'],
	replied: ['emailsReplied', 'linkedinReplied'],
	interested: ['emailsReplied', 'linkedinReplied', 'interested'],
};

export const lemlistRegistrar: Registrar = {
	tool: 'lemlist',
	credentialType: 'lemlistLeadsApi',
	token: { mode: 'bodySecret' },
	// "campaignId: limits the hook to one campaign" (add-webhook page above): one hook set per picked
	// campaign, or account-wide hooks when none is picked.
	campaigns: 'optional',
	vendorEvents: (events) => eventsFrom(NEEDS, events),
	list: listLemlistHooks,
	create: createLemlistHook,
	remove: deleteLemlistHook,
	refusalHint: (status) =>
		status === 401 || status === 403
			? 'Check the API key in the Lemlist Leads API credential (lemlist: Settings › Integrations › API), or set Registration to Manual and add the webhook in lemlist'
			: status === 429
				? 'lemlist is rate-limiting this account: publish again in a minute'
				: 'Publish again; if it keeps failing, set Registration to Manual and add the webhook in lemlist (Settings › Integrations › Webhooks)',
};
