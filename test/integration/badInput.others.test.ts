import type { IDataObject } from 'n8n-workflow';

import { sampleCandidate } from '../fixtures/candidates';
import { node, outputOf, WorkflowHarness } from '../harness/runWorkflow';
import { expectNoSecrets } from './secrets';
const { startIntelliHrSandbox } = require('../sandbox/intellihr');
const { startStardexSandbox } = require('../sandbox/stardex');
const { startPinpointSandbox } = require('../sandbox/pinpoint');

/**
 * The bad-input catalogue, Stardex, IntelliHR and Pinpoint part (the Greenhouse part is
 * badInput.greenhouse.test.ts). Every case runs through the node in the harness; each failing item
 * names itself and the field, continue-on-fail keeps the rest of the batch, and no secret appears
 * anywhere in what the run shows.
 */
let ihr: Awaited<ReturnType<typeof startIntelliHrSandbox>>;
let sdx: Awaited<ReturnType<typeof startStardexSandbox>>;
let pp: Awaited<ReturnType<typeof startPinpointSandbox>>;
beforeAll(async () => {
	[ihr, sdx, pp] = await Promise.all([
		startIntelliHrSandbox(),
		startStardexSandbox({ rateLimit: { limit: 5000, windowMs: 60_000 } }),
		startPinpointSandbox(),
	]);
});
afterAll(async () => Promise.all([ihr.close(), sdx.close(), pp.close()]));
beforeEach(() => {
	ihr.reset();
	sdx.reset();
	pp.reset();
});

const candidate = (n: number, extra: IDataObject = {}) => ({
	...sampleCandidate(n, 'cat'),
	...extra,
});

interface Case {
	name: string;
	/** The item in the middle of [good, this, good]; its fields drive per-item expressions. */
	item: IDataObject;
	credentials?: IDataObject;
	/** Every item fails (a credential problem), or only the middle one. */
	all?: boolean;
	/** The bad item still created its person before the job step failed (a re-run then adds the job). */
	personCreated?: boolean;
	expect: string[];
}

function intelliHrRun(c: Case) {
	const l = ihr.lookups();
	const n = node(
		'IntelliHR',
		'intelliHr',
		{
			resource: 'person',
			operation: 'sendHired',
			candidateInput: 'input',
			positionTitle: 'Engineer',
			startDate: '={{ $json.start || "2026-11-02" }}',
			businessEntity: l.businessEntities[0].id,
			businessUnit: `={{ $json.unit || "${l.businessUnits[0].id}" }}`,
			workClass: l.workClasses[0].id,
			location: l.locations[0].id,
			workType: l.workTypes[0].id,
			personFields: { dateOfBirth: '={{ $json.dob || "" }}' },
			requestOptions: { maxRetries: 0 },
		},
		{ intelliHrApi: 'IntelliHR' },
		{ onError: 'continueRegularOutput' },
	);
	return new WorkflowHarness(
		{ nodes: [n], connections: {} },
		{ intelliHrApi: { ...ihr.credentials, ...c.credentials } as never },
	);
}

function stardexRun(c: Case) {
	const n = node(
		'Stardex',
		'stardex',
		{
			resource: 'candidate',
			operation: 'export',
			candidateInput: 'input',
			job: { __rl: true, mode: 'id', value: `={{ $json.jobId || "${sdx.jobs()[0].id}" }}` },
			ifExists: 'skip',
		},
		{ stardexApi: 'Stardex' },
		{ onError: 'continueRegularOutput' },
	);
	return new WorkflowHarness(
		{ nodes: [n], connections: {} },
		{ stardexApi: { ...sdx.credentials, ...c.credentials } as never },
	);
}

const IHR: Case[] = [
	{
		name: 'hostile subdomain: another host',
		item: candidate(1),
		credentials: { subdomain: 'evil.com' },
		all: true,
		expect: ['Company Subdomain'],
	},
	{
		name: 'hostile subdomain: lookalike suffix',
		item: candidate(2),
		credentials: { subdomain: 'acme.intellihr.net.evil.com' },
		all: true,
		expect: ['Company Subdomain'],
	},
	{
		name: 'hostile subdomain: user-info trick',
		item: candidate(3),
		credentials: { subdomain: 'https://acme.intellihr.net@evil.com/' },
		all: true,
		expect: ['Company Subdomain'],
	},
	{
		name: 'hostile subdomain: an IP address',
		item: candidate(4),
		credentials: { subdomain: '127.0.0.1' },
		all: true,
		expect: ['Company Subdomain'],
	},
	{
		name: 'hostile subdomain: header injection',
		item: candidate(5),
		credentials: { subdomain: 'acme\r\nX-Evil: 1' },
		all: true,
		expect: ['Company Subdomain'],
	},
	{
		name: 'wrong API key',
		item: candidate(6),
		credentials: { apiKey: 'ihr-wrong-key-0123456789' },
		all: true,
		expect: ['HTTP 401'],
	},
	{
		name: 'date of birth in the wrong format',
		item: candidate(7, { dob: '17/05/1990' }),
		expect: ['Date of Birth'],
	},
	{
		name: 'start date that is not a date',
		item: candidate(8, { start: 'next monday' }),
		expect: ['Start Date'],
	},
	{
		name: 'business unit IntelliHR refuses (400)',
		item: candidate(9, { unit: 'Legacy Unit' }),
		personCreated: true,
		expect: [
			'was created in IntelliHR, but the job could not be added',
			'HTTP 400',
			'businessUnit',
		],
	},
	{
		name: 'hired candidate without a name',
		item: { emails: ['noname@example.com'] },
		expect: ['fullName is missing'],
	},
];

