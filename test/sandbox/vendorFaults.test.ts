/**
 * The write faults of the fault model on Stardex and IntelliHR too (faults.test.ts shows them on
 * Greenhouse): a write applied but its answer lost or late, search lag, and a 2xx HTML page that
 * applied nothing. The soak (test/scenarios/faultSoak.ts) runs every system under all of them.
 */
const { startStardexSandbox } = require('./stardex');
const { startIntelliHrSandbox } = require('./intellihr');

type Any = Record<string, any>;

const systems: Array<{
	name: string;
	start: () => Promise<Any>;
	create: (s: Any, n: number, init?: RequestInit) => Promise<Response>;
	find: (s: Any, n: number) => Promise<unknown[]>;
	count: (s: Any) => number;
	writePath: string;
}> = [
	{
		name: 'Stardex',
		start: () => startStardexSandbox({ jobs: 1 }),
		writePath: 'POST /v1/persons',
		create: (s, n, init = {}) =>
			fetch(`${s.url}/v1/persons`, {
				method: 'POST',
				headers: {
					Authorization: `Bearer ${s.credentials.apiKey}`,
					'Content-Type': 'application/json',
				},
				body: JSON.stringify({
					name: `Fault Case${n}`,
					linkedin_url: `https://www.linkedin.com/in/fault-case${n}`,
				}),
				...init,
			}),
		find: async (s, n) => {
			const res = await fetch(`${s.url}/v1/persons/search`, {
				method: 'POST',
				headers: {
					Authorization: `Bearer ${s.credentials.apiKey}`,
					'Content-Type': 'application/json',
				},
				body: JSON.stringify({
					linkedin_url: `https://www.linkedin.com/in/fault-case${n}`,
					offset: 0,
					limit: 5,
				}),
			});
			return ((await res.json()) as { data: unknown[] }).data;
		},
		count: (s) => s.state().counts.persons,
	},
	{
		name: 'IntelliHR',
		start: () => startIntelliHrSandbox(),
		writePath: 'POST /v1/people',
		create: (s, n, init = {}) =>
			fetch(`${s.credentials.apiBaseUrl}/people`, {
				method: 'POST',
				headers: {
					Authorization: `Bearer ${s.credentials.apiKey}`,
					tenant: s.credentials.subdomain,
					'Content-Type': 'application/json',
				},
				body: JSON.stringify({
					firstName: 'Fault',
					lastName: `Case${n}`,
					emailAddresses: [
						{ email: `fault.case${n}@example.com`, isPrimary: true, isPersonal: true },
					],
				}),
				...init,
			}),
		find: async (s, n) => {
			const res = await fetch(
				`${s.credentials.apiBaseUrl}/people?filters%5BprimaryEmailAddress%5D%5Beq%5D=fault.case${n}%40example.com`,
				{
					headers: {
						Authorization: `Bearer ${s.credentials.apiKey}`,
						tenant: s.credentials.subdomain,
					},
				},
			);
			return ((await res.json()) as { data: unknown[] }).data;
		},
		count: (s) => s.state().people.filter((p: Any) => p.lastName?.startsWith('Case')).length,
	},
];

describe.each(systems.map((s) => [s.name, s] as const))('%s write faults', (_name, sys) => {
	let s: Any;
	beforeAll(async () => {
		s = await sys.start();
	});
	afterAll(async () => s.close());
	beforeEach(() => s.reset());

	test('resetAfterWriteRate: applied, the answer lost', async () => {
		s.setFaults({ resetAfterWriteRate: 1, only: [sys.writePath] });
		await expect(sys.create(s, 1)).rejects.toThrow();
		expect(sys.count(s)).toBe(1);
	});

	test('lateAfterWriteRate: applied at once, answered after the client gave up', async () => {
		s.setFaults({ lateAfterWriteRate: 1, lateAfterWriteMs: 300, only: [sys.writePath] });
		await expect(sys.create(s, 2, { signal: AbortSignal.timeout(80) })).rejects.toThrow();
		expect(sys.count(s)).toBe(1);
		await new Promise((r) => setTimeout(r, 300));
	});

	test('searchLagMs: the new record shows in searches only after the lag', async () => {
		s.setFaults({ searchLagMs: 300 });
		expect((await sys.create(s, 3)).status).toBeLessThan(300);
		expect(await sys.find(s, 3)).toEqual([]);
		await new Promise((r) => setTimeout(r, 350));
		expect(await sys.find(s, 3)).toHaveLength(1);
	});

	test('html200Rate: a 200 HTML page, nothing applied', async () => {
		s.setFaults({ html200Rate: 1, only: [sys.writePath] });
		const res = await sys.create(s, 4);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/text\/html/);
		expect(sys.count(s)).toBe(0);
	});
});
