import type { IExecuteFunctions } from 'n8n-workflow';

import { readJobLocator } from '../../shared/parameters';
import { GREENHOUSE_JOB } from './common.descriptions';

/** Reads the optional job locator. Empty → undefined (prospect path). */
export function readJobId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name = 'job',
): number | undefined {
	const value = readJobLocator(ctx, itemIndex, GREENHOUSE_JOB, name);
	return value === undefined ? undefined : Number(value);
}
