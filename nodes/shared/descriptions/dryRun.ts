import type { INodeProperties } from 'n8n-workflow';

/** The Dry Run option of the exports (read by nodes/shared/export/dryRun.ts). */
export const dryRunOption: INodeProperties = {
	displayName: 'Dry Run',
	name: 'dryRun',
	type: 'boolean',
	default: false,
	description:
		'Whether to only say what would happen: every lookup and check runs against the ATS (reads only), nothing is written, and each item lists the requests it would send',
};
