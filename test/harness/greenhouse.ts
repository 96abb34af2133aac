import type { IDataObject, INode } from 'n8n-workflow';

import { node, WorkflowHarness } from './runWorkflow';

/**
 * The Greenhouse export node as the tests and the bench run it: job 4012000, skip a candidate
 * already there, a failed item goes on as output; `extra` adds or overrides parameters.
 */
export function greenhouseExportNode(
	extra: IDataObject = {},
	opts: Partial<INode> = { onError: 'continueRegularOutput' },
	credentialName = 'Greenhouse',
): INode {
	return node(
		'Greenhouse',
		'greenhouse',
		{
			resource: 'candidate',
			operation: 'export',
			candidateInput: 'input',
			job: { __rl: true, mode: 'id', value: '4012000' },
			ifExists: 'skip',
			...extra,
		},
		{ greenhouseHarvestApi: credentialName },
		opts,
	);
}

/** A workflow with only that export node, signed in with `credentials` (a sandbox's, usually). */
export function greenhouseExportWorkflow(
	credentials: IDataObject,
	params: IDataObject = {},
): WorkflowHarness {
	return new WorkflowHarness(
		{
			nodes: [greenhouseExportNode(params, undefined, 'Greenhouse sandbox')],
			connections: {},
		},
		{ greenhouseHarvestApi: { accessToken: '', ...credentials } as never },
	);
}
