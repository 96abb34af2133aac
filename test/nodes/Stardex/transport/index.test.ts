import { unwrapEnvelope } from '../../../../nodes/Stardex/transport';

describe('transport envelope', () => {
	test.each([
		[
			{ success: true, data: [1], meta: { total: 1 } },
			{ ok: true, data: [1], meta: { total: 1 } },
		],
		[
			{ success: true, data: { id: 'x' } },
			{ ok: true, data: { id: 'x' }, meta: undefined },
		],
		[{ success: false, error: { code: 'NOT_FOUND', message: 'x' } }, { ok: false }],
		[{ error: 'legacy v0 error', data: null }, { ok: false }],
		[
			{ error: null, data: { id: 'v0' } },
			{ ok: true, data: { id: 'v0' }, meta: undefined },
		],
		[{ id: 'bare' }, { ok: true, data: { id: 'bare' } }],
		['', { ok: true, data: '' }],
	])('%j', (body, expected) => {
		expect(unwrapEnvelope(body)).toEqual(expected);
	});
});
