/**
 * Just enough Markdown for checking links: the files of the documentation, the headings of a file as
 * GitHub turns them into anchors, and the links of a file.
 */
import { existsSync, readFileSync, readdirSync } from 'fs';
import { join, posix } from 'path';

export const ROOT = join(__dirname, '../..');
export const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
export const PKG = JSON.parse(read('package.json'));
/** Where the in-app links point: the repository on GitHub, main branch. */
export const BLOB = `${PKG.homepage}/blob/main/`;

/** README.md and every Markdown file under docs/, as repository paths. */
export function markdownFiles(): string[] {
	const docs = readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.md'))
		.map((f) => posix.join('docs', f.split('\\').join('/')));
	return ['README.md', ...docs.sort()];
}

/** The text outside fenced code blocks, so `# comments` and `[x](y)` in code are not taken for Markdown. */
function prose(text: string): string {
	let fenced = false;
	return text
		.split('\n')
		.map((line) => {
			if (/^\s*```/.test(line)) {
				fenced = !fenced;
				return '';
			}
			return fenced ? '' : line;
		})
		.join('\n');
}

/**
 * GitHub's heading anchors (github-slugger): the heading's text without Markdown, lower case, every
 * character that is not a letter, digit, space, hyphen or underscore dropped, spaces turned into hyphens;
 * a repeated anchor gets -1, -2, ...
 */
export function anchors(path: string): Set<string> {
	const seen = new Map<string, number>();
	const out = new Set<string>();
	for (const line of prose(read(path)).split('\n')) {
		const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
		if (!m) continue;
		const text = m[1]
			.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/<[^>]+>/g, '')
			.replace(/[`*]/g, '');
		const base = text
			.toLowerCase()
			.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
			.replace(/ /g, '-');
		const n = seen.get(base) ?? 0;
		seen.set(base, n + 1);
		out.add(n ? `${base}-${n}` : base);
	}
	return out;
}

/** Every link and image target in a Markdown file: [text](target), ![alt](target), <img src="target">. */
export function links(path: string): string[] {
	const text = prose(read(path)).replace(/`[^`\n]*`/g, '');
	const found = [...text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
	const images = [...text.matchAll(/<img\s[^>]*src="([^"]+)"/g)].map((m) => m[1]);
	return [...found, ...images];
}

/**
 * What is wrong with a link to `file#anchor` (repository path), or undefined when it lands: the file
 * (or folder) exists, and a Markdown file has the heading.
 */
export function problemWith(file: string, anchor?: string): string | undefined {
	if (!existsSync(join(ROOT, file))) return `${file} does not exist`;
	if (!anchor) return undefined;
	if (!file.endsWith('.md')) return `${file} is not Markdown, so #${anchor} cannot be checked`;
	return anchors(file).has(anchor) ? undefined : `${file} has no heading for #${anchor}`;
}

/** A repository path and anchor for a documentation URL on GitHub (`<homepage>/blob/main/...`). */
export function repoTarget(url: string): { file: string; anchor?: string } | undefined {
	if (!url.startsWith(BLOB)) return undefined;
	const [file, anchor] = url.slice(BLOB.length).split('#');
	return { file, anchor };
}
