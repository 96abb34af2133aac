/**
 * Regular expressions for user conditions, matched in time linear in the text. JavaScript's
 * RegExp backtracks: `.*a.*b.*c` on a 2 KB reply took seconds, and n8n's single thread stops
 * every workflow meanwhile. Here a pattern is parsed into a small automaton and run as a
 * Thompson NFA (https://swtch.com/~rsc/regexp/regexp1.html), with a lazily built DFA when the
 * pattern has no anchors or word boundaries: each character of the text is read once.
 *
 * The supported subset is JavaScript's syntax without the features that need backtracking:
 * backreferences (\1, \k<name>) and lookarounds ((?=, (?!, (?<=, (?<!) are refused with a message
 * that says so. Flags i, m and s are honoured (/.../ims); others are refused.
 */

export class UnsupportedPattern extends Error {}

/** Characters one step may read: a few codes (literals), or a table over all UTF-16 code units. */
type CharSet = { codes: number[] } | { table: Uint8Array };

type Node =
	| { t: 'set'; set: CharSet }
	| { t: 'cat'; items: Node[] }
	| { t: 'alt'; items: Node[] }
	| { t: 'rep'; node: Node; min: number; max: number }
	| { t: 'assert'; kind: Assert };

type Assert = 'bol' | 'eol' | 'word' | 'notWord';

/** One instruction: match a set, split, jump, assert, or accept. */
type Inst =
	| { op: 'set'; set: CharSet }
	| { op: 'split'; x: number; y: number }
	| { op: 'jmp'; x: number }
	| { op: 'assert'; kind: Assert }
	| { op: 'match' };

const MAX_PROGRAM = 5000;
const MAX_PATTERN = 2000;
const MAX_DFA_STATES = 4000;
const MAX_CLASSES = 64;
const INFINITE = -1;

export interface LinearRegex {
	test(text: string): boolean;
}

/** "/^acme/i" keeps its flags; a bare pattern ignores case. Throws UnsupportedPattern with why. */
export function compileLinearRegex(pattern: string): LinearRegex {
	const m = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
	const source = m ? m[1] : pattern;
	const flags = m ? m[2].replace('g', '') : 'i';
	const bad = flags.replace(/[ims]/g, '');
	if (bad) throw new UnsupportedPattern(`the flag "${bad[0]}" is not supported (use i, m or s)`);
	if (source.length > MAX_PATTERN)
		throw new UnsupportedPattern(`is longer than ${MAX_PATTERN} characters`);
	const opts = { i: flags.includes('i'), m: flags.includes('m'), s: flags.includes('s') };
	const ast = new Parser(source, opts).parseAll();
	const prog = compile(ast);
	const hasAssert = prog.some((inst) => inst.op === 'assert');
	return { test: (text) => (hasAssert ? pike(prog, text, opts.m) : dfaTest(prog, text)) };
}

// --- Parsing -----------------------------------------------------------------------------------

class Parser {
	private pos = 0;
	private classes = 0;

	constructor(
		private readonly src: string,
		private readonly opts: { i: boolean; m: boolean; s: boolean },
	) {}

	parseAll(): Node {
		const node = this.alt();
		if (this.pos < this.src.length) throw new UnsupportedPattern('has an unmatched ")"');
		return node;
	}

	private alt(): Node {
		const items = [this.cat()];
		while (this.src[this.pos] === '|') {
			this.pos++;
			items.push(this.cat());
		}
		return items.length === 1 ? items[0] : { t: 'alt', items };
	}

