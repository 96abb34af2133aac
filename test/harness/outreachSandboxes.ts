import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INode } from 'n8n-workflow';

import { node } from './runWorkflow';
const { startOutreachToolsSandbox } = require('../sandbox/outreach-tools');
const { startStardexSandbox } = require('../sandbox/stardex');

type Tools = Awaited<ReturnType<typeof startOutreachToolsSandbox>>;
type Stardex = Awaited<ReturnType<typeof startStardexSandbox>>;

/**
 * The outreach-tools and Stardex sandboxes for one test file: started before all tests, reset
 * before each, closed after all. Read them from the returned object inside the tests; `job` is
 * the first seeded Stardex job.
 */
export function useToolsAndStardex(): { tools: Tools; sdx: Stardex; job: string } {
	const sandboxes = {} as { tools: Tools; sdx: Stardex; job: string };
	beforeAll(async () => {
		sandboxes.tools = await startOutreachToolsSandbox();
		sandboxes.sdx = await startStardexSandbox({
			rateLimit: { limit: 100_000, windowMs: 60_000, mode: 'sliding' },
		});
		sandboxes.job = String(sandboxes.sdx.jobs()[0].id);
	});
	afterAll(async () => {
		await sandboxes.tools.close();
		await sandboxes.sdx.close();
	});
	beforeEach(() => {
		sandboxes.tools.reset();
		sandboxes.sdx.reset();
	});
	return sandboxes;
}

/** A webhook body from test/fixtures/outreach. */
export const outreachFixture = (name: string) =>
	JSON.parse(readFileSync(join(__dirname, '../fixtures/outreach', name), 'utf8')) as IDataObject;

/** The Stardex export after an outreach trigger: into `job`, skip a person already there. */
export function stardexExportNode(job: string): INode {
	return node(
		'Stardex',
		'stardex',
		{
			resource: 'candidate',
			operation: 'export',
			candidateInput: 'input',
			job: { __rl: true, mode: 'id', value: job },
			ifExists: 'skip',
		},
		{ stardexApi: 'Stardex sandbox' },
		{ onError: 'continueRegularOutput' },
	);
}
