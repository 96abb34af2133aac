import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const { startGreenhouseSandbox } = require('../sandbox/greenhouse');
const { startStardexSandbox } = require('../sandbox/stardex');
const { startIntelliHrSandbox } = require('../sandbox/intellihr');
const { startPinpointSandbox } = require('../sandbox/pinpoint');

/**
 * `npm run verify:live` against the sandboxes, so the script and the contracts it checks against
 * cannot drift apart: every call it makes must pass the sandbox's contract checks.
 */

const SCRIPT = path.join(__dirname, '../../scripts/verify-live.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-live-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Row {
	call: string;
	expected: string;
	answer: string;
	verdict: string;
	settles: string;
}

async function verify(
	system: string,
	credentials: Record<string, unknown>,
	...args: string[]
): Promise<{ code: number; rows: Row[]; stdout: string }> {
	const file = path.join(dir, `${system}-${Math.random().toString(36).slice(2)}.json`);
	fs.writeFileSync(file, JSON.stringify(credentials));
	return await new Promise((resolve) => {
		execFile(
			process.execPath,
			[SCRIPT, system, '--credentials', file, '--json', ...args],
			{ timeout: 60_000, env: { PATH: process.env.PATH } },
			(error, stdout) => {
				const json = stdout.slice(0, stdout.lastIndexOf(']') + 1);
				resolve({
					code: error ? Number((error as { code?: number }).code ?? 1) : 0,
					rows: json ? (JSON.parse(json) as Row[]) : [],
					stdout,
				});
			},
		);
	});
}

describe('verify:live greenhouse', () => {
	let gh: Awaited<ReturnType<typeof startGreenhouseSandbox>>;
	beforeAll(async () => {
		gh = await startGreenhouseSandbox({ tokenExpiryField: 'expires_in' });
	});
	afterAll(async () => gh.close());
	beforeEach(() => gh.reset());

	test('read-only: token, list visibility, jobs, one lookup; nothing written, no secret printed', async () => {
		const res = await verify('greenhouse', gh.credentials);
		expect(res.code).toBe(0);
		expect(res.rows.map((r) => [r.call, r.verdict])).toEqual([
			['POST /token', 'ok'],
			['GET /v3/users', 'ok'],
			['GET /v3/jobs', 'ok'],
			['GET /v3/candidates?email=', 'ok'],
		]);
		expect(res.rows[0].settles).toBe('the token expiry field is expires_in');
		expect(res.rows[0].expected).toContain('greenhouse.token.create');
		expect(res.stdout).not.toContain(gh.credentials.clientSecret);
		for (const t of gh.issuedTokens()) expect(res.stdout).not.toContain(t.token);
		expect(gh.contractReport().violations).toEqual([]);
		expect(
			((await (await fetch(`${gh.url}/__sandbox/state`)).json()) as any).counts.candidates,
		).toBe(0);
	});

	test('an acting user who is not a Site Admin: the list row fails and says why', async () => {
		const res = await verify('greenhouse', { ...gh.credentials, actingUserId: '4080002' });
		expect(res.code).toBe(1);
		expect(res.rows[1]).toMatchObject({
			call: 'GET /v3/users',
			verdict: expect.stringContaining('not a Site Admin'),
		});
	});

	test('--write: one tagged candidate on the job, every write, through a read-after-write lag', async () => {
		gh.configure({ readAfterWriteLagMs: 600 });
		try {
			const job = String(gh.jobs()[0].id);
			const res = await verify('greenhouse', gh.credentials, '--write', '--job', job);
			expect(res.rows.filter((r) => r.verdict !== 'ok')).toEqual([]);
			expect(res.rows.map((r) => r.call)).toEqual([
				'POST /token',
				'GET /v3/users',
				'GET /v3/jobs',
				'GET /v3/candidates?email=',
				'POST /v3/candidates',
				'POST /v3/candidate_employments',
				'POST /v3/attachments',
				'POST /v3/notes',
				'cleanup',
			]);
			expect(res.rows[5].settles).toContain('read-after-write lag seen');
			const s = (await (await fetch(`${gh.url}/__sandbox/state`)).json()) as any;
			expect(s.counts).toMatchObject({ candidates: 1, employments: 1, attachments: 1, notes: 1 });
			expect(s.candidates[0].tags).toEqual(['n8n-ats-sync-verify-live']);
			expect(gh.contractReport().violations).toEqual([]);
		} finally {
			gh.configure({ readAfterWriteLagMs: 0 });
		}
	});

	test('without --json: a table (call, expected, answer, verdict, settles) to paste into an issue', async () => {
		const file = path.join(dir, 'table.json');
		fs.writeFileSync(file, JSON.stringify(gh.credentials));
		const stdout = await new Promise<string>((resolve) =>
			execFile(process.execPath, [SCRIPT, 'greenhouse', '--credentials', file], (_e, out) =>
				resolve(out),
			),
		);
		const lines = stdout.split('\n').filter((l) => l.startsWith('|'));
		expect(lines[0]).toMatch(/^\| call +\| expected +\| answer +\| verdict +\| settles +\|$/);
		expect(lines).toHaveLength(2 + 4);
		expect(lines.every((l) => l.split('|').length === 7)).toBe(true);
		expect(stdout).toContain('4 calls, 0 failed.');
	});

	test('--write without --job is refused before anything is sent', async () => {
		const res = await verify('greenhouse', gh.credentials, '--write');
		expect(res.code).toBe(2);
		expect(gh.issuedTokens()).toHaveLength(0);
	});
});

