/**
 * Regular expressions for user conditions, matched in time linear in the text. JavaScript's
 * RegExp backtracks: `.*a.*b.*c` on a 2 KB reply took seconds, and n8n's single thread stops
 * every workflow meanwhile. Here a pattern is parsed into a small automaton and run as a
 * lazily built DFA over a Thompson NFA (https://swtch.com/~rsc/regexp/regexp1.html): each
 * character of the text is read once, and costs at most the pattern's size.
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
/** Class tables kept across patterns (64 KB each): about 16 MB at most. */
const MAX_TABLES = 256;
const TABLES = new Map<string, Uint8Array>();
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
	// One DFA cache per text: states built for one reply are rarely reused by the next, and this
	// keeps memory bounded by MAX_DFA_STATES per call.
	return { test: (text) => new Matcher(prog, opts.m).test(text) };
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
		if (c === '[') {
			const start = this.pos - 1;
			const body = this.classBody();
			return this.set(body, this.src.slice(start, this.pos));
		}
		if (c === '.') return this.set(this.opts.s ? () => true : (x) => !isLineBreak(x), '.');
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
		return typeof named === 'number'
			? this.literal(named)
			: this.set(named, this.src.slice(this.pos - 2, this.pos));
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

	/** A class's table, built once per source text and flags (`.` and `\\d` recur in patterns). */
	private set(
		p: ((x: number) => boolean) | { test: (x: number) => boolean; negated: boolean },
		source: string,
	): Node {
		const key = `${this.opts.i ? 'i' : ''}${this.opts.s ? 's' : ''}/${source}`;
		const cached = TABLES.get(key);
		if (cached) return { t: 'set', set: { table: cached } };
		if (++this.classes > MAX_CLASSES)
			throw new UnsupportedPattern(`has more than ${MAX_CLASSES} different character classes`);
		const test = typeof p === 'function' ? p : p.test;
		const negated = typeof p === 'function' ? false : p.negated;
		const table = new Uint8Array(0x10000);
		for (let x = 0; x < 0x10000; x++) table[x] = test(x) ? 1 : 0;
		if (this.opts.i) foldCase(table);
		if (negated) for (let x = 0; x < 0x10000; x++) table[x] ^= 1;
		if (TABLES.size >= MAX_TABLES) TABLES.clear();
		TABLES.set(key, table);
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

/** What an assertion can see on either side of a position: nothing, a word character, a line break, other. */
const NONE = 0;
const WORD = 1;
const BREAK = 2;
const OTHER = 3;
const typeOf = (c: number) => (isWord(c) ? WORD : isLineBreak(c) ? BREAK : OTHER);

function holds(kind: Assert, before: number, after: number, multiline: boolean): boolean {
	if (kind === 'bol') return before === NONE || (multiline && before === BREAK);
	if (kind === 'eol') return after === NONE || (multiline && after === BREAK);
	return kind === 'word'
		? (before === WORD) !== (after === WORD)
		: (before === WORD) === (after === WORD);
}

interface State {
	/** Instructions waiting to read the next character (sorted), before following jumps. */
	kernel: number[];
	/** What the character before this position was (assertions look at it). */
	before: number;
	/** Next state per character code below 256 (undefined until first needed), then the rest. */
	low: Array<State | undefined>;
	high: Map<number, State>;
}

/** The transition's target when the pattern has matched before the character. */
const ACCEPT: State = { kernel: [], before: NONE, low: [], high: new Map() };

/**
 * A DFA built while reading (each state a set of NFA threads plus the type of the character
 * before), so every character costs one table lookup once its transition is known. When the
 * cache is full it is emptied and rebuilt from the current state (as RE2 does), which keeps the
 * work per character bounded by the pattern's size: linear in the text either way.
 */
class Matcher {
	private index = new Map<string, State>();
	private readonly mark: Uint32Array;
	private stamp = 0;

	constructor(
		private readonly prog: Inst[],
		private readonly multiline: boolean,
	) {
		this.mark = new Uint32Array(prog.length);
	}

	test(text: string): boolean {
		let state = this.stateOf([], NONE);
		const n = text.length;
		for (let pos = 0; pos < n; pos++) {
			const c = text.charCodeAt(pos);
			let next = c < 256 ? state.low[c] : state.high.get(c);
			if (next === undefined) {
				next = this.step(state, c);
				if (c < 256) state.low[c] = next;
				else state.high.set(c, next);
			}
			if (next === ACCEPT) return true;
			state = next;
		}
		return this.closure(state, NONE).some((pc) => this.prog[pc].op === 'match');
	}

	private step(state: State, c: number): State {
		const after = typeOf(c);
		const live = this.closure(state, after);
		const moved: number[] = [];
		for (const pc of live) {
			const inst = this.prog[pc];
			if (inst.op === 'match') return ACCEPT;
			if (inst.op === 'set' && reads(inst.set, c)) moved.push(pc + 1);
		}
		return this.stateOf(moved, after);
	}

	/** The SET and MATCH instructions reachable from the state's threads and a new start (a search). */
	private closure(state: State, after: number): number[] {
		const out: number[] = [];
		const stamp = ++this.stamp;
		const stack = [0, ...state.kernel];
		while (stack.length) {
			const pc = stack.pop() as number;
			if (this.mark[pc] === stamp) continue;
			this.mark[pc] = stamp;
			const inst = this.prog[pc];
			if (inst.op === 'jmp') stack.push(inst.x);
			else if (inst.op === 'split') stack.push(inst.y, inst.x);
			else if (inst.op === 'assert') {
				if (holds(inst.kind, state.before, after, this.multiline)) stack.push(pc + 1);
			} else out.push(pc);
		}
		return out;
	}

	private stateOf(kernel: number[], before: number): State {
		const sorted = [...new Set(kernel)].sort((a, b) => a - b);
		const key = `${before}:${sorted.join(',')}`;
		const known = this.index.get(key);
		if (known) return known;
		// A full cache is emptied; states still linked from the current one stay valid.
		if (this.index.size >= MAX_DFA_STATES) this.index = new Map();
		const state: State = { kernel: sorted, before, low: new Array(256), high: new Map() };
		this.index.set(key, state);
		return state;
	}
}
