import type { FieldMap } from '../../shared/candidate/fieldMap';

/**
 * Outreach.io (JSON:API, https://developers.outreach.io/api/webhooks/): ids and changed attributes
 * only; the prospect is read through the API (Enrich Missing Fields).
 */
export const OUTREACHIO_FIELDS: FieldMap = {
	mapped: {
		'data.relationships.prospect.data.id': 'extra.outreachProspectId',
		'data.id': 'eventId',
		'meta.eventName': 'toolEvent',
		'meta.deliveredAt': 'occurredAt',
		'data.attributes.createdAt': 'occurredAt',
		'data.attributes.updatedAt': 'occurredAt',
		'data.relationships.sequence.data.id': 'sequence.id',
		'data.attributes.repliedAt': 'reply.date',
		'data.attributes.subject': 'reply.subject',
	},
	dropped: {
		'data.type': 'the JSON:API type; decides which id is which',
		'data.relationships.*.data.type': 'the JSON:API type of a related record',
		'data.relationships.mailbox.data.id': 'your mailbox',
		'data.attributes.state': 'the sequence state or mailing state',
		'data.attributes.*': 'other changed attributes of the mailing or sequence state',
		'beforeUpdate.**': 'the attributes before the change',
	},
};
