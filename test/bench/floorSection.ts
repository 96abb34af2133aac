/**
 * Section 6b of BENCHMARKS.md: requests per candidate for each system's export, as a backfill (one
 * execution, 1,000 candidates into a seeded account) and as webhook events (one execution each), next
 * to the fewest requests each API allows for the same result.
 */
import * as os from 'node:os';

import { sampleCandidates } from '../fixtures/candidates';
import { sendHiredParameters } from '../fixtures/intellihr';
import { node } from '../harness/runWorkflow';
import { countRequests, type RequestCount } from '../scenarios/requestsFloor';
import { greenhouseExportNode } from '../harness/greenhouse';
const { startGreenhouseSandbox } = require('../sandbox/greenhouse');
const { startStardexSandbox } = require('../sandbox/stardex');
const { startIntelliHrSandbox } = require('../sandbox/intellihr');

interface Row {
	system: string;
	flow: string;
	r: RequestCount;
	floor: number;
	floorWhy: string;
}

const ACCOUNT = 10_000;
const opts = { onError: 'continueRegularOutput' as const };
const noToken = (k: string) => k === 'POST /token';

async function greenhouse(batch: number, events: number): Promise<Row[]> {
	const gh = await startGreenhouseSandbox({ rateLimit: undefined });
	try {
		gh.seed({
			candidates: Array.from({ length: ACCOUNT }, (_, i) => ({
				first_name: 'Existing',
				last_name: `Person ${i}`,
				email_addresses: [{ value: `existing${i}@example.net`, type: 'personal' }],
			})),
		});
		const n = greenhouseExportNode({}, opts);
		const bulk = await countRequests(
			gh,
			n,
			'greenhouseHarvestApi',
			[sampleCandidates(batch, 'fb')],
			noToken,
		);
		const single = await countRequests(
			gh,
			n,
			'greenhouseHarvestApi',
			sampleCandidates(events, 'fe').map((c) => [c]),
			noToken,
		);
		const pages = Math.ceil(ACCOUNT / 500);
		return [
			{
				system: 'Greenhouse',
				flow: `backfill of ${batch} into ${ACCOUNT}`,
				r: bulk,
				floor: 1 + Math.min(pages, batch) / batch + employmentsPer(batch),
				floorWhy: `1 create (with the application) + the fewer of ${pages} list pages (500 a page) and one email search per candidate, ÷ ${batch}; + employments (one per previous job sent)`,
			},
			{
				system: 'Greenhouse',
				flow: 'one event per execution',
				r: single,
				floor: 2 + employmentsPer(events),
				floorWhy: 'an email search + the create (the create validates the job), + employments',
			},
		];
	} finally {
		await gh.close();
	}
}

/** A third of the sample candidates have one previous job. */
const employmentsPer = (n: number) => Math.ceil(n / 3) / n;

async function stardex(batch: number, events: number): Promise<Row[]> {
	const sdx = await startStardexSandbox({
		rateLimit: { limit: 10_000_000, windowMs: 60_000, mode: 'sliding' },
	});
	try {
		sdx.seed({
			persons: Array.from({ length: ACCOUNT }, (_, k) => ({
				name: `Existing ${k}`,
				linkedin_url: `https://www.linkedin.com/in/existing-${k}`,
				emails: [`existing-${k}@example.net`],
			})),
		});
		const n = node(
			'Stardex',
			'stardex',
			{
				resource: 'candidate',
				operation: 'export',
				candidateInput: 'input',
				job: { __rl: true, mode: 'id', value: String(sdx.jobs()[0].id) },
				ifExists: 'skip',
			},
			{ stardexApi: 'Stardex' },
			opts,
		);
		const bulk = await countRequests(sdx, n, 'stardexApi', [sampleCandidates(batch, 'fb')]);
		const single = await countRequests(
			sdx,
			n,
			'stardexApi',
			sampleCandidates(events, 'fe').map((c) => [c]),
		);
		const pages = Math.ceil(ACCOUNT / 100);
		return [
			{
				system: 'Stardex',
				flow: `backfill of ${batch} into ${ACCOUNT}`,
				r: bulk,
				floor: 1 + (Math.min(pages, 2 * batch) + 1) / batch,
				floorWhy: `1 create (with job_id: the person joins the job in the same call) + the fewer of ${pages} list pages (100 a page) and two searches per candidate, + the job check, ÷ ${batch}`,
			},
			{
				system: 'Stardex',
				flow: 'one event per execution',
				r: single,
				floor: 4,
				floorWhy:
					'a search by LinkedIn URL + a search by email + the create with job_id + the job check; 3 if Stardex confirms it refuses a second person with the same LinkedIn URL with 409 (then the create covers the LinkedIn search), 2 if the create also validates job_id',
			},
		];
	} finally {
		await sdx.close();
	}
}

async function intellihr(events: number): Promise<Row[]> {
	const ihr = await startIntelliHrSandbox();
	try {
		const l = ihr.lookups();
		const n = node(
			'IntelliHR',
			'intelliHr',
			sendHiredParameters(l),
			{ intelliHrApi: 'IntelliHR' },
			opts,
		);
		const single = await countRequests(
			ihr,
			n,
			'intelliHrApi',
			sampleCandidates(events, 'ih').map((c) => [c]),
		);
		return [
			{
				system: 'IntelliHR',
				flow: 'one hire per execution',
				r: single,
				floor: 3,
				floorWhy:
					'a person search by email + the person create + the job create (the job names the new person, so it cannot share a call)',
			},
		];
	} finally {
		await ihr.close();
	}
}

export async function floorSection(scale: number): Promise<string> {
	const batch = Math.max(10, Math.round(1000 * scale));
	const events = Math.max(10, Math.round(50 * scale));
	const rows = [
		...(await greenhouse(batch, events)),
		...(await stardex(batch, events)),
		...(await intellihr(events)),
	];
	const kinds = (r: RequestCount) =>
		Object.entries(r.byKind)
			.sort((a, b) => b[1] - a[1])
			.map(([k, v]) => `${k} ${v}`)
			.join('; ');
	const header = [
		'system',
		'flow',
		'candidates',
		'executions',
		'requests',
		'per candidate',
		'floor per candidate',
		'created',
		'failed',
		'by kind',
		'the floor is',
	];
	return `## 6b. Requests per candidate against the floor, per system (in-process)

Every request the sandbox received except Greenhouse's token, for the default settings (Lookup Auto, If Candidate Exists: Skip, no resume). A backfill is one execution of ${batch} new candidates into an account of ${ACCOUNT.toLocaleString('en')} others; events are one candidate per execution. The floor is the fewest requests the vendor's documented API allows for the same result, what it is made of in the last column. Load average ${os.loadavg()[0].toFixed(1)} (request counts do not depend on it).

| ${header.join(' | ')} |
|${header.map(() => '---').join('|')}|
${rows
	.map((x) =>
		[
			x.system,
			x.flow,
			x.r.candidates,
			x.r.executions,
			x.r.total,
			(x.r.total / x.r.candidates).toFixed(3),
			x.floor.toFixed(3),
			x.r.created,
			x.r.failed,
			kinds(x.r),
			x.floorWhy,
		].join(' | '),
	)
	.map((l) => `| ${l} |`)
	.join('\n')}
`;
}
