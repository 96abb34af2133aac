/**
 * The soak under the full fault model, per system (Greenhouse, Stardex, IntelliHR): N candidates
 * (some deliberately invalid) exported by several concurrent executions while the sandbox injects
 * every fault it has; then the failed items are run again without faults, as a user would. Counted:
 * lost (a valid person not in the ATS at the end), duplicated (a person twice), misreported (an
 * output that contradicts the ATS: "created" with an id that is not there, "failed" for a person that
 * exists without saying mayHaveBeenCreated or the created id, anything else for a new person).
 * Also the same-person race: pairs of executions exporting one person at the same moment, in one
 * process (the lock) and as two queue-mode workers (separate module instances: duplicateOf).
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { sampleCandidate } from '../fixtures/candidates';
import { sendHiredParameters } from '../fixtures/intellihr';
import { node, outputOf, WorkflowHarness } from '../harness/runWorkflow';
const { startGreenhouseSandbox } = require('../sandbox/greenhouse');
const { startStardexSandbox } = require('../sandbox/stardex');
const { startIntelliHrSandbox } = require('../sandbox/intellihr');

type Sandbox = {
	url: string;
	credentials: IDataObject;
	setFaults: (f: IDataObject) => void;
	reset: () => void;
	state: () => IDataObject;
	stats: () => { faults: number; requests: number; status429: number };
	setRateLimit: (c: unknown) => void;
	foreignOrigin: { received: () => Array<{ authorization?: string; xApiKey?: string }> };
	close: () => Promise<void>;
	[k: string]: unknown;
};

/** Every switch of the sandboxes' fault model at once (test/sandbox/README.md). */
export const FULL_FAULTS: IDataObject = {
	error5xxRate: 0.02,
	error5xxAfterWriteRate: 0.01,
	resetRate: 0.01,
	resetAfterWriteRate: 0.01,
	lateAfterWriteRate: 0.005,
	lateAfterWriteMs: 2500,
	stallRate: 0.002,
	stallMs: 2500,
	searchLagMs: 800,
	html200Rate: 0.01,
	truncatedJsonRate: 0.01,
	burst429Rate: 0.005,
	burst429Length: 2,
	redirectRate: 0.002,
	echoSecretsRate: 0.002,
};

/** Request Options for the soak: a 2 s timeout (late answers and stalls exceed it), a 3 s confirm window. */
const REQUEST_OPTIONS = { maxRetries: 6, timeoutSeconds: 2, confirmWindowSeconds: 3 };

export interface SoakSystem {
	name: string;
	credentialType: string;
	start: () => Promise<Sandbox>;
	exportNode: (s: Sandbox, params: IDataObject) => INode;
	/** Each record in the ATS as [person key (first email), id]. */
	records: (state: IDataObject) => Array<[string, string]>;
	idOf: (o: IDataObject) => string | undefined;
	createdIdOf: (o: IDataObject) => string | undefined;
	rerun: IDataObject;
}

const lower = (v: unknown) => String(v ?? '').toLowerCase();

