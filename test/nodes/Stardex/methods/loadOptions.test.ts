import type { IDataObject } from 'n8n-workflow';

import { getJobStages } from '../../../../nodes/Stardex/methods/loadOptions';
import { API, JOB, ok, JOB_BODY, loadOptionsContext } from '../harness';

describe('pickers', () => {
	test('stage options come from the chosen job, in pipeline order, valued by stage ID', async () => {
		const calls: IDataObject[] = [];
		const ctx = loadOptionsContext([{ statusCode: 200, body: ok(JOB_BODY) }], calls, { job: JOB });
		expect(await getJobStages.call(ctx)).toEqual([
			{ name: 'Sourced', value: 'st-1', description: 'Stage ID st-1' },
			{ name: 'Interview', value: 'st-2', description: 'Stage ID st-2' },
		]);
		expect(calls[0]).toMatchObject({ method: 'GET', url: `${API}/v1/jobs/${JOB}` });
		expect(await getJobStages.call(loadOptionsContext([], [], { job: '' }))).toEqual([]);
	});
});
