import type { INodeProperties } from 'n8n-workflow';

/** The export option that trusts the Outreach Tool node's marker on the lead (docs/nodes/outreach.md). */
export const skipLookupWhenMarkedOption: INodeProperties = {
	displayName: 'Skip Lookup When Lead Is Marked',
	name: 'skipLookupWhenMarked',
	type: 'boolean',
	default: false,
	description:
		"Whether to skip the lookup, and any write, when If Candidate Exists is Skip and the lead already carries this ATS's record as written by Mark as Synced (custom variables atsCandidateId and atsProfileUrl, read from the candidate's extra or extra.variables). Saves the lookup requests on re-runs.",
};
