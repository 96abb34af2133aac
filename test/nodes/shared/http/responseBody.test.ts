import { AmbiguousWriteError } from '../../../../nodes/shared/http/failures';
import { type ApiDefinition, apiRequest } from '../../../../nodes/shared/http/request';
import {
	listOfRecords,
	readJsonBody,
	recordWithId,
} from '../../../../nodes/shared/http/responseBody';
import { setRetryPolicy } from '../../../../nodes/shared/http/retryPolicy';
import { fakeContext } from './fakeContext';

const api: ApiDefinition = {
	system: 'Example',
	credentialType: 'exampleApi',
	baseUrl: (c) => String(c.apiBaseUrl),
};
const HTML = '<!DOCTYPE html><html><body>We will be right back</body></html>';

describe('readJsonBody', () => {
	test('JSON text is parsed; HTML, cut-off JSON and other text are problems named in words', () => {
		expect(readJsonBody('{"id":1}', 200)).toEqual({ ok: true, body: { id: 1 } });
		expect(readJsonBody({ id: 1 }, 200)).toEqual({ ok: true, body: { id: 1 } });
		expect(readJsonBody(HTML, 200)).toEqual({
			ok: false,
			problem: expect.stringMatching(/HTML page, not JSON/),
		});
		expect(readJsonBody('{"candidate":{"id":1', 201)).toEqual({
			ok: false,
			problem: 'the JSON answer was cut off',
		});
		expect(readJsonBody('OK', 200)).toEqual({ ok: false, problem: 'the answer was not JSON' });
		expect(readJsonBody(Buffer.from('[1]'), 200)).toEqual({ ok: true, body: [1] });
	});

	test('an empty answer is fine unless a shape is expected', () => {
		expect(readJsonBody('', 200)).toEqual({ ok: true, body: undefined });
		expect(readJsonBody('', 200, recordWithId())).toEqual({
			ok: false,
			problem: 'the answer was empty',
		});
		expect(readJsonBody(undefined, 204, recordWithId()).ok).toBe(false);
	});

	test('recordWithId and listOfRecords refuse wrong shapes and missing or "undefined" ids', () => {
		expect(recordWithId('candidate')({ candidate: { id: 5 } })).toBeUndefined();
		expect(recordWithId('candidate')({ id: 5 })).toMatch(/no candidate\.id/);
		expect(recordWithId('data')({ data: { id: 'undefined' } })).toMatch(/no data\.id/);
		expect(recordWithId()({ id: '' })).toMatch(/no id/);
		expect(listOfRecords()([{ id: 1 }, { id: 'a' }])).toBeUndefined();
		expect(listOfRecords()({})).toMatch(/not a list/);
		expect(listOfRecords('data')({ data: [{ id: 1 }, {}] })).toBe('record 1 of the list has no id');
		expect(listOfRecords('data')({ items: [] })).toMatch(/not a list under "data"/);
	});
});

describe('apiRequest with a 2xx that is not the promised JSON', () => {
	test('a read is retried like a 5xx, then succeeds; it never reads the HTML as data', async () => {
		const { ctx, calls } = fakeContext([
			{ status: 200, body: HTML },
			{ status: 200, body: '[{"id":1' },
			{ status: 200, body: [{ id: 1 }] },
		]);
		const res = await apiRequest(ctx, api, {
			method: 'GET',
			path: '/things',
			expect: listOfRecords(),
		});
		expect(res.body).toEqual([{ id: 1 }]);
		expect(calls).toHaveLength(3);
	});

	test('a read that keeps answering HTML fails with the status, the path and the problem', async () => {
		const { ctx, calls } = fakeContext([
			{ status: 200, body: HTML },
			{ status: 200, body: HTML },
		]);
		setRetryPolicy(ctx, { maxRetries: 1 });
		await expect(apiRequest(ctx, api, { method: 'GET', path: '/things' })).rejects.toThrow(
			/Example answered GET \/things with HTTP 200: the answer was an HTML page, not JSON.*nothing was read from it/,
		);
		expect(calls).toHaveLength(2);
	});

	test('a wrong shape on a read is refused the same way (a list that is not a list)', async () => {
		const { ctx } = fakeContext([{ status: 200, body: { message: 'ok' } }]);
		setRetryPolicy(ctx, { maxRetries: 0 });
		await expect(
			apiRequest(ctx, api, { method: 'GET', path: '/things', expect: listOfRecords() }),
		).rejects.toThrow(/HTTP 200: the answer is not a list/);
	});

	test('a write answered with HTML, cut-off JSON or a record without id is ambiguous, and not resent', async () => {
		for (const body of [HTML, '{"data":{"id":"ab', { data: { name: 'x' } }]) {
			const { ctx, calls } = fakeContext([
				{ status: 201, body },
				{ status: 201, body },
			]);
			const sent = apiRequest(ctx, api, {
				method: 'POST',
				path: '/things',
				body: {},
				expect: recordWithId('data'),
			});
			await expect(sent).rejects.toBeInstanceOf(AmbiguousWriteError);
			await expect(sent).rejects.toThrow(/did not confirm POST \/things \(HTTP 201, but /);
			expect(calls).toHaveLength(1);
		}
	});
});
