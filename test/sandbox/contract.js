// @ts-check
'use strict';
/**
 * Vendor contracts (test/contracts/<system>/*.json) for the sandboxes: loading, matching a request to
 * its contract, and a small JSON Schema validator (the subset the contracts use: type, enum, const,
 * format, pattern, min/max, items, properties, required, additionalProperties, oneOf/anyOf/allOf/not,
 * nullable, $ref). Keys starting with "x-" are annotations (x-status confirmed|inferred, x-source)
 * and never affect validation. No dependencies, so the sandboxes stay runnable with plain `node`.
 */
const fs = require('node:fs');
const path = require('node:path');

const CONTRACTS_DIR = path.join(__dirname, '..', 'contracts');

/**
 * @typedef {Record<string, any>} Schema
 * @typedef {{ path: string, message: string }} Violation
 * @typedef {{
 *   id: string, system: string, method: string, path: string, host?: string, call?: string,
 *   usedBy?: string[], sources: Record<string, string>,
 *   request?: { contentType?: string, pathParams?: Schema, query?: Schema, body?: Schema },
 *   responses: Record<string, Schema>, reads?: string[], errors?: number[], file: string,
 *   match?: RegExp, paramNames?: string[]
 * }} Contract
 * @typedef {{ system: string, baseUrl: string, sources: Record<string, string>, errors: Record<string, Schema>, [k: string]: any }} SystemApi
 */

/** @type {Map<string, { api: SystemApi, contracts: Contract[] }>} */
const cache = new Map();

/** All contracts of one system (the folder name under test/contracts), $refs resolved. */
function loadSystem(/** @type {string} */ system, dir = CONTRACTS_DIR) {
	const key = `${dir}|${system}`;
	const hit = cache.get(key);
	if (hit) return hit;
	const folder = path.join(dir, system);
	const api = /** @type {SystemApi} */ (readJson(path.join(folder, '_api.json')));
	const files = fs
		.readdirSync(folder)
		.filter((f) => f.endsWith('.json') && !f.startsWith('_'))
		.sort();
	const contracts = files.map((f) => {
		const raw = readJson(path.join(folder, f));
		const c = /** @type {Contract} */ (resolveRefs(raw, raw, folder, new Set()));
		c.file = `${system}/${f}`;
		/** @type {string[]} */
		const names = [];
		const source = c.path
			.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
			.replace(/\\?\{(\w+)\\?\}/g, (_m, n) => {
				names.push(n);
				return '([^/]+)';
			});
		c.match = new RegExp(`^${source}$`);
		c.paramNames = names;
		return c;
	});
	const out = {
		api: /** @type {SystemApi} */ (resolveRefs(api, api, folder, new Set())),
		contracts,
	};
	cache.set(key, out);
	return out;
}

/** Every system folder that has an _api.json. */
function systems(dir = CONTRACTS_DIR) {
	return fs
		.readdirSync(dir, { withFileTypes: true })
		.filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, '_api.json')))
		.map((d) => d.name)
		.sort();
}