describe('verify:live stardex, intellihr, pinpoint (read-only)', () => {
	test('stardex: job search and person lookup', async () => {
		const sx = await startStardexSandbox();
		try {
			const res = await verify('stardex', sx.credentials);
			expect(res.rows.map((r) => [r.call, r.verdict])).toEqual([
				['POST /v1/jobs/search', 'ok'],
				['POST /v1/persons/search', 'ok'],
			]);
			expect(res.stdout).not.toContain(sx.credentials.apiKey);
		} finally {
			await sx.close();
		}
	});

	test('intellihr: people and jobs', async () => {
		const ihr = await startIntelliHrSandbox();
		try {
			const res = await verify('intellihr', ihr.credentials);
			expect(res.rows.map((r) => [r.call, r.verdict])).toEqual([
				['GET /people', 'ok'],
				['GET /jobs', 'ok'],
			]);
		} finally {
			await ihr.close();
		}
	});

	test('pinpoint: jobs, then an application on a confidential job (404, then found with the filter)', async () => {
		const pp = await startPinpointSandbox();
		try {
			const { application } = pp.addApplication({ stage: 'Hired', confidential: true });
			const res = await verify('pinpoint', pp.credentials, '--application', application.id);
			expect(res.rows.map((r) => r.call)).toEqual([
				'GET /jobs',
				'GET /applications/{id} (include, CV)',
				'GET /applications/{id} (confidential job)',
			]);
			expect(res.rows[1].verdict).toContain('expected HTTP 200, got 404');
			expect(res.rows[2]).toMatchObject({ verdict: 'ok' });
			expect(pp.contractReport().violations).toEqual([]);
		} finally {
			await pp.close();
		}
	});
});

