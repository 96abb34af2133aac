import { headerTimeMs } from '../../../../nodes/shared/http/headerTime';
import { RateLimitPacer, retryAfterMs } from '../../../../nodes/shared/http/rateLimit';

const now = 1_796_233_330_000; // 2026-12-02, a moment in the range real headers carry

describe('Retry-After and X-RateLimit-Reset: every form names the same moment', () => {
	const tenSecondsLater = now + 10_000;
	test.each([
		['delay in seconds (RFC 9110)', '10'],
		['HTTP date (RFC 9110 IMF-fixdate)', new Date(tenSecondsLater).toUTCString()],
		['Unix timestamp in seconds (Greenhouse guide)', String(tenSecondsLater / 1000)],
		['Unix timestamp in milliseconds', String(tenSecondsLater)],
		['ISO 8601 date', new Date(tenSecondsLater).toISOString()],
	])('Retry-After as %s', (_form, value) => {
		expect(retryAfterMs({ 'retry-after': value }, now)).toBe(10_000);
		expect(headerTimeMs(value, now)).toBe(tenSecondsLater);
	});

	test('a Unix timestamp is never read as a delay of decades', () => {
		// 1,796,233,340 read as seconds would be a wait of 57 years.
		expect(retryAfterMs({ 'retry-after': '1796233340' }, now)).toBe(10_000);
	});

	test('X-RateLimit-Reset in any form when there is no Retry-After', () => {
		expect(retryAfterMs({ 'x-ratelimit-reset': String(now / 1000 + 7) }, now)).toBe(7000);
		expect(retryAfterMs({ 'x-ratelimit-reset': '30' }, now)).toBe(30_000);
		expect(retryAfterMs({ 'x-ratelimit-reset': new Date(now + 4000).toUTCString() }, now)).toBe(
			4000,
		);
	});

	test('Retry-After wins over X-RateLimit-Reset; a moment already past is no wait', () => {
		expect(
			retryAfterMs({ 'retry-after': '2', 'x-ratelimit-reset': String(now / 1000 + 9) }, now),
		).toBe(2000);
		expect(retryAfterMs({ 'retry-after': String(now / 1000 - 5) }, now)).toBe(0);
	});

	test('nothing usable is no answer (the caller backs off instead)', () => {
		expect(retryAfterMs({}, now)).toBeUndefined();
		expect(retryAfterMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
		expect(retryAfterMs({ 'retry-after': '-3' }, now)).toBeUndefined();
		expect(retryAfterMs({ 'retry-after': ' ' }, now)).toBeUndefined();
	});

	test('the two older HTTP date forms RFC 9110 still asks recipients to read', () => {
		// RFC 850 and asctime for Sun, 06 Nov 2026 08:49:37 GMT; asctime carries no zone and is GMT.
		const at = Date.UTC(2026, 10, 6, 8, 49, 37);
		expect(headerTimeMs('Friday, 06-Nov-26 08:49:37 GMT', now)).toBe(at);
		expect(headerTimeMs('Fri Nov  6 08:49:37 2026', now)).toBe(at);
	});

	test("lemlist's documented X-RateLimit-Reset: JavaScript's Date text with the zone name", () => {
		// https://developer.lemlist.com: "Tue Feb 16 2021 09:02:42 GMT+0100 (Central European Standard Time)"
		const documented = 'Tue Feb 16 2021 09:02:42 GMT+0100 (Central European Standard Time)';
		expect(headerTimeMs(documented, now)).toBe(Date.UTC(2021, 1, 16, 8, 2, 42));
		const inTenSeconds = new Date(tenSecondsLater).toString();
		expect(retryAfterMs({ 'x-ratelimit-reset': inTenSeconds }, now)).toBe(10_000);
	});

	test('a date-time without a zone is GMT, whatever the time zone n8n runs in', () => {
		const at = Date.UTC(2026, 11, 2, 9, 2, 42);
		expect(headerTimeMs('2026-12-02T09:02:42', now)).toBe(at);
		expect(headerTimeMs('2026-12-02 09:02:42', now)).toBe(at);
		expect(headerTimeMs('2026-12-02T09:02:42+01:00', now)).toBe(at - 3_600_000);
	});

	test.each([
		['IMF-fixdate with a US zone name', 'Fri, 04 Dec 2026 02:00:30 PST'],
		['EST', 'Fri, 04 Dec 2026 05:00:30 EST'],
		["Go's time.Time text (offset and zone name)", '2026-12-04 02:00:30 -0800 PST'],
		["Go's text with a zone name V8 does not know", '2026-12-04 11:00:30 +0100 CET'],
		["Java's ZonedDateTime text", '2026-12-04T10:00:30Z[UTC]'],
		['UTC spelled out', 'Fri, 04 Dec 2026 10:00:30 UTC'],
		['an offset of +0000', 'Fri, 04 Dec 2026 10:00:30 +0000'],
		['lower-case gmt', 'Fri, 04 Dec 2026 10:00:30 gmt'],
		['a one-digit day', 'Fri, 4 Dec 2026 10:00:30 GMT'],
		['nine fractional digits', '2026-12-04T10:00:30.000000000Z'],
	])('%s names the right moment in any time zone n8n runs in', (_form, value) => {
		expect(headerTimeMs(value, now)).toBe(Date.UTC(2026, 11, 4, 10, 0, 30));
	});

	test('a header sent twice and joined is read when both say the same', () => {
		expect(retryAfterMs({ 'retry-after': '5, 5' }, now)).toBe(5000);
		const date = new Date(tenSecondsLater).toUTCString();
		expect(retryAfterMs({ 'retry-after': `${date}, ${date}` }, now)).toBe(10_000);
		for (const one of [
			'2026-12-02T10:00:30Z',
			'Wed, 02 Dec 2026 10:00:30 UTC',
			new Date(tenSecondsLater).toString(),
		])
			expect(headerTimeMs(`${one},${one}`, now)).toBe(headerTimeMs(one, now));
		// Two different answers: neither is trusted, the caller backs off.
		expect(retryAfterMs({ 'retry-after': '5, 50' }, now)).toBeUndefined();
	});

	test.each([
		['a month and a day, which V8 reads as a date in 2001', 'May 5'],
		['words with a number, also a date in 2001 to V8', 'in 5'],
		['words with a number', 'abc 1'],
		['two numbers', '1 2'],
		['a date without a time', '2026-12-04'],
		['a date-like text far too long', `Sun, 06 Nov 1994 08:49:37 GMT${' '.repeat(300)}x`],
		['a number too large to be a moment', '1e400'],
		['a time and a year but no calendar date', 'rate limited until 10:00 2026'],
		['a word, a dash and a time', 'next-10 10:00 UTC'],
		['a month glued to a time', 'Jan 1:00 2026'],
		['a time and a far year', '12:34 56789'],
	])('loose text is no answer, not a moment long past (%s)', (_what, value) => {
		expect(headerTimeMs(value, now)).toBeUndefined();
		expect(retryAfterMs({ 'retry-after': value }, now)).toBeUndefined();
	});
});

/** Feeds the pacer one response's headers at a moment. */
function answer(pacer: RateLimitPacer, at: number, remaining: number, reset?: number, limit = 100) {
	const headers: Record<string, string> = {
		'x-ratelimit-limit': String(limit),
		'x-ratelimit-remaining': String(remaining),
	};
	if (reset !== undefined) headers['x-ratelimit-reset'] = String(reset / 1000);
	pacer.update(headers, at);
}

describe('the pacer', () => {
	test('sends flat out while the window has room, from the first response on', () => {
		const pacer = new RateLimitPacer();
		expect(pacer.nextWaitMs(now)).toBe(0);
		answer(pacer, now, 60, now + 300);
		for (let i = 0; i < 40; i++) expect(pacer.nextWaitMs(now + i)).toBe(0);
	});

	test('at zero it waits exactly until the reset the headers name, whatever the phase', () => {
		for (const untilReset of [300, 1500, 4500]) {
			const pacer = new RateLimitPacer();
			answer(pacer, now, 0, now + untilReset);
			const wait = pacer.nextWaitMs(now);
			expect(wait).toBeGreaterThanOrEqual(untilReset);
			expect(wait).toBeLessThanOrEqual(untilReset + 50);
		}
	});

	test('the last of the allowance goes at once (nothing held back); then it waits for the reset', () => {
		const pacer = new RateLimitPacer();
		answer(pacer, now, 3, now + 400);
		for (let i = 0; i < 3; i++) expect(pacer.nextWaitMs(now)).toBe(0);
		expect(pacer.nextWaitMs(now)).toBeGreaterThanOrEqual(400);
	});

	test('a reset already past starts afresh', () => {
		const pacer = new RateLimitPacer();
		answer(pacer, now, 0, now + 1000);
		expect(pacer.nextWaitMs(now + 1001)).toBe(0);
	});

	test('without X-RateLimit-Reset it learns the window from two rises of Remaining', () => {
		const pacer = new RateLimitPacer();
		answer(pacer, now, 5); // window end unknown: no waiting on a guess
		expect(pacer.nextWaitMs(now)).toBe(0);
		answer(pacer, now + 100, 99); // a new window began about now
		answer(pacer, now + 200, 40);
		answer(pacer, now + 5100, 99); // and another one, 5 s later
		answer(pacer, now + 5200, 0);
		const wait = pacer.nextWaitMs(now + 5200);
		// The next window starts 5 s after the last one was seen to start.
		expect(wait).toBeGreaterThanOrEqual(4900);
		expect(wait).toBeLessThanOrEqual(4950);
	});

	test('a long pause spanning several windows does not stretch the learned length', () => {
		const pacer = new RateLimitPacer();
		answer(pacer, now, 0);
		answer(pacer, now + 10, 99);
		answer(pacer, now + 20, 0);
		answer(pacer, now + 5010, 99); // 5 s window
		answer(pacer, now + 5020, 0);
		answer(pacer, now + 30_010, 99); // idle for five windows
		answer(pacer, now + 30_020, 0);
		expect(pacer.nextWaitMs(now + 30_020)).toBeLessThanOrEqual(5050);
	});

	test('without any window end it never waits on a guess', () => {
		const pacer = new RateLimitPacer();
		answer(pacer, now, 0);
		expect(pacer.nextWaitMs(now)).toBe(0);
	});
});

describe('the pacer with several requests in flight', () => {
	const headers = (remaining: number, resetAtMs: number, limit = 10) => ({
		'x-ratelimit-limit': String(limit),
		'x-ratelimit-remaining': String(remaining),
		'x-ratelimit-reset': String(resetAtMs), // epoch ms, one of the forms read
	});
	const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

	test('requests still in flight are reserved against the Remaining an answer reports', async () => {
		const pacer = new RateLimitPacer();
		const tickets = [
			await pacer.beforeRequest(1000),
			await pacer.beforeRequest(1000),
			await pacer.beforeRequest(1000),
		];
		const reset = Date.now() + 60_000;
		// Answered with 5 left, while two more are on their way: 3 are really free.
		pacer.answered(tickets[0], headers(5, reset));
		for (let i = 0; i < 3; i++) expect(pacer.nextWaitMs()).toBe(0);
		// The fourth would pass the allowance: it waits for the reset.
		expect(pacer.nextWaitMs()).toBeGreaterThan(1000);
	});

	test('an older answer arriving late never raises Remaining within the same window', () => {
		const pacer = new RateLimitPacer();
		const reset = Date.now() + 60_000;
		pacer.answered({}, headers(3, reset));
		pacer.answered({}, headers(7, reset)); // sent earlier, counted before the other
		for (let i = 0; i < 3; i++) expect(pacer.nextWaitMs()).toBe(0);
		expect(pacer.nextWaitMs()).toBeGreaterThan(1000);
	});

	test('a new window (Remaining back up, a new reset) is taken as reported', () => {
		const pacer = new RateLimitPacer();
		pacer.answered({}, headers(0, Date.now() + 60_000));
		pacer.answered({}, headers(9, Date.now() + 120_000));
		for (let i = 0; i < 7; i++) expect(pacer.nextWaitMs()).toBe(0);
	});

	test('at zero every waiting request asks again after the reset; a sliding window lets one probe go first', async () => {
		const pacer = new RateLimitPacer();
		// The reset moves from answer to answer: a sliding window.
		pacer.answered({}, headers(3, Date.now() + 5000));
		pacer.answered({}, headers(2, Date.now() + 6000));
		pacer.answered({}, headers(0, Date.now() + 150));
		const gone: number[] = [];
		const tickets = [0, 1, 2].map((i) =>
			pacer.beforeRequest(5000).then((t) => {
				gone.push(i);
				return t;
			}),
		);
		await wait(400);
		// After the reset only the probe went: the others wait for its answer.
		expect(gone).toHaveLength(1);
		const probe = await tickets[gone[0]];
		expect(probe.probe).toBeDefined();
		pacer.answered(probe, headers(1, Date.now() + 300));
		await wait(200);
		// One slot was free: one more request goes at once, the last waits for the reset.
		expect(gone).toHaveLength(2);
		await wait(600);
		expect(gone).toHaveLength(3);
	});
	test('after the first reset of a window not yet known to slide, one request probes first too', async () => {
		const pacer = new RateLimitPacer();
		// One answer only: nothing says yet whether the window is fixed or sliding.
		pacer.answered({}, headers(0, Date.now() + 150));
		const gone: number[] = [];
		const tickets = [0, 1, 2].map((i) =>
			pacer.beforeRequest(5000).then((t) => {
				gone.push(i);
				return t;
			}),
		);
		await wait(400);
		expect(gone).toHaveLength(1);
		const probe = await tickets[gone[0]];
		expect(probe.probe).toBeDefined();
		// A fixed window's full allowance: the others go at once.
		pacer.answered(probe, headers(9, Date.now() + 5000));
		await wait(50);
		expect(gone).toHaveLength(3);
	});
});