export const SOAK_SYSTEMS: SoakSystem[] = [
	{
		name: 'Greenhouse',
		credentialType: 'greenhouseHarvestApi',
		start: () => startGreenhouseSandbox({ rateLimit: { limit: 5000, windowMs: 1000 } }),
		exportNode: (_s, params) =>
			exportNodeOf('Greenhouse', 'greenhouse', 'greenhouseHarvestApi', {
				resource: 'candidate',
				operation: 'export',
				candidateInput: 'input',
				job: { __rl: true, mode: 'id', value: '4012000' },
				ifExists: 'skip',
				...params,
			}),
		records: (s) =>
			(s.candidates as IDataObject[]).map((c) => [
				lower((c.email_addresses as IDataObject[])[0]?.value),
				String(c.id),
			]),
		idOf: (o) => (o.candidateId == null ? undefined : String(o.candidateId)),
		createdIdOf: (o) => (o.candidateId == null ? undefined : String(o.candidateId)),
		rerun: { ifExists: 'addToJob' },
	},
	{
		name: 'Stardex',
		credentialType: 'stardexApi',
		start: () => startStardexSandbox({ jobs: 1, rateLimit: { limit: 5000, windowMs: 1000 } }),
		exportNode: (s, params) =>
			exportNodeOf('Stardex', 'stardex', 'stardexApi', {
				resource: 'candidate',
				operation: 'export',
				candidateInput: 'input',
				job: { __rl: true, mode: 'id', value: (s.jobs as () => IDataObject[])()[0].id },
				ifExists: 'skip',
				...params,
			}),
		records: (s) =>
			(s.persons as IDataObject[]).map((p) => [
				lower((p.emails as IDataObject[])[0]?.value),
				String(p.id),
			]),
		idOf: (o) => (o.candidateId == null ? undefined : String(o.candidateId)),
		createdIdOf: (o) => (o.candidateId == null ? undefined : String(o.candidateId)),
		rerun: { ifExists: 'addToJob' },
	},
	{
		name: 'IntelliHR',
		credentialType: 'intelliHrApi',
		start: () => startIntelliHrSandbox({ rateLimit: { limit: 5000, windowMs: 1000 } }),
		exportNode: (s, params) => {
			const l = (s.lookups as () => Record<string, IDataObject[]>)();
			return exportNodeOf('IntelliHR', 'intelliHr', 'intelliHrApi', sendHiredParameters(l, params));
		},
		records: (s) =>
			(s.people as IDataObject[])
				.filter((p) => lower(p.lastName) !== 'supervisor')
				.map((p) => [lower(primaryOf(p)), String(p.id)]),
		idOf: (o) => (o.personId == null ? undefined : String(o.personId)),
		createdIdOf: (o) => (o.personId == null ? undefined : String(o.personId)),
		rerun: {},
	},
];

function primaryOf(p: IDataObject): unknown {
	const listed = (p.emailAddresses as IDataObject[] | undefined)?.find((e) => e.isPrimary);
	return listed?.email ?? p.primaryEmailAddress;
}

function exportNodeOf(name: string, type: string, credentialType: string, params: IDataObject) {
	return node(
		name,
		type,
		{ requestOptions: REQUEST_OPTIONS, ...params },
		{ [credentialType]: name },
		{ onError: 'continueRegularOutput' },
	);
}

/** An invalid candidate per kind, cycling: each must fail on its own and create nothing. */
const BROKEN: Array<(c: IDataObject) => IDataObject> = [
	(c) => ({ ...c, fullName: undefined }),
	(c) => ({ ...c, emails: ['not-an-email'] }),
	(c) => ({ ...c, linkedinUrl: 'https://example.com/jane' }),
	(c) => ({ ...c, phones: ['phone?'] }),
];

export interface SoakFigures {
	system: string;
	candidates: number;
	valid: number;
	executions: number;
	createdFirstPass: number;
	failedFirstPass: number;
	mayHaveBeenCreated: number;
	mayHaveBeenCreatedExisting: number;
	foundOnRerun: number;
	rerunFailed: number;
	lost: number;
	duplicated: number;
	misreported: number;
	misreportedExamples: string[];
	/** Why re-run items failed (the first five distinct messages), so a lost candidate has a cause. */
	rerunFailureExamples: string[];
	faults: number;
	requests: number;
	credentialsAtForeignOrigin: number;
	seconds: number;
}

/** Runs `items` through `executions` concurrent executions; outputs in input order. */
async function runConcurrently(
	sys: SoakSystem,
	s: Sandbox,
	items: IDataObject[],
	executions: number,
	params: IDataObject,
): Promise<IDataObject[]> {
	const size = Math.ceil(items.length / executions);
	const chunks = Array.from({ length: executions }, (_, k) =>
		items.slice(k * size, (k + 1) * size),
	).filter((c) => c.length);
	const outs = await Promise.all(
		chunks.map(async (chunk) => {
			const wf = new WorkflowHarness(
				{ nodes: [sys.exportNode(s, params)], connections: {} },
				{ [sys.credentialType]: { ...s.credentials } as never },
			);
			return outputOf(await runChecked(wf, sys.name, chunk), sys.name);
		}),
	);
	return outs.flat();
}

/**
 * n8n checks the workflow's parameters before the run with regexes in a VM limited to 250 ms; on a
 * starved machine that check can time out before any node runs (nothing sent), so it is tried again.
 */
async function runChecked(wf: WorkflowHarness, start: string, items: IDataObject[]) {
	for (let attempt = 1; ; attempt++) {
		try {
			return await wf.run(start, items);
		} catch (error) {
			if (attempt >= 3 || !/Regular expression execution timed out/.test(String(error)))
				throw error;
		}
	}
}

