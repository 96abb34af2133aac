// Offline stand-in for `npx @n8n/scan-community-package n8n-nodes-ats-sync` (which needs the package
// on npm with provenance and its GitHub source). Runs the scanner's own two lint legs, with its own
// config and file globs: the source tree, and the unpacked `npm pack` tarball.
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
	console.log(
		`tarball: ${files.length} files, ${(packed[0].size / 1024).toFixed(1)} kB${unexpected.length ? `; unexpected: ${unexpected.join(', ')}` : ''}`,
	);
	const legs = [
		['source', await analyzePackage(root, SOURCE_FILE_PATTERNS)],
		['tarball', await analyzePackage(path.join(tmp, 'package'), ['**/*.js', 'package.json'])],
	];
	for (const [leg, r] of legs) {
		console.log(`${r.passed ? 'PASS' : 'FAIL'} ${leg}${r.message ? `: ${r.message}` : ''}`);
		if (r.details) console.log(r.details);
	}
	ok = legs.every(([, r]) => r.passed) && unexpected.length === 0;
} finally {
	fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