describe('verify:live --write for stardex and intellihr', () => {
	test('stardex: one tagged person on the job, read back, updated, moved to the named stage', async () => {
		const sx = await startStardexSandbox({ jobs: 1 });
		try {
			const job = sx.jobs()[0];
			const stage = job.pipeline_stages[1].name;
			const res = await verify(
				'stardex',
				sx.credentials,
				'--write',
				'--job',
				job.id,
				'--stage',
				stage,
			);
			expect(res.rows.filter((r) => r.verdict !== 'ok')).toEqual([]);
			expect(res.rows.map((r) => r.call)).toEqual([
				'POST /v1/jobs/search',
				'POST /v1/persons/search',
				'POST /v1/persons',
				'GET /v1/persons/{id}',
				'PATCH /v1/persons/{id}',
				'POST /v1/candidates/update-stage',
				'cleanup',
			]);
			expect(res.rows[2].expected).toContain('stardex.persons.create');
			expect(res.rows[3].settles).toBe('the new person lists the job in candidates[]');
			const s = (await (await fetch(`${sx.url}/__sandbox/state`)).json()) as any;
			expect(s.counts).toMatchObject({ persons: 1, candidates: 1 });
			expect(s.persons[0]).toMatchObject({
				current_company_name: 'Verify Live Co',
				current_job_title: 'Test role',
			});
			expect(s.candidates[0].current_pipeline_stage_name).toBe(stage);
			expect(sx.contractReport().violations).toEqual([]);
			expect(res.stdout).not.toContain(sx.credentials.apiKey);
		} finally {
			await sx.close();
		}
	});

	test('stardex: --write without --job is refused, and a refused create fails its row', async () => {
		const sx = await startStardexSandbox({ jobs: 1 });
		try {
			const none = await verify('stardex', sx.credentials, '--write');
			expect(none.code).toBe(2);
			const readOnly = await verify(
				'stardex',
				sx.readOnlyCredentials,
				'--write',
				'--job',
				sx.jobs()[0].id,
			);
			expect(readOnly.code).toBe(1);
			expect(readOnly.rows[2]).toMatchObject({
				call: 'POST /v1/persons',
				verdict: expect.stringContaining('expected HTTP 200, got 403'),
			});
			expect(readOnly.rows.map((r) => r.call)).not.toContain('cleanup');
		} finally {
			await sx.close();
		}
	});

	test('intellihr: the job references from the lists, one tagged person, then their job', async () => {
		const ihr = await startIntelliHrSandbox();
		try {
			const res = await verify('intellihr', ihr.credentials, '--write');
			expect(res.rows.filter((r) => r.verdict !== 'ok')).toEqual([]);
			expect(res.rows.map((r) => r.call)).toEqual([
				'GET /people',
				'GET /jobs',
				'GET /business-entities',
				'GET /business-units',
				'GET /work-classes',
				'POST /people',
				'POST /jobs',
				'cleanup',
			]);
			expect(res.rows[6].expected).toContain('intellihr.jobs.create');
			const s = (await (await fetch(`${ihr.url}/__sandbox/state`)).json()) as any;
			const person = s.people.find((p: any) => /^Live \d+$/.test(p.lastName));
			expect(person).toBeDefined();
			expect(s.jobs.filter((j: any) => j.person.id === person.id)).toHaveLength(1);
			expect(ihr.contractReport().violations).toEqual([]);
			expect(res.stdout).not.toContain(ihr.credentials.apiKey);
		} finally {
			await ihr.close();
		}
	});

	test('intellihr: named references skip the lists; a list the key may not read fails its row and writes nothing', async () => {
		const ihr = await startIntelliHrSandbox();
		try {
			const l = ihr.lookups();
			const named = await verify(
				'intellihr',
				ihr.credentials,
				'--write',
				'--business-entity',
				l.businessEntities[1].id,
				'--business-unit',
				l.businessUnits[0].id,
				'--work-class',
				l.workClasses[0].id,
			);
			expect(named.rows.filter((r) => r.verdict !== 'ok')).toEqual([]);
			expect(named.rows.map((r) => r.call)).toEqual([
				'GET /people',
				'GET /jobs',
				'POST /people',
				'POST /jobs',
				'cleanup',
			]);
			const before = ((await (await fetch(`${ihr.url}/__sandbox/state`)).json()) as any).counts;
			ihr.setDeniedPaths(['/work-classes']);
			const denied = await verify('intellihr', ihr.credentials, '--write');
			ihr.setDeniedPaths([]);
			expect(denied.code).toBe(1);
			expect(denied.rows.at(-1)).toMatchObject({
				call: 'GET /work-classes',
				verdict: expect.stringContaining('expected HTTP 200, got 403'),
			});
			const after = ((await (await fetch(`${ihr.url}/__sandbox/state`)).json()) as any).counts;
			expect(after).toEqual(before);
		} finally {
			await ihr.close();
		}
	});
});
