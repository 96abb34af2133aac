import type { IDataObject } from 'n8n-workflow';

import { node, WorkflowHarness } from './runWorkflow';

/**
 * A workflow with only the Greenhouse export node (job 4012000, skip a candidate already there,
 * a failed item goes on as output), signed in with `credentials` (a sandbox's, usually);
 * `params` adds or overrides node parameters.
 */
export function greenhouseExportWorkflow(
	credentials: IDataObject,
	params: IDataObject = {},
): WorkflowHarness {
	const exportNode = node(
		'Greenhouse',
		'greenhouse',
		{
			resource: 'candidate',
			operation: 'export',
			candidateInput: 'input',
			job: { __rl: true, mode: 'id', value: '4012000' },
			ifExists: 'skip',
			...params,
		},
		{ greenhouseHarvestApi: 'Greenhouse sandbox' },
		{ onError: 'continueRegularOutput' },
	);
	return new WorkflowHarness(
		{ nodes: [exportNode], connections: {} },
		{ greenhouseHarvestApi: { accessToken: '', ...credentials } as never },
	);
}
