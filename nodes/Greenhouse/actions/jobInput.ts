import type { IExecuteFunctions } from 'n8n-workflow';

import { emptyJob, readJobLocator } from '../../shared/parameters';
import { GREENHOUSE_JOB } from './common.descriptions';

/** Reads the optional job locator. Empty → undefined (prospect path). */
export function readJobId(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	const value = readJobLocator(ctx, itemIndex, GREENHOUSE_JOB);
	return value === undefined ? undefined : Number(value);
}

/** Reads the job locator of an operation that needs a job. */
export function requireJobId(ctx: IExecuteFunctions, itemIndex: number): number {
	const id = readJobId(ctx, itemIndex);
	if (!id) throw emptyJob(ctx, itemIndex);
	return id;
}
