/** What an adapter reports, before interest detection, events filter and conditions. */

export const TOOLS = [
	'generic',
	'heyreach',
	'instantly',
	'lemlist',
	'outreachIo',
	'replyIo',
	'smartlead',
	'woodpecker',
] as const;
export type Tool = (typeof TOOLS)[number];

/** How the tool names itself in the candidate's `source`, e.g. "lemlist: Backend hires". */
export const TOOL_NAMES: Record<Tool, string> = {
	generic: 'Webhook',
	heyreach: 'HeyReach',
	instantly: 'Instantly',
	lemlist: 'lemlist',
	outreachIo: 'Outreach.io',
	replyIo: 'Reply.io',
	smartlead: 'Smartlead',
	woodpecker: 'Woodpecker',
};

/**
 * `interested` here means the tool itself said so (its own label or event); replies the tool did
 * not label are classified later from their text. `other` is everything we never start a run for.
 */
export type OutreachEventName = 'addedToSequence' | 'replied' | 'interested' | 'other';

export type Channel = 'email' | 'linkedin' | 'sms' | 'whatsapp' | 'call' | 'other';

/** Loose candidate fields, in the shape parseCandidate (nodes/shared/candidate.ts) accepts. */
export interface LooseCandidate {
	fullName?: string;
	firstName?: string;
	lastName?: string;
	emails?: Array<{ value: string; type?: 'personal' | 'work' | 'other' }>;
	phones?: Array<{ value: string; type?: 'mobile' | 'home' | 'work' | 'other' }>;
	linkedinUrl?: string;
	location?: { city?: string; state?: string; country?: string } | string;
	currentTitle?: string;
	currentCompany?: string;
	source?: string;
	tags?: string[];
	extra?: Record<string, unknown>;
}

export interface OutreachEvent {
	event: OutreachEventName;
	tool: Tool;
	/** The tool's own event name, e.g. "EMAIL_REPLY". */
	toolEvent: string;
	/** Stable per delivery of the same event; redeliveries carry the same id. */
	eventId: string;
	occurredAt?: string;
	candidate: LooseCandidate;
	campaign?: { id?: string; name?: string };
	sequence?: { id?: string; name?: string; step?: number };
	/**
	 * `from` (and `fromName`) is who sent the reply when that is not the lead's own address, e.g. a
	 * colleague answering for them: kept with the reply, never added to the lead's emails.
	 */
	reply?: {
		text?: string;
		subject?: string;
		date?: string;
		channel?: Channel;
		from?: string;
		fromName?: string;
	};
	/** The tool's own interest label, when it sent one. */
	label?: { raw: string; sentiment?: 'positive' | 'negative' | 'neutral' };
	/** Fields the tool did not send, e.g. ['email', 'name'] for Outreach.io's id-only payloads. */
	missing: string[];
	/** Where to get what is missing, when the tool only sends ids. */
	enrichmentHint?: string;
	raw: unknown;
}

export type Adapter = (body: unknown, headers: Record<string, string>) => OutreachEvent[];

/** The body cannot be read as this tool's webhook; the message becomes the 400 answer. */
export class MalformedBodyError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'MalformedBodyError';
	}
}
