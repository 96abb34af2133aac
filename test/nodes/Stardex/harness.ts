import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { node, WorkflowHarness } from '../../harness/runWorkflow';

/** The Stardex node in n8n-core (nock on a fake Stardex host), and a bare context for its pickers. */

export const API = 'https://api.stardex.ai';

export const KEY = 'ats-secret-key-123';

export const CREDS = { apiKey: KEY, apiBaseUrl: API, appUrl: 'https://app.stardex.ai' };

export const JOB = '123e4567-e89b-12d3-a456-426614174000';

export const PERSON = '234e5678-e90a-12b3-c456-789012345678';

export const CAND = '345e6789-e01b-23c4-d567-890123456789';

export const bearer = { reqheaders: { authorization: `Bearer ${KEY}` } };

export const ok = (data: unknown, meta?: IDataObject) => ({
	success: true,
	data,
	...(meta ? { meta } : {}),
});

export const JOB_BODY = {
	id: JOB,
	name: 'VP Finance',
	client_company_name: 'Acme',
	pipeline_stages: [
		{ id: 'st-2', name: 'Interview', order: 2 },
		{ id: 'st-1', name: 'Sourced', order: 1 },
	],
};

export function harness(params: IDataObject) {
	const n = node('Stardex', 'stardex', params, { stardexApi: 'Stardex' });
	return new WorkflowHarness(
		{ nodes: [n], connections: {} },
		{ stardexApi: { ...CREDS } as never },
	);
}

export function loadOptionsContext(
	responses: Array<{ statusCode: number; headers?: IDataObject; body: unknown }>,
	calls: IDataObject[],
	params: IDataObject = {},
) {
	return {
		getNode: () => ({
			name: 'Stardex',
			type: 'n8n-nodes-ats-sync.stardex',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
		getCredentials: async () => CREDS,
		getCurrentNodeParameter: (name: string) => params[name],
		helpers: {
			httpRequestWithAuthentication: async (_t: string, o: IDataObject) => (
				calls.push(o),
				{ headers: {}, ...responses.shift() }
			),
		},
	} as unknown as ILoadOptionsFunctions;
}