function readJson(/** @type {string} */ file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Inlines {"$ref": "#/x/y"} and {"$ref": "_api.json#/x/y"} (relative to the system folder).
 * @returns {any}
 */
function resolveRefs(
	/** @type {any} */ node,
	/** @type {any} */ root,
	/** @type {string} */ folder,
	/** @type {Set<string>} */ seen,
) {
	if (Array.isArray(node)) return node.map((n) => resolveRefs(n, root, folder, seen));
	if (!node || typeof node !== 'object') return node;
	if (typeof node.$ref === 'string') {
		const [file, pointer = ''] = node.$ref.split('#');
		const doc = file ? readJson(path.join(folder, file)) : root;
		const refKey = `${file}#${pointer}`;
		if (seen.has(refKey)) throw new Error(`circular $ref ${node.$ref}`);
		const target = pointer
			.split('/')
			.filter(Boolean)
			.reduce(
				(/** @type {any} */ o, /** @type {string} */ k) =>
					o == null ? undefined : o[k.replace(/~1/g, '/').replace(/~0/g, '~')],
				doc,
			);
		if (target === undefined) throw new Error(`unresolved $ref ${node.$ref}`);
		const { $ref: _r, ...rest } = node;
		/** @type {any} */
		const resolved = resolveRefs(target, doc, folder, new Set([...seen, refKey]));
		return Object.keys(rest).length
			? { ...resolved, ...resolveRefs(rest, root, folder, seen) }
			: resolved;
	}
	/** @type {Record<string, any>} */
	const out = {};
	for (const [k, v] of Object.entries(node)) out[k] = resolveRefs(v, root, folder, seen);
	return out;
}

/**
 * The contract for METHOD path (path relative to the system's base), with the path parameters.
 * @param {Contract[]} contracts
 * @returns {{ contract: Contract, params: Record<string, string> } | undefined}
 */
function findContract(contracts, /** @type {string} */ method, /** @type {string} */ relPath) {
	for (const c of contracts) {
		if (c.method !== method) continue;
		const m = c.match?.exec(relPath);
		if (!m) continue;
		/** @type {Record<string, string>} */
		const params = {};
		(c.paramNames || []).forEach((n, i) => {
			params[n] = safeDecode(m[i + 1]);
		});
		return { contract: c, params };
	}
	return undefined;
}

function safeDecode(/** @type {any} */ s) {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

/**
 * Checks a request against its contract. `query` is the URLSearchParams, `body` the parsed body
 * (JSON object or form fields), `rawBody` for a JSON syntax check.
 * @returns {Violation[]}
 */
/**
 * @param {Contract} contract
 * @param {{ params: Record<string, string>, query: URLSearchParams, body: any, contentType?: string, rawLength: number }} req
 */
function checkRequest(contract, { params, query, body, contentType, rawLength }) {
	/** @type {Violation[]} */
	const out = [];
	const req = contract.request || {};
	if (req.pathParams) out.push(...validate(req.pathParams, coerce(req.pathParams, params), 'path'));
	const q = parseQuery(query);
	if (req.query) out.push(...validate(req.query, coerce(req.query, q), 'query'));
	else if (Object.keys(q).length)
		out.push(
			...Object.keys(q).map((k) => ({
				path: `query.${k}`,
				message: 'is not a parameter of this endpoint',
			})),
		);
	if (req.body) {
		if (body && typeof body === 'object' && '__invalidJson' in body)
			out.push({ path: 'body', message: 'is not valid JSON' });
		else if (body && typeof body === 'object' && '__invalidMultipart' in body)
			out.push({
				path: 'body',
				message: `is not valid multipart/form-data: ${body.__invalidMultipart}`,
			});
		else if (body === undefined && rawLength === 0)
			out.push(...validate(req.body, undefined, 'body'));
		else {
			const wanted = req.contentType || 'application/json';
			if (contentType && !String(contentType).toLowerCase().includes(wanted.split(';')[0]))
				out.push({ path: 'body', message: `must be sent as ${wanted}` });
			out.push(...validate(req.body, body, 'body'));
		}
	} else if (rawLength > 0) out.push({ path: 'body', message: 'this endpoint takes no body' });
	return out;
}

/**
 * Checks a response body against the contract's schema for its status (success statuses only:
 * error bodies are checked against the system's error shapes by the tests).
 * @returns {Violation[]}
 */
function checkResponse(
	/** @type {any} */ contract,
	/** @type {number} */ status,
	/** @type {any} */ body,
) {
	const schema = contract.responses && contract.responses[String(status)];
	if (!schema) {
		if (status < 300)
			return [{ path: 'status', message: `${status} is not a documented success status` }];
		return [];
	}
	return validate(schema, body, 'response');
}

/** a[b][c]=v → {a: {b: {c: v}}}; repeated keys become arrays. */
function parseQuery(/** @type {URLSearchParams} */ query) {
	/** @type {Record<string, any>} */
	const out = {};
	if (!query) return out;
	for (const [rawKey, value] of query) {
		const parts = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
		const keys = parts
			? [parts[1], ...[...parts[2].matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1])]
			: [rawKey];
		let o = out;
		keys.forEach((k, i) => {
			if (i === keys.length - 1) {
				if (o[k] === undefined) o[k] = value;
				else o[k] = /** @type {string[]} */ ([]).concat(o[k], value);
			} else {
				if (typeof o[k] !== 'object' || o[k] === null || Array.isArray(o[k])) o[k] = {};
				o = o[k];
			}
		});
	}
	return out;
}

/**
 * @returns {any}
 * Query and path values arrive as strings: turn them into what the schema expects where they
 * parse (integer, number, boolean, comma lists with x-style csv, op|value pairs with x-style pipe).
 */
function coerce(/** @type {any} */ schema, /** @type {any} */ value) {
	if (!schema || value === undefined || value === null) return value;
	/** @type {string[]} */
	const types = [].concat(schema.type || []);
	if (typeof value === 'string') {
		if (schema['x-style'] === 'csv' && types.includes('array'))
			return value === '' ? [] : value.split(',').map((v) => coerce(schema.items, v));
		if (schema['x-style'] === 'pipe' && types.includes('object')) {
			const parts = value.split('|');
			/** @type {Record<string, string>} */
			const o = {};
			for (let i = 0; i < parts.length; i += 2) o[parts[i]] = parts[i + 1];
			return parts.length % 2 === 0 ? o : value;
		}
		if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(value))
			return Number(value);
		if (types.includes('boolean') && (value === 'true' || value === 'false'))
			return value === 'true';
		return value;
	}
	if (Array.isArray(value) && schema.items) return value.map((v) => coerce(schema.items, v));
	if (typeof value === 'object' && !Array.isArray(value) && schema.properties) {
		/** @type {Record<string, any>} */
		const out = {};
		for (const [k, v] of Object.entries(value)) {
			const sub =
				schema.properties[k] ||
				(typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
			out[k] = coerce(sub, v);
		}
		return out;
	}
	return value;
}

const FORMATS = {
	date: (/** @type {any} */ v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isCalendarDate(v),
	'date-time': (/** @type {any} */ v) =>
		/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(v) &&
		!Number.isNaN(Date.parse(v)),
	email: (/** @type {any} */ v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
	uri: (/** @type {any} */ v) => /^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/i.test(v),
	uuid: (/** @type {any} */ v) =>
		/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
	byte: (/** @type {any} */ v) => /^[A-Za-z0-9+/]*={0,2}$/.test(v) && v.length % 4 === 0,
};

function isCalendarDate(/** @type {any} */ v) {
	const [y, m, d] = v.split('-').map(Number);
	const dt = new Date(Date.UTC(y, m - 1, d));
	return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function typeOf(/** @type {any} */ v) {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'array';
	if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
	return typeof v;
}

/**
 * @param {Schema|undefined} schema
 * @param {any} value
 * @param {string} at
 * @returns {Violation[]}
 */
function validate(schema, value, at = '') {
	/** @type {Violation[]} */
	const out = [];
	walk(schema, value, at, out);
	return out;
}

function walk(
	/** @type {any} */ schema,
	/** @type {any} */ value,
	/** @type {string} */ at,
	/** @type {import('./core').Violation[]} */ out,
) {
	if (!schema || schema === true) return;
	if (schema === false) {
		out.push({ path: at, message: 'is not allowed' });
		return;
	}
	if (value === undefined) {
		// Only `required` (on the parent) makes an absent value an error.
		return;
	}
	if (schema.nullable && value === null) return;
	if (schema.type !== undefined) {
		/** @type {string[]} */
		const types = [].concat(schema.type);
		const t = typeOf(value);
		const ok = types.includes(t) || (t === 'integer' && types.includes('number'));
		if (!ok) {
			out.push({ path: at, message: `must be ${types.join(' or ')} (got ${t})` });
			return;
		}
	}
	if (schema.const !== undefined && value !== schema.const)
		out.push({ path: at, message: `must be ${JSON.stringify(schema.const)}` });
	if (Array.isArray(schema.enum) && !schema.enum.some((/** @type {any} */ e) => e === value))
		out.push({
			path: at,
			message: `must be one of ${schema.enum.map((/** @type {any} */ e) => JSON.stringify(e)).join(', ')}`,
		});
	if (typeof value === 'string') {
		if (schema.minLength !== undefined && value.length < schema.minLength)
			out.push({
				path: at,
				message:
					schema.minLength === 1
						? 'must not be empty'
						: `must be at least ${schema.minLength} characters`,
			});
		if (schema.maxLength !== undefined && value.length > schema.maxLength)
			out.push({ path: at, message: `is too long (maximum is ${schema.maxLength} characters)` });
		if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value))
			out.push({ path: at, message: `does not match ${schema.pattern}` });
		const fmt = schema.format && FORMATS[/** @type {keyof typeof FORMATS} */ (schema.format)];
		if (fmt && !fmt(value))
			out.push({
				path: at,
				message: `is not a valid ${schema.format}${schema.format === 'date' ? ' (YYYY-MM-DD)' : ''}`,
			});
	}
	if (typeof value === 'number') {
		if (schema.minimum !== undefined && value < schema.minimum)
			out.push({ path: at, message: `must be >= ${schema.minimum}` });
		if (schema.maximum !== undefined && value > schema.maximum)
			out.push({ path: at, message: `must be <= ${schema.maximum}` });
	}
	if (Array.isArray(value)) {
		if (schema.minItems !== undefined && value.length < schema.minItems)
			out.push({ path: at, message: `must have at least ${schema.minItems} items` });
		if (schema.maxItems !== undefined && value.length > schema.maxItems)
			out.push({ path: at, message: `must have at most ${schema.maxItems} items` });
		if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length)
			out.push({ path: at, message: 'must not repeat items' });
		if (schema.items) value.forEach((v, i) => walk(schema.items, v, `${at}[${i}]`, out));
	}
	if (typeOf(value) === 'object') {
		if (schema.minProperties !== undefined && Object.keys(value).length < schema.minProperties)
			out.push({
				path: at,
				message: `must have at least ${schema.minProperties} field${schema.minProperties === 1 ? '' : 's'}`,
			});
		for (const k of schema.required || [])
			if (value[k] === undefined) out.push({ path: join(at, k), message: 'is required' });
		const props = schema.properties || {};
		for (const [k, v] of Object.entries(value)) {
			if (props[k] !== undefined) walk(props[k], v, join(at, k), out);
			else if (schema.additionalProperties === false)
				out.push({ path: join(at, k), message: 'is not a permitted attribute' });
			else if (typeof schema.additionalProperties === 'object')
				walk(schema.additionalProperties, v, join(at, k), out);
		}
	}
	for (const sub of schema.allOf || []) walk(sub, value, at, out);
	if (
		schema.anyOf &&
		!schema.anyOf.some((/** @type {any} */ s) => validate(s, value, at).length === 0)
	)
		out.push({
			path: at,
			message: 'matches none of the allowed shapes',
			...branchHint(schema.anyOf, value, at),
		});
	if (schema.oneOf) {
		const passing = schema.oneOf.filter(
			(/** @type {any} */ s) => validate(s, value, at).length === 0,
		).length;
		if (passing === 0) out.push(...bestBranch(schema.oneOf, value, at));
		else if (passing > 1) out.push({ path: at, message: 'matches more than one allowed shape' });
	}
	if (schema.not && validate(schema.not, value, at).length === 0)
		out.push({
			path: at,
			message: schema.not['x-message'] || 'has a combination of fields that is not allowed',
		});
}

/** For a failed oneOf, the violations of the branch that came closest (fewest violations). */
function bestBranch(
	/** @type {any[]} */ branches,
	/** @type {any} */ value,
	/** @type {string} */ at,
) {
	const ranked = branches
		.map((/** @type {any} */ s) => validate(s, value, at))
		.sort((/** @type {any} */ a, /** @type {any} */ b) => a.length - b.length);
	return ranked[0].length
		? ranked[0]
		: [{ path: at, message: 'matches none of the allowed shapes' }];
}

function branchHint(
	/** @type {any[]} */ _branches,
	/** @type {any} */ _value,
	/** @type {string} */ _at,
) {
	return {};
}

function join(/** @type {string} */ at, /** @type {string} */ k) {
	return at ? `${at}.${k}` : k;
}

/** Every schema node with an x-status annotation: {pointer, status, source}. */
function facts(/** @type {any} */ node, pointer = '') {
	/** @type {Array<{ pointer: string, status: string, source?: string }>} */
	const out = [];
	if (Array.isArray(node)) node.forEach((n, i) => out.push(...facts(n, `${pointer}/${i}`)));
	else if (node && typeof node === 'object') {
		if (typeof node['x-status'] === 'string')
			out.push({ pointer: pointer || '/', status: node['x-status'], source: node['x-source'] });
		for (const [k, v] of Object.entries(node))
			if (!k.startsWith('x-')) out.push(...facts(v, `${pointer}/${k}`));
	}
	return out;
}

module.exports = {
	CONTRACTS_DIR,
	loadSystem,
	systems,
	findContract,
	checkRequest,
	checkResponse,
	validate,
	parseQuery,
	coerce,
	facts,
};
