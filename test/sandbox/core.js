// @ts-check
'use strict';
/**
 * The shared machinery of every sandbox ATS server: an HTTP server on 127.0.0.1, a rate limiter
 * that sends the real X-RateLimit-* headers and 429s, the vendor contracts (test/contracts) checked
 * on every request and response, switchable fault injection, a request log, and /__sandbox/*
 * control endpoints (state, faults, reset, requests, contracts) for tests, benchmarks and the demo.
 * Each system (greenhouse.js, stardex.js, ...) supplies only its routes, auth and error shapes.
 * The fault switches are described in README.md next to this file.
 */
const http = require('node:http');
const { loadSystem, findContract, checkRequest, checkResponse, validate } = require('./contract');
const { multipartFields } = require('./multipart');

/** Deterministic PRNG, so a fault pattern can be replayed with the same seed. */
function mulberry32(/** @type {number} */ seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const NO_FAULTS = {
	seed: 1,
	/** Share of requests answered 5xx before anything is processed. */
	error5xxRate: 0,
	/** Share of writes that are applied and then answered 5xx (the ambiguous case). */
	error5xxAfterWriteRate: 0,
	/** The status of injected 5xx answers (500, 502, 503, ...). */
	error5xxStatus: 500,
	/** Share of requests whose connection is reset before processing. */
	resetRate: 0,
	/** Share of writes applied and then reset: the answer is lost. */
	resetAfterWriteRate: 0,
	/** Share of writes applied and answered only after lateAfterWriteMs (after the client's timeout). */
	lateAfterWriteRate: 0,
	lateAfterWriteMs: 35_000,
	/** Added to every response. */
	latencyMs: 0,
	/** Share of requests that stall for stallMs before being processed (dropped if the client gave up). */
	stallRate: 0,
	stallMs: 10_000,
	/** The next N requests get 429 whatever the limiter says. */
	burst429: 0,
	/** Share of requests that start a 429 burst of burst429Length. */
	burst429Rate: 0,
	burst429Length: 3,
	/** How a 429 says when to come back: 'seconds', 'http-date', 'unix' (epoch seconds) or 'none'. */
	retryAfter: /** @type {'seconds'|'http-date'|'unix'|'none'} */ ('seconds'),
	/** 'all' X-RateLimit-* headers, 'no-reset' (no X-RateLimit-Reset) or 'none'. */
	rateLimitHeaders: /** @type {'all'|'no-reset'|'none'} */ ('all'),
	/**
	 * How X-RateLimit-Reset names the moment: 'vendor' (each API's documented form: epoch seconds,
	 * lemlist's JavaScript Date text), or for every API 'unix', 'http-date', 'iso' or 'js-date'.
	 */
	resetForm: /** @type {'vendor'|'unix'|'http-date'|'iso'|'js-date'} */ ('vendor'),
	/** Created records show in lists and searches only this many ms after the write. */
	searchLagMs: 0,
	/** A created record is unknown to follow-up writes naming it for this many ms (404/422; Greenhouse). */
	readAfterWriteLagMs: 0,
	/** Share of requests answered 200 with an HTML page (a proxy or maintenance page; nothing applied). */
	html200Rate: 0,
	/** Share of requests processed normally whose JSON answer is cut in half (writes are applied). */
	truncatedJsonRate: 0,
	/** Share of requests answered with a redirect to the foreign origin (same path and query). */
	redirectRate: 0,
	redirectStatus: 307,
	/** Share of requests answered with an error whose body echoes the request's key/secret. */
	echoSecretsRate: 0,
	echoSecretsStatus: 400,
	/** Only inject into requests whose "METHOD /path" starts with one of these (empty = all). */
	only: /** @type {string[]} */ ([]),
};

/** @typedef {typeof NO_FAULTS} Faults */

/** X-RateLimit-Reset as text, for the forms other than epoch seconds. */
const RESET_TEXT = {
	'http-date': (/** @type {Date} */ at) => at.toUTCString(),
	iso: (/** @type {Date} */ at) => at.toISOString(),
	// Date.prototype.toString: "Tue Feb 16 2021 09:02:42 GMT+0100 (Central European Standard Time)"
	'js-date': (/** @type {Date} */ at) => at.toString(),
};

class RateLimiter {
	/** @param {{limit:number, windowMs:number, mode?:'fixed'|'sliding'}|undefined} cfg */
	constructor(cfg) {
		this.cfg = cfg;
		this.hits = /** @type {number[]} */ ([]);
		this.windowStart = 0;
		this.count = 0;
	}
	/** The current window without counting a request: used, limit and when it resets (ms). */
	peek(now = Date.now()) {
		const cfg = this.cfg;
		if (!cfg || !cfg.limit) return undefined;
		if (cfg.mode === 'sliding') {
			while (this.hits.length && this.hits[0] <= now - cfg.windowMs) this.hits.shift();
			return { used: this.hits.length, resetMs: (this.hits[0] ?? now) + cfg.windowMs };
		}
		const start = Math.floor(now / cfg.windowMs) * cfg.windowMs;
		if (start !== this.windowStart) {
			this.windowStart = start;
			this.count = 0;
		}
		return { used: this.count, resetMs: start + cfg.windowMs };
	}
	/**
	 * Counts one request if the window has room. `consume: false` reports without counting (an
	 * injected 429 must not use up the allowance, so the headers stay true).
	 * @returns {{ allowed: boolean, headers: Record<string,string>, retryAfterS: number, resetMs: number }}
	 */
	take(now = Date.now(), consume = true) {
		const cfg = this.cfg;
		const w = this.peek(now);
		if (!cfg || !w) return { allowed: true, headers: {}, retryAfterS: 0, resetMs: now };
		let used = w.used;
		const allowed = used < cfg.limit;
		if (allowed && consume) {
			if (cfg.mode === 'sliding') this.hits.push(now);
			else this.count++;
			used++;
		}
		// A sliding window frees its first slot when the oldest counted request leaves it.
		const resetMs = cfg.mode === 'sliding' ? (this.hits[0] ?? now) + cfg.windowMs : w.resetMs;
		return {
			allowed,
			resetMs,
			retryAfterS: Math.max(1, Math.ceil((resetMs - now) / 1000)),
			headers: {
				'X-RateLimit-Limit': String(cfg.limit),
				'X-RateLimit-Remaining': String(Math.max(0, cfg.limit - used)),
				// Epoch seconds, rounded up so a client that waits for it never lands inside the old window.
				'X-RateLimit-Reset': String(Math.ceil(resetMs / 1000)),
			},
		};
	}
}

/**
 * @typedef {{ method: string, path: string, query: URLSearchParams, headers: import('node:http').IncomingHttpHeaders,
 *   rawBody: Buffer, body: any, auth?: any, baseUrl: string, faults: Faults, contract?: string,
 *   params?: Record<string, string> }} SandboxRequest
 * @typedef {{ status: number, body?: any, headers?: Record<string,string> }} SandboxResponse
 * @typedef {{ method: string, pattern: RegExp, write?: boolean, handler: (req: SandboxRequest, params: string[]) => SandboxResponse | Promise<SandboxResponse> }} Route
 * @typedef {{ path: string, message: string }} Violation
 * @typedef {{ method: string, path: string, query: string, status: number, at: number, faulted?: string,
 *   system?: string, contract?: string | null, violations?: Violation[], responseViolations?: Violation[] }} LogEntry
 * @typedef {'enforce' | 'record' | 'off'} ContractMode
 */

/**
 * @param {{
 *   name: string,
 *   routes: Route[],
 *   authenticate?: (req: SandboxRequest) => SandboxResponse | { auth: any } | undefined,
 *   rateLimit?: { limit: number, windowMs: number, mode?: 'fixed'|'sliding' },
 *   rateLimitBody?: (rl: { allowed: boolean, retryAfterS: number, headers: Record<string,string>, limit: number }) => any,
 *   resetForm?: (req: SandboxRequest) => 'unix'|'http-date'|'iso'|'js-date',
 *   errorBody: (status: number, message: string) => any,
 *   state: () => any,
 *   reset: () => void,
 *   seed?: (data: any) => any,
 *   control?: (what: string, req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse> | undefined,
 *   port?: number,
 *   skipRateLimit?: (req: SandboxRequest) => boolean,
 *   contracts?: Array<{ system: string, prefix: string, ids?: string[] }>,
 *   contractMode?: ContractMode,
 *   contractError?: (violations: Violation[], req: SandboxRequest, system: string) => SandboxResponse,
 *   notFound?: (req: SandboxRequest, system: string | undefined) => SandboxResponse,
 *   responseDelayMs?: number,
 *   checkResponses?: boolean,
 * }} def
 */
async function startSandbox(def) {
	/** @type {Faults} */
	let faults = { ...NO_FAULTS };
	let random = mulberry32(faults.seed);
	let burstLeft = 0;
	let contractMode = def.contractMode ?? 'enforce';
	let responseDelayMs = def.responseDelayMs ?? 0;
	// Checking every answer costs ~10 µs per record; in-process benchmarks of big listings may turn it off.
	let checkResponses = def.checkResponses ?? true;
	const limiter = new RateLimiter(def.rateLimit);
	/** @type {LogEntry[]} */
	const log = [];
	const stats = { requests: 0, status429: 0, faults: 0 };
	const systems = (def.contracts || []).map((c) => ({ ...c, ...loadSystem(c.system) }));
	/** Cumulative since start (reset() keeps it): how often each contract was served, and every route without one. */
	const coverage = {
		/** @type {Record<string, number>} */ hits: {},
		/** @type {Record<string, number>} */ noContract: {},
	};
	const foreign = await startForeignOrigin();

	/** The contract system and contract of a request path. */
	function contractOf(/** @type {string} */ method, /** @type {string} */ path) {
		for (const s of systems) {
			if (!path.startsWith(s.prefix)) continue;
			const rel = path.slice(s.prefix.length) || '/';
			const own = s.ids ? s.contracts.filter((c) => s.ids?.includes(c.id)) : s.contracts;
			const hit = findContract(own, method, rel);
			if (hit) return { system: s, ...hit };
			return { system: s, contract: undefined, params: {} };
		}
		return undefined;
	}

	const server = http.createServer(async (req, res) => {
		const chunks = [];
		for await (const c of req) chunks.push(c);
		const rawBody = Buffer.concat(chunks);
		const url = new URL(req.url || '/', `http://${req.headers.host}`);
		const baseUrl = `http://${req.headers.host}`;
		/** @type {SandboxRequest} */
		const sreq = {
			method: req.method || 'GET',
			path: url.pathname,
			query: url.searchParams,
			headers: req.headers,
			rawBody,
			body: parseBody(req.headers['content-type'], rawBody),
			baseUrl,
			faults,
		};
		/** @type {LogEntry} */
		const entry = {
			method: sreq.method,
			path: sreq.path,
			query: url.search,
			status: 0,
			at: Date.now(),
		};
		const isControl = sreq.path.startsWith('/__sandbox/');
		const matched = isControl ? undefined : contractOf(sreq.method, sreq.path);
		const contract = matched?.contract;
		let checkSent = Boolean(matched);
		const send = (/** @type {SandboxResponse} */ r, extraHeaders = {}) => {
			entry.status = r.status;
			if (r.status === 429) stats.status429++;
			if (checkSent && checkResponses && matched) {
				const found = responseProblems(matched.system, contract, r);
				if (found.length) entry.responseViolations = found;
			}
			const isJson = r.body !== undefined && typeof r.body !== 'string';
			const headers = {
				...(isJson ? { 'Content-Type': 'application/json' } : {}),
				...extraHeaders,
				...(r.headers || {}),
			};
			let text = r.body === undefined ? undefined : isJson ? JSON.stringify(r.body) : r.body;
			if (
				text !== undefined &&
				isJson &&
				!isControl &&
				inject &&
				faults.truncatedJsonRate &&
				r.status < 300 &&
				roll() < faults.truncatedJsonRate
			) {
				entry.faulted = 'truncated-json';
				stats.faults++;
				text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
			}
			res.writeHead(r.status, headers);
			res.end(text);
		};
		const key = `${sreq.method} ${sreq.path}`;
		const inject = faults.only.length === 0 || faults.only.some((p) => key.startsWith(p));
		const roll = () => (inject ? random() : 1);
		try {
			if (isControl) return send(await control(sreq));
			stats.requests++;
			log.push(entry);
			if (log.length > 50_000) log.splice(0, 10_000);
			if (matched) {
				entry.system = matched.system.system;
				entry.contract = contract ? contract.id : null;
				if (contract) {
					coverage.hits[contract.id] = (coverage.hits[contract.id] || 0) + 1;
					sreq.contract = contract.id;
					sreq.params = matched.params;
				} else {
					const k = `${sreq.method} ${sreq.path.replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
					coverage.noContract[k] = (coverage.noContract[k] || 0) + 1;
				}
			}

			const route = findRoute(def.routes, sreq);
			if (responseDelayMs) await delay(responseDelayMs);
			if (faults.latencyMs) await delay(faults.latencyMs);

			if (inject && faults.stallRate && roll() < faults.stallRate) {
				entry.faulted = 'stall';
				stats.faults++;
				await delay(faults.stallMs);
				if (req.socket.destroyed || res.writableEnded || res.destroyed) return; // the client gave up: dropped, never applied
			}
			if (inject && faults.resetRate && roll() < faults.resetRate) {
				entry.faulted = 'reset';
				stats.faults++;
				return req.socket.destroy();
			}
			if (inject && faults.error5xxRate && roll() < faults.error5xxRate) {
				entry.faulted = String(faults.error5xxStatus);
				stats.faults++;
				return send({
					status: faults.error5xxStatus,
					body: def.errorBody(faults.error5xxStatus, 'Internal server error (injected)'),
				});
			}
			if (inject && faults.html200Rate && roll() < faults.html200Rate) {
				entry.faulted = 'html-200';
				stats.faults++;
				checkSent = false;
				return send({
					status: 200,
					body: '<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><h1>We&rsquo;ll be right back</h1></body></html>',
					headers: { 'Content-Type': 'text/html; charset=utf-8' },
				});
			}
			if (inject && faults.redirectRate && roll() < faults.redirectRate) {
				entry.faulted = 'redirect';
				stats.faults++;
				checkSent = false;
				return send({
					status: faults.redirectStatus,
					headers: { Location: `${foreign.url}${sreq.path}${url.search}` },
				});
			}
			if (inject && faults.echoSecretsRate && roll() < faults.echoSecretsRate) {
				entry.faulted = 'echo-secrets';
				stats.faults++;
				const secrets = secretsOf(sreq);
				return send({
					status: faults.echoSecretsStatus,
					body: def.errorBody(
						faults.echoSecretsStatus,
						`Request refused for credentials ${secrets.join(' / ') || '(none sent)'}`,
					),
				});
			}

			// No contract, no route: the vendor's 404 (Greenhouse v3 routes before it authenticates).
			if (matched && !contract && contractMode === 'enforce')
				return send(notFound(sreq, matched.system.system));

			// Authentication comes before the limiter, as in the real APIs: a bad key is a 401, not a 429.
			const auth = def.authenticate ? def.authenticate(sreq) : undefined;
			if (auth && 'status' in auth) return send(auth);
			if (auth && 'auth' in auth) sreq.auth = auth.auth;

			/** @type {Record<string, string>} */
			let rlHeaders = {};
			if (!def.skipRateLimit?.(sreq)) {
				if (inject && faults.burst429Rate && roll() < faults.burst429Rate)
					burstLeft += faults.burst429Length;
				const injected = burstLeft > 0 || faults.burst429 > 0;
				const now = Date.now();
				const rl = limiter.take(now, !injected);
				rlHeaders = rateLimitHeaders(rl.headers, sreq);
				if (!rl.allowed || injected) {
					if (faults.burst429 > 0) faults.burst429--;
					else if (burstLeft > 0) burstLeft--;
					// An injected 429 asks for one second; the limiter's own asks until its window frees up.
					const retryAtMs = rl.allowed ? now + 1000 : rl.resetMs;
					return send(
						{
							status: 429,
							body: def.rateLimitBody
								? def.rateLimitBody({
										...rl,
										retryAfterS: rl.allowed ? 1 : rl.retryAfterS,
										limit: limiter.cfg?.limit ?? 0,
									})
								: def.errorBody(429, 'Too Many Requests'),
							headers: retryAfterHeader(retryAtMs, now),
						},
						rlHeaders,
					);
				}
			}

			if (contract && contractMode !== 'off') {
				const violations = checkRequest(contract, {
					params: matched.params,
					query: sreq.query,
					body: sreq.body,
					contentType: req.headers['content-type'],
					rawLength: rawBody.length,
				});
				if (violations.length) {
					entry.violations = violations;
					if (contractMode === 'enforce')
						return send(contractError(violations, sreq, matched.system.system), rlHeaders);
				}
			}
			if (!route) return send(notFound(sreq, matched?.system.system), rlHeaders);

			const result = await route.handler(sreq, route.params);
			if (route.write && result.status < 300) {
				if (inject && faults.resetAfterWriteRate && roll() < faults.resetAfterWriteRate) {
					entry.faulted = 'reset-after-write';
					stats.faults++;
					return req.socket.destroy();
				}
				if (inject && faults.error5xxAfterWriteRate && roll() < faults.error5xxAfterWriteRate) {
					entry.faulted = `${faults.error5xxStatus}-after-write`;
					stats.faults++;
					return send(
						{
							status: faults.error5xxStatus,
							body: def.errorBody(
								faults.error5xxStatus,
								'Internal server error (injected after write)',
							),
						},
						rlHeaders,
					);
				}
				if (inject && faults.lateAfterWriteRate && roll() < faults.lateAfterWriteRate) {
					entry.faulted = 'late-after-write';
					stats.faults++;
					await delay(faults.lateAfterWriteMs);
					if (req.socket.destroyed || res.destroyed) return; // applied, but nobody is listening any more
				}
			}
			return send(result, rlHeaders);
		} catch (err) {
			checkSent = false;
			return send({
				status: 500,
				body: def.errorBody(500, `Sandbox bug: ${err && /** @type {Error} */ (err).message}`),
			});
		}
	});

	function rateLimitHeaders(
		/** @type {Record<string,string>} */ h,
		/** @type {SandboxRequest} */ sreq,
	) {
		if (faults.rateLimitHeaders === 'none') return {};
		const { 'X-RateLimit-Reset': reset, ...rest } = h;
		if (faults.rateLimitHeaders === 'no-reset' || reset === undefined) return rest;
		const form =
			faults.resetForm === 'vendor' ? (def.resetForm?.(sreq) ?? 'unix') : faults.resetForm;
		if (form === 'unix') return h;
		// Only the form asked for is built: every request of a benchmark passes here.
		return { ...rest, 'X-RateLimit-Reset': RESET_TEXT[form](new Date(Number(reset) * 1000)) };
	}

	/**
	 * Retry-After in the chosen form, all naming the same moment.
	 * @returns {Record<string, string>}
	 */
	function retryAfterHeader(/** @type {number} */ atMs, /** @type {number} */ now) {
		const seconds = Math.max(1, Math.ceil((atMs - now) / 1000));
		const at = now + seconds * 1000;
		if (faults.retryAfter === 'none') return {};
		if (faults.retryAfter === 'http-date') return { 'Retry-After': new Date(at).toUTCString() };
		if (faults.retryAfter === 'unix') return { 'Retry-After': String(Math.ceil(at / 1000)) };
		return { 'Retry-After': String(seconds) };
	}

	function notFound(/** @type {SandboxRequest} */ sreq, /** @type {string|undefined} */ system) {
		if (def.notFound) return def.notFound(sreq, system);
		return { status: 404, body: def.errorBody(404, 'Resource not found') };
	}

	function contractError(
		/** @type {import('./core').Violation[]} */ violations,
		/** @type {import('./core').SandboxRequest} */ sreq,
		/** @type {string} */ system,
	) {
		if (def.contractError) return def.contractError(violations, sreq, system);
		return {
			status: 422,
			body: def.errorBody(
				422,
				violations.map((/** @type {any} */ v) => `${v.path} ${v.message}`).join('; '),
			),
		};
	}

	/** What in an answer disagrees with the contract (success bodies) or the vendor's error shape. */
	function responseProblems(
		/** @type {any} */ system,
		/** @type {any} */ contract,
		/** @type {SandboxResponse} */ r,
	) {
		if (r.status < 300) {
			if (!contract) return [];
			return checkResponse(contract, r.status, r.body);
		}
		if (r.status >= 300 && r.status < 400) return [];
		const errors = system.api.errors || {};
		const shapeRef = contract?.errorShape;
		const shape = shapeRef
			? shapeRef
					.replace(/^#\//, '')
					.split('/')
					.reduce(
						(/** @type {any} */ o, /** @type {string} */ k) => (o ? o[k] : undefined),
						/** @type {any} */ (system.api),
					)
			: (errors[String(r.status)] ?? (r.status >= 500 ? errors['5xx'] : undefined));
		if (!shape) return [];
		return validate(shape, r.body, 'error');
	}

	/** @returns {SandboxResponse | Promise<SandboxResponse>} */
	function control(/** @type {SandboxRequest} */ req) {
		const what = req.path.slice('/__sandbox/'.length);
		// A sandbox's own controls (e.g. the outreach tools' hooks) come first.
		const own = def.control?.(what, req);
		if (own) return own;
		if (what === 'state' && req.method === 'GET') return { status: 200, body: def.state() };
		if (what === 'stats' && req.method === 'GET') return { status: 200, body: { ...stats } };
		if (what === 'requests' && req.method === 'GET') return { status: 200, body: log };
		if (what === 'contracts' && req.method === 'GET')
			return { status: 200, body: contractReport() };
		if (what === 'faults' && req.method === 'POST') {
			setFaults(req.body || {});
			return { status: 200, body: faults };
		}
		if (what === 'reset' && req.method === 'POST') {
			resetAll();
			return { status: 200, body: { ok: true } };
		}
		if (what === 'seed' && req.method === 'POST' && def.seed)
			return { status: 200, body: def.seed(req.body || {}) };
		return { status: 404, body: { message: 'unknown sandbox control' } };
	}

	function setFaults(/** @type {Partial<Faults>} */ f) {
		faults = { ...NO_FAULTS, ...f };
		random = mulberry32(faults.seed);
		burstLeft = 0;
	}

	function resetAll() {
		def.reset();
		setFaults({});
		log.length = 0;
		stats.requests = stats.status429 = stats.faults = 0;
		limiter.hits = [];
		limiter.count = 0;
		foreign.reset();
	}

	/** Everything served since the last reset, against the contracts. */
	function contractReport() {
		return {
			mode: contractMode,
			contracts: [
				...new Set(
					systems.flatMap((s) =>
						(s.ids ? s.contracts.filter((c) => s.ids?.includes(c.id)) : s.contracts).map(
							(c) => c.id,
						),
					),
				),
			],
			served: log
				.filter((e) => e.system)
				.map((e) => ({ method: e.method, path: e.path, status: e.status, contract: e.contract })),
			noContract: log.filter((e) => e.system && !e.contract).map((e) => `${e.method} ${e.path}`),
			violations: log
				.filter((e) => e.violations)
				.map((e) => ({
					request: `${e.method} ${e.path}${e.query}`,
					contract: e.contract,
					violations: e.violations,
				})),
			responseViolations: log
				.filter((e) => e.responseViolations)
				.map((e) => ({
					request: `${e.method} ${e.path}${e.query}`,
					status: e.status,
					contract: e.contract,
					violations: e.responseViolations,
				})),
			coverage: { hits: { ...coverage.hits }, noContract: { ...coverage.noContract } },
		};
	}

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(def.port ?? 0, '127.0.0.1', () => resolve(undefined));
	});
	server.keepAliveTimeout = 1000;
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const url = `http://127.0.0.1:${address.port}`;
	return {
		name: def.name,
		url,
		port: address.port,
		/** Another loopback origin; redirect faults point there, and it records any credential it receives. */
		foreignOriginUrl: foreign.url,
		foreignOrigin: { url: foreign.url, received: foreign.received, reset: foreign.reset },
		setFaults,
		faults: () => ({ ...faults }),
		reset: resetAll,
		state: () => def.state(),
		stats: () => ({ ...stats }),
		requests: () => log.slice(),
		contractReport,
		/** 'enforce' answers violations and routes without a contract like the vendor; 'record' only logs them. */
		setContractMode: (/** @type {ContractMode} */ mode) => {
			contractMode = mode;
		},
		contractMode: () => contractMode,
		/** Whether answers are checked against the contracts (default true). */
		setCheckResponses: (/** @type {boolean} */ on) => {
			checkResponses = on;
		},
		/** A fixed delay before every answer (ms), kept across reset(). */
		setResponseDelay: (/** @type {number} */ ms) => {
			responseDelayMs = Math.max(0, Number(ms) || 0);
		},
		setRateLimit: (/** @type {any} */ cfg) => {
			limiter.cfg = cfg;
			limiter.hits = [];
			limiter.count = 0;
		},
		close: () =>
			Promise.all([
				new Promise((resolve) => {
					server.closeAllConnections?.();
					server.close(() => resolve(undefined));
				}),
				foreign.close(),
			]).then(() => undefined),
	};
}

/** Every secret a request carries: bearer tokens, Basic user:pass, API-key headers, form secrets. */
function secretsOf(/** @type {SandboxRequest} */ req) {
	const out = [];
	const auth = String(req.headers.authorization || '');
	const bearer = /^Bearer\s+(.+)$/i.exec(auth);
	if (bearer) out.push(bearer[1]);
	const basic = /^Basic\s+(.+)$/i.exec(auth);
	if (basic) out.push(Buffer.from(basic[1], 'base64').toString('utf8'));
	for (const h of ['x-api-key', 'api-key', 'x-api-token'])
		if (req.headers[h]) out.push(String(req.headers[h]));
	const body = req.body && typeof req.body === 'object' ? req.body : {};
	for (const k of ['client_secret', 'refresh_token', 'api_key', 'apiKey'])
		if (typeof body[k] === 'string') out.push(body[k]);
	return out;
}

/** A second loopback server that answers 200 {} and records every credential header it is sent. */
async function startForeignOrigin() {
	/** @type {Array<{ method: string, path: string, authorization?: string, xApiKey?: string, at: number }>} */
	const received = [];
	const server = http.createServer((req, res) => {
		received.push({
			method: req.method || 'GET',
			path: req.url || '/',
			authorization: req.headers.authorization,
			xApiKey: /** @type {string|undefined} */ (req.headers['x-api-key']),
			at: Date.now(),
		});
		req.resume();
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end('{}');
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
	return {
		url: `http://127.0.0.1:${port}`,
		received: () => received.slice(),
		reset: () => {
			received.length = 0;
		},
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve(undefined));
			}),
	};
}

/**
 * @param {Route[]} routes
 * @param {SandboxRequest} req
 */
function findRoute(routes, req) {
	for (const r of routes) {
		if (r.method !== req.method) continue;
		const m = r.pattern.exec(req.path);
		if (m) return { ...r, params: m.slice(1) };
	}
	return undefined;
}

function parseBody(/** @type {string | undefined} */ contentType, /** @type {Buffer} */ raw) {
	if (!raw.length) return undefined;
	if (/^multipart\/form-data\b/i.test(String(contentType || '')))
		return multipartFields(contentType, raw);
	const text = raw.toString('utf8');
	if (String(contentType || '').includes('application/x-www-form-urlencoded'))
		return Object.fromEntries(new URLSearchParams(text));
	try {
		return JSON.parse(text);
	} catch {
		return { __invalidJson: text.slice(0, 200) };
	}
}

function delay(/** @type {number} */ ms) {
	return new Promise((r) => setTimeout(r, ms));
}

/** Whether a record created at `createdAtMs` shows in lists yet (the searchLagMs fault). */
function visibleNow(
	/** @type {Faults} */ f,
	/** @type {number|undefined} */ createdAtMs,
	now = Date.now(),
) {
	return !f.searchLagMs || createdAtMs === undefined || now - createdAtMs >= f.searchLagMs;
}

/** Random-looking but stable opaque cursor, like the real APIs hand out. */
function encodeCursor(/** @type {any} */ obj) {
	return Buffer.from(JSON.stringify(obj)).toString('base64url');
}
function decodeCursor(/** @type {any} */ s) {
	try {
		return JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
	} catch {
		return undefined;
	}
}

module.exports = {
	startSandbox,
	RateLimiter,
	mulberry32,
	encodeCursor,
	decodeCursor,
	NO_FAULTS,
	delay,
	visibleNow,
	secretsOf,
};
