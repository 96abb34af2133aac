/**
 * JSON Schema of the Generic source: the format any tool (or a Zapier/Make step, or your own code)
 * can post. docs/outreach-generic-schema.json is this object, byte for byte (a unit test checks).
 */

const text = { type: 'string' } as const;

export const GENERIC_EVENT_VALUES = ['addedToSequence', 'replied', 'interested', 'other'] as const;

const genericEvent = {
	type: 'object',
	required: ['event'],
	properties: {
		event: {
			description:
				'What happened. Also accepted: contact.added_to_sequence, contact.replied, contact.interested. "interested" means your tool already decided the contact is interested; for "replied" the node classifies the reply text.',
			enum: [...GENERIC_EVENT_VALUES],
		},
		eventId: {
			...text,
			description:
				'Stable id of this event. Send the same id on retries so the workflow starts once.',
		},
		occurredAt: { ...text, format: 'date-time' },
		tool: {
			...text,
			description: 'Name of the sending tool, used in the candidate source, e.g. "Apollo"',
		},
		contact: {
			type: 'object',
			properties: {
				fullName: text,
				firstName: text,
				lastName: text,
				email: text,
				emails: { type: 'array', items: text },
				phone: text,
				phones: { type: 'array', items: text },
				linkedinUrl: text,
				title: text,
				company: text,
				location: {
					oneOf: [
						{ ...text, description: 'e.g. "Berlin, Germany"' },
						{ type: 'object', properties: { city: text, state: text, country: text } },
					],
				},
				tags: { type: 'array', items: text },
			},
			additionalProperties: true,
		},
		campaign: { type: 'object', properties: { id: text, name: text } },
		sequence: {
			type: 'object',
			properties: { id: text, name: text, step: { type: 'integer', minimum: 1 } },
		},
		reply: {
			type: 'object',
			properties: {
				text,
				subject: text,
				date: { ...text, format: 'date-time' },
				channel: { enum: ['email', 'linkedin', 'sms', 'whatsapp', 'call', 'other'] },
			},
		},
		label: {
			description:
				'Your tool\'s own interest label, e.g. "Interested" or {"raw":"Hot","sentiment":"positive"}',
			oneOf: [
				text,
				{
					type: 'object',
					required: ['raw'],
					properties: { raw: text, sentiment: { enum: ['positive', 'negative', 'neutral'] } },
				},
			],
		},
		data: {
			type: 'object',
			description: 'Anything else; kept on the candidate under extra',
			additionalProperties: true,
		},
	},
	additionalProperties: true,
} as const;

/** The fields `contact` names; others are kept on the candidate under extra. */
export const GENERIC_CONTACT_FIELDS = Object.keys(genericEvent.properties.contact.properties);

export const GENERIC_JSON_SCHEMA = {
	$schema: 'http://json-schema.org/draft-07/schema#',
	$id: 'https://github.com/n8n-nodes-ats-sync/n8n-nodes-ats-sync/blob/main/docs/outreach-generic-schema.json',
	title: 'Outreach Trigger: Generic event',
	description: 'One event, or a JSON array of events (each becomes one workflow item).',
	oneOf: [
		{ $ref: '#/definitions/event' },
		{ type: 'array', minItems: 1, items: { $ref: '#/definitions/event' } },
	],
	definitions: { event: genericEvent },
} as const;
