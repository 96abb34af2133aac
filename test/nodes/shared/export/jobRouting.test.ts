import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { campaignOf, routeJob, withJobRoute } from '../../../../nodes/shared/export/jobRouting';
import { GREENHOUSE_JOB } from '../../../../nodes/Greenhouse/actions/common.descriptions';
import { STARDEX_JOB } from '../../../../nodes/Stardex/actions/common.descriptions';

function ctx(params: IDataObject, item: IDataObject): IExecuteFunctions {
	const get = (path: string, obj: IDataObject): unknown =>
		path.split('.').reduce<unknown>((o, k) => (o as IDataObject | undefined)?.[k], obj);
	return {
		getNodeParameter: (name: string, _i: number, fallback?: unknown) =>
			get(name, params) ?? fallback,
		getInputData: () => [{ json: item }],
		getNode: () => ({
			name: 'Export',
			type: 'x',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
	} as unknown as IExecuteFunctions;
}

const rows = [
	{ campaign: '  senior backend Q3 ', job: { __rl: true, mode: 'list', value: '4012000' } },
	{
		campaign: 'cmp_42',
		job: { __rl: true, mode: 'url', value: 'https://app.greenhouse.io/sdash/4012001' },
	},
];
const byCampaign = (fallback: string) => ({
	jobRouting: 'byCampaign',
	campaignJobs: { routes: rows },
	campaignFallback: fallback,
});
const item = (campaign: unknown): IDataObject =>
	({ fullName: 'A B', emails: ['a@example.com'], campaign }) as IDataObject;

describe('campaignOf', () => {
	test('reads {id, name}, a plain name, a nested candidate item, and nothing', () => {
		expect(campaignOf(item({ id: 7, name: ' Q3 ' }))).toEqual({ id: '7', name: 'Q3' });
		expect(campaignOf(item('Q3'))).toEqual({ name: 'Q3' });
		expect(campaignOf({ candidate: { campaign: { id: 'c1' } } })).toEqual({
			id: 'c1',
			name: undefined,
		});
		expect(campaignOf({ fullName: 'x' })).toEqual({});
	});
});

describe('routeJob', () => {
	test('One Job is the default: the picker as before, and the output is unchanged', () => {
		const route = routeJob(ctx({ job: '4012000' }, item('x')), 0, GREENHOUSE_JOB);
		expect(route).toEqual({ jobId: '4012000', jobRoute: { by: 'oneJob' } });
		expect(withJobRoute({ status: 'created' }, route)).toEqual({ status: 'created' });
	});

	test('By Campaign matches the name trimmed and case-insensitive, or the id; a URL row gives its id', () => {
		const byName = routeJob(
			ctx(byCampaign('error'), item({ id: 'x', name: 'Senior Backend q3' })),
			0,
			GREENHOUSE_JOB,
		);
		expect(byName.jobId).toBe('4012000');
		expect(byName.jobRoute).toMatchObject({ by: 'campaign', matchedBy: 'name' });
		const byId = routeJob(
			ctx(byCampaign('error'), item({ id: 'CMP_42', name: 'Other' })),
			0,
			GREENHOUSE_JOB,
		);
		expect(byId.jobId).toBe('4012001');
		expect(byId.jobRoute).toMatchObject({ by: 'campaign', campaign: 'Other', matchedBy: 'id' });
	});

	test('an unknown campaign under each fallback: no job, skip, or an error naming the campaign', () => {
		const unknown = item({ name: 'Sales Q4' });
		const noJob = routeJob(ctx(byCampaign('noJob'), unknown), 0, GREENHOUSE_JOB);
		expect(noJob.jobId).toBeUndefined();
		expect(noJob.skip).toBeUndefined();
		expect(noJob.jobRoute).toMatchObject({
			by: 'fallback',
			fallback: 'noJob',
			campaign: 'Sales Q4',
		});
		const skip = routeJob(ctx(byCampaign('skip'), unknown), 0, GREENHOUSE_JOB);
		expect(skip.skip).toMatch(/campaign "Sales Q4" is not in Job Routing/);
		expect(() => routeJob(ctx(byCampaign('error'), unknown), 0, GREENHOUSE_JOB)).toThrow(
			/Campaign "Sales Q4" is not mapped to a job\. Add a row for it/,
		);
		expect(() =>
			routeJob(ctx(byCampaign('error'), { fullName: 'A B' }), 0, GREENHOUSE_JOB),
		).toThrow(/Campaign is missing: the item has no campaign/);
	});

	test('a row whose job is not a job ID of the system names the row', () => {
		const bad = {
			...byCampaign('error'),
			campaignJobs: { routes: [{ campaign: 'Q3', job: 'abc' }] },
		};
		expect(() => routeJob(ctx(bad, item('q3')), 0, GREENHOUSE_JOB)).toThrow(
			/Job of campaign row 1 "abc" is not a Greenhouse job ID/,
		);
	});

	test('From Input: an ID, a job URL, empty (no job), and a non-numeric Greenhouse ID naming the field', () => {
		const from = (v: string, spec = GREENHOUSE_JOB) =>
			routeJob(ctx({ jobRouting: 'fromInput', jobIdInput: v }, item('x')), 0, spec);
		expect(from(' 4012002 ')).toEqual({
			jobId: '4012002',
			jobRoute: { by: 'input', jobId: '4012002' },
		});
		expect(from('https://app.greenhouse.io/plans/4012001').jobId).toBe('4012001');
		expect(from('').jobId).toBeUndefined();
		expect(() => from('backend')).toThrow(
			/\[item 0\] Job ID \(From Input\) "backend" is not a Greenhouse job ID\. Give its numeric ID/,
		);
		expect(from('123e4567-e89b-12d3-a456-426614174000', STARDEX_JOB).jobId).toBe(
			'123e4567-e89b-12d3-a456-426614174000',
		);
		expect(() => from('not a job!', STARDEX_JOB)).toThrow(/Job ID \(From Input\)/);
	});
});