export async function runFaultSoak(
	sys: SoakSystem,
	count: number,
	opts: { executions?: number; seed?: number; invalidEvery?: number } = {},
): Promise<SoakFigures> {
	const s = await sys.start();
	try {
		return await soakOn(sys, s, count, opts);
	} finally {
		await s.close();
	}
}

async function soakOn(
	sys: SoakSystem,
	s: Sandbox,
	count: number,
	opts: { executions?: number; seed?: number; invalidEvery?: number },
): Promise<SoakFigures> {
	const executions = opts.executions ?? 20;
	const invalidEvery = opts.invalidEvery ?? 50;
	const tag = `${sys.name.toLowerCase()}${opts.seed ?? 1}x`;
	const items = Array.from({ length: count }, (_, n) => {
		const c = sampleCandidate(n, tag);
		return n % invalidEvery === invalidEvery - 1 ? BROKEN[n % BROKEN.length](c) : c;
	});
	const keyOf = (n: number) => lower((sampleCandidate(n, tag).emails as IDataObject[])[0].value);
	const isValid = (n: number) => n % invalidEvery !== invalidEvery - 1;
	const started = Date.now();
	s.setFaults({ seed: opts.seed ?? 1, ...FULL_FAULTS });
	const first = await runConcurrently(sys, s, items, executions, {});
	s.setFaults({});
	const stats = s.stats();
	const credentialsAtForeignOrigin = s.foreignOrigin
		.received()
		.filter((r) => r.authorization || r.xApiKey).length;
	const afterFirst = byKey(sys.records(s.state()));
	const check = checkFirstPass(sys, first, afterFirst, count, keyOf, isValid);
	// The re-run a user makes of the failed items, after the incident.
	const failedIdx = first
		.map((o, n) => (o.status === 'failed' && isValid(n) ? n : -1))
		.filter((n) => n >= 0);
	// The user's re-run has the node's default Request Options: the soak's 2 s timeout exists to make
	// the injected late answers exceed it, and with 50 executions of 3 items each sharing this one
	// process with the sandbox, ordinary answers take longer than that too.
	const rerun = await runConcurrently(
		sys,
		s,
		failedIdx.map((n) => items[n]),
		Math.min(executions, Math.max(1, failedIdx.length)),
		{ requestOptions: {}, ...sys.rerun },
	);
	const final = byKey(sys.records(s.state()));
	let lost = 0;
	let duplicated = 0;
	for (let n = 0; n < count; n++) {
		const ids = final.get(keyOf(n)) ?? [];
		if (isValid(n) && ids.length === 0) lost++;
		if (ids.length > 1) duplicated += ids.length - 1;
	}
	const existedBefore = new Set(check.mayHaveBeenCreatedExisting);
	return {
		system: sys.name,
		candidates: count,
		valid: items.filter((_, n) => isValid(n)).length,
		executions,
		createdFirstPass: first.filter((o) => o.status === 'created').length,
		failedFirstPass: first.filter((o) => o.status === 'failed').length,
		mayHaveBeenCreated: first.filter((o) => o.mayHaveBeenCreated === true).length,
		mayHaveBeenCreatedExisting: existedBefore.size,
		foundOnRerun: failedIdx.filter((n, k) => existedBefore.has(n) && rerun[k]?.status !== 'created')
			.length,
		rerunFailed: rerun.filter((o) => o.status === 'failed').length,
		rerunFailureExamples: [
			...new Set(
				rerun.filter((o) => o.status === 'failed').map((o) => String(o.error ?? o.message)),
			),
		].slice(0, 5),
		lost,
		duplicated,
		misreported: check.misreported.length,
		misreportedExamples: check.misreported.slice(0, 5),
		faults: stats.faults,
		requests: stats.requests,
		credentialsAtForeignOrigin,
		seconds: (Date.now() - started) / 1000,
	};
}

function byKey(records: Array<[string, string]>): Map<string, string[]> {
	const map = new Map<string, string[]>();
	for (const [k, id] of records) map.set(k, [...(map.get(k) ?? []), id]);
	return map;
}

