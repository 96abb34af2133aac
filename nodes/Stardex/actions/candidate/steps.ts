import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { createOnce } from '../../../shared/http/createOnce';
import { isDryRun } from '../../../shared/http/dryRun';
import { candidateIdOf, candidateOnJob } from '../../mapping';
import { sdxRequest } from '../../transport';
import { getPerson } from './lookup';

/**
 * Adds an existing person to a job with PATCH /v1/persons/{id} {job_id}: the only documented way
 * (the docs' description of job_id is cut off, so its effect is confirmed here by reading the person
 * back). The PATCH may add a record each time it is sent, so an ambiguous failure is resolved by
 * reading the person, never by sending it again blindly. Returns the person-on-job id, when listed.
 */
export async function addToJob(
	ctx: IExecuteFunctions,
	personId: string,
	jobId: string,
	itemIndex: number,
): Promise<string | undefined> {
	const onJob = async () => {
		const person = await getPerson(ctx, personId, itemIndex);
		return { listed: Array.isArray(person.candidates), record: candidateOnJob(person, jobId) };
	};
	await createOnce(ctx, {
		what: `job record of person ${personId} on job ${jobId}`,
		create: async () => {
			await sdxRequest(ctx, 'PATCH', `/v1/persons/${encodeURIComponent(personId)}`, {
				body: { job_id: jobId },
				itemIndex,
			});
			return true;
		},
		find: async () => ((await onJob()).record ? true : undefined),
	});
	// A dry run did not send the PATCH, so reading the person back would prove nothing.
	if (isDryRun(ctx)) return undefined;
	const after = await onJob();
	// A Stardex that does not list candidates[] on a person cannot be checked; the PATCH was accepted.
	if (!after.listed) return undefined;
	if (!after.record) {
		throw inputError(
			ctx.getNode(),
			itemIndex,
			'Job',
			`${jobId}: Stardex accepted adding person ${personId} to it (PATCH /v1/persons/{id} with job_id) but does not list them on the job afterwards`,
			'Add the person to the job in Stardex by hand, or set "If Candidate Exists" to Skip. Adding an existing person to a job is not confirmed by the Stardex API docs',
		);
	}
	return candidateIdOf(after.record);
}