	private cat(): Node {
		const items: Node[] = [];
		while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')')
			items.push(this.repeat());
		return { t: 'cat', items };
	}

	private repeat(): Node {
		const start = this.pos;
		const atom = this.atom();
		const q = this.quantifier();
		if (!q) return atom;
		if (atom.t === 'assert')
			throw new UnsupportedPattern(`repeats an anchor at position ${start + 1}`);
		if (this.src[this.pos] === '?') this.pos++; // lazy: the same yes/no answer
		const after = this.src[this.pos];
		if (after !== undefined && '*+?'.includes(after))
			throw new UnsupportedPattern(`has a quantifier after a quantifier at ${this.pos + 1}`);
		return { t: 'rep', node: atom, ...q };
	}

	private quantifier(): { min: number; max: number } | undefined {
		const c = this.src[this.pos];
		if (c === '*' || c === '+' || c === '?') {
			this.pos++;
			return { min: c === '+' ? 1 : 0, max: c === '?' ? 1 : INFINITE };
		}
		if (c !== '{') return undefined;
		const m = /^\{(\d{1,4})(,(\d{0,4}))?\}/.exec(this.src.slice(this.pos));
		if (!m) return undefined; // a literal "{", as in JavaScript
		this.pos += m[0].length;
		const min = Number(m[1]);
		const max = m[2] === undefined ? min : m[3] === '' ? INFINITE : Number(m[3]);
		if (max !== INFINITE && max < min)
			throw new UnsupportedPattern(`has a repetition {${min},${max}} out of order`);
		return { min, max };
	}

	private atom(): Node {
		const c = this.src[this.pos++];
		if (c === '(') return this.group();
		if (c === '[') return this.set(this.classBody());
		if (c === '.') return this.set(this.opts.s ? () => true : (x) => !isLineBreak(x));
		if (c === '^') return { t: 'assert', kind: 'bol' };
		if (c === '$') return { t: 'assert', kind: 'eol' };
		if (c === '\\') return this.escape();
		if (c === '*' || c === '+' || c === '?')
			throw new UnsupportedPattern(`has "${c}" with nothing to repeat at ${this.pos}`);
		return this.literal(c.charCodeAt(0));
	}

	private group(): Node {
		if (this.src.startsWith('?:', this.pos)) this.pos += 2;
		else if (/^\?<[A-Za-z_$][\w$]*>/.test(this.src.slice(this.pos)))
			this.pos = this.src.indexOf('>', this.pos) + 1;
		else if (this.src[this.pos] === '?')
			throw new UnsupportedPattern(
				'uses a lookahead or lookbehind ((?=, (?!, (?<=, (?<!), which is not supported',
			);
		const node = this.alt();
		if (this.src[this.pos] !== ')') throw new UnsupportedPattern('has an unclosed "("');
		this.pos++;
		return node;
	}

	private escape(): Node {
		const c = this.src[this.pos];
		if (c === 'b' || c === 'B') {
			this.pos++;
			return { t: 'assert', kind: c === 'b' ? 'word' : 'notWord' };
		}
		const named = this.escapeSet();
		return typeof named === 'number' ? this.literal(named) : this.set(named);
	}

	/** What an escape stands for, after the backslash: a class (\d, \w, \s, ...) or one code. */
	private escapeSet(): ((x: number) => boolean) | number {
		const c = this.src[this.pos++];
		if (c === undefined) throw new UnsupportedPattern('ends with a lone "\\"');
		if (/[1-9]/.test(c) || (c === 'k' && this.src[this.pos] === '<'))
			throw new UnsupportedPattern('uses a backreference (\\1, \\k<name>), which is not supported');
		if (c === 'p' || c === 'P')
			throw new UnsupportedPattern('uses \\p{...} Unicode properties, which are not supported');
		return NAMED_ESCAPES[c] ?? this.codeEscape(c);
	}

	private codeEscape(c: string): number {
		const simple: Record<string, number> = { n: 10, r: 13, t: 9, v: 11, f: 12, '0': 0 };
		if (c in simple) return simple[c];
		const hex = c === 'x' ? 2 : c === 'u' ? 4 : 0;
		if (hex) {
			const digits = this.src.slice(this.pos, this.pos + hex);
			if (new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(digits)) {
				this.pos += hex;
				return parseInt(digits, 16);
			}
		}
		return c.charCodeAt(0);
	}

	/** The inside of [...], as a predicate (negation applied after case folding, as JavaScript does). */
	private classBody(): { test: (x: number) => boolean; negated: boolean } {
		const negated = this.src[this.pos] === '^';
		if (negated) this.pos++;
		const parts: Array<(x: number) => boolean> = [];
		while (this.src[this.pos] !== ']') {
			if (this.pos >= this.src.length) throw new UnsupportedPattern('has an unclosed "["');
			const lo = this.classAtom();
			if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']' && 'code' in lo) {
				this.pos++;
				const hi = this.classAtom();
				if (!('code' in hi)) throw new UnsupportedPattern('has a range with a class in it');
				if (hi.code < lo.code) throw new UnsupportedPattern('has a character range out of order');
				parts.push((x) => x >= lo.code && x <= hi.code);
			} else parts.push('code' in lo ? (x) => x === lo.code : lo.test);
		}
		this.pos++;
		return { test: (x) => parts.some((p) => p(x)), negated };
	}

	private classAtom(): { code: number } | { test: (x: number) => boolean } {
		const c = this.src[this.pos++];
		if (c !== '\\') return { code: c.charCodeAt(0) };
		if (this.src[this.pos] === 'b') {
			this.pos++;
			return { code: 8 }; // backspace inside a class
		}
		const e = this.escapeSet();
		return typeof e === 'number' ? { code: e } : { test: e };
	}

	private literal(code: number): Node {
		return { t: 'set', set: { codes: this.opts.i ? sameCase(code) : [code] } };
	}

	private set(
		p: ((x: number) => boolean) | { test: (x: number) => boolean; negated: boolean },
	): Node {
		const test = typeof p === 'function' ? p : p.test;
		const negated = typeof p === 'function' ? false : p.negated;
		if (++this.classes > MAX_CLASSES)
			throw new UnsupportedPattern(`has more than ${MAX_CLASSES} character classes`);
		const table = new Uint8Array(0x10000);
		for (let x = 0; x < 0x10000; x++) table[x] = test(x) ? 1 : 0;
		if (this.opts.i) foldCase(table);
		if (negated) for (let x = 0; x < 0x10000; x++) table[x] ^= 1;
		return { t: 'set', set: { table } };
	}
}

