import type { INodeProperties } from 'n8n-workflow';

import { jobRoutingProperties } from '../../../../nodes/shared/descriptions/jobRouting';
import {
	GREENHOUSE_JOB,
	jobLocator,
} from '../../../../nodes/Greenhouse/actions/common.descriptions';
import { description as greenhouseExport } from '../../../../nodes/Greenhouse/actions/candidate/export.operation';
import { description as stardexExport } from '../../../../nodes/Stardex/actions/candidate/export.operation';

const byName = (list: INodeProperties[], name: string) => list.find((p) => p.name === name);

describe('Job Routing description', () => {
	const props = jobRoutingProperties(GREENHOUSE_JOB, jobLocator());

	test('One Job is the default and keeps the parameter name "job", so saved workflows keep their job', () => {
		expect(byName(props, 'jobRouting')?.default).toBe('oneJob');
		const job = byName(props, 'job');
		expect(job?.type).toBe('resourceLocator');
		expect(job?.displayOptions).toEqual({ show: { jobRouting: ['oneJob'] } });
	});

	test('By Campaign: rows of campaign and the same job picker; the matching rule is stated; Fallback defaults to No Job', () => {
		const table = byName(props, 'campaignJobs');
		const row = (table?.options?.[0] as { values: INodeProperties[] }).values;
		expect(row.map((p) => p.name)).toEqual(['campaign', 'job']);
		expect(byName(row, 'job')?.modes).toEqual(jobLocator().modes);
		expect(byName(row, 'campaign')?.description).toMatch(
			/ID or name.*trimmed and case-insensitive/,
		);
		const fallback = byName(props, 'campaignFallback');
		expect(fallback?.default).toBe('noJob');
		expect((fallback?.options as Array<{ value: string }>).map((o) => o.value).sort()).toEqual([
			'error',
			'noJob',
			'skip',
		]);
	});

	test.each([
		['Greenhouse', greenhouseExport],
		['Stardex', stardexExport],
	])('%s export: Job Routing, its fields, and Options › Dry Run', (_system, description) => {
		for (const name of ['jobRouting', 'job', 'campaignJobs', 'campaignFallback', 'jobIdInput'])
			expect(byName(description, name)).toBeDefined();
		const options = byName(description, 'options')?.options as INodeProperties[];
		expect(byName(options, 'dryRun')).toMatchObject({ type: 'boolean', default: false });
	});
});
