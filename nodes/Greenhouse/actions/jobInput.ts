import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/errors';

/** Reads the optional job locator. Empty → undefined (prospect path). */
export function readJobId(ctx: IExecuteFunctions, itemIndex: number, name = 'job'): number | undefined {
	const value = String(ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!value) return undefined;
	if (!/^\d+$/.test(value)) {
		throw inputError(ctx.getNode(), itemIndex, 'Job', `"${value}" is not a Greenhouse job ID`, 'Pick the job from the list, or give its numeric ID or its URL');
	}
	return Number(value);
}
