'use strict';
/**
 * The shared machinery of every sandbox ATS server: an HTTP server on 127.0.0.1, a rate limiter
 * that sends the real X-RateLimit-* headers and 429s, switchable fault injection, a request log,
 * and /__sandbox/* control endpoints (state, faults, reset, requests) for tests, benchmarks and the demo.
 * Each system (greenhouse.js, stardex.js, ...) supplies only its routes, auth and error shapes.
 */
const http = require('node:http');

/** Deterministic PRNG, so a fault pattern can be replayed with the same seed. */
function mulberry32(seed) {
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
	/** Share of requests answered 500 before anything is processed. */
	error5xxRate: 0,
	/** Share of writes that are applied and then answered 500 (the ambiguous case). */
	error5xxAfterWriteRate: 0,
	/** Share of requests whose connection is reset before processing. */
	resetRate: 0,
	/** Share of writes applied and then reset (ambiguous). */
	resetAfterWriteRate: 0,
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
	/** Only inject into requests whose "METHOD /path" starts with one of these (empty = all). */
	only: /** @type {string[]} */ ([]),
};

class RateLimiter {
	/** @param {{limit:number, windowMs:number, mode?:'fixed'|'sliding'}|undefined} cfg */
	constructor(cfg) {
		this.cfg = cfg;
		this.hits = /** @type {number[]} */ ([]);
		this.windowStart = 0;
		this.count = 0;
	}
	/** @returns {{ allowed: boolean, headers: Record<string,string>, retryAfterS: number }} */
	take(now = Date.now()) {
		const cfg = this.cfg;
		if (!cfg || !cfg.limit) return { allowed: true, headers: {}, retryAfterS: 0 };
		let used;
		let resetMs;
		if (cfg.mode === 'sliding') {
			while (this.hits.length && this.hits[0] <= now - cfg.windowMs) this.hits.shift();
			used = this.hits.length;
			resetMs = (this.hits[0] ?? now) + cfg.windowMs;
		} else {
			const start = Math.floor(now / cfg.windowMs) * cfg.windowMs;
			if (start !== this.windowStart) {
				this.windowStart = start;
				this.count = 0;
			}
			used = this.count;
			resetMs = start + cfg.windowMs;
		}
		const allowed = used < cfg.limit;
		if (allowed) {
			if (cfg.mode === 'sliding') this.hits.push(now);
			else this.count++;
			used++;
		}
		return {
			allowed,
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
 *   rawBody: Buffer, body: any, auth?: any, baseUrl: string }} SandboxRequest
 * @typedef {{ status: number, body?: any, headers?: Record<string,string> }} SandboxResponse
 * @typedef {{ method: string, pattern: RegExp, write?: boolean, handler: (req: SandboxRequest, params: string[]) => SandboxResponse | Promise<SandboxResponse> }} Route
 */

/**
 * @param {{
 *   name: string,
 *   routes: Route[],
 *   authenticate?: (req: SandboxRequest) => SandboxResponse | { auth: any } | undefined,
 *   rateLimit?: { limit: number, windowMs: number, mode?: 'fixed'|'sliding' },
 *   rateLimitBody?: (rl: { allowed: boolean, retryAfterS: number, headers: Record<string,string>, limit: number }) => any,
 *   errorBody: (status: number, message: string) => any,
 *   state: () => any,
 *   reset: () => void,
 *   seed?: (data: any) => any,
 *   port?: number,
 *   skipRateLimit?: (req: SandboxRequest) => boolean,
 * }} def
 */
async function startSandbox(def) {
	let faults = { ...NO_FAULTS };
	let random = mulberry32(faults.seed);
	let burstLeft = 0;
	const limiter = new RateLimiter(def.rateLimit);
	/** @type {Array<{method:string, path:string, query:string, status:number, at:number, faulted?:string}>} */
	const log = [];
	const stats = { requests: 0, status429: 0, faults: 0 };

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
		};
		const entry = {
			method: sreq.method,
			path: sreq.path,
			query: url.search,
			status: 0,
			at: Date.now(),
		};
		const send = (/** @type {SandboxResponse} */ r, extraHeaders = {}) => {
			entry.status = r.status;
			if (r.status === 429) stats.status429++;
			const isJson = r.body !== undefined && typeof r.body !== 'string';
			res.writeHead(r.status, {
				...(isJson ? { 'Content-Type': 'application/json' } : {}),
				...extraHeaders,
				...(r.headers || {}),
			});
			res.end(r.body === undefined ? undefined : isJson ? JSON.stringify(r.body) : r.body);
		};
		try {
			if (sreq.path.startsWith('/__sandbox/')) return send(control(sreq));
			stats.requests++;
			log.push(entry);
			if (log.length > 50_000) log.splice(0, 10_000);

			const route = findRoute(def.routes, sreq);
			const key = `${sreq.method} ${sreq.path}`;
			const inject = faults.only.length === 0 || faults.only.some((p) => key.startsWith(p));
			const roll = () => (inject ? random() : 1);
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
				entry.faulted = '500';
				stats.faults++;
				return send({ status: 500, body: def.errorBody(500, 'Internal server error (injected)') });
			}

