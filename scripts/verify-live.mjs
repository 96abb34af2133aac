// `npm run verify:live -- <system> [options]`: checks the calls this package makes against the user's
// own account, and prints a table (call, expected contract, what the API answered, verdict) to send
// us when something fails. Read-only unless --write. Credentials come from --credentials <file.json>
// or the environment and are never printed (answers are redacted before they are shown).
// The expected contracts are the ones in test/contracts/, so run it from a checkout of the repo.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { loadSystem, findContract, checkResponse } = require('../test/sandbox/contract.js');

const USAGE = `Usage: npm run verify:live -- <greenhouse|stardex|intellihr|pinpoint> [options]
  --credentials <file.json>  the credential's fields, as in n8n (else the environment, see docs/development.md)
  --email <address>          the email to look up (default: a random one that finds nobody)
  --application <id>         Pinpoint: an application to read (e.g. a hire on a confidential job)
  --write --job <id>         Greenhouse: create one tagged test candidate on this job and exercise every write
                             Stardex: create one tagged test person on this job, then the update (and --stage)
  --stage <name or id>       Stardex with --write: move the test candidate to this stage of the job
  --write                    IntelliHR: create one tagged test person and a job for them (the first enabled
                             business entity, business unit and work class, unless named with the options below)
  --business-entity <id>, --business-unit <id>, --work-class <id>   IntelliHR with --write
  --json                     print the rows as JSON instead of a table`;

const ENV = {
	greenhouse: {
		clientId: 'GREENHOUSE_CLIENT_ID',
		clientSecret: 'GREENHOUSE_CLIENT_SECRET',
		actingUserId: 'GREENHOUSE_ACTING_USER_ID',
		apiBaseUrl: 'GREENHOUSE_API_BASE_URL',
		tokenUrl: 'GREENHOUSE_TOKEN_URL',
	},
	stardex: { apiKey: 'STARDEX_API_KEY', apiBaseUrl: 'STARDEX_API_BASE_URL' },
	intellihr: {
		apiKey: 'INTELLIHR_API_KEY',
		subdomain: 'INTELLIHR_SUBDOMAIN',
		apiBaseUrl: 'INTELLIHR_API_BASE_URL',
	},
	pinpoint: {
		apiKey: 'PINPOINT_API_KEY',
		subdomain: 'PINPOINT_SUBDOMAIN',
		baseUrlOverride: 'PINPOINT_API_BASE_URL',
	},
};
const TAG = 'n8n-ats-sync-verify-live';
const SECRET_FIELDS = ['clientSecret', 'apiKey', 'accessToken'];
// The smallest valid PDF: a one-page document, so the attachment is a real file.
const TINY_PDF =
	'JVBERi0xLjQKMSAwIG9iajw8L1R5cGUvQ2F0YWxvZy9QYWdlcyAyIDAgUj4+ZW5kb2JqCjIgMCBvYmo8PC9UeXBlL1BhZ2VzL0tpZHNbMyAwIFJdL0NvdW50IDE+PmVuZG9iagozIDAgb2JqPDwvVHlwZS9QYWdlL1BhcmVudCAyIDAgUi9NZWRpYUJveFswIDAgNjEyIDc5Ml0+PmVuZG9iagp0cmFpbGVyPDwvUm9vdCAxIDAgUj4+CiUlRU9G';

const VALUE_OPTIONS = [
	'--credentials',
	'--email',
	'--job',
	'--application',
	'--stage',
	'--business-entity',
	'--business-unit',
	'--work-class',
];

export function parseArgs(argv) {
	const out = { system: argv[0], write: false, json: false };
	for (let i = 1; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--write') out.write = true;
		else if (a === '--json') out.json = true;
		else if (VALUE_OPTIONS.includes(a))
			out[a.slice(2).replace(/-(\w)/g, (_m, c) => c.toUpperCase())] = argv[++i];
		else throw new Error(`unknown option ${a}\n${USAGE}`);
	}
	if (!ENV[out.system]) throw new Error(USAGE);
	if (out.write && ['greenhouse', 'stardex'].includes(out.system) && !out.job)
		throw new Error('--write needs --job <id>: the open job the test candidate is added to');
	if (out.stage && !(out.write && out.system === 'stardex'))
		throw new Error('--stage is for stardex --write only');
	return out;
}

export function loadCredentials(args, env = process.env) {
	const fromFile = args.credentials ? JSON.parse(fs.readFileSync(args.credentials, 'utf8')) : {};
	const creds = { ...fromFile };
	for (const [field, name] of Object.entries(ENV[args.system]))
		if (creds[field] === undefined && env[name]) creds[field] = env[name];
	return creds;
}

/** Replaces every secret (and anything that looks like a token) in text shown to the user. */
function redactor(creds) {
	return (text) => {
		const secrets = SECRET_FIELDS.map((f) => creds[f]).filter(
			(s) => typeof s === 'string' && s.length >= 4,
		);
		let t = String(text);
		for (const s of secrets) t = t.split(s).join('[redacted]');
		return t
			.replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, '$1[redacted]')
			.replace(/("access_token"\s*:\s*")[^"]+/g, '$1[redacted]');
	};
}

