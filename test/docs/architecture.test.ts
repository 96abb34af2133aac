import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * docs/architecture.md stays true to the tree: every path it names exists, and the import rules it
 * states hold for every file under nodes/ and credentials/.
 */

const ROOT = path.join(__dirname, '../..');
const DOC = fs.readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');

function filesUnder(dir: string): string[] {
	return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
		const rel = `${dir}/${e.name}`;
		if (e.isDirectory()) return filesUnder(rel);
		return e.name.endsWith('.ts') ? [rel] : [];
	});
}

/** The repository paths a file imports (relative imports only), without extension. */
function importsOf(file: string): string[] {
	const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
	return [...text.matchAll(/^import\s[^;]*?from\s+'(\.[^']+)'/gms)].map((m) =>
		path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1])),
	);
}

const SOURCES = [...filesUnder('nodes'), ...filesUnder('credentials')];
const SYSTEMS = fs
	.readdirSync(path.join(ROOT, 'nodes'), { withFileTypes: true })
	.filter((e) => e.isDirectory() && e.name !== 'shared')
	.map((e) => e.name);

const systemOf = (p: string) => (p.startsWith('nodes/') ? p.split('/')[1] : undefined);

describe('docs/architecture.md', () => {
	test('every path it names exists', () => {
		const named = [...DOC.matchAll(/`((?:nodes|credentials|test|docs)\/[^`<>*\s]*)`/g)].map(
			(m) => m[1],
		);
		expect(named.length).toBeGreaterThan(20);
		const missing = named.filter((p) => !fs.existsSync(path.join(ROOT, p)));
		expect(missing).toEqual([]);
	});

	test('it names every trigger and every shared folder', () => {
		for (const system of SYSTEMS.filter((s) => s.endsWith('Trigger')))
			expect(DOC).toContain(`nodes/${system}/`);
		for (const dir of ['candidate', 'trigger', 'export', 'http', 'descriptions'])
			expect(DOC).toContain(`nodes/shared/${dir}/`);
	});
});

describe('import rules', () => {
	const violations = (check: (file: string, target: string) => boolean) =>
		SOURCES.flatMap((file) =>
			importsOf(file)
				.filter((target) => check(file, target))
				.map((target) => `${file} → ${target}`),
		);

	test('credentials import nothing from nodes/ but nodes/shared/origins.ts', () => {
		expect(
			violations(
				(file, target) =>
					file.startsWith('credentials/') &&
					target.startsWith('nodes/') &&
					target !== 'nodes/shared/origins',
			),
		).toEqual([]);
	});

	test('origins.ts is network-free: no HTTP core, no node internals', () => {
		expect(
			violations(
				(file, target) =>
					file === 'nodes/shared/origins.ts' &&
					(target.startsWith('nodes/shared/http') || systemOf(target) !== 'shared'),
			),
		).toEqual([]);
	});

	test('a system folder imports shared code and its own files only; shared imports no system', () => {
		expect(
			violations((file, target) => {
				const from = systemOf(file);
				const to = systemOf(target);
				if (!from || !to) return false;
				return from === 'shared' ? to !== 'shared' : to !== from && to !== 'shared';
			}),
		).toEqual([]);
	});

	test('the HTTP core imports only errors.ts, runState.ts and secrets.ts outside itself', () => {
		expect(
			violations(
				(file, target) =>
					file.startsWith('nodes/shared/http/') &&
					target.startsWith('nodes/') &&
					!target.startsWith('nodes/shared/http/') &&
					!['nodes/shared/errors', 'nodes/shared/runState', 'nodes/shared/secrets'].includes(
						target,
					),
			),
		).toEqual([]);
	});

	test('the candidate contract and the trigger kit depend only on values.ts and secrets.ts', () => {
		expect(
			violations((file, target) => {
				const own = ['nodes/shared/candidate/', 'nodes/shared/trigger/'].find((d) =>
					file.startsWith(d),
				);
				return (
					own !== undefined &&
					target.startsWith('nodes/') &&
					!target.startsWith(own) &&
					target !== 'nodes/shared/values' &&
					target !== 'nodes/shared/secrets'
				);
			}),
		).toEqual([]);
	});

	test('shared/descriptions holds UI descriptions only: nothing but types is imported', () => {
		const runtime = filesUnder('nodes/shared/descriptions').filter((file) =>
			/^import\s+(?!type\b)/m.test(fs.readFileSync(path.join(ROOT, file), 'utf8')),
		);
		expect(runtime).toEqual([]);
	});

	test('every trigger has the same parts', () => {
		for (const system of SYSTEMS.filter((s) => s.endsWith('Trigger'))) {
			const dir = path.join(ROOT, 'nodes', system);
			for (const part of [`${system}.node.ts`, 'description.ts', 'settings.ts', 'handler.ts'])
				expect(fs.existsSync(path.join(dir, part))).toBe(true);
			const adapters =
				fs.existsSync(path.join(dir, 'adapter.ts')) || fs.existsSync(path.join(dir, 'adapters'));
			expect(adapters).toBe(true);
		}
	});
});
