import {
	createWoodpeckerHook,
	deleteWoodpeckerHook,
	listWoodpeckerHooks,
} from '../transport/hooks';
import { eventsFrom, type Registrar } from './types';

/*
 * Woodpecker (https://developers.woodpecker.co/docs/webhooks): one subscription per event and
 * target URL, account-wide, at most three per event. Woodpecker neither signs deliveries nor sends
 * headers we choose, so the token travels in the URL (?token=…).
 * - Added to Sequence: Woodpecker has no such event; nothing is subscribed for it.
 * - Replied: prospect_replied.
 * - Replied and Interested: prospect_replied (classified) plus prospect_interested.
 */
const NEEDS = {
	addedToSequence: [],
	replied: ['prospect_replied'],
	interested: ['prospect_interested', 'prospect_replied'],
};

export const woodpeckerRegistrar: Registrar = {
	tool: 'woodpecker',
	credentialType: 'woodpeckerApi',
	token: { mode: 'queryToken', queryParameter: 'token' },
	vendorEvents: (events) => eventsFrom(NEEDS, events),
	list: listWoodpeckerHooks,
	create: createWoodpeckerHook,
	remove: deleteWoodpeckerHook,
	refusalHint: (status) =>
		status === 401
			? 'Check the API key in the Woodpecker API credential (Marketplace › Integrations › API keys)'
			: status === 403
				? 'The Woodpecker account needs the "API keys & integrations" add-on, or set Registration to Manual'
				: status === 409 || status === 400
					? 'Woodpecker allows three webhooks per event per account: unsubscribe one you no longer use (Marketplace › Integrations › Webhooks), then publish again'
					: 'Publish again; if it keeps failing, set Registration to Manual and subscribe the webhook yourself',
};
