import { RateLimitPacer, resetTimeMs, retryAfterMs } from '../../../../nodes/shared/http/rateLimit';

describe('rate-limit headers', () => {
	test('Retry-After as seconds or HTTP date; X-RateLimit-Reset as epoch seconds or seconds', () => {
		const now = 1_700_000_000_000;
		expect(retryAfterMs({ 'retry-after': '3' }, now)).toBe(3000);
		expect(retryAfterMs({ 'retry-after': new Date(now + 5000).toUTCString() }, now)).toBe(5000);
		expect(retryAfterMs({ 'x-ratelimit-reset': String(now / 1000 + 7) }, now)).toBe(7000);
		expect(resetTimeMs('30', now)).toBe(now + 30_000);
		expect(retryAfterMs({}, now)).toBeUndefined();
	});

	test('the pacer spreads the last tenth of the allowance over what is left of the window', async () => {
		const pacer = new RateLimitPacer();
		pacer.update({
			'x-ratelimit-limit': '50',
			'x-ratelimit-remaining': '3',
			'x-ratelimit-reset': String(Date.now() / 1000 + 0.4),
		});
		const t = Date.now();
		await pacer.beforeRequest(10_000);
		const waited = Date.now() - t;
		expect(waited).toBeGreaterThanOrEqual(60);
		expect(waited).toBeLessThan(400);
	});
});
