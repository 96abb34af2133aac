import { jobSearchBody } from '../../../../../nodes/Stardex/actions/job/getMany.operation';

describe('job inputs', () => {
	test('job search body', () => {
		expect(jobSearchBody('open', 'a, b,,')).toEqual({ is_archived: false, keywords: ['a', 'b'] });
		expect(jobSearchBody('archived')).toEqual({ is_archived: true });
		expect(jobSearchBody('any', '')).toEqual({});
	});
});
