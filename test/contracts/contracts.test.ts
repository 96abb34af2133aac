import * as fs from 'node:fs';
import * as path from 'node:path';

const {
	CONTRACTS_DIR,
	loadSystem,
	systems,
	validate,
	checkRequest,
	facts,
	findContract,
} = require('../sandbox/contract');

/**
 * The contracts themselves: machine-readable, sourced, every fact marked, and the validator the
 * sandboxes use really tells a valid request from an invalid one.
 */

interface Contract {
	id: string;
	system: string;
	method: string;
	path: string;
	file: string;
	sources: Record<string, string>;
	request?: { query?: any; body?: any; pathParams?: any; contentType?: string };
	responses: Record<string, any>;
	reads?: string[];
	errors?: number[];
	usedBy?: string[];
}

const all: Array<{ system: string; api: any; contracts: Contract[] }> = systems().map(
	(system: string) => ({ system, ...loadSystem(system) }),
);
const contracts = all.flatMap((s) => s.contracts);

describe('the contracts in test/contracts', () => {
	test('every system has an _api.json with sources, facts and error shapes, and at least one call', () => {
		expect(all.map((s) => s.system)).toEqual([
			'greenhouse',
			'heyreach',
			'instantly',
			'intellihr',
			'lemlist',
			'outreachio',
			'pinpoint',
			'smartlead',
			'stardex',
			'woodpecker',
		]);
		for (const { api, contracts: cs } of all) {
			expect(Object.keys(api.sources).length).toBeGreaterThan(0);
			expect(api.facts.length).toBeGreaterThan(0);
			expect(Object.keys(api.errors).length).toBeGreaterThan(0);
			expect(cs.length).toBeGreaterThan(0);
		}
	});

	test.each(contracts.map((c) => [c.id, c] as const))(
		'%s: names its call, the code that makes it, its sources (public URLs) and error statuses',
		(_id, c) => {
			expect(`${c.system}/${c.id.slice(c.system.length + 1)}.json`).toBe(c.file);
			expect(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']).toContain(c.method);
			expect(c.path).toMatch(/^\//);
			expect(c.usedBy?.length).toBeGreaterThan(0);
			for (const used of c.usedBy ?? []) {
				const file = used.split(' ')[0];
				expect(fs.existsSync(path.join(__dirname, '../..', file))).toBe(true);
			}
			for (const url of Object.values(c.sources)) expect(url).toMatch(/^https:\/\/[a-z0-9.-]+\//);
			expect(Object.keys(c.responses).some((s) => /^2\d\d$/.test(s))).toBe(true);
			expect(c.errors?.length).toBeGreaterThan(0);
		},
	);

	test('no contract cites a machine path, and every x-source names a declared source', () => {
		for (const { system, api, contracts: cs } of all) {
			const files = [
				path.join(CONTRACTS_DIR, system, '_api.json'),
				...cs.map((c) => path.join(CONTRACTS_DIR, c.file)),
			];
			for (const file of files)
				expect(fs.readFileSync(file, 'utf8')).not.toMatch(/\/work\/|shared\/reference/);
			for (const c of [api, ...cs]) {
				const known = new Set([...Object.keys(api.sources), ...Object.keys(c.sources ?? {})]);
				for (const f of facts(c)) {
					expect(['confirmed', 'inferred']).toContain(f.status);
					const key = String(f.source).split(/[#\s;]/)[0];
					if (key !== 'not')
						expect({ pointer: f.pointer, key, ok: known.has(key) }).toMatchObject({ ok: true });
				}
			}
		}
	});

	test('every request field and query parameter is marked confirmed or inferred', () => {
		for (const c of contracts) {
			for (const part of ['query', 'body', 'pathParams'] as const) {
				const schema = c.request?.[part];
				if (!schema) continue;
				const unmarked = unmarkedProperties(schema, `${c.id} ${part}`);
				expect(unmarked).toEqual([]);
			}
			for (const [status, schema] of Object.entries(c.responses))
				expect({ id: c.id, status, marked: typeof schema['x-status'] === 'string' }).toMatchObject({
					marked: true,
				});
		}
	});

	test('the fields a node reads are in the response contract', () => {
		const missing = contracts.flatMap((c) => {
			const schema = Object.entries(c.responses).find(([s]) => /^2/.test(s))?.[1];
			return (c.reads ?? []).filter((read) => !hasPath(schema, read)).map((r) => `${c.id}: ${r}`);
		});
		expect(missing).toEqual([]);
	});

	test('the fact counts (what is confirmed and what is inferred) per system', () => {
		const counts = Object.fromEntries(
			all.map(({ system, api, contracts: cs }) => {
				const fs_ = [api, ...cs].flatMap((c) => facts(c));
				return [
					system,
					{
						confirmed: fs_.filter((f: { status: string }) => f.status === 'confirmed').length,
						inferred: fs_.filter((f: { status: string }) => f.status === 'inferred').length,
					},
				];
			}),
		);
		for (const c of Object.values(counts)) expect(c.confirmed + c.inferred).toBeGreaterThan(3);
		// Greenhouse's write bodies are largely third-party knowledge; its reads come from the official spec.
		expect(counts.greenhouse.inferred).toBeGreaterThan(0);
		expect(counts.greenhouse.confirmed).toBeGreaterThan(0);
	});

	test('every sandbox file is checked JavaScript', () => {
		const dir = path.join(__dirname, '../sandbox');
		for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.js'))) {
			const head = fs.readFileSync(path.join(dir, f), 'utf8').split('\n').slice(0, 2);
			expect({ f, checked: head.includes('// @ts-check') }).toMatchObject({ checked: true });
		}
	});
});

describe('the validator the sandboxes use', () => {
	const gh = loadSystem('greenhouse').contracts as Contract[];
	const contract = (method: string, p: string) => findContract(gh, method, p).contract;
	const request = (c: Contract, body?: unknown, query = '') =>
		checkRequest(c, {
			params: {},
			query: new URLSearchParams(query),
			body,
			contentType: 'application/json',
			rawLength: body === undefined ? 0 : 1,
		});

	test('POST /v3/attachments: the v3 fields pass; content_type, both content and url, or a bad type do not', () => {
		const c = contract('POST', '/v3/attachments');
		const ok = { application_id: 1, filename: 'cv.pdf', type: 'resume', content: 'JVBERi0=' };
		expect(request(c, ok)).toEqual([]);
		expect(request(c, { ...ok, visibility: 'admin_only' })).toEqual([]);
		expect(request(c, { ...ok, content_type: 'application/pdf' })).toEqual([
			{ path: 'body.content_type', message: 'is not a permitted attribute' },
		]);
		expect(request(c, { ...ok, url: 'https://files.example.com/cv.pdf' })).toEqual([
			{ path: 'body', message: 'give exactly one of content or url' },
		]);
		expect(request(c, { ...ok, type: 'cv' })[0].path).toBe('body.type');
	});

	test('POST /v3/candidate_employments: company, title and a YYYY-MM-DD start date are required', () => {
		const c = contract('POST', '/v3/candidate_employments');
		const ok = {
			candidate_id: 1,
			company_name: 'Acme',
			title: 'Engineer',
			start_date: '2020-03-01',
		};
		expect(request(c, ok)).toEqual([]);
		expect(request(c, { ...ok, end_date: null })).toEqual([]);
		expect(request(c, { ...ok, company_name: '' })).toEqual([
			{ path: 'body.company_name', message: 'must not be empty' },
		]);
		expect(request(c, { candidate_id: 1, company_name: 'Acme', title: 'Engineer' })).toEqual([
			{ path: 'body.start_date', message: 'is required' },
		]);
		expect(request(c, { ...ok, start_date: 'March 2020' })[0].message).toMatch(/YYYY-MM-DD/);
		expect(request(c, { ...ok, start_date: '2020-02-30' })[0].message).toMatch(/not a valid date/);
	});

	test('GET lists: a cursor must come alone; per_page 1-500; ids at most 50', () => {
		const c = contract('GET', '/v3/candidates');
		expect(request(c, undefined, 'email=a%40b.co&per_page=5')).toEqual([]);
		expect(request(c, undefined, 'cursor=abc')).toEqual([]);
		expect(request(c, undefined, 'cursor=abc&per_page=5')).toEqual([
			{ path: 'query', message: 'When passing a cursor, do not include other query params.' },
		]);
		expect(request(c, undefined, 'per_page=501')[0]).toEqual({
			path: 'query.per_page',
			message: 'must be <= 500',
		});
		const ids = Array.from({ length: 51 }, (_, i) => i + 1).join(',');
		expect(request(c, undefined, `ids=${ids}`)[0].path).toBe('query.ids');
		expect(request(c, undefined, 'updated_at=gte|2024-01-01T00:00:00Z')).toEqual([]);
		expect(request(c, undefined, 'updated_at=gte|yesterday')[0].path).toBe('query.updated_at.gte');
		expect(request(c, undefined, 'shoe_size=9')[0]).toEqual({
			path: 'query.shoe_size',
			message: 'is not a permitted attribute',
		});
	});

	test('POST /v3/applications: exactly one arm of the oneOf', () => {
		const c = contract('POST', '/v3/applications');
		expect(request(c, { candidate_id: 1, job_id: 2, source_id: 3 })).toEqual([]);
		expect(request(c, { candidate_id: 1, prospect: true })).toEqual([]);
		expect(request(c, { candidate_id: 1, job_id: 2, prospect: true }).length).toBeGreaterThan(0);
		expect(request(c, { candidate_id: 1 }).length).toBeGreaterThan(0);
	});

	test('keywords: type lists, nullable, enum, const, anyOf, minProperties, format', () => {
		expect(validate({ type: ['string', 'null'] }, null)).toEqual([]);
		expect(validate({ type: 'integer' }, 1.5)[0].message).toMatch(/must be integer/);
		expect(validate({ type: 'number' }, 2)).toEqual([]);
		expect(validate({ nullable: true, type: 'string' }, null)).toEqual([]);
		expect(validate({ enum: ['a'] }, 'b')[0].message).toMatch(/one of "a"/);
		expect(validate({ const: true }, false).length).toBe(1);
		expect(validate({ anyOf: [{ type: 'string' }, { type: 'integer' }] }, true).length).toBe(1);
		expect(validate({ type: 'object', minProperties: 1 }, {}).length).toBe(1);
		expect(validate({ type: 'string', format: 'uuid' }, 'nope').length).toBe(1);
		expect(validate({ type: 'string', format: 'email' }, 'a@b.co')).toEqual([]);
		expect(validate({ type: 'string', format: 'date-time' }, '2026-01-01T00:00:00Z')).toEqual([]);
		expect(validate({ type: 'string', format: 'date-time' }, '2026-01-01')).toHaveLength(1);
		expect(validate({ type: 'array', items: { type: 'string' } }, ['a', 1])[0].path).toBe('[1]');
	});
});

/** Property schemas (request side) that carry no x-status, directly or through their parent. */
function unmarkedProperties(schema: any, at: string, inheritedMark = false): string[] {
	if (!schema || typeof schema !== 'object') return [];
	const marked = inheritedMark || typeof schema['x-status'] === 'string';
	const out: string[] = [];
	for (const [k, v] of Object.entries<any>(schema.properties ?? {})) {
		const own = typeof v?.['x-status'] === 'string';
		if (!own && !marked) out.push(`${at}.${k}`);
		out.push(...unmarkedProperties(v, `${at}.${k}`, own || marked));
	}
	return out;
}

/** Whether a read path like data[].id, [].variables or candidate.id (of a list: each item) exists. */
function hasPath(schema: any, read: string): boolean {
	const itemwise = schema?.type === 'array' && !read.startsWith('[]');
	const steps = (itemwise ? `[].${read}` : read).replace(/\[\]/g, '.[]').split('.').filter(Boolean);
	const walk = (s: any, i: number): boolean => {
		if (!s || typeof s !== 'object') return false;
		if (i === steps.length) return true;
		for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])])
			if (walk(alt, i)) return true;
		const step = steps[i];
		if (step === '[]') return walk(s.items, i + 1);
		if (s.properties && step in s.properties) return walk(s.properties[step], i + 1);
		return false;
	};
	return walk(schema, 0);
}
