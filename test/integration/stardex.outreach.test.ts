import type { IDataObject } from 'n8n-workflow';

import { chain, node, outputOf, WorkflowHarness } from '../harness/runWorkflow';
const { startStardexSandbox } = require('../sandbox/stardex');

/**
 * Outreach event → Stardex export, end to end in one workflow: the Outreach Trigger (generic JSON
 * source, header token) receives replies through n8n-core's WebhookContext, and its items go straight
 * into Stardex › Candidate › Export with no mapping node in between.
 */
type Sandbox = Awaited<ReturnType<typeof startStardexSandbox>>;
let sdx: Sandbox;
let JOB: string;

beforeAll(async () => {
	sdx = await startStardexSandbox({
		rateLimit: { limit: 100_000, windowMs: 60_000, mode: 'sliding' },
	});
	JOB = String(sdx.jobs()[0].id);
});
afterAll(async () => sdx.close());
beforeEach(() => sdx.reset());

const TOKEN = 'outreach-token-8f2c';

function workflow() {
	const nodes = [
		node('Outreach Trigger', 'outreachTrigger', {
			path: 'outreach',
			source: 'generic',
			events: ['replied', 'interested'],
			authentication: 'headerToken',
			secret: TOKEN,
			headerName: 'X-Webhook-Token',
		}),
		node(
			'Stardex',
			'stardex',
			{
				resource: 'candidate',
				operation: 'export',
				candidateInput: 'input',
				job: { __rl: true, mode: 'id', value: JOB },
				ifExists: 'skip',
			},
			{ stardexApi: 'Stardex sandbox' },
			{ onError: 'continueRegularOutput' },
		),
	];
	return new WorkflowHarness(
		{ nodes, connections: chain('Outreach Trigger', 'Stardex') },
		{ stardexApi: { ...sdx.credentials } as never },
	);
}

const reply = (
	eventId: string,
	contact: IDataObject,
	text = 'Sounds great, happy to talk next week',
) => ({
	body: {
		event: 'replied',
		eventId,
		contact,
		reply: { text },
		campaign: { id: 'c-1', name: 'Backend Q4' },
	},
	headers: { 'X-Webhook-Token': TOKEN },
});

const JANE = {
	fullName: 'Jane Smith',
	email: 'jane@example.com',
	linkedinUrl: 'https://www.linkedin.com/in/jane-smith-outreach',
	title: 'VP Engineering',
	company: 'Acme',
	location: 'Austin, Texas, United States',
};
const OMAR = {
	fullName: 'Omar Haddad',
	email: 'omar@example.com',
	linkedinUrl: 'linkedin.com/in/omar-haddad-outreach/',
	company: 'Globex',
};

const deliveries = [
	reply('r-1', JANE),
	reply('r-2', OMAR),
	reply('r-1', JANE), // the tool retries the same event
	reply('r-3', { ...JANE, email: 'JANE@example.com' }, 'Yes, send me the details'), // a second reply from Jane
];

async function deliverAll(wf: WorkflowHarness) {
	const exported: IDataObject[] = [];
	for (const d of deliveries) {
		const res = await wf.deliver('Outreach Trigger', d);
		expect(res.status).toBe(200);
		if (res.run) exported.push(...outputOf(res.run, 'Stardex'));
	}
	return exported;
}

test('Outreach event → Stardex export, exactly once including re-runs', async () => {
	const first = await deliverAll(workflow());
	expect(first.filter((o) => o.status === 'failed')).toEqual([]);
	expect(first.filter((o) => o.status === 'created')).toHaveLength(2);
	let s = sdx.state();
	expect(s.counts).toMatchObject({ persons: 2, candidates: 2 });
	const jane = s.persons.find((p: IDataObject) => p.linkedin_public_id === 'jane-smith-outreach');
	expect(jane).toMatchObject({
		name: 'Jane Smith',
		current_job_title: 'VP Engineering',
		current_company_name: 'Acme',
		linkedin_location: 'Austin, Texas, United States',
	});
	expect(jane.emails.map((e: IDataObject) => e.value)).toEqual(['jane@example.com']);
	expect(jane.candidates).toEqual([expect.objectContaining({ job_id: JOB })]);

	// A new workflow (no trigger memory of the event ids) receiving everything again: Stardex's own
	// lookup keeps it at exactly one person each, already on the job.
	const rerun = await deliverAll(workflow());
	expect(rerun.length).toBeGreaterThanOrEqual(3);
	expect(rerun.every((o) => o.status === 'skipped' && o.stardexCandidateId)).toBe(true);
	s = sdx.state();
	expect(s.counts).toMatchObject({ persons: 2, candidates: 2 });
});