const isLineBreak = (x: number) => x === 10 || x === 13 || x === 0x2028 || x === 0x2029;
const isDigit = (x: number) => x >= 48 && x <= 57;
const isWord = (x: number) =>
	isDigit(x) || (x >= 65 && x <= 90) || (x >= 97 && x <= 122) || x === 95;
const isSpace = (x: number) =>
	(x >= 9 && x <= 13) ||
	x === 32 ||
	x === 0xa0 ||
	x === 0x1680 ||
	(x >= 0x2000 && x <= 0x200a) ||
	x === 0x2028 ||
	x === 0x2029 ||
	x === 0x202f ||
	x === 0x205f ||
	x === 0x3000 ||
	x === 0xfeff;

const NAMED_ESCAPES: Record<string, (x: number) => boolean> = {
	d: isDigit,
	D: (x) => !isDigit(x),
	w: isWord,
	W: (x) => !isWord(x),
	s: isSpace,
	S: (x) => !isSpace(x),
};

let canonical: Uint16Array | undefined;
let byCanonical: Map<number, number[]> | undefined;

/** JavaScript's non-Unicode case folding (Canonicalize): a character stands for its upper case. */
function canonicalTable(): Uint16Array {
	if (!canonical) {
		canonical = new Uint16Array(0x10000);
		for (let x = 0; x < 0x10000; x++) {
			const up = String.fromCharCode(x).toUpperCase();
			const u = up.length === 1 ? up.charCodeAt(0) : x;
			canonical[x] = x >= 128 && u < 128 ? x : u;
		}
	}
	return canonical;
}

/** Every code unit that matches `code` when case is ignored. */
function sameCase(code: number): number[] {
	const canon = canonicalTable();
	if (!byCanonical) {
		byCanonical = new Map();
		for (let x = 0; x < 0x10000; x++) {
			const list = byCanonical.get(canon[x]);
			if (list) list.push(x);
			else byCanonical.set(canon[x], [x]);
		}
	}
	return byCanonical.get(canon[code]) ?? [code];
}

function foldCase(table: Uint8Array): void {
	const canon = canonicalTable();
	const members = new Uint8Array(0x10000);
	for (let x = 0; x < 0x10000; x++) if (table[x]) members[canon[x]] = 1;
	for (let x = 0; x < 0x10000; x++) if (members[canon[x]]) table[x] = 1;
}

const reads = (set: CharSet, c: number): boolean =>
	'table' in set ? set.table[c] === 1 : set.codes.includes(c);

// --- Compiling ---------------------------------------------------------------------------------

function compile(ast: Node): Inst[] {
	const prog: Inst[] = [];
	const emit = (inst: Inst) => {
		if (prog.length >= MAX_PROGRAM)
			throw new UnsupportedPattern('is too large once its repetitions are expanded');
		prog.push(inst);
		return prog.length - 1;
	};
	const gen = (n: Node): void => {
		if (n.t === 'set') emit({ op: 'set', set: n.set });
		else if (n.t === 'assert') emit({ op: 'assert', kind: n.kind });
		else if (n.t === 'cat') n.items.forEach(gen);
		else if (n.t === 'alt') genAlt(n.items, gen, emit, prog);
		else genRep(n, gen, emit, prog);
	};
	gen(ast);
	emit({ op: 'match' });
	return prog;
}

type Emit = (inst: Inst) => number;

function genAlt(items: Node[], gen: (n: Node) => void, emit: Emit, prog: Inst[]): void {
	const jumps: number[] = [];
	for (let k = 0; k < items.length - 1; k++) {
		const split = emit({ op: 'split', x: 0, y: 0 });
		gen(items[k]);
		jumps.push(emit({ op: 'jmp', x: 0 }));
		prog[split] = { op: 'split', x: split + 1, y: prog.length };
	}
	gen(items[items.length - 1]);
	for (const j of jumps) prog[j] = { op: 'jmp', x: prog.length };
}

