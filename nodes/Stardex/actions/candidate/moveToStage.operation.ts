import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { httpStatusOf, inputError, settle } from '../../../shared/errors';
import {
	candidateIdOf,
	candidateOnJob,
	findStage,
	jobLabel,
	profileUrl,
	stagesOf,
} from '../../mapping';
import { sdxRequest, stardexSettings } from '../../transport';
import { jobLocator } from '../common.descriptions';
import { getJob, readJobId } from '../jobInput';
import { getPerson } from './lookup';

const properties: INodeProperties[] = [
	jobLocator({ required: true, description: 'The job whose pipeline the candidate is in' }),
	{
		displayName: 'Find Candidate By',
		name: 'candidateBy',
		type: 'options',
		default: 'email',
		options: [
			{
				name: 'Email',
				value: 'email',
				description: 'Stardex finds the candidate on the job by email',
			},
			{
				name: 'Person ID',
				value: 'personId',
				description: 'The person ID, e.g. "candidateID" from this node\'s Export output',
			},
			{
				name: 'Stardex Candidate ID',
				value: 'candidateId',
				description: 'The person-on-job ID, e.g. "stardexCandidateID" from Export',
			},
		],
	},
	{
		displayName: 'Email',
		name: 'candidateEmail',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. jane@example.com',
		displayOptions: { show: { candidateBy: ['email'] } },
	},
	{
		displayName: 'Person ID',
		name: 'personId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 234e5678-e90a-12b3-c456-789012345678',
		displayOptions: { show: { candidateBy: ['personId'] } },
	},
	{
		displayName: 'Stardex Candidate ID',
		name: 'stardexCandidateId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 123e4567-e89b-12d3-a456-426614174000',
		displayOptions: { show: { candidateBy: ['candidateId'] } },
	},
	{
		displayName: 'Stage Name or ID',
		name: 'stage',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getJobStages', loadOptionsDependsOn: ['job.value'] },
		default: '',
		required: true,
		description:
			'The pipeline stage of the chosen job to move the candidate to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['moveToStage'] } },
	properties,
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const jobId = readJobId(this, i);
	if (!jobId)
		throw inputError(
			this.getNode(),
			i,
			'Job',
			'is empty',
			'Pick a job from the list or give its ID',
		);
	const wanted = String(this.getNodeParameter('stage', i, '') ?? '').trim();
	if (!wanted)
		throw inputError(
			this.getNode(),
			i,
			'Stage',
			'is empty',
			'Pick a stage of the job from the list',
		);
	const job = await getJob(this, jobId, i);
	const body: IDataObject = { job_id: jobId };

	// The stage is resolved against the job's own pipeline, so a typo or a stage of another job fails
	// here with the list of valid stages instead of in Stardex.
	const stages = stagesOf(job);
	const stage = stages ? findStage(stages, wanted) : undefined;
	if (stages && !stage) {
		const names = stages.map((s) => s.name).join(', ') || 'none';
		throw inputError(
			this.getNode(),
			i,
			'Stage',
			`"${wanted}" is not a stage of job ${jobLabel(job)}`,
			`Pick one of: ${names}`,
		);
	}
	if (stage) {
		if (stage.id) body.stage_id = stage.id;
		else body.stage_name = stage.name;
	} else body[UUID.test(wanted) ? 'stage_id' : 'stage_name'] = wanted;

	const by = this.getNodeParameter('candidateBy', i, 'email') as string;
	let who: string;
	if (by === 'email') {
		const email = String(this.getNodeParameter('candidateEmail', i, ''))
			.trim()
			.toLowerCase();
		if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
			throw inputError(
				this.getNode(),
				i,
				'Email',
				`"${email}" is not an email address`,
				'Give the email the candidate has in Stardex',
			);
		body.candidate_email = email;
		who = `The candidate with email ${email}`;
	} else if (by === 'personId') {
		const personId = String(this.getNodeParameter('personId', i, '')).trim();
		if (!personId)
			throw inputError(
				this.getNode(),
				i,
				'Person ID',
				'is empty',
				'Give the person ID, e.g. candidateId from an Export',
			);
		const record = candidateOnJob(await getPerson(this, personId, i), jobId);
		const candidateId = candidateIdOf(record);
		if (!candidateId)
			throw inputError(
				this.getNode(),
				i,
				'Person ID',
				`${personId} is not on job ${jobLabel(job)}`,
				'Export the person to this job first (Candidate › Export with a job, If Candidate Exists: Add to Job)',
			);
		body.candidate_id = candidateId;
		who = `Person ${personId}`;
	} else {
		const candidateId = String(this.getNodeParameter('stardexCandidateId', i, '')).trim();
		if (!candidateId)
			throw inputError(
				this.getNode(),
				i,
				'Stardex Candidate ID',
				'is empty',
				'Give the person-on-job ID, e.g. stardexCandidateId from an Export',
			);
		body.candidate_id = candidateId;
		who = `Candidate ${candidateId}`;
	}

	// Moving to the same stage twice ends in the same place, so this POST may be retried.
	const moved = await settle(
		sdxRequest<IDataObject>(this, 'POST', '/v1/candidates/update-stage', {
			body,
			itemIndex: i,
			idempotent: true,
		}),
	);
	if (!moved.ok) {
		if (httpStatusOf(moved.error) === 404) {
			throw inputError(
				this.getNode(),
				i,
				'Candidate',
				`${who} was not found on job ${jobLabel(job)} (${(moved.error as Error).message})`,
				'Export the person to this job first, or check the email or ID',
			);
		}
		throw moved.error;
	}
	const data = moved.value.data;
	const { appUrl } = await stardexSettings(this);
	const personId = data?.person_id ? String(data.person_id) : undefined;
	const previous = data?.previous_stage_id ?? null;
	const next = data?.new_stage_id ?? stage?.id ?? null;
	return {
		ats: 'stardex',
		status: previous !== null && previous === next ? 'unchanged' : 'moved',
		candidateId: personId ?? null,
		stardexCandidateId: data?.candidate_id ?? body.candidate_id ?? null,
		profileUrl: personId ? profileUrl(appUrl, personId) : null,
		jobId,
		stageId: next,
		stageName: stage?.name ?? wanted,
		previousStageId: previous,
	};
}
