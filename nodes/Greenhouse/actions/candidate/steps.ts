import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Candidate } from '../../../shared/candidate/schema';
import { inputError } from '../../../shared/errors';
import type { ResumeFile } from '../../../shared/export/resume';
import { oncePerRun } from '../../../shared/runState';
import { createOnce } from '../../../shared/http/createOnce';
import { noteCreated, writeNaming } from '../../../shared/http/readAfterWrite';
import { type EmploymentPlan, planEmployments } from '../../employments';
import { type ApplicationChoice, applicationBody } from '../../mapping';
import { ghList, ghRequest } from '../../transport';
import type { GhApplication, GhJob } from '../../types';

/** Checks a job exists once per run, so an unknown job ID fails with a clear message before any write. */
export async function ensureJob(
	ctx: IExecuteFunctions,
	jobId: number,
	itemIndex: number,
): Promise<GhJob> {
	return await oncePerRun(ctx, 'greenhouse:jobs', String(jobId), async () => {
		const [job] = await ghList<GhJob>(ctx, '/v3/jobs', { ids: String(jobId) }, 1, itemIndex);
		if (!job)
			throw inputError(
				ctx.getNode(),
				itemIndex,
				'Job',
				`${jobId} was not found in Greenhouse`,
				'Pick the job from the list, or check the ID and that the credential may see it',
			);
		return job;
	});
}

export function applicationsOf(
	ctx: IExecuteFunctions,
	candidateId: number,
	itemIndex: number,
): Promise<GhApplication[]> {
	return ghList<GhApplication>(
		ctx,
		'/v3/applications',
		{ candidate_ids: String(candidateId) },
		undefined,
		itemIndex,
	);
}

function fits(app: GhApplication, jobId?: number): boolean {
	if (jobId) return app.job_id === jobId || (app.prospective_job_ids ?? []).includes(jobId);
	return app.prospect === true;
}

/** The application for this job (or a jobless prospect one), created only if it is not there. */
export async function ensureApplication(
	ctx: IExecuteFunctions,
	candidateId: number,
	choice: ApplicationChoice,
	itemIndex: number,
): Promise<{ id: number; created: boolean }> {
	const find = async () =>
		(await applicationsOf(ctx, candidateId, itemIndex)).find((a) => fits(a, choice.jobId));
	const existing = await find();
	if (existing) return { id: existing.id, created: false };
	const { value } = await createOnce(ctx, {
		what: `application of candidate ${candidateId}`,
		create: () =>
			writeNaming(ctx, { candidate_id: candidateId }, () =>
				ghRequest<GhApplication>(ctx, 'POST', '/v3/applications', {
					body: { candidate_id: candidateId, ...applicationBody(choice) },
					itemIndex,
				}),
			),
		find,
	});
	noteCreated(ctx, 'application', value.id);
	return { id: value.id, created: true };
}

/** Sends every previous job Greenhouse can take; the plan says which were skipped and why. */
export async function addEmployments(
	ctx: IExecuteFunctions,
	candidateId: number,
	c: Candidate,
	itemIndex: number,
): Promise<EmploymentPlan & { added: number }> {
	const plan = planEmployments(candidateId, c.previousJobs);
	const bodies = plan.bodies;
	if (!bodies.length) return { ...plan, added: 0 };
	const existing = async () =>
		ghList<IDataObject>(
			ctx,
			'/v3/candidate_employments',
			{ candidate_ids: String(candidateId) },
			undefined,
			itemIndex,
		);
	let added = 0;
	for (const body of bodies) {
		const same = (e: IDataObject) => e.company_name === body.company_name && e.title === body.title;
		await createOnce(ctx, {
			what: `employment at ${body.company_name}`,
			create: () =>
				writeNaming(ctx, { candidate_id: candidateId }, () =>
					ghRequest(ctx, 'POST', '/v3/candidate_employments', { body, itemIndex }),
				),
			find: async () => (await existing()).find(same),
		});
		added++;
	}
	return { ...plan, added };
}

export async function attachResume(
	ctx: IExecuteFunctions,
	applicationId: number,
	resume: ResumeFile,
	itemIndex: number,
): Promise<number> {
	const { value } = await createOnce(ctx, {
		what: `resume upload for application ${applicationId}`,
		create: () =>
			writeNaming(ctx, { application_id: applicationId }, () =>
				ghRequest<IDataObject>(ctx, 'POST', '/v3/attachments', {
					body: {
						application_id: applicationId,
						filename: resume.fileName,
						type: 'resume',
						// v3 takes no content_type (a v1 field): the type comes from the file itself.
						content: resume.base64,
					},
					itemIndex,
				}),
			),
		find: async () =>
			(
				await ghList<IDataObject>(
					ctx,
					'/v3/attachments',
					{ application_ids: String(applicationId) },
					undefined,
					itemIndex,
				)
			).find((a) => a.filename === resume.fileName && a.type === 'resume'),
	});
	return Number(value.id);
}

export async function addNote(
	ctx: IExecuteFunctions,
	candidateId: number,
	text: string,
	userId: number | undefined,
	visibility: string,
	itemIndex: number,
): Promise<void> {
	const body: IDataObject = {
		candidate_id: candidateId,
		body: text,
		visibility,
		note_type: 'NOTE',
	};
	if (userId) body.user_id = userId;
	await createOnce(ctx, {
		what: `note on candidate ${candidateId}`,
		create: () =>
			writeNaming(ctx, { candidate_id: candidateId }, () =>
				ghRequest(ctx, 'POST', '/v3/notes', { body, itemIndex }),
			),
		find: async () =>
			(
				await ghList<IDataObject>(
					ctx,
					'/v3/notes',
					{ candidate_ids: String(candidateId) },
					undefined,
					itemIndex,
				)
			).find((n) => n.body === text),
	});
}
