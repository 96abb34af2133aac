import type { INodePropertyOptions } from 'n8n-workflow';

import { eventOptions } from '../shared/trigger/events';

/**
 * Greenhouse's webhook actions: all 29 values of the v3 `event_action_type` enum, labelled as in
 * the Greenhouse webhook docs. `delete_candidate` exists; `candidate_deleted` does not.
 */
export const GREENHOUSE_ACTIONS: Array<{ value: string; name: string; description: string }> = [
	{
		value: 'application_updated',
		name: 'Application Updated',
		description: 'An application was updated',
	},
	{
		value: 'candidate_anonymized',
		name: 'Candidate Anonymized',
		description:
			'Fields of a candidate were anonymized (payload has only the ID and the field names)',
	},
	{
		value: 'candidate_stage_change',
		name: 'Candidate Stage Change',
		description: 'A candidate or prospect moved to another stage',
	},
	{
		value: 'delete_application',
		name: 'Application Deleted',
		description: 'One application was deleted (not fired when the whole candidate is deleted)',
	},
	{
		value: 'delete_candidate',
		name: 'Candidate Deleted',
		description: 'A candidate or prospect was deleted',
	},
	{
		value: 'department_deleted',
		name: 'Department Deleted',
		description: 'A department was deleted',
	},
	{
		value: 'hire_candidate',
		name: 'Candidate Hired',
		description: 'An offer was accepted ("Candidate has been hired" in Greenhouse)',
	},
	{
		value: 'interview_deleted',
		name: 'Interview Deleted',
		description: 'An interview was deleted',
	},
	{ value: 'job_approved', name: 'Job Approved', description: 'A job was approved' },
	{ value: 'job_created', name: 'Job Created', description: 'A job was created' },
	{ value: 'job_deleted', name: 'Job Deleted', description: 'A job was deleted' },
	{
		value: 'job_interview_stage_deleted',
		name: 'Job Stage Deleted',
		description: 'An interview stage of a job was deleted',
	},
	{
		value: 'job_post_created',
		name: 'Job Post Created',
		description: 'A job post or prospect post was created',
	},
	{ value: 'job_post_deleted', name: 'Job Post Deleted', description: 'A job post was deleted' },
	{
		value: 'job_post_updated',
		name: 'Job Post Updated',
		description: 'A job post was updated or went live or offline',
	},
	{ value: 'job_updated', name: 'Job Updated', description: 'A job was updated' },
	{
		value: 'merge_candidate',
		name: 'Candidate Merged',
		description: 'A candidate was merged into another one',
	},
	{
		value: 'new_candidate_application',
		name: 'Application Created',
		description: 'A candidate applied or was added to a job',
	},
	{
		value: 'new_prospect_application',
		name: 'Prospect Created',
		description: 'A prospect application was created',
	},
	{
		value: 'offer_approved',
		name: 'Offer Approved',
		description: 'An offer that needed approval was approved',
	},
	{
		value: 'offer_created',
		name: 'Offer Created',
		description: 'An offer (or a new version of one) was created',
	},
	{ value: 'offer_deleted', name: 'Offer Deleted', description: 'An offer was deleted' },
	{ value: 'offer_updated', name: 'Offer Updated', description: 'An offer was updated' },
	{ value: 'office_deleted', name: 'Office Deleted', description: 'An office was deleted' },
	{
		value: 'reject_candidate',
		name: 'Candidate or Prospect Rejected',
		description: 'An application was rejected',
	},
	{ value: 'scorecard_deleted', name: 'Scorecard Deleted', description: 'A scorecard was deleted' },
	{
		value: 'unhire_candidate',
		name: 'Candidate Unhired',
		description: 'A hire was undone ("Unhire" button)',
	},
	{
		value: 'unreject_candidate',
		name: 'Candidate or Prospect Unrejected',
		description: 'A rejection was undone',
	},
	{
		value: 'update_candidate',
		name: 'Candidate or Prospect Updated',
		description: 'A standard or custom field of a candidate or prospect changed',
	},
];

export const greenhouseEventOptions: INodePropertyOptions[] = eventOptions(
	'Every action, including ones Greenhouse adds later',
	GREENHOUSE_ACTIONS.map((a) => ({
		name: a.name,
		value: a.value,
		description: `${a.description} (action "${a.value}")`,
	})),
);
