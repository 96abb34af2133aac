import { runGreenhouseSoak } from '../scenarios/soak';
const { startGreenhouseSandbox } = require('../sandbox/greenhouse');

/**
 * The small, bounded soak that runs in `npm test` (the full 10,000-candidate run is in `npm run bench`).
 * Stalls last longer than the request timeout, so every stalled create is an ambiguous failure.
 */
test('soak: 300 candidates under 500s, resets, 429 bursts and stalls; every valid one exactly once, only the invalid ones fail', async () => {
	const gh = await startGreenhouseSandbox({ rateLimit: { limit: 2000, windowMs: 10_000 } });
	try {
		const r = await runGreenhouseSoak(gh, {
			count: 300,
			invalidEvery: 20,
			stallMs: 2500,
			timeoutSeconds: 1,
		});
		expect(r.faults).toBeGreaterThan(20);
		expect(r.status429).toBeGreaterThan(0);
		expect(r.failedValid).toEqual([]);
		expect(r.invalid).toBe(15);
		expect(r.failed).toBe(15);
		expect(r.created).toBe(285);
		expect(r.inSandbox).toBe(285);
		expect(r.duplicates).toBe(0);
		for (const e of r.invalidErrors)
			expect(e).toMatch(
				/^\[item \d+\] Candidate is not valid: (fullName|emails\[0\]\.value|linkedinUrl|phones\[0\]\.value) /,
			);
	} finally {
		await gh.close();
	}
}, 240_000);
