import type { IExecuteFunctions } from 'n8n-workflow';

import { DEFAULT_PARALLEL_CANDIDATES, MAX_PARALLEL_CANDIDATES } from './descriptions/candidate';
import type { JobLocatorSpec } from './descriptions/jobLocator';
import { inputError } from './errors';
import type { RetryPolicy } from './http/retryPolicy';

/** Readers for the parameters the shared descriptions (descriptions/) put on a node. */

/** Return All / Limit (descriptions/paging.ts); undefined = return all. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	return (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean)
		? undefined
		: (ctx.getNodeParameter('limit', itemIndex, 50) as number);
}

/** Request Options (descriptions/requestOptions.ts), in the transport's units. */
export function readRequestOptions(ctx: IExecuteFunctions): Partial<RetryPolicy> {
	const o = ctx.getNodeParameter('requestOptions', 0, {}) as {
		maxRetries?: number;
		maxRateLimitRetries?: number;
		maxRateLimitWaitSeconds?: number;
		timeoutSeconds?: number;
		confirmWindowSeconds?: number;
		newRecordWaitSeconds?: number;
	};
	return {
		maxRetries: o.maxRetries,
		maxRateLimitRetries: o.maxRateLimitRetries,
		maxRateLimitWaitMs:
			o.maxRateLimitWaitSeconds === undefined ? undefined : o.maxRateLimitWaitSeconds * 1000,
		timeoutMs: o.timeoutSeconds === undefined ? undefined : o.timeoutSeconds * 1000,
		confirmWindowMs:
			o.confirmWindowSeconds === undefined ? undefined : o.confirmWindowSeconds * 1000,
		readAfterWriteMaxWaitMs:
			o.newRecordWaitSeconds === undefined ? undefined : o.newRecordWaitSeconds * 1000,
	};
}

/**
 * Options › Parallel Candidates of an export (descriptions/candidate.ts), read once per run; the
 * router works on that many items at a time. A value outside 1 to 4 is clamped, not refused.
 */
export function readParallelCandidates(ctx: IExecuteFunctions): number {
	// A dry run records the writes of the one item running (http/dryRun.ts): items of a run that
	// has any dry-run item go one at a time, so no item's writes can slip out under another's.
	if (anyDryRun(ctx)) return 1;
	const options = ctx.getNodeParameter('options', 0, {}) as { parallelCandidates?: unknown };
	const n = Math.floor(Number(options.parallelCandidates ?? DEFAULT_PARALLEL_CANDIDATES));
	if (!Number.isFinite(n)) return DEFAULT_PARALLEL_CANDIDATES;
	return Math.min(MAX_PARALLEL_CANDIDATES, Math.max(1, n));
}

/**
 * Whether any item of the run has Dry Run on. A literal value is the same for every item, so only an
 * expression is read item by item (n8n resolves a parameter per call: 10,000 calls for 10,000 items).
 */
function anyDryRun(ctx: IExecuteFunctions): boolean {
	const raw = (ctx.getNode().parameters.options as { dryRun?: unknown } | undefined)?.dryRun;
	if (typeof raw !== 'string') return raw === true;
	const items = ctx.getInputData().length;
	for (let i = 0; i < items; i++)
		if (ctx.getNodeParameter('options.dryRun', i, false) === true) return true;
	return false;
}

/** The job id of one item (descriptions/jobLocator.ts), or undefined when the optional picker is empty. */
export function readJobLocator(
	ctx: IExecuteFunctions,
	itemIndex: number,
	spec: JobLocatorSpec,
): string | undefined {
	const value = String(
		ctx.getNodeParameter('job', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (!value) return undefined;
	if (!spec.idPattern.test(value)) {
		throw inputError(
			ctx.getNode(),
			itemIndex,
			'Job',
			`"${value}" is not a ${spec.system} job ID`,
			`Pick the job from the list, or give ${spec.idHint}`,
		);
	}
	return value;
}

/** For operations whose job picker is required: the error for an empty one. */
export function emptyJob(ctx: IExecuteFunctions, itemIndex: number) {
	return inputError(
		ctx.getNode(),
		itemIndex,
		'Job',
		'is empty',
		'Pick a job from the list or give its ID',
	);
}
