export type InterestLabel =
	| 'interested'
	| 'meeting_booked'
	| 'information_request'
	| 'neutral'
	| 'not_interested'
	| 'do_not_contact'
	| 'out_of_office'
	| 'wrong_person'
	| 'unknown';

export interface Classification {
	interested: boolean;
	label: InterestLabel;
	/** Which rule decided, with the phrase or label that matched. */
	reason: string;
}

export interface ClassifyInput {
	text?: string;
	subject?: string;
	/** The tool's own label, e.g. Smartlead's category or lemlist's event type. */
	label?: { raw: string; sentiment?: 'positive' | 'negative' | 'neutral' };
	/** The tool sent an "interested" event without a label (e.g. Generic `event: interested`). */
	toolSaysInterested?: boolean;
	/**
	 * The text answers an outreach message (true for every reply the Outreach Trigger receives).
	 * Only then does a bare "Yes", "Sure", "Ok" or 👍 count as interested. Left out, it is inferred
	 * from a reply subject ("Re: …", "AW: …") or quoted history in the text.
	 */
	inReplyToOutreach?: boolean;
}

export interface ClassifyOptions {
	extraInterested?: string[];
	extraNotInterested?: string[];
}
