import type { INode } from 'n8n-workflow';

import { apiError } from '../../../../nodes/shared/errors';
import { noteCreated, writeNaming } from '../../../../nodes/shared/http/readAfterWrite';
import { setRetryPolicy } from '../../../../nodes/shared/http/retryPolicy';

const NODE = { name: 'T', type: 't', typeVersion: 1, position: [0, 0], parameters: {} } as INode;

function refusal(status: number, body: unknown) {
	return apiError(NODE, { system: 'Greenhouse', method: 'POST', path: '/v3/notes', status, body });
}

const notYet = refusal(422, {
	message: 'Unprocessable Content',
	errors: [{ candidate_id: 'Candidate 1001 does not exist' }],
});

function context(waitMs = 5_000) {
	const ctx = { getNode: () => NODE };
	setRetryPolicy(ctx, { baseDelayMs: 10, maxDelayMs: 40, readAfterWriteMaxWaitMs: waitMs });
	return ctx as never;
}

/** A write refused `refusals` times with `error`, then answered. */
function write(refusals: number, error: unknown = notYet) {
	let calls = 0;
	const fn = async () => {
		calls++;
		if (calls <= refusals) throw error;
		return 'ok';
	};
	return { fn, calls: () => calls };
}

describe('writeNaming', () => {
	test('a write naming a record this run just created is sent again until it is known', async () => {
		const ctx = context();
		noteCreated(ctx, 'candidate', 1001);
		const w = write(3);
		await expect(writeNaming(ctx, { candidate_id: 1001 }, w.fn)).resolves.toBe('ok');
		expect(w.calls()).toBe(4);
	});

	test('a 404 counts as not known yet', async () => {
		const ctx = context();
		noteCreated(ctx, 'application', 7);
		const w = write(1, refusal(404, { message: 'Resource not found' }));
		await expect(writeNaming(ctx, { application_id: 7 }, w.fn)).resolves.toBe('ok');
		expect(w.calls()).toBe(2);
	});

	test('records this run did not create, and other refusals, are not retried', async () => {
		const ctx = context();
		const old = write(1);
		await expect(writeNaming(ctx, { candidate_id: 1001 }, old.fn)).rejects.toThrow('1001');
		expect(old.calls()).toBe(1);
		noteCreated(ctx, 'candidate', 1001);
		const invalid = write(1, refusal(422, { errors: [{ user_id: 'User 5 does not exist' }] }));
		await expect(writeNaming(ctx, { candidate_id: 1001 }, invalid.fn)).rejects.toThrow('user_id');
		expect(invalid.calls()).toBe(1);
		const tooLong = write(1, refusal(422, { errors: [{ body: 'is too long' }] }));
		await expect(writeNaming(ctx, { candidate_id: 1001 }, tooLong.fn)).rejects.toThrow('too long');
		expect(tooLong.calls()).toBe(1);
	});

	test('bounded: gives up after the wait budget, and never tries more than 12 times', async () => {
		const short = context(100);
		noteCreated(short, 'candidate', 1001);
		const w1 = write(1000);
		await expect(writeNaming(short, { candidate_id: 1001 }, w1.fn)).rejects.toThrow(
			'does not exist',
		);
		expect(w1.calls()).toBeLessThan(12);
		const long = context(600_000);
		noteCreated(long, 'candidate', 1001);
		const w2 = write(1000);
		await expect(writeNaming(long, { candidate_id: 1001 }, w2.fn)).rejects.toThrow(
			'does not exist',
		);
		expect(w2.calls()).toBe(12);
	});
});
