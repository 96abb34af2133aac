// Offline stand-in for `npx @n8n/scan-community-package n8n-nodes-ats-sync` (which needs the package
// on npm with provenance and its GitHub source). Runs the scanner's own two lint legs, with its own
// config and file globs: the source tree, and the unpacked `npm pack` tarball. Also checks that the
// tarball holds what n8n loads (see missingFromTarball) and nothing unexpected.
// Usage: node scripts/scan-local.mjs [packageDir]   (run `npm run build` first)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(process.argv[2] ?? '.');

/**
 * What n8n needs from the tarball, and nothing it does not: every file package.json "n8n" lists, each
 * node's codex file (<Name>.node.json beside <Name>.node.js: categories, search aliases, doc links), every
 * icon a node or credential names (`file:` paths, resolved from the built file), every icon in the sources;
 * no source maps and no type declarations (n8n loads only the .js).
 * @returns {string[]} one line per problem
 */
function missingFromTarball(files, unpacked) {
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	const problems = [];
	const need = (file, why) => {
		if (!files.has(file)) problems.push(`${file} is missing (${why})`);
	};
	const listed = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
	for (const f of listed) need(f, 'listed in package.json "n8n"');
	for (const f of pkg.n8n?.nodes ?? []) need(f.replace(/\.js$/, '.json'), 'codex of a node');
	for (const f of listed.filter((f) => files.has(f))) {
		const code = fs.readFileSync(path.join(unpacked, f), 'utf8');
		for (const [, icon] of code.matchAll(/["'`]file:([^"'`]+)["'`]/g))
			need(
				path.posix.normalize(path.posix.join(path.posix.dirname(f), icon)),
				`icon named by ${f}`,
			);
	}
	for (const dir of ['nodes', 'credentials'])
		for (const f of fs.readdirSync(path.join(root, dir), { recursive: true }))
			if (/\.(svg|png)$/.test(f))
				need(`dist/${dir}/${f.split(path.sep).join('/')}`, 'icon in the sources');
	for (const f of files)
		if (/\.(map|d\.ts)$/.test(f)) problems.push(`${f} should not ship (n8n loads only the .js)`);
	return problems;
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-scan-'));
let ok = false;
try {
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', tmp], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}),
	);
	execFileSync('tar', ['-xzf', path.join(tmp, packed[0].filename), '-C', tmp]);
	const files = packed[0].files.map((f) => f.path);
	const unexpected = files.filter(
		(f) =>
			!/^(dist\/|package\.json$|index\.js$|README\.md$|LICENSE(\.md)?$|CHANGELOG\.md$)/.test(f),
	);
	const missing = missingFromTarball(new Set(files), path.join(tmp, 'package'));
	console.log(
		`tarball: ${files.length} files, ${(packed[0].size / 1024).toFixed(1)} kB${unexpected.length ? `; unexpected: ${unexpected.join(', ')}` : ''}`,
	);
	for (const m of missing) console.log(`FAIL tarball contents: ${m}`);
	const legs = [
		['source', await analyzePackage(root, SOURCE_FILE_PATTERNS)],
		['tarball', await analyzePackage(path.join(tmp, 'package'), ['**/*.js', 'package.json'])],
	];
	for (const [leg, r] of legs) {
		console.log(`${r.passed ? 'PASS' : 'FAIL'} ${leg}${r.message ? `: ${r.message}` : ''}`);
		if (r.details) console.log(r.details);
	}
	ok = legs.every(([, r]) => r.passed) && unexpected.length === 0 && missing.length === 0;
} finally {
	fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