			// Authentication comes before the limiter, as in the real APIs: a bad key is a 401, not a 429.
			const auth = def.authenticate ? def.authenticate(sreq) : undefined;
			if (auth && 'status' in auth) return send(auth);
			if (auth && 'auth' in auth) sreq.auth = auth.auth;

			let rlHeaders = {};
			if (!def.skipRateLimit?.(sreq)) {
				if (inject && faults.burst429Rate && roll() < faults.burst429Rate)
					burstLeft += faults.burst429Length;
				const rl = limiter.take();
				rlHeaders = rl.headers;
				if (!rl.allowed || burstLeft > 0 || faults.burst429 > 0) {
					if (faults.burst429 > 0) faults.burst429--;
					else if (burstLeft > 0 && rl.allowed) burstLeft--;
					return send(
						{
							status: 429,
							body: def.rateLimitBody
								? def.rateLimitBody({ ...rl, limit: limiter.cfg?.limit ?? 0 })
								: def.errorBody(429, 'Too Many Requests'),
							headers: { 'Retry-After': String(rl.allowed ? 1 : rl.retryAfterS) },
						},
						rlHeaders,
					);
				}
			}
			if (!route)
				return send({ status: 404, body: def.errorBody(404, 'Resource not found') }, rlHeaders);

			const result = await route.handler(sreq, route.params);
			if (route.write && result.status < 300) {
				if (inject && faults.resetAfterWriteRate && roll() < faults.resetAfterWriteRate) {
					entry.faulted = 'reset-after-write';
					stats.faults++;
					return req.socket.destroy();
				}
				if (inject && faults.error5xxAfterWriteRate && roll() < faults.error5xxAfterWriteRate) {
					entry.faulted = '500-after-write';
					stats.faults++;
					return send(
						{
							status: 500,
							body: def.errorBody(500, 'Internal server error (injected after write)'),
						},
						rlHeaders,
					);
				}
			}
			return send(result, rlHeaders);
		} catch (err) {
			return send({ status: 500, body: def.errorBody(500, `Sandbox bug: ${err && err.message}`) });
		}
	});

	function control(/** @type {SandboxRequest} */ req) {
		const what = req.path.slice('/__sandbox/'.length);
		if (what === 'state' && req.method === 'GET') return { status: 200, body: def.state() };
		if (what === 'stats' && req.method === 'GET') return { status: 200, body: { ...stats } };
		if (what === 'requests' && req.method === 'GET') return { status: 200, body: log };
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

	function setFaults(f) {
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
		setFaults,
		reset: resetAll,
		state: () => def.state(),
		stats: () => ({ ...stats }),
		requests: () => log.slice(),
		setRateLimit: (/** @type {any} */ cfg) => {
			limiter.cfg = cfg;
			limiter.hits = [];
			limiter.count = 0;
		},
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve(undefined));
			}),
	};
}

function findRoute(routes, req) {
	for (const r of routes) {
		if (r.method !== req.method) continue;
		const m = r.pattern.exec(req.path);
		if (m) return { ...r, params: m.slice(1) };
	}
	return undefined;
}

function parseBody(contentType, raw) {
	if (!raw.length) return undefined;
	const text = raw.toString('utf8');
	if (String(contentType || '').includes('application/x-www-form-urlencoded'))
		return Object.fromEntries(new URLSearchParams(text));
	try {
		return JSON.parse(text);
	} catch {
		return { __invalidJson: text.slice(0, 200) };
	}
}

function delay(ms) {
	return new Promise((r) => setTimeout(r, ms));
}

/** Random-looking but stable opaque cursor, like the real APIs hand out. */
function encodeCursor(obj) {
	return Buffer.from(JSON.stringify(obj)).toString('base64url');
}
function decodeCursor(s) {
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
};
