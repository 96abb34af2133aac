import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { settle } from '../../../shared/errors';
import { writeNaming } from '../../../shared/http/readAfterWrite';
import { ghRequest } from '../../transport';

/**
 * "Merge Duplicates Created at the Same Moment" (off by default). In queue mode another worker may
 * create the same person while we do; the check right after our create reports it as duplicateOf.
 * With the option on, our record is merged into the oldest of them (Greenhouse ids grow, so the
 * lowest id), after every follow-up write, so the application, resume, employments and note move
 * with it. Only the newer record is ever merged away, so two workers never merge into each other.
 * POST /v3/candidates/{id}/merge keeps {id} and merges duplicate_candidate_id into it: the v3 path
 * is published (https://harvestdocs.greenhouse.io/reference), its body is inferred from Harvest v1's
 * primary/duplicate merge (https://developers.greenhouse.io/harvest.html#put-merge-candidates).
 */
export async function mergeIntoOlder(
	ctx: IExecuteFunctions,
	ownId: number,
	duplicateOf: number[],
	itemIndex: number,
): Promise<IDataObject> {
	const older = duplicateOf.filter((id) => id < ownId);
	if (!older.length)
		return {
			merged: false,
			mergeNote: `Candidate ${ownId} is the older record, so it is kept; an export that created one of the others merges it into this one when its option is on`,
		};
	const keep = Math.min(...older);
	const done = await settle(
		writeNaming(ctx, { candidate_id: ownId }, () =>
			ghRequest(ctx, 'POST', `/v3/candidates/${keep}/merge`, {
				body: { duplicate_candidate_id: ownId },
				itemIndex,
			}),
		),
	);
	if (!done.ok)
		return {
			merged: false,
			mergeError: `Merging candidate ${ownId} into ${keep} failed, both records are still there: ${String((done.error as Error)?.message ?? done.error)}`,
		};
	return { merged: true, candidateId: keep, mergedCandidateId: ownId };
}
