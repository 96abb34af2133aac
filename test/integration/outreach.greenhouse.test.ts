import { createHmac } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { chain, node, outputOf, WorkflowHarness } from '../harness/runWorkflow';
const { startGreenhouseSandbox } = require('../sandbox/greenhouse');

/**
 * Issue 4's harness flow: Outreach Trigger (Replied and Interested) → Greenhouse export, with no
 * mapping node in between. Only interested replies create candidates, each exactly once, even when
 * the outreach tool delivers the same event again.
 */
let gh: Awaited<ReturnType<typeof startGreenhouseSandbox>>;
beforeAll(
	async () => (gh = await startGreenhouseSandbox({ rateLimit: { limit: 1000, windowMs: 10_000 } })),
);
afterAll(async () => gh.close());
beforeEach(() => gh.reset());

const SECRET = 'outreach-hmac-secret-42';

function flow(source: string, auth: IDataObject, exportOptions: IDataObject = {}) {
	return new WorkflowHarness(
		{
			nodes: [
				node(
					'Outreach Trigger',
					'outreachTrigger',
					{ path: 'outreach', source, events: ['interested'], ...auth },
					undefined,
					{ webhookId: 'wh-1' },
				),
				node(
					'Greenhouse',
					'greenhouse',
					{
						resource: 'candidate',
						operation: 'export',
						candidateInput: 'input',
						job: { __rl: true, mode: 'id', value: '4012000' },
						ifExists: 'skip',
						options: exportOptions,
					},
					{ greenhouseHarvestApi: 'Greenhouse' },
				),
			],
			connections: chain('Outreach Trigger', 'Greenhouse'),
		},
		{ greenhouseHarvestApi: { accessToken: '', ...gh.credentials } as never },
	);
}

function genericReply(id: string, email: string, text: string, extra: IDataObject = {}) {
	return {
		event: 'replied',
		eventId: id,
		contact: {
			fullName: `Person ${id}`,
			email,
			linkedinUrl: `https://www.linkedin.com/in/person-${id}`,
			title: 'Engineer',
			company: 'Acme',
		},
		campaign: { id: 'c1', name: 'Backend Q4' },
		reply: { text },
		...extra,
	};
}

function signed(body: unknown) {
	const raw = JSON.stringify(body);
	return {
		rawBody: raw,
		headers: {
			'content-type': 'application/json',
			'x-signature': `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`,
		},
	};
}

test('generic source, HMAC-signed: only interested replies become Greenhouse candidates, once each', async () => {
	const wf = flow('generic', {
		authentication: 'hmac',
		secret: SECRET,
		signatureFormat: 'sourceDefault',
	});
	const replies = [
		genericReply('r1', 'ana@example.com', 'Yes, this sounds interesting, happy to chat next week.'),
		genericReply('r2', 'ben@example.com', 'Not interested, thanks.'),
		genericReply(
			'r3',
			'cleo@example.com',
			'I am out of the office until Monday with limited access to email.',
		),
		genericReply('r4', 'dev@example.com', 'Klingt spannend, lass uns gerne telefonieren!'),
		genericReply('r5', 'eli@example.com', 'Please remove me from your list.'),
	];
	const results = [];
	for (const r of replies) results.push(await wf.deliver('Outreach Trigger', signed(r)));
	expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
	expect(results.map((r) => Boolean(r.run))).toEqual([true, false, false, true, false]);
	expect(outputOf(results[0].run!, 'Greenhouse')[0]).toMatchObject({
		status: 'created',
		ats: 'greenhouse',
		jobId: 4012000,
	});

	let s = gh.state();
	expect(
		s.candidates.map((c: IDataObject) => (c.email_addresses as IDataObject[])[0].value).sort(),
	).toEqual(['ana@example.com', 'dev@example.com']);
	expect(
		s.candidates.find(
			(c: IDataObject) => (c.email_addresses as IDataObject[])[0].value === 'ana@example.com',
		),
	).toMatchObject({
		first_name: 'Person',
		last_name: 'r1',
		title: 'Engineer',
		company: 'Acme',
		social_media_addresses: [{ value: 'https://www.linkedin.com/in/person-r1' }],
	});

	// The tool retries the same deliveries: nothing new starts, nothing new is created.
	const again = await wf.deliver('Outreach Trigger', signed(replies[0]));
	expect(again.status).toBe(200);
	expect(again.run).toBeUndefined();
	// The same person replying again under a new event id starts the flow, but the export skips them.
	const second = await wf.deliver(
		'Outreach Trigger',
		signed({ ...replies[0], eventId: 'r1-followup' }),
	);
	expect(outputOf(second.run!, 'Greenhouse')[0]).toMatchObject({
		status: 'skipped',
		matchedBy: 'email+linkedin',
	});
	s = gh.state();
	expect(s.counts.candidates).toBe(2);

	// A bad signature is refused and starts nothing.
	const forged = await wf.deliver('Outreach Trigger', {
		...signed(replies[3]),
		headers: { 'content-type': 'application/json', 'x-signature': 'sha256=00' },
	});
	expect(forged.status).toBe(401);
	expect(forged.run).toBeUndefined();
	expect(gh.state().counts.candidates).toBe(2);
});