const SDX: Case[] = [
	{
		name: 'missing LinkedIn URL (Stardex requires one)',
		item: candidate(11, { linkedinUrl: undefined }),
		expect: ['LinkedIn URL is missing'],
	},
	{
		name: 'LinkedIn URL of a company page',
		item: candidate(12, { linkedinUrl: 'https://www.linkedin.com/company/acme' }),
		expect: ['linkedinUrl'],
	},
	{
		name: 'unknown job',
		item: candidate(13, { jobId: '00000000-0000-4000-8000-00000000dead' }),
		expect: ['Job 00000000-0000-4000-8000-00000000dead was not found in Stardex'],
	},
	{
		name: 'job id that is not an id',
		item: candidate(14, { jobId: 'job 7 please' }),
		expect: ['"job 7 please" is not a Stardex job ID'],
	},
	{
		name: 'wrong API key',
		item: candidate(15),
		credentials: { apiKey: 'ats-wrong-key-0123456789' },
		all: true,
		expect: ['HTTP 401'],
	},
];

async function runCase(
	c: Case,
	make: (c: Case) => WorkflowHarness,
	nodeName: string,
	secrets: string[],
) {
	const run = await make(c).run(nodeName, [candidate(100), c.item, candidate(101)]);
	const out = outputOf(run, nodeName);
	expect(out).toHaveLength(3);
	for (const [i, o] of out.entries()) {
		const shouldFail = c.all || i === 1;
		expect({ i, failed: o.status === 'failed' }).toEqual({ i, failed: shouldFail });
		if (!shouldFail) continue;
		expect(String(o.error).startsWith(`[item ${i}] `)).toBe(true);
		for (const e of c.expect) expect(String(o.error)).toContain(e);
	}
	expectNoSecrets(run, secrets);
}

describe('bad-input catalogue: IntelliHR', () => {
	test.each(IHR.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
		const seeded = ihr.state().people.length;
		await runCase(c, intelliHrRun, 'IntelliHR', [
			ihr.credentials.apiKey,
			...Object.values(c.credentials ?? {})
				.map(String)
				.filter((v) => v.includes('key')),
		]);
		// A credential problem stops every item before anything is written; otherwise the two good items are hired.
		expect(ihr.state().people.length).toBe(seeded + (c.all ? 0 : 2) + (c.personCreated ? 1 : 0));
	});
});

describe('bad-input catalogue: Stardex', () => {
	test.each(SDX.map((c) => [c.name, c] as const))('%s', async (_n, c) =>
		runCase(c, stardexRun, 'Stardex', [
			sdx.credentials.apiKey,
			...Object.values(c.credentials ?? {}).map(String),
		]),
	);
});

describe('bad-input catalogue: Pinpoint', () => {
	function trigger(credentials: IDataObject) {
		return new WorkflowHarness(
			{
				nodes: [
					node(
						'Pinpoint Trigger',
						'pinpointTrigger',
						{ events: ['application_hired'] },
						{ pinpointApi: 'Pinpoint' },
					),
				],
				connections: {},
			},
			{ pinpointApi: { ...pp.credentials, ...credentials } as never },
		);
	}
	const hostile = [
		'evil.com',
		'acme.pinpointhq.com.evil.com',
		'https://user@evil.com',
		'10.0.0.1',
		'acme/../evil',
	];
	test.each(hostile)(
		'hostile Pinpoint subdomain %j: the delivery is still answered, the event says what is wrong, nothing is sent elsewhere',
		async (subdomain) => {
			const { application } = pp.addApplication({
				firstName: 'Ada',
				lastName: 'Lovelace',
				email: 'ada@example.com',
				stage: 'Hired',
			});
			const before = pp.requests().length;
			const res = await trigger({ subdomain, baseUrlOverride: '' }).deliver(
				'Pinpoint Trigger',
				pp.signedDelivery('application_hired', String(application.id)),
			);
			expect(res.status).toBe(200);
			const item = res.response.workflowData?.[0]?.[0]?.json as IDataObject;
			expect(JSON.stringify(item.enrichment)).toContain('Subdomain');
			expect(pp.requests().length).toBe(before);
		},
	);

	test('wrong Pinpoint API key: the event says the key was refused, and the key appears nowhere', async () => {
		const { application } = pp.addApplication({
			firstName: 'Ada',
			lastName: 'Lovelace',
			email: 'ada@example.com',
			stage: 'Hired',
		});
		const res = await trigger({ apiKey: 'pp-wrong-key-0123456789' }).deliver(
			'Pinpoint Trigger',
			pp.signedDelivery('application_hired', String(application.id)),
		);
		const item = res.response.workflowData?.[0]?.[0]?.json as IDataObject;
		expect(JSON.stringify(item.enrichment)).toContain('401');
		expect(JSON.stringify(item)).not.toContain('pp-wrong-key-0123456789');
		expect(JSON.stringify(item)).not.toContain(String(pp.credentials.apiKey));
	});
});
