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
import { getJob, requireJobId } from '../jobInput';
import { getPerson } from './lookup';
import type { SdxJob, SdxStage } from '../../types';

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
	const jobId = requireJobId(this, i);
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
	const stage = resolveStage(this, i, job, wanted);
	const target = await whoToMove(this, i, job, jobId);
	const body: IDataObject = { job_id: jobId, ...stageFields(stage, wanted), ...target.fields };
	const data = await move(this, i, body, target.who, job);
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

/**
 * The stage is resolved against the job's own pipeline, so a typo or a stage of another job fails
 * here with the list of valid stages instead of in Stardex. Undefined when the job lists no stages.
 */
function resolveStage(
	ctx: IExecuteFunctions,
	i: number,
	job: SdxJob,
	wanted: string,
): SdxStage | undefined {
	const stages = stagesOf(job);
	const stage = stages ? findStage(stages, wanted) : undefined;
	if (stages && !stage) {
		const names = stages.map((s) => s.name).join(', ') || 'none';
		throw inputError(
			ctx.getNode(),
			i,
			'Stage',
			`"${wanted}" is not a stage of job ${jobLabel(job)}`,
			`Pick one of: ${names}`,
		);
	}
	return stage;
}

function stageFields(stage: SdxStage | undefined, wanted: string): IDataObject {
	if (stage) return stage.id ? { stage_id: stage.id } : { stage_name: stage.name };
	return { [UUID.test(wanted) ? 'stage_id' : 'stage_name']: wanted };
}

/** Who is moved, as the request names them, and in words for the not-found message. */
async function whoToMove(
	ctx: IExecuteFunctions,
	i: number,
	job: SdxJob,
	jobId: string,
): Promise<{ fields: IDataObject; who: string }> {
	const by = ctx.getNodeParameter('candidateBy', i, 'email') as string;
	if (by === 'email') {
		const email = String(ctx.getNodeParameter('candidateEmail', i, ''))
			.trim()
			.toLowerCase();
		if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
			throw inputError(
				ctx.getNode(),
				i,
				'Email',
				`"${email}" is not an email address`,
				'Give the email the candidate has in Stardex',
			);
		return { fields: { candidate_email: email }, who: `The candidate with email ${email}` };
	}
	if (by === 'personId') {
		const personId = String(ctx.getNodeParameter('personId', i, '')).trim();
		if (!personId)
			throw inputError(
				ctx.getNode(),
				i,
				'Person ID',
				'is empty',
				'Give the person ID, e.g. candidateId from an Export',
			);
		const candidateId = candidateIdOf(candidateOnJob(await getPerson(ctx, personId, i), jobId));
		if (!candidateId)
			throw inputError(
				ctx.getNode(),
				i,
				'Person ID',
				`${personId} is not on job ${jobLabel(job)}`,
				'Export the person to this job first (Candidate › Export with a job, If Candidate Exists: Add to Job)',
			);
		return { fields: { candidate_id: candidateId }, who: `Person ${personId}` };
	}
	const candidateId = String(ctx.getNodeParameter('stardexCandidateId', i, '')).trim();
	if (!candidateId)
		throw inputError(
			ctx.getNode(),
			i,
			'Stardex Candidate ID',
			'is empty',
			'Give the person-on-job ID, e.g. stardexCandidateId from an Export',
		);
	return { fields: { candidate_id: candidateId }, who: `Candidate ${candidateId}` };
}

/** POST /v1/candidates/update-stage; a 404 says who was not found on which job. */
async function move(
	ctx: IExecuteFunctions,
	i: number,
	body: IDataObject,
	who: string,
	job: SdxJob,
): Promise<IDataObject | undefined> {
	// Moving to the same stage twice ends in the same place, so this POST may be retried.
	const moved = await settle(
		sdxRequest<IDataObject>(ctx, 'POST', '/v1/candidates/update-stage', {
			body,
			itemIndex: i,
			idempotent: true,
		}),
	);
	if (moved.ok) return moved.value.data;
	if (httpStatusOf(moved.error) === 404) {
		throw inputError(
			ctx.getNode(),
			i,
			'Candidate',
			`${who} was not found on job ${jobLabel(job)} (${(moved.error as Error).message})`,
			'Export the person to this job first, or check the email or ID',
		);
	}
	throw moved.error;
}
