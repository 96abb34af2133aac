import type { FieldMap } from '../../shared/candidate/fieldMap';

/** HeyReach (LinkedIn). Field names from third-party receivers; `lead` is the contact, `sender` your account. */
export const HEYREACH_FIELDS: FieldMap = {
	mapped: {
		'lead.full_name': 'fullName',
		'lead.first_name': 'firstName',
		'lead.last_name': 'lastName',
		'lead.email_address': 'emails',
		'lead.email': 'emails',
		'lead.enriched_email': 'emails',
		'lead.profile_url': 'linkedinUrl',
		'lead.linkedin_url': 'linkedinUrl',
		'lead.company_name': 'currentCompany',
		'lead.position': 'currentTitle',
		'lead.title': 'currentTitle',
		'lead.location': 'location',
		'lead.tags[]': 'tags',
		'tags[]': 'tags',
		tag: 'tags',
		'lead.id': 'extra.heyreachLeadId',
		eventType: 'toolEvent',
		event_type: 'toolEvent',
		conversation_id: 'eventId',
		correlation_id: 'eventId',
		timestamp: 'occurredAt',
		'campaign.id': 'campaign.id',
		'campaign.name': 'campaign.name',
		'recent_messages[].message': 'reply.text',
		'recent_messages[].creation_time': 'reply.date',
		'recent_messages[].is_reply': 'reply.text',
	},
	dropped: {
		is_inmail: 'whether the message was an InMail; the channel is LinkedIn either way',
		'sender.**': 'your LinkedIn account, not the lead',
	},
};
