import type { Tool } from '../../../nodes/OutreachTrigger/adapters/types';
import type { TriggerSettings } from '../../../nodes/OutreachTrigger/settings';

/** Outreach Trigger settings that let every event through: all events selected, no auth, no conditions. */
export function everyEvent(source: Tool): TriggerSettings {
	return {
		source,
		registration: 'manual',
		events: ['addedToSequence', 'replied', 'interested'],
		auth: {
			mode: 'none',
			secret: '',
			headerName: '',
			queryParameter: '',
			bodyField: '',
			signature: 'sourceDefault',
			signatureHeader: '',
			algorithm: 'sha256',
			encoding: 'hex',
			prefix: '',
		},
		conditions: [],
		combine: 'and',
		extraInterested: [],
		extraNotInterested: [],
		dedupeSize: 1000,
	};
}
