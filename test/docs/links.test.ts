/**
 * Every documentation link n8n shows in the app lands on the right page: each credential's
 * documentationUrl, each node codex's primaryDocumentation and credentialDocumentation. And every
 * relative link in the README and docs/ reaches an existing file and heading.
 */
import { readdirSync, readFileSync } from 'fs';
import { join, posix } from 'path';
import type { ICredentialType, INodeType } from 'n8n-workflow';

import { anchors, BLOB, links, markdownFiles, PKG, problemWith, read, repoTarget, ROOT } from './markdown';

/* eslint-disable @typescript-eslint/no-require-imports */
const load = <T>(path: string): T => {
	const mod = require(join(ROOT, path)) as Record<string, new () => T>;
	return new (Object.values(mod)[0])();
};
/* eslint-enable @typescript-eslint/no-require-imports */

const credentialFiles = readdirSync(join(ROOT, 'credentials')).filter((f) =>
	f.endsWith('.credentials.ts'),
);
const credentials = credentialFiles.map((f) => load<ICredentialType>(`credentials/${f}`));
const credentialByName = new Map(credentials.map((c) => [c.name, c]));
const nodeFiles: string[] = PKG.n8n.nodes.map((p: string) =>
	p.replace(/^dist\//, '').replace(/\.js$/, '.ts'),
);
const nodes = nodeFiles.map((f) => ({ file: f, description: load<INodeType>(f).description }));

/** The page's first heading, e.g. "# Greenhouse Harvest V3 API credentials". */
const title = (file: string) => /^# (.+)$/m.exec(read(file))?.[1] ?? '';

describe('credentials: documentationUrl', () => {
	it('every credential of package.json "n8n" is checked', () => {
		expect(credentials.map((c) => `dist/credentials/${c.constructor.name}.credentials.js`).sort()).toEqual(
			[...PKG.n8n.credentials].sort(),
		);
	});

	it.each(credentials.map((c) => [c.displayName, c] as const))(
		'%s links to its own page under docs/credentials/',
		(displayName, cred) => {
			const target = repoTarget(String(cred.documentationUrl));
			expect(target?.file).toMatch(/^docs\/credentials\/[a-z0-9-]+\.md$/);
			expect(problemWith(target!.file, target!.anchor)).toBeUndefined();
			expect(title(target!.file)).toBe(`${displayName} credentials`);
		},
	);

	it('no two credentials share a page', () => {
		const pages = credentials.map((c) => c.documentationUrl);
		expect(new Set(pages).size).toBe(pages.length);
	});
});

describe('nodes: codex files', () => {
	// n8n's node categories: https://github.com/n8n-io/n8n-docs/blob/main/docs/integrations/creating-nodes/build/node-categories.md
	const CATEGORIES = [
		'Analytics',
		'Communication',
		'Data & Storage',
		'Development',
		'Finance & Accounting',
		'Marketing & Content',
		'Miscellaneous',
		'Productivity',
		'Sales',
		'Utility',
	];

	describe.each(nodes.map((n) => [n.description.displayName, n] as const))('%s', (_, node) => {
		const codexPath = node.file.replace(/\.ts$/, '.json');
		const codex = JSON.parse(read(codexPath));

		it('names the node and uses n8n categories', () => {
			expect(codex.node).toBe(`${PKG.name}.${node.description.name}`);
			expect(codex.categories.length).toBeGreaterThan(0);
			for (const c of codex.categories) expect(CATEGORIES).toContain(c);
		});

		it('has search aliases, without duplicates', () => {
			expect(codex.alias.length).toBeGreaterThanOrEqual(5);
			const lower = codex.alias.map((a: string) => a.toLowerCase());
			expect(new Set(lower).size).toBe(lower.length);
		});

		it("primaryDocumentation is the node's page under docs/nodes/", () => {
			const [primary, ...more] = codex.resources.primaryDocumentation;
			expect(more).toEqual([]);
			const target = repoTarget(primary.url);
			expect(target?.file).toMatch(/^docs\/nodes\/[a-z0-9-]+\.md$/);
			expect(problemWith(target!.file, target!.anchor)).toBeUndefined();
			expect(title(target!.file)).toBe(`${node.description.displayName} node`);
		});

		it("credentialDocumentation is the pages of exactly the node's credentials", () => {
			const declared = (node.description.credentials ?? []).map((c) =>
				String(credentialByName.get(c.name)?.documentationUrl),
			);
			const linked = (codex.resources.credentialDocumentation ?? []).map(
				(r: { url: string }) => r.url,
			);
			expect([...linked].sort()).toEqual([...declared].sort());
			for (const url of linked) expect(problemWith(repoTarget(url)!.file)).toBeUndefined();
		});

		it("its page links to each of its credentials' pages", () => {
			const page = repoTarget(codex.resources.primaryDocumentation[0].url)!.file;
			const targets = links(page).map((l) => posix.normalize(posix.join(posix.dirname(page), l)));
			for (const c of node.description.credentials ?? []) {
				const credPage = repoTarget(String(credentialByName.get(c.name)?.documentationUrl))!.file;
				expect(targets).toContain(credPage);
			}
		});
	});
});

describe('relative links in README.md and docs/', () => {
	const cases = markdownFiles().flatMap((file) =>
		links(file)
			.filter((l) => !/^[a-z]+:/i.test(l))
			.map((l) => [file, l] as const),
	);

	it('there are links to check', () => {
		expect(cases.length).toBeGreaterThan(50);
	});

	it.each(cases)('%s → %s', (file, link) => {
		const [path, anchor] = link.split('#');
		const target = path ? posix.normalize(posix.join(posix.dirname(file), path)) : file;
		expect(target.startsWith('..')).toBe(false);
		expect(problemWith(target, anchor)).toBeUndefined();
	});

	it('absolute links to this repository use the same form as the in-app links', () => {
		for (const file of markdownFiles())
			for (const l of links(file).filter((x) => x.startsWith(PKG.homepage)))
				expect(problemWith(repoTarget(l)?.file ?? `(not under ${BLOB}) ${l}`)).toBeUndefined();
	});
});

describe('README.md is the front page', () => {
	const readme = read('README.md');
	const linked = new Set(links('README.md').map((l) => posix.normalize(l.split('#')[0])));

	it('stays short (about 15 KB at most)', () => {
		expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(15 * 1024);
	});

	it('says in its first lines that n8n Cloud cannot install it', () => {
		expect(readme.split('\n').slice(0, 10).join(' ')).toMatch(
			/n8n Cloud cannot install unverified community nodes/,
		);
	});

	it('links to every node page and every credential page', () => {
		const pages = ['docs/nodes', 'docs/credentials'].flatMap((dir) =>
			readdirSync(join(ROOT, dir)).map((f) => `${dir}/${f}`),
		);
		expect(pages.length).toBe(nodes.length + credentials.length);
		for (const page of pages) expect(linked).toContain(page);
	});

	it('shows one screenshot per node', () => {
		for (const node of nodes) {
			const shot = `docs/screenshots/node-${node.description.name}.png`;
			expect(linked).toContain(shot);
			expect(problemWith(shot)).toBeUndefined();
		}
	});

	it('gives the two first commands of a new user', () => {
		expect(readme).toContain('`npm install && npm run demo`');
		expect(readme).toContain('`npm install && npm test`');
	});

	it('has the sections a new user looks for', () => {
		for (const heading of ['quick-start', 'install', 'compatibility', 'troubleshooting'])
			expect(anchors('README.md')).toContain(heading);
	});

	it('lists every example workflow', () => {
		const examples = readdirSync(join(ROOT, 'examples/workflows')).filter((f) => f.endsWith('.json'));
		for (const f of examples) expect(readme).toContain(`\`${f}\``);
	});
});

describe('docs/development.md', () => {
	it('lists every npm script', () => {
		const doc = readFileSync(join(ROOT, 'docs/development.md'), 'utf8');
		const missing = Object.keys(PKG.scripts).filter(
			(s) =>
				!['test:unit', 'lint:fix', 'format', 'pack'].includes(s) &&
				!doc.includes(`npm run ${s}`) &&
				!doc.includes(`npm ${s}`),
		);
		expect(missing).toEqual([]);
	});
});
