import type { FieldMap } from '../shared/candidate/fieldMap';

/**
 * Pinpoint. The webhook names the application only (`{event, triggeredAt, data: {application:
 * {id}}}`, https://developers.pinpointhq.com/docs/webhooks-overview); the candidate comes from the
 * application read, whose attributes (OpenAPI `applications_attributes`, the vendor document) are
 * written here as `application.<attribute>`.
 */
export const PINPOINT_FIELDS: FieldMap = {
	mapped: {
		event: 'event',
		triggeredAt: 'occurredAt',
		triggered_at: 'occurredAt',
		'data.application.id': 'applicationId',
		'data.application_id': 'applicationId',
		'data.id': 'applicationId',
		'application.id': 'applicationId',
		'application.first_name': 'firstName',
		'application.last_name': 'lastName',
		'application.full_name': 'fullName',
		'application.email': 'emails',
		'application.phone': 'phones',
		'application.linkedin_url': 'linkedinUrl',
		'application.town': 'location.city',
		'application.city': 'location.city',
		'application.country': 'location.country',
		'application.address': 'location',
		'application.tags[].name': 'tags',
		'application.attachments[].url': 'extra.resumeUrl',
		'application.attachments[].filename': 'extra.resumeFilename',
		'application.attachments[].context': 'extra.resumeUrl',
		'application.start_on': 'startDate',
		'application.status': 'application.status',
		'application.current_job_title': 'currentTitle',
		'application.current_employer': 'currentCompany',
	},
	dropped: {
		'application.address1': 'street address; town and country are mapped',
		'application.address2': 'street address; town and country are mapped',
		'application.postcode': 'postcode; town and country are mapped',
		'application.phone_iso2': "the phone's country; the number is kept as written",
		'application.date_of_birth': 'not needed to place a candidate',
		'application.preferred_pronouns': 'not part of the candidate schema',
		'application.summary': 'the application summary: in raw',
		'application.channel': 'how the candidate applied; source names the job',
		'application.channel_source': 'how the candidate applied; source names the job',
		'application.locale': "the application's language",
		'application.internal_candidate': 'internal mobility flag',
		'application.concealed': 'blind-screening flag',
		'application.average_rating': 'Pinpoint rating',
		'application.job_id': 'the job comes from the job relationship',
		'application.stage_id': 'the stage comes from the stage relationship',
		'application.created_at': 'application timestamps',
		'application.updated_at': 'application timestamps',
		'application.hired_at': 'application timestamps; occurredAt is the event time',
		'application.rejected_at': 'application timestamps',
	},
};