/** One HTTP call, checked against its contract. */
async function send(ctx, step) {
	const url = new URL(step.url);
	for (const [k, v] of Object.entries(step.qs ?? {})) url.searchParams.set(k, String(v));
	const headers = { Accept: 'application/json', ...ctx.headers(), ...step.headers };
	let body = step.form;
	if (step.body !== undefined) {
		headers['Content-Type'] = 'application/json';
		body = JSON.stringify(step.body);
	}
	const started = Date.now();
	let res;
	try {
		res = await fetch(url, {
			method: step.method,
			headers,
			body,
			signal: AbortSignal.timeout(30_000),
		});
	} catch (error) {
		return { status: 0, body: undefined, text: String(error?.cause?.code ?? error.message), ms: 0 };
	}
	const text = await res.text();
	let parsed;
	try {
		parsed = JSON.parse(text);
	} catch {
		parsed = undefined;
	}
	return { status: res.status, body: parsed, text, ms: Date.now() - started };
}

/** The row for one answer: the contract's verdict on it, plus what the step itself checks. */
function judge(ctx, step, answer) {
	const system = loadSystem(ctx.system);
	const found = findContract(system.contracts, step.method, step.contractPath);
	const expected = `${found?.contract.id ?? 'no contract'}: ${step.expect}`;
	const problems = [];
	if (!found) problems.push('no contract for this call');
	if (answer.status !== step.status)
		problems.push(`expected HTTP ${step.status}, got ${answer.status || 'no answer'}`);
	else if (found)
		for (const v of checkResponse(found.contract, answer.status, answer.body).slice(0, 2))
			problems.push(`${v.path} ${v.message}`);
	const extra = answer.status === step.status && step.check ? step.check(answer.body) : undefined;
	if (extra?.problem) problems.push(extra.problem);
	return {
		call: `${step.method} ${step.label ?? step.contractPath}`,
		expected,
		answer: ctx.redact(`HTTP ${answer.status} ${summarize(answer)}`).slice(0, 160),
		verdict: problems.length ? `FAIL: ${problems.join('; ')}` : 'ok',
		settles: extra?.settles ?? '',
	};
}

function summarize(answer) {
	const b = answer.body;
	if (Array.isArray(b)) return `(${b.length} rows) ${JSON.stringify(b[0] ?? {}).slice(0, 80)}`;
	if (b && Array.isArray(b.data)) return `(${b.data.length} rows)`;
	return (answer.text || '').replace(/\s+/g, ' ').slice(0, 120);
}

async function run(ctx, step) {
	const answer = await send(ctx, step);
	const row = judge(ctx, step, answer);
	ctx.rows.push(row);
	return { answer, ok: row.verdict === 'ok' };
}

/** Sends a write naming a just-created record again while the API does not know it yet (max 60 s). */
async function runAfterCreate(ctx, step) {
	const deadline = Date.now() + 60_000;
	let wait = 1000;
	for (let sent = 1; ; sent++) {
		const answer = await send(ctx, step);
		const notYet =
			answer.status === 404 || (answer.status === 422 && /not exist|not found/i.test(answer.text));
		if (!notYet || Date.now() + wait > deadline) {
			const row = judge(ctx, step, answer);
			if (sent > 1)
				row.settles = `read-after-write lag seen: sent ${sent} times until the record was known`;
			ctx.rows.push(row);
			return { answer, ok: row.verdict === 'ok' };
		}
		await new Promise((r) => setTimeout(r, wait));
		wait *= 2;
	}
}

export function context(system, creds) {
	return {
		system,
		creds,
		rows: [],
		redact: redactor(creds),
		headers: () => ({}),
		run,
		runAfterCreate,
		TAG,
		TINY_PDF,
	};
}

export function formatTable(rows) {
	const cols = ['call', 'expected', 'answer', 'verdict', 'settles'];
	const width = Object.fromEntries(
		cols.map((c) => [c, Math.min(70, Math.max(c.length, ...rows.map((r) => String(r[c]).length)))]),
	);
	const cell = (r, c) => String(r[c]).replace(/\|/g, '/').slice(0, width[c]).padEnd(width[c]);
	const line = (r) => `| ${cols.map((c) => cell(r, c)).join(' | ')} |`;
	const head = Object.fromEntries(cols.map((c) => [c, c]));
	return [
		line(head),
		`|${cols.map((c) => '-'.repeat(width[c] + 2)).join('|')}|`,
		...rows.map(line),
	].join('\n');
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const creds = loadCredentials(args);
	const ctx = context(args.system, creds);
	const systems = await import('./verify-live/systems.mjs');
	await systems[args.system](ctx, args);
	console.log(args.json ? JSON.stringify(ctx.rows, null, 2) : formatTable(ctx.rows));
	const failed = ctx.rows.filter((r) => r.verdict !== 'ok').length;
	console.log(
		`\n${ctx.rows.length} calls, ${failed} failed. ${failed ? 'Please send this table with your issue (it holds no secrets).' : ''}`,
	);
	process.exit(failed ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`)
	main().catch((error) => {
		console.error(String(error.message ?? error));
		process.exit(2);
	});
