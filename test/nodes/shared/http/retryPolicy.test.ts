import {
	DEFAULT_RETRY,
	type RetryPolicy,
	retryAfterRateLimit,
} from '../../../../nodes/shared/http/retryPolicy';

const now = 1_796_233_330_000;
const policy: RetryPolicy = { ...DEFAULT_RETRY, maxRateLimitWaitMs: 300_000 };
const fresh = () => ({ failures: 0, rateLimited: 0 });

describe('after a 429', () => {
	test.each([
		['seconds', '12'],
		['an HTTP date', new Date(now + 12_000).toUTCString()],
		['a Unix timestamp', String(now / 1000 + 12)],
	])('waits what Retry-After as %s asks (plus under 250 ms of jitter)', (_form, value) => {
		const d = retryAfterRateLimit(fresh(), policy, { 'retry-after': value }, now);
		expect('waitMs' in d && d.waitMs >= 12_000 && d.waitMs < 12_250).toBe(true);
	});

	test('a wait longer than Max Rate-Limit Wait gives up at once and says how long was asked', () => {
		const attempts = fresh();
		const d = retryAfterRateLimit(
			attempts,
			policy,
			{ 'retry-after': String(now / 1000 + 86_400) },
			now,
		);
		expect(d).toEqual({ giveUp: 'wait-too-long', askedMs: 86_400_000 });
		expect(attempts.rateLimited).toBe(0);
	});

	test('the default maximum is five minutes', () => {
		expect(DEFAULT_RETRY.maxRateLimitWaitMs).toBe(300_000);
		expect(
			retryAfterRateLimit(fresh(), DEFAULT_RETRY, { 'retry-after': '300' }, now),
		).toHaveProperty('waitMs');
		expect(retryAfterRateLimit(fresh(), DEFAULT_RETRY, { 'retry-after': '301' }, now)).toEqual({
			giveUp: 'wait-too-long',
			askedMs: 301_000,
		});
	});

	test('no header at all: capped backoff, never over the maximum wait', () => {
		const small = { ...policy, baseDelayMs: 1000, maxDelayMs: 60_000, maxRateLimitWaitMs: 1500 };
		const attempts = fresh();
		for (let i = 0; i < 6; i++) {
			const d = retryAfterRateLimit(attempts, small, {}, now);
			expect('waitMs' in d && d.waitMs <= 1750).toBe(true);
		}
	});

	test('the number of waits is bounded', () => {
		const attempts = fresh();
		const two = { ...policy, maxRateLimitRetries: 2 };
		expect(retryAfterRateLimit(attempts, two, { 'retry-after': '1' }, now)).toHaveProperty(
			'waitMs',
		);
		expect(retryAfterRateLimit(attempts, two, { 'retry-after': '1' }, now)).toHaveProperty(
			'waitMs',
		);
		expect(retryAfterRateLimit(attempts, two, { 'retry-after': '1' }, now)).toEqual({
			giveUp: 'retries-used',
		});
	});
});
