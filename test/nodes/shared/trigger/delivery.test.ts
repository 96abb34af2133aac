import { DELIVERY_LIMITS, parseBody } from '../../../../nodes/shared/trigger/delivery';

/** What one delivery may hold: past the limits, a clear 413 naming what was too large. */

const raw = (text: string) => ({ rawBody: Buffer.from(text), headers: {} });

describe('parseBody limits', () => {
	test('a body over the byte limit is 413, before it is parsed', () => {
		const big = `{"a":"${'x'.repeat(DELIVERY_LIMITS.bodyBytes)}"}`;
		expect(parseBody(raw(big))).toEqual({
			ok: false,
			status: 413,
			reason: `the body is ${big.length} bytes; at most ${DELIVERY_LIMITS.bodyBytes} are accepted`,
		});
	});

	test('one string over the field limit is 413 and named by its path', () => {
		const long = 'y'.repeat(DELIVERY_LIMITS.fieldChars + 1);
		expect(parseBody(raw(JSON.stringify({ reply: { text: long } })))).toEqual({
			ok: false,
			status: 413,
			reason: `the field "reply.text" is ${long.length} characters; at most ${DELIVERY_LIMITS.fieldChars} are accepted`,
		});
		expect(
			parseBody(raw(JSON.stringify([{ a: 1 }, { list: ['ok', long] }])), { allowArray: true }),
		).toMatchObject({ ok: false, status: 413, reason: expect.stringContaining('"1.list.1"') });
	});

	test('at the limits, and for ordinary mistakes, the answers are as before (400)', () => {
		const atLimit = JSON.stringify({ t: 'z'.repeat(DELIVERY_LIMITS.fieldChars) });
		expect(parseBody(raw(atLimit))).toMatchObject({ ok: true });
		expect(parseBody(raw('not json'))).toEqual({
			ok: false,
			status: 400,
			reason: 'the body is not valid JSON',
		});
		expect(parseBody(raw('  '))).toMatchObject({ ok: false, status: 400 });
		expect(parseBody(raw('[1]'))).toMatchObject({ ok: false, status: 400 });
	});
});
