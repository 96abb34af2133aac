import { JOB_URL_REGEX } from '../../../../nodes/Stardex/actions/common.descriptions';

describe('job inputs', () => {
	test('job URL pattern takes the ID from …/jobs/<id> on any host', () => {
		const re = new RegExp(JOB_URL_REGEX);
		expect(
			re.exec('https://app.stardex.ai/jobs/123e4567-e89b-12d3-a456-426614174000?tab=x')?.[1],
		).toBe('123e4567-e89b-12d3-a456-426614174000');
		expect(re.exec('https://stardex.example.com/w/acme/job/abc-1')?.[1]).toBe('abc-1');
		expect(re.exec('https://app.stardex.ai/persons/1')).toBeNull();
	});
});
