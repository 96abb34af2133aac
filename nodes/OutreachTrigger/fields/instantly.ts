import type { FieldMap } from '../../shared/candidate/fieldMap';

/**
 * Instantly (API v2, https://developer.instantly.ai/guides/webhook-events). Lead fields beyond
 * `lead_email` arrive as extra keys named as in your workspace; the usual spellings are read.
 */
export const INSTANTLY_FIELDS: FieldMap = {
	mapped: {
		full_name: 'fullName',
		fullName: 'fullName',
		name: 'fullName',
		first_name: 'firstName',
		firstName: 'firstName',
		last_name: 'lastName',
		lastName: 'lastName',
		lead_email: 'emails',
		email: 'emails',
		phone: 'phones',
		phone_number: 'phones',
		linkedin_url: 'linkedinUrl',
		linkedinUrl: 'linkedinUrl',
		linkedIn: 'linkedinUrl',
		linkedin: 'linkedinUrl',
		company_name: 'currentCompany',
		companyName: 'currentCompany',
		job_title: 'currentTitle',
		jobTitle: 'currentTitle',
		title: 'currentTitle',
		location: 'location',
		website: 'extra.website',
		unibox_url: 'extra.instantlyUniboxUrl',
		event_type: 'toolEvent',
		email_id: 'eventId',
		timestamp: 'occurredAt',
		campaign_id: 'campaign.id',
		campaign_name: 'campaign.name',
		step: 'sequence.step',
		reply_text: 'reply.text',
		reply_text_snippet: 'reply.text',
		reply_html: 'reply.text',
		reply_subject: 'reply.subject',
		email_subject: 'reply.subject',
	},
	dropped: {
		workspace: 'your Instantly workspace id',
		email_account: 'your sending mailbox',
		variant: 'the A/B variant that was sent',
		is_first: 'only decides whether email_sent counts as added to sequence',
		email_text: 'your own message, not the reply',
		email_html: 'your own message, not the reply',
	},
};
