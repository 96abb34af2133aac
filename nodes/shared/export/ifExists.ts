import type { INode } from 'n8n-workflow';

import { inputError } from '../errors';

/**
 * "If Candidate Exists" (descriptions/candidate.ts). Each export finds the existing record in its
 * own lookup.ts and applies the choice in its export.operation.ts; what they share is here.
 */

/** Error: the item fails, naming the existing record and how it was matched. */
export function alreadyExists(
	node: INode,
	itemIndex: number,
	existing: { system: string; id: string | number; url: string; matchedBy: string },
) {
	return inputError(
		node,
		itemIndex,
		'Candidate',
		`already exists in ${existing.system} as ${existing.id} (${existing.url}), matched by ${existing.matchedBy}`,
		'Set "If Candidate Exists" to Skip, Add to Job or Fill Empty Fields to go on',
	);
}
