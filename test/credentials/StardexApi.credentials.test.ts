import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { StardexApi } from '../../credentials/StardexApi.credentials';

import { API, KEY, JOB, harness } from '../nodes/Stardex/harness';

describe('Stardex credential', () => {
	test('Bearer auth, the documented test request, and messages for 401/403', async () => {
		const cred = new StardexApi();
		expect(cred.name).toBe('stardexApi');
		await expect(
			cred.authenticate({ apiKey: KEY } as never, { url: '/v1/jobs/search' } as never),
		).resolves.toMatchObject({
			baseURL: 'https://api.stardex.ai',
			headers: { Authorization: `Bearer ${KEY}` },
			disableFollowRedirect: true,
		});
		expect(cred.test.request).toMatchObject({
			baseURL: '={{$credentials.apiBaseUrl || "https://api.stardex.ai"}}',
			url: '/v1/jobs/search',
			method: 'POST',
			body: { limit: 1 },
		});
		expect(cred.test.rules?.map((r) => (r.properties as IDataObject).value)).toEqual([401, 403]);
		const key = cred.properties.find((p) => p.name === 'apiKey');
		expect(key?.typeOptions?.password).toBe(true);
		expect(cred.properties.find((p) => p.name === 'apiBaseUrl')?.default).toBe(
			'https://api.stardex.ai',
		);
		expect(cred.properties.find((p) => p.name === 'appUrl')?.default).toBe(
			'https://app.stardex.ai',
		);
	});

	test('a 401 envelope becomes a clear message without the key', async () => {
		// n8n-core resends once after a 401, hence times(2).
		nock(API)
			.get(`/v1/jobs/${JOB}`)
			.times(2)
			.reply(401, {
				success: false,
				error: { code: 'INVALID_API_KEY', message: 'The provided API key is invalid or expired' },
			});
		const run = await harness({
			resource: 'job',
			operation: 'get',
			job: { __rl: true, mode: 'id', value: JOB },
		}).run('Stardex', [{}]);
		const message = run.data.resultData.error?.message ?? '';
		expect(message).toContain(
			`Stardex answered GET /v1/jobs/${JOB} with HTTP 401: INVALID_API_KEY: The provided API key is invalid or expired`,
		);
		expect(message).toContain('check it in the Stardex API credential');
		expect(message).not.toContain(KEY);
	});
});