/** Every first-pass output against the ATS: what contradicts it is misreported. */
function checkFirstPass(
	sys: SoakSystem,
	out: IDataObject[],
	records: Map<string, string[]>,
	count: number,
	keyOf: (n: number) => string,
	isValid: (n: number) => boolean,
): { misreported: string[]; mayHaveBeenCreatedExisting: number[] } {
	const misreported: string[] = [];
	const existing: number[] = [];
	const wrong = (n: number, o: IDataObject, why: string) =>
		misreported.push(`item ${n}: ${why}: ${JSON.stringify(o).slice(0, 300)}`);
	for (let n = 0; n < count; n++) {
		const o = out[n] ?? {};
		const ids = records.get(keyOf(n)) ?? [];
		if (!isValid(n)) {
			if (o.status !== 'failed' || ids.length) wrong(n, o, 'invalid item not failed alone');
			continue;
		}
		if (o.status === 'created') {
			if (!ids.includes(String(sys.idOf(o)))) wrong(n, o, 'created, but no such record');
		} else if (o.status === 'failed') {
			if (o.mayHaveBeenCreated === true && ids.length) existing.push(n);
			const named = sys.createdIdOf(o);
			if (ids.length && o.mayHaveBeenCreated !== true && !(named && ids.includes(named)))
				wrong(n, o, 'failed, but the person exists and the item does not say so');
		} else wrong(n, o, `status ${String(o.status)} for a new person`);
	}
	return { misreported, mayHaveBeenCreatedExisting: existing };
}

export interface RaceFigures {
	system: string;
	pairs: number;
	mode: 'one process' | 'queue mode (2 workers)';
	/** Extra records (a person twice counts 1). */
	duplicates: number;
	/** Pairs that ended with more than one record, and of them those whose items report duplicateOf. */
	pairsDuplicated: number;
	duplicatesReported: number;
	failed: number;
	seconds: number;
}

/**
 * `pairs` people, each exported by two executions at the same moment. In one process both share the
 * package's lock; in queue mode the second execution runs in a separate module instance (a worker).
 */
export async function runSamePersonRace(
	sys: SoakSystem,
	pairs: number,
	mode: RaceFigures['mode'],
): Promise<RaceFigures> {
	const s = await sys.start();
	try {
		const Harness = mode === 'one process' ? WorkflowHarness : isolatedHarness();
		const tag = `race${mode === 'one process' ? 'p' : 'q'}`;
		const started = Date.now();
		const runOne = async (H: typeof WorkflowHarness, n: number) => {
			const wf = new H(
				// Default Request Options (30 s timeout): the race is about concurrency, not faults.
				{ nodes: [sys.exportNode(s, { requestOptions: {} })], connections: {} },
				{ [sys.credentialType]: { ...s.credentials } as never },
			);
			return outputOf(await runChecked(wf, sys.name, [sampleCandidate(n, tag)]), sys.name)[0];
		};
		const outs = await Promise.all(
			Array.from({ length: pairs }, (_, n) =>
				Promise.all([runOne(WorkflowHarness, n), runOne(Harness, n)]),
			),
		);
		const records = byKey(sys.records(s.state()));
		let duplicates = 0;
		let pairsDuplicated = 0;
		let reported = 0;
		outs.forEach(([a, b], n) => {
			const ids = records.get(lower((sampleCandidate(n, tag).emails as IDataObject[])[0].value));
			if ((ids?.length ?? 0) < 2) return;
			duplicates += (ids?.length ?? 0) - 1;
			pairsDuplicated++;
			if ([a, b].some((o) => Array.isArray(o.duplicateOf) && o.duplicateOf.length)) reported++;
		});
		return {
			system: sys.name,
			pairs,
			mode,
			duplicates,
			pairsDuplicated,
			duplicatesReported: reported,
			failed: outs.flat().filter((o) => o.status === 'failed').length,
			seconds: (Date.now() - started) / 1000,
		};
	} finally {
		await s.close();
	}
}

/** The harness and the package's nodes loaded again: another worker, with its own module state. */
function isolatedHarness(): typeof WorkflowHarness {
	let H: typeof WorkflowHarness | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module instance is the point
		const harness = require('../harness/runWorkflow') as {
			WorkflowHarness: typeof WorkflowHarness;
			packageTypes: () => unknown;
		};
		// The nodes are loaded lazily; load them now, while the registry is the isolated one.
		harness.packageTypes();
		H = harness.WorkflowHarness;
	});
	if (!H) throw new Error('could not load a second harness');
	return H;
}