function genRep(
	n: { node: Node; min: number; max: number },
	gen: (n: Node) => void,
	emit: Emit,
	prog: Inst[],
): void {
	for (let k = 0; k < n.min; k++) gen(n.node);
	if (n.max === INFINITE) {
		const split = emit({ op: 'split', x: 0, y: 0 });
		gen(n.node);
		emit({ op: 'jmp', x: split });
		prog[split] = { op: 'split', x: split + 1, y: prog.length };
		return;
	}
	const splits: number[] = [];
	for (let k = n.min; k < n.max; k++) {
		splits.push(emit({ op: 'split', x: 0, y: 0 }));
		gen(n.node);
	}
	for (const s of splits) prog[s] = { op: 'split', x: s + 1, y: prog.length };
}

// --- Matching ----------------------------------------------------------------------------------

/** The instructions reachable from `pcs` without reading a character (assertions checked at `pos`). */
function closure(
	prog: Inst[],
	starts: number[],
	text: string,
	pos: number,
	multiline: boolean,
	mark: Uint32Array,
	stamp: number,
	out: number[],
): void {
	const stack = [...starts];
	while (stack.length) {
		const pc = stack.pop() as number;
		if (mark[pc] === stamp) continue;
		mark[pc] = stamp;
		const inst = prog[pc];
		if (inst.op === 'jmp') stack.push(inst.x);
		else if (inst.op === 'split') stack.push(inst.y, inst.x);
		else if (inst.op === 'assert') {
			if (holds(inst.kind, text, pos, multiline)) stack.push(pc + 1);
		} else out.push(pc);
	}
}

function holds(kind: Assert, text: string, pos: number, multiline: boolean): boolean {
	const before = pos > 0 ? text.charCodeAt(pos - 1) : -1;
	const after = pos < text.length ? text.charCodeAt(pos) : -1;
	if (kind === 'bol') return pos === 0 || (multiline && isLineBreak(before));
	if (kind === 'eol') return pos === text.length || (multiline && isLineBreak(after));
	const boundary = (before >= 0 && isWord(before)) !== (after >= 0 && isWord(after));
	return kind === 'word' ? boundary : !boundary;
}

/** Thompson simulation: every live state advances together, one character at a time. */
function pike(prog: Inst[], text: string, multiline: boolean): boolean {
	const mark = new Uint32Array(prog.length);
	let stamp = 1;
	let current: number[] = [];
	closure(prog, [0], text, 0, multiline, mark, stamp, current);
	for (let pos = 0; ; pos++) {
		if (current.some((pc) => prog[pc].op === 'match')) return true;
		if (pos >= text.length) return false;
		const c = text.charCodeAt(pos);
		const moved: number[] = [];
		for (const pc of current) {
			const inst = prog[pc];
			if (inst.op === 'set' && reads(inst.set, c)) moved.push(pc + 1);
		}
		moved.push(0); // a match may also start at the next position
		const next: number[] = [];
		closure(prog, moved, text, pos + 1, multiline, mark, ++stamp, next);
		current = next;
	}
}

/** The same automaton as a DFA built while reading, for patterns without assertions. */
function dfaTest(prog: Inst[], text: string): boolean {
	const mark = new Uint32Array(prog.length);
	let stamp = 0;
	const states: Array<{ pcs: number[]; accepts: boolean; next: Map<number, number> }> = [];
	const index = new Map<string, number>();
	const stateOf = (starts: number[]): number => {
		const pcs: number[] = [];
		closure(prog, starts, text, 0, false, mark, ++stamp, pcs);
		pcs.sort((a, b) => a - b);
		const key = pcs.join(',');
		let id = index.get(key);
		if (id === undefined) {
			if (states.length >= MAX_DFA_STATES) return -1;
			id = states.length;
			states.push({ pcs, accepts: pcs.some((pc) => prog[pc].op === 'match'), next: new Map() });
			index.set(key, id);
		}
		return id;
	};
	let s = stateOf([0]);
	for (let pos = 0; pos < text.length; pos++) {
		if (s < 0) return pike(prog, text, false);
		const state = states[s];
		if (state.accepts) return true;
		const c = text.charCodeAt(pos);
		let n = state.next.get(c);
		if (n === undefined) {
			const moved = state.pcs.filter((pc) => {
				const inst = prog[pc];
				return inst.op === 'set' && reads(inst.set, c);
			});
			n = stateOf([...moved.map((pc) => pc + 1), 0]);
			state.next.set(c, n);
		}
		s = n;
	}
	return s < 0 ? pike(prog, text, false) : states[s].accepts;
}
