import nock from 'nock';

import { API, harness, expectToken } from '../harness';

describe('Greenhouse credential pre-authentication', () => {
	test('a 403 names the missing scope', async () => {
		expectToken();
		nock(API).get('/v3/jobs').query(true).reply(403, { message: 'Forbidden' });
		const run = await harness({ resource: 'job', operation: 'getAll', status: 'open' }).run(
			'Greenhouse',
			[{}],
		);
		expect(run.data.resultData.error?.message).toContain('needs the scope harvest:jobs:list');
	});
});
