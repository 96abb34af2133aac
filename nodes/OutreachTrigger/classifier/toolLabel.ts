import type { ClassifyInput, InterestLabel } from './types';

/** Maps a tool's label to ours, or undefined when we do not recognize it. */
export function labelFromTool(
	label: NonNullable<ClassifyInput['label']>,
): InterestLabel | undefined {
	// Tool labels are short identifiers ("emailsNotInterested", "LEAD_OUT_OF_OFFICE"); cap them anyway.
	const key = ` ${label.raw
		.slice(0, 200)
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.toLowerCase()
		.replace(/[^a-z]+/g, ' ')
		.trim()} `;
	if (/ not ?interested | negative /.test(key)) return 'not_interested';
	if (/ do not contact | unsubscribe| blacklist| blocklist/.test(key)) return 'do_not_contact';
	if (/ out of office | auto ?repl/.test(key)) return 'out_of_office';
	if (/ wrong person /.test(key)) return 'wrong_person';
	if (/ meeting /.test(key)) return 'meeting_booked';
	if (/ interested | positive /.test(key)) return 'interested';
	if (/ info(rmation)? request /.test(key)) return 'information_request';
	if (/ maybe later | neutral /.test(key)) return 'neutral';
	if (label.sentiment === 'positive') return 'interested';
	if (label.sentiment === 'negative') return 'not_interested';
	if (label.sentiment === 'neutral') return 'neutral';
	return undefined;
}