test('a batched delivery (JSON array) creates each interested candidate once', async () => {
	const wf = flow('generic', {
		authentication: 'hmac',
		secret: SECRET,
		signatureFormat: 'sourceDefault',
	});
	const batch = [
		genericReply('b1', 'fay@example.com', 'Sure, send me more details about the role!'),
		genericReply('b2', 'gus@example.com', 'No thanks.'),
		{ ...genericReply('b3', 'hal@example.com', ''), event: 'interested' },
	];
	const first = await wf.deliver('Outreach Trigger', signed(batch));
	expect(outputOf(first.run!, 'Greenhouse').map((o) => o.status)).toEqual(['created', 'created']);
	await wf.deliver('Outreach Trigger', signed(batch));
	expect(gh.state().counts.candidates).toBe(2);
});

describe('generated profile PDF (no resume file)', () => {
	const hmac = { authentication: 'hmac', secret: SECRET, signatureFormat: 'sourceDefault' };
	const reply = (id: string, email: string) =>
		signed(genericReply(id, email, 'Sure, Tuesday works for me, 2pm CET?'));

	test('an outreach-sourced new candidate gets a one-page PDF attached as the resume, by default', async () => {
		const res = await flow('generic', hmac).deliver(
			'Outreach Trigger',
			reply('p1', 'pat@example.com'),
		);
		expect(outputOf(res.run!, 'Greenhouse')[0]).toMatchObject({
			status: 'created',
			resumeAttached: true,
			resumeGenerated: true,
		});
		const s = gh.state();
		expect(s.attachments).toHaveLength(1);
		expect(s.attachments[0]).toMatchObject({
			filename: 'Person-p1-profile.pdf',
			type: 'resume',
			isPdf: true,
			application_id: s.applications[0].id,
		});
	});

	test('"Never" attaches nothing; the same person later is skipped without a second PDF', async () => {
		const never = flow('generic', hmac, { profilePdf: 'never' });
		const first = await never.deliver('Outreach Trigger', reply('p2', 'quinn@example.com'));
		expect(outputOf(first.run!, 'Greenhouse')[0]).toMatchObject({ resumeAttached: false });
		expect(outputOf(first.run!, 'Greenhouse')[0].resumeGenerated).toBeUndefined();
		const later = await flow('generic', hmac).deliver('Outreach Trigger', {
			...reply('p2-again', 'quinn@example.com'),
		});
		expect(outputOf(later.run!, 'Greenhouse')[0]).toMatchObject({ status: 'skipped' });
		expect(gh.state().attachments).toHaveLength(0);
	});
});
