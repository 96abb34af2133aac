import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { redact } from '../errors';
import { beginDryRun, endDryRun, isMadeUpId } from '../http/dryRun';
import { identityOf } from '../router';
import { candidateOf } from '../candidate/item';

/**
 * An export item under Options › Dry Run: it runs as usual while the transport holds every write
 * back (http/dryRun.ts), and its output says what would have happened instead of what did:
 * `wouldCreate`, `wouldSkip` (the matched record and link), `wouldApply`, `wouldUpdate` (the
 * fields) or `wouldFail` (the message), with `requests`, the writes it would send.
 */
export async function exportOrDryRun(
	ctx: IExecuteFunctions,
	i: number,
	ats: string,
	run: () => Promise<IDataObject>,
): Promise<IDataObject> {
	if (!(ctx.getNodeParameter('options.dryRun', i, false) as boolean)) return await run();
	beginDryRun(ctx);
	let result: IDataObject | undefined;
	let failure: unknown;
	try {
		result = await run();
	} catch (error) {
		failure = error;
	}
	const requests = endDryRun(ctx) as unknown as IDataObject[];
	if (!result) {
		const message = redact(String((failure as Error)?.message ?? failure)).replace(
			/^\[item \d+\]\s*/,
			'',
		);
		const who = identityOf(candidateOf(ctx.getInputData()[i]?.json ?? {}));
		return { ats, status: 'dryRun', dryRun: true, wouldFail: message, ...who, requests };
	}
	return dryRunOutput(ctx, result, requests);
}

/** The export's own output with made-up IDs nulled, the decision named, and the requests. */
function dryRunOutput(
	ctx: IExecuteFunctions,
	result: IDataObject,
	requests: IDataObject[],
): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(result))
		out[key] = isMadeUpId(ctx, value) ? null : value;
	const status = String(result.status);
	const id = out.candidateId ?? out.personId ?? null;
	const record = { id, url: status === 'created' ? null : (out.profileUrl ?? null) };
	if (status === 'created') out.profileUrl = null;
	const decision: IDataObject =
		status === 'created'
			? { wouldCreate: true }
			: status === 'skipped'
				? { wouldSkip: { ...record, reason: result.reason ?? null } }
				: status === 'updated'
					? { wouldUpdate: { ...record, fields: result.updatedFields ?? [] } }
					: { wouldApply: { ...record, jobId: out.jobId ?? null } };
	return { ...out, status: 'dryRun', dryRun: true, decision: status, ...decision, requests };
}
