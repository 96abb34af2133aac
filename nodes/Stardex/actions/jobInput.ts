import type { IExecuteFunctions } from 'n8n-workflow';

import { httpStatusOf, inputError, settle } from '../../shared/errors';
import { emptyJob, readJobLocator } from '../../shared/parameters';
import { oncePerRun } from '../../shared/runState';
import type { Context } from '../../shared/http/request';
import { sdxRequest } from '../transport';
import type { SdxJob } from '../types';
import { STARDEX_JOB } from './common.descriptions';

/** Reads the optional job locator. Empty → undefined. */
export function readJobId(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	return readJobLocator(ctx, itemIndex, STARDEX_JOB);
}

/** Reads the job locator of an operation that needs a job. */
export function requireJobId(ctx: IExecuteFunctions, itemIndex: number): string {
	const id = readJobId(ctx, itemIndex);
	if (!id) throw emptyJob(ctx, itemIndex);
	return id;
}

/** GET /v1/jobs/{id}, once per job per run; an unknown job fails with a clear message before any write. */
export async function getJob(ctx: Context, jobId: string, itemIndex?: number): Promise<SdxJob> {
	const outcome = await settle(
		oncePerRun(
			ctx,
			'stardex:jobs',
			jobId,
			async () =>
				(
					await sdxRequest<SdxJob>(ctx, 'GET', `/v1/jobs/${encodeURIComponent(jobId)}`, {
						itemIndex,
					})
				).data,
		),
	);
	if (outcome.ok) return outcome.value;
	if (httpStatusOf(outcome.error) === 404) {
		throw inputError(
			ctx.getNode(),
			itemIndex ?? 0,
			'Job',
			`${jobId} was not found in Stardex`,
			'Pick the job from the list, or check the ID and that the API key may see it',
		);
	}
	throw outcome.error;
}
