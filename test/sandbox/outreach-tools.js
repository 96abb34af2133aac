// @ts-check
'use strict';
/**
 * Sandbox outreach tools, for the Outreach Trigger's Enrich Missing Fields: the three lookups it
 * makes, each under its own path prefix on one server, with that tool's auth and error shapes, every
 * request and answer checked against test/contracts/{lemlist,instantly,outreachio}.
 *
 * - lemlist   `${url}/lemlist/api`:    Basic auth (empty user name, API key as password).
 *     GET /leads/:email?version=v2 → a list of the leads with that email (one per campaign), in the v2
 *     shape (name, company, phone, email under `variables`, `campaign: {id, name, status}`;
 *     `lemlist: {leadShape: 'flat'}` gives the older flat leads); text/plain errors ("Lead not found").
 *     GET /team for the credential test.
 * - Instantly `${url}/instantly/api/v2`: Bearer API key with scopes; 401 / 403 in Instantly's
 *     {statusCode, error, message} shape. POST /leads/list with {contacts: [email]} or {search},
 *     answering {items, next_starting_after}. `configure({ instantly: { rejectContacts: true } })` makes
 *     `contacts` a 400, as an API without that filter would (the real name is UNCONFIRMED).
 * - Outreach.io `${url}/outreach/api/v2`: OAuth2 Bearer access token; JSON:API bodies and errors.
 *     GET /prospects/:id, GET /prospects (credential test); POST `${url}/outreach/oauth/token` refreshes
 *     the token (grant_type=refresh_token).
 * - Webhook management (the trigger's automatic registration): lemlist GET/POST /hooks and
 *     DELETE /hooks/:hookId (`secret` kept, never listed); Instantly GET/POST /webhooks,
 *     DELETE /webhooks/:id and POST /webhooks/:id/resume (`headers` kept, `status` -1 when disabled).
 *     `hooks(tool)` shows what is registered (with secrets, for assertions), `removeHook(tool, id)` is
 *     a deletion in the tool's UI, `disableHook(id)` Instantly's auto-disable after failures,
 *     `outgoing(tool, type, payload)` builds the deliveries the tool would send (URL, headers, body
 *     with the secret) and `deliver(...)` POSTs them. `configure({ lemlist: { refuseHooks: 403 } })`
 *     or `{ instantly: { paidPlan: false } }` makes registration fail like the vendor.
 * - Reply.io (`${url}/replyio/v3`) and Outreach.io webhooks: replyio-outreachio-hooks.js; the same
 *     `hooks`, `removeHook`, `outgoing` and `deliver` take 'replyIo' and 'outreachIo', and
 *     `disableHook(id, tool)` disables theirs.
 * - Mark as Synced (the Outreach Tool node): lemlist POST/PATCH /leads/:leadId/variables (variables
 *     as query parameters; PATCH only of variables the lead has, else 400 "Variable not found");
 *     Instantly GET /leads/:id and PATCH /leads/:id (scope leads:update; `custom_variables` replace
 *     the payload); Woodpecker GET /v1/prospects?search=email=... and POST
 *     /v1/add_prospects_list (update true sets snippet1..15; unknown prospects are added, as documented).
 *     `state().writes` counts these writes.
 * - Smartlead `${url}/smartlead/api/v1`: see outreach-smartlead.js (campaigns and campaign webhooks).
 * - HeyReach `${url}/heyreach/api`: see outreach-heyreach.js (webhooks).
 * - seed({lemlist, instantly, outreachIo}), /__sandbox/state, faults (e.g. a stall) and the request
 *   log from core.js. `credentials` holds what a test puts into each tool's credential; the base URL
 *   overrides are allowed because they point to this machine.
 */
const { startSandbox } = require('./core');
const { replyIoOutreachIoHooks } = require('./replyio-outreachio-hooks');
const { smartleadTool, SMARTLEAD_DEFAULTS } = require('./outreach-smartlead');
const { heyreachTool, HEYREACH_DEFAULTS } = require('./outreach-heyreach');

const DEFAULTS = {
	lemlist: {
		apiKeys: ['sandbox-lemlist-key'],
		/** 'v2' (the documented lead) or 'flat' (email, names and campaignId at the top level). */
		leadShape: /** @type {'v2'|'flat'} */ ('v2'),
		/** An HTTP status POST /hooks answers with (e.g. 403), or 0 to register normally. */
		refuseHooks: 0,
		/** After this many successful POST /hooks, the next ones are refused with refuseHooks || 400. */
		hookCreateLimit: Infinity,
	},
	instantly: {
		apiKeys: /** @type {Record<string, string[]>} */ ({
			'sandbox-instantly-key': ['leads:read', 'leads:update', 'webhooks:all'],
			'sandbox-instantly-campaigns-only-key': ['campaigns:read'],
			'sandbox-instantly-leads-only-key': ['leads:read'],
		}),
		rejectContacts: false,
		/** false: every API call is answered 402 (no active paid plan), as Instantly documents. */
		paidPlan: true,
	},
	woodpecker: {
		apiKeys: ['sandbox-woodpecker-key'],
		/** Woodpecker: "You can subscribe to the same event up to three times per account". */
		maxPerEvent: 3,
	},
	replyIo: {
		apiKeys: ['sandbox-replyio-key'],
		/** An HTTP status POST /webhooks answers with (e.g. 403), or 0 to register normally. */
		refuseHooks: 0,
	},
	outreachIo: {
		/** An HTTP status POST /webhooks answers with (e.g. 403), or 0 to register normally. */
		refuseHooks: 0,
		clientId: 'sandbox-outreach-client',
		clientSecret: 'sandbox-outreach-client-secret',
		accessToken: 'sandbox-outreach-access-token',
		refreshToken: 'sandbox-outreach-refresh-token',
	},
	rateLimit: { limit: 1000, windowMs: 10_000, mode: 'fixed' },
	/** Smartlead (outreach-smartlead.js): API keys, and a status to refuse webhooks with. */
	smartlead: SMARTLEAD_DEFAULTS,
	/** HeyReach (outreach-heyreach.js): API keys. */
	heyreach: HEYREACH_DEFAULTS,
	/** 'enforce' answers contract violations like each tool; 'record' only logs them. */
	contractMode: /** @type {'enforce'|'record'|'off'} */ ('enforce'),
	/** A fixed delay before every answer, in ms. */
	responseDelayMs: 0,
};

const ORG_ID = '0190f2c4-0000-7000-8000-00000000a11c';

/**
 * @param {{ port?: number, lemlist?: Partial<typeof DEFAULTS.lemlist>, instantly?: Partial<typeof DEFAULTS.instantly>,
 *   woodpecker?: Partial<typeof DEFAULTS.woodpecker>, replyIo?: Partial<typeof DEFAULTS.replyIo>,
 *   smartlead?: Partial<typeof DEFAULTS.smartlead>, heyreach?: Partial<typeof DEFAULTS.heyreach>,
 *   outreachIo?: Partial<typeof DEFAULTS.outreachIo>, rateLimit?: any, contractMode?: 'enforce'|'record'|'off',
 *   responseDelayMs?: number }} [opts]
 */
async function startOutreachToolsSandbox(opts = {}) {
	const cfg = {
		lemlist: { ...DEFAULTS.lemlist, ...(opts.lemlist || {}) },
		instantly: { ...DEFAULTS.instantly, ...(opts.instantly || {}) },
		woodpecker: { ...DEFAULTS.woodpecker, ...(opts.woodpecker || {}) },
		replyIo: { ...DEFAULTS.replyIo, .../** @type {any} */ (opts.replyIo || {}) },
		outreachIo: { ...DEFAULTS.outreachIo, ...(opts.outreachIo || {}) },
		smartlead: { ...DEFAULTS.smartlead, ...(opts.smartlead || {}) },
		heyreach: { ...DEFAULTS.heyreach, ...(opts.heyreach || {}) },
		rateLimit: opts.rateLimit ?? DEFAULTS.rateLimit,
		contractMode: opts.contractMode ?? DEFAULTS.contractMode,
		responseDelayMs: opts.responseDelayMs ?? DEFAULTS.responseDelayMs,
	};
	/** @type {any} */
	let db;
	/** @type {Set<string>} */
	let validAccessTokens;
	const smartlead = smartleadTool({ cfg: cfg.smartlead, nextId: () => ++db.nextId });
	const heyreach = heyreachTool({ cfg: cfg.heyreach, nextId: () => ++db.nextId });

	const extra = replyIoOutreachIoHooks({
		nextId: () => ++db.nextId,
		now: () => new Date().toISOString(),
		replyIo: cfg.replyIo,
		outreachIo: cfg.outreachIo,
	});

	function reset() {
		extra.reset();
		db = {
			nextId: 1000,
			lemlist: [],
			instantly: [],
			outreachIo: [],
			hooks: { lemlist: [], instantly: [], woodpecker: [] },
			lemlistCampaigns: [
				{ _id: 'cam_sandbox', name: 'Sandbox campaign', status: 'running' },
				{ _id: 'cam_sbxOther', name: 'Other campaign', status: 'running' },
			],
			lemlistHooksCreated: 0,
			/** Mark as Synced's writes: lemlist variable calls, Instantly lead patches. */
			writes: { lemlistVariables: 0, instantlyLeads: 0, woodpeckerProspects: 0 },
			/** Woodpecker prospects (id, email, snippet1..snippet15). */
			woodpecker: [],
		};
		validAccessTokens = new Set([cfg.outreachIo.accessToken]);
		smartlead.reset();
		heyreach.reset();
	}
	reset();

	const now = () => new Date().toISOString();
	const nextId = () => ++db.nextId;

	// ---- stores ----------------------------------------------------------------------------------
	/** A lemlist lead (one per campaign): the Lead object's field names. */
	function addLemlistLead(/** @type {any} */ l = {}) {
		const lead = {
			_id: l._id ?? `lea_sbx${nextId()}`,
			email: String(l.email ?? 'jane.doe@example.com').toLowerCase(),
			firstName: l.firstName ?? 'Jane',
			lastName: l.lastName ?? 'Doe',
			companyName: l.companyName,
			jobTitle: l.jobTitle,
			phone: l.phone,
			linkedinUrl: l.linkedinUrl,
			campaignId: l.campaignId ?? 'cam_sandbox',
			campaignName: l.campaignName ?? 'Sandbox campaign',
			isUnsubscribed: false,
			...(l.extra || {}),
		};
		db.lemlist.push(lead);
		return lead;
	}

	/** A lemlist lead as GET /leads/{email}?version=v2 documents it (or the older flat shape). */
	function lemlistView(/** @type {any} */ l) {
		if (cfg.lemlist.leadShape === 'flat') return l;
		const { _id, campaignId, campaignName, isUnsubscribed: _u, ...fields } = l;
		return {
			_id,
			updatedAt: l.updatedAt ?? now(),
			isPaused: false,
			state: 'emailsReplied',
			status: 'done',
			personalized: false,
			source: 'api',
			variables: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
			contactId: `ctc_${String(_id).replace(/^lea_/, '')}`,
			enrichment: { emailStatus: 'deliverable' },
			campaign: { id: campaignId, name: campaignName, status: 'running' },
			sendingUser: {},
		};
	}

	/** An Instantly v2 lead with the fields the API marks required. */
	function instantlyView(/** @type {any} */ l) {
		const domain = String(l.email).split('@')[1] ?? '';
		/** @type {Record<string, any>} */
		const out = {
			id: l.id,
			timestamp_created: l.timestamp_created,
			timestamp_updated: l.timestamp_created,
			organization: ORG_ID,
			campaign: l.campaign,
			status: 1,
			email: l.email,
			first_name: l.first_name ?? null,
			last_name: l.last_name ?? null,
			company_name: l.company_name ?? null,
			job_title: l.job_title ?? null,
			phone: l.phone ?? null,
			website: l.website ?? null,
			email_open_count: 0,
			email_reply_count: 0,
			email_click_count: 0,
			company_domain: domain,
			status_summary: {},
			payload: l.payload,
		};
		return out;
	}

	/** An Instantly v2 lead: snake_case fields, custom variables under `payload`. */
	function addInstantlyLead(/** @type {any} */ l = {}) {
		const lead = {
			id: l.id ?? `0190f2c4-0000-7000-8000-${String(nextId()).padStart(12, '0')}`,
			email: String(l.email ?? 'marco.rossi@example.org').toLowerCase(),
			first_name: l.first_name,
			last_name: l.last_name,
			company_name: l.company_name,
			job_title: l.job_title,
			phone: l.phone,
			website: l.website,
			campaign: l.campaign ?? null,
			payload: l.payload ?? {},
			timestamp_created: now(),
		};
		db.instantly.push(lead);
		return lead;
	}

	/** An Outreach.io prospect: JSON:API attributes. */
	function addProspect(/** @type {any} */ p = {}) {
		const prospect = {
			id: Number(p.id ?? nextId()),
			attributes: {
				firstName: p.firstName,
				lastName: p.lastName,
				emails: p.emails ?? [],
				title: p.title,
				company: p.company,
				linkedInUrl: p.linkedInUrl,
				mobilePhones: p.mobilePhones ?? [],
				workPhones: p.workPhones ?? [],
				addressCity: p.addressCity,
				addressCountry: p.addressCountry,
				createdAt: now(),
				updatedAt: now(),
			},
		};
		db.outreachIo.push(prospect);
		return prospect;
	}

	// ---- auth ------------------------------------------------------------------------------------
	/** lemlist answers errors as text/plain. */
	const lemlistError = (/** @type {number} */ status, /** @type {string} */ message) => ({
		status,
		body: message,
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
	const instantlyError = (/** @type {number} */ status, /** @type {string} */ message) => ({
		status,
		body: {
			statusCode: status,
			error:
				{ 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status] ??
				'Error',
			message,
		},
	});
	/** Woodpecker's error body: `{status, title, detail}` (its v2 error format; v1 may differ). */
	const woodpeckerError = (/** @type {number} */ status, /** @type {string} */ detail) => ({
		status,
		body: { status, title: status === 409 ? 'Conflict' : 'Error', detail },
	});
	const outreachError = (
		/** @type {number} */ status,
		/** @type {string} */ id,
		/** @type {string} */ title,
		/** @type {string} */ detail,
	) => ({
		status,
		body: { errors: [{ id, title, detail }] },
	});

	function authenticate(/** @type {import('./core').SandboxRequest} */ req) {
		if (req.path.startsWith('/lemlist/')) {
			const m = /^Basic\s+(.+)$/i.exec(String(req.headers.authorization || ''));
			if (!m)
				return lemlistError(
					401,
					'Unauthorized: send the API key with Basic auth (empty user name, key as password)',
				);
			const decoded = Buffer.from(m[1], 'base64').toString('utf8');
			const key = decoded.slice(decoded.indexOf(':') + 1);
			if (!cfg.lemlist.apiKeys.includes(key)) return lemlistError(401, 'Invalid API key');
			return { auth: { tool: 'lemlist' } };
		}
		if (req.path.startsWith('/instantly/')) {
			const m = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization || ''));
			const scopes = m ? cfg.instantly.apiKeys[m[1]] : undefined;
			if (!scopes) return instantlyError(401, 'Invalid API key');
			return { auth: { tool: 'instantly', scopes } };
		}
		if (req.path.startsWith('/woodpecker/')) {
			const key = String(req.headers['x-api-key'] || '');
			if (!cfg.woodpecker.apiKeys.includes(key)) return woodpeckerError(401, 'Invalid API key');
			return { auth: { tool: 'woodpecker' } };
		}
		if (req.path.startsWith('/replyio/')) return extra.authenticateReplyIo(req);
		if (req.path.startsWith('/smartlead/')) return smartlead.authenticate(req);
		if (req.path.startsWith('/heyreach/')) return heyreach.authenticate(req);
		if (req.path.startsWith('/outreach/api/')) {
			const m = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization || ''));
			if (!m || !validAccessTokens.has(m[1]))
				return outreachError(
					401,
					'unauthorizedOauthToken',
					'Unauthorized OAuth Token',
					'The OAuth token is missing, invalid or expired.',
				);
			return { auth: { tool: 'outreachIo' } };
		}
		return undefined;
	}

	const hasScope = (/** @type {import('./core').SandboxRequest} */ req, /** @type {any} */ scope) =>
		req.auth.scopes.some(
			(/** @type {any} */ s) =>
				s === scope || s === 'leads:all' || s === 'all:read' || s === 'all:all',
		);

	// ---- webhook management ----------------------------------------------------------------------
	/** Instantly's scope rule for webhooks: webhooks:<action>, webhooks:all, all:<action>, all:all. */
	const mayManageHooks = (
		/** @type {import('./core').SandboxRequest} */ req,
		/** @type {string} */ action,
	) =>
		req.auth.scopes.some((/** @type {string} */ s) =>
			[`webhooks:${action}`, 'webhooks:all', `all:${action}`, 'all:all'].includes(s),
		);

	const uuid = () => `0190f2c4-0000-7000-8000-${String(nextId()).padStart(12, '0')}`;

	/** lemlist lists hooks without their secret ("never returned by GET"). */
	const lemlistHookView = (/** @type {any} */ h) => {
		const { secret: _s, ...shown } = h;
		return shown;
	};
	/** Instantly's Webhook object as the API returns it (headers included). */
	const instantlyHookView = (/** @type {any} */ h) => ({ ...h });

	/** An Instantly call refused for the plan or the key's scopes, or undefined when allowed. */
	function instantlyRefusal(
		/** @type {import("./core").SandboxRequest} */ req,
		/** @type {string} */ action,
	) {
		if (!cfg.instantly.paidPlan)
			return instantlyError(402, 'Workspace does not have an active paid plan');
		if (!mayManageHooks(req, action))
			return instantlyError(
				403,
				`The API key does not have the required scope: one of webhooks:${action}, webhooks:all, all:${action}, all:all`,
			);
		return undefined;
	}

	/** A hook deleted in the tool's own UI (Woodpecker's id: "event target_url"). */
	function removeHook(
		/** @type {'lemlist'|'instantly'|'woodpecker'|'smartlead'|'heyreach'|'replyIo'|'outreachIo'} */ tool,
		/** @type {string} */ id,
	) {
		if (tool === 'replyIo' || tool === 'outreachIo') return extra.remove(tool, id);
		if (tool === 'smartlead') return smartlead.removeHook(id);
		if (tool === 'heyreach') return heyreach.removeHook(id);
		db.hooks[tool] = db.hooks[tool].filter(
			(/** @type {any} */ h) => (h._id ?? h.id ?? `${h.event} ${h.target_url}`) !== id,
		);
	}

	/** Instantly disabling a hook after repeated failed deliveries (status -1). */
	function disableHook(/** @type {string} */ id, /** @type {string} */ tool = 'instantly') {
		if (tool === 'replyIo' || tool === 'outreachIo') return extra.disable(tool, id);
		const hook = findInstantlyHook(id);
		if (hook) Object.assign(hook, { status: -1, timestamp_error: now() });
		return Boolean(hook);
	}

	const findInstantlyHook = (/** @type {string} */ id) =>
		db.hooks.instantly.find((/** @type {any} */ h) => h.id === id);

	const hookRoutes = [
		{
			method: 'GET',
			pattern: /^\/lemlist\/api\/hooks$/,
			handler: () => ({ status: 200, body: db.hooks.lemlist.map(lemlistHookView) }),
		},
		{
			method: 'POST',
			write: true,
			pattern: /^\/lemlist\/api\/hooks$/,
			handler: (/** @type {import('./core').SandboxRequest} */ req) => {
				if (cfg.lemlist.refuseHooks) return lemlistError(cfg.lemlist.refuseHooks, 'Forbidden');
				if (db.lemlistHooksCreated >= cfg.lemlist.hookCreateLimit)
					return lemlistError(400, 'Webhook limit reached');
				const b = req.body;
				const campaignId = req.query.get('campaignId');
				const hook = {
					_id: `hoo_sbx${nextId()}`,
					targetUrl: b.targetUrl,
					createdAt: now(),
					...(b.type ? { type: b.type } : {}),
					...(campaignId ? { campaignId } : {}),
					...(b.secret !== undefined ? { secret: b.secret } : {}),
				};
				db.hooks.lemlist.push(hook);
				db.lemlistHooksCreated++;
				return { status: 200, body: lemlistHookView(hook) };
			},
		},
		{
			method: 'DELETE',
			write: true,
			pattern: /^\/lemlist\/api\/hooks\/([^/]+)$/,
			handler: (
				/** @type {import('./core').SandboxRequest} */ _req,
				/** @type {string[]} */ [id],
			) => {
				const hook = db.hooks.lemlist.find((/** @type {any} */ h) => h._id === id);
				if (!hook) return lemlistError(404, 'Webhook not found');
				db.hooks.lemlist = db.hooks.lemlist.filter((/** @type {any} */ h) => h !== hook);
				return { status: 200, body: lemlistHookView(hook) };
			},
		},
		{
			method: 'GET',
			pattern: /^\/instantly\/api\/v2\/webhooks$/,
			handler: (/** @type {import('./core').SandboxRequest} */ req) => {
				const refused = instantlyRefusal(req, 'read');
				if (refused) return refused;
				const limit = Number(req.query.get('limit') ?? 100);
				const after = req.query.get('starting_after');
				let rows = db.hooks.instantly;
				if (after) rows = rows.slice(rows.findIndex((/** @type {any} */ h) => h.id === after) + 1);
				const items = rows.slice(0, limit);
				const more = rows.length > limit;
				return {
					status: 200,
					body: {
						items: items.map(instantlyHookView),
						...(more ? { next_starting_after: items[items.length - 1].id } : {}),
					},
				};
			},
		},
		{
			method: 'POST',
			write: true,
			pattern: /^\/instantly\/api\/v2\/webhooks$/,
			handler: (/** @type {import('./core').SandboxRequest} */ req) => {
				const refused = instantlyRefusal(req, 'create');
				if (refused) return refused;
				const b = req.body;
				const hook = {
					id: uuid(),
					organization: ORG_ID,
					campaign: b.campaign ?? null,
					name: b.name ?? null,
					target_hook_url: b.target_hook_url,
					event_type: b.event_type === undefined ? null : b.event_type,
					custom_interest_value: b.custom_interest_value ?? null,
					headers: b.headers ?? null,
					timestamp_created: now(),
					status: 1,
					timestamp_error: null,
				};
				db.hooks.instantly.push(hook);
				return { status: 200, body: instantlyHookView(hook) };
			},
		},
		{
			method: 'DELETE',
			write: true,
			pattern: /^\/instantly\/api\/v2\/webhooks\/([^/]+)$/,
			handler: (
				/** @type {import('./core').SandboxRequest} */ req,
				/** @type {string[]} */ [id],
			) => {
				const refused = instantlyRefusal(req, 'delete');
				if (refused) return refused;
				const hook = findInstantlyHook(id);
				if (!hook) return instantlyError(404, 'Resource not found');
				db.hooks.instantly = db.hooks.instantly.filter((/** @type {any} */ h) => h !== hook);
				return { status: 200, body: instantlyHookView(hook) };
			},
		},
		{
			method: 'POST',
			pattern: /^\/instantly\/api\/v2\/webhooks\/([^/]+)\/resume$/,
			handler: (
				/** @type {import('./core').SandboxRequest} */ req,
				/** @type {string[]} */ [id],
			) => {
				const refused = instantlyRefusal(req, 'update');
				if (refused) return refused;
				const hook = findInstantlyHook(id);
				if (!hook) return instantlyError(404, 'Resource not found');
				Object.assign(hook, { status: 1, timestamp_error: null });
				return { status: 200, body: instantlyHookView(hook) };
			},
		},
	];

	const woodpeckerRoutes = [
		{
			method: 'GET',
			pattern: /^\/woodpecker\/rest\/v2\/webhooks$/,
			handler: () => ({
				status: 200,
				body: {
					webhooks: db.hooks.woodpecker.map((/** @type {any} */ h) => ({
						target_url: h.target_url,
						event: h.event.toUpperCase(),
					})),
				},
			}),
		},
		{
			method: 'POST',
			write: true,
			pattern: /^\/woodpecker\/rest\/v1\/webhooks\/subscribe$/,
			handler: (/** @type {import('./core').SandboxRequest} */ req) => {
				const { target_url, event } = req.body;
				const same = db.hooks.woodpecker.filter(
					(/** @type {any} */ h) => h.event === event.toLowerCase(),
				);
				if (same.some((/** @type {any} */ h) => h.target_url === target_url))
					return woodpeckerError(409, 'Already subscribed.');
				if (same.length >= cfg.woodpecker.maxPerEvent)
					return woodpeckerError(
						409,
						`You can subscribe to the same event up to ${cfg.woodpecker.maxPerEvent} times per account.`,
					);
				db.hooks.woodpecker.push({ target_url, event: event.toLowerCase() });
				return { status: 201, body: { target_url, event, message: 'Subscribed.' } };
			},
		},
		{
			method: 'POST',
			write: true,
			pattern: /^\/woodpecker\/rest\/v1\/webhooks\/unsubscribe$/,
			handler: (/** @type {import('./core').SandboxRequest} */ req) => {
				const { target_url, event } = req.body;
				const before = db.hooks.woodpecker.length;
				db.hooks.woodpecker = db.hooks.woodpecker.filter(
					(/** @type {any} */ h) =>
						!(h.target_url === target_url && h.event === event.toLowerCase()),
				);
				if (db.hooks.woodpecker.length === before)
					return woodpeckerError(404, 'Subscription not found.');
				return { status: 200, body: { target_url, event, message: 'Unsubscribed.' } };
			},
		},
	];

	/**
	 * The deliveries the tool would send for one event: one per registered hook that listens to
	 * `type` (a lemlist hook without a type listens to everything), with the secret it was given.
	 * @returns {Array<{ hookId: string, url: string, headers: Record<string, string>, body: any }>}
	 */
	function outgoing(
		/** @type {'lemlist'|'instantly'|'woodpecker'|'smartlead'|'heyreach'|'replyIo'|'outreachIo'} */ tool,
		/** @type {string} */ type,
		/** @type {Record<string, any>} */ payload = {},
	) {
		if (tool === 'replyIo' || tool === 'outreachIo') return extra.outgoing(tool, type, payload);
		if (tool === 'smartlead') return smartlead.outgoing(type, payload);
		if (tool === 'heyreach') return heyreach.outgoing(type, payload);
		if (tool === 'lemlist')
			return db.hooks.lemlist
				.filter((/** @type {any} */ h) => !h.type || h.type === type)
				.filter((/** @type {any} */ h) => !h.campaignId || h.campaignId === payload.campaignId)
				.map((/** @type {any} */ h) => ({
					hookId: h._id,
					url: h.targetUrl,
					headers: { 'content-type': 'application/json' },
					body: { ...payload, type, ...(h.secret !== undefined ? { secret: h.secret } : {}) },
				}));
		if (tool === 'woodpecker')
			// Woodpecker batches events into a JSON array; one event here.
			return db.hooks.woodpecker
				.filter((/** @type {any} */ h) => h.event === type)
				.map((/** @type {any} */ h) => ({
					hookId: `${h.event} ${h.target_url}`,
					url: h.target_url,
					headers: { 'content-type': 'application/json' },
					body: [{ ...payload, method: type }],
				}));
		return db.hooks.instantly
			.filter((/** @type {any} */ h) => h.status === 1)
			.filter((/** @type {any} */ h) => h.event_type === 'all_events' || h.event_type === type)
			.filter((/** @type {any} */ h) => !h.campaign || h.campaign === payload.campaign_id)
			.map((/** @type {any} */ h) => ({
				hookId: h.id,
				url: h.target_hook_url,
				headers: { 'content-type': 'application/json', ...(h.headers ?? {}) },
				body: { ...payload, event_type: type },
			}));
	}

	/** Sends `outgoing(...)` over HTTP (only to `url` when given); answers each delivery's status. */
	async function deliver(
		/** @type {'lemlist'|'instantly'|'woodpecker'|'smartlead'|'heyreach'|'replyIo'|'outreachIo'} */ tool,
		/** @type {string} */ type,
		/** @type {Record<string, any>} */ payload = {},
		/** @type {string | undefined} */ url = undefined,
	) {
		const out = [];
		for (const d of outgoing(tool, type, payload).filter(
			(o) => !url || o.url.split('?')[0] === url,
		)) {
			const res = await fetch(d.url, {
				method: 'POST',
				headers: d.headers,
				body: /** @type {any} */ (d).raw ?? JSON.stringify(d.body),
				signal: globalThis.AbortSignal.timeout(10_000),
			});
			out.push({ hookId: d.hookId, url: d.url, status: res.status, body: await res.text() });
		}
		return out;
	}

	// ---- Mark as Synced: custom variables on a lead ----------------------------------------------
	/** Instantly's scope rule for writing leads: leads:update, leads:all, all:update, all:all. */
	const mayUpdateLeads = (/** @type {import('./core').SandboxRequest} */ req) =>
		req.auth.scopes.some((/** @type {string} */ s) =>
			['leads:update', 'leads:all', 'all:update', 'all:all'].includes(s),
		);
	/** lemlist's variables travel as query parameters; `version` is never one. */
	const queryVariables = (/** @type {import('./core').SandboxRequest} */ req) =>
		[...req.query.entries()].filter(([k]) => k !== 'version');
	const LEAD_FIELDS = new Set(['_id', 'email', 'campaignId', 'campaignName', 'isUnsubscribed']);
	/** A Woodpecker prospect: id, email and its 15 snippets ("" when empty, as the API lists them). */
	function addWoodpeckerProspect(/** @type {any} */ p = {}) {
		/** @type {Record<string, any>} */
		const prospect = {
			id: p.id ?? nextId(),
			email: String(p.email ?? 'erlich@example.com').toLowerCase(),
			first_name: p.first_name ?? 'Erlich',
			last_name: p.last_name ?? 'Bachman',
			status: 'ACTIVE',
		};
		for (let k = 1; k <= 15; k++) prospect[`snippet${k}`] = p[`snippet${k}`] ?? '';
		db.woodpecker.push(prospect);
		return prospect;
	}
	const SNIPPET = /^snippet([1-9]|1[0-5])$/;
	const markRoutes = [
		{
			// "Search for prospects": search=email=<address> is an exact match on a full address.
			method: 'GET',
			pattern: /^\/woodpecker\/rest\/v1\/prospects$/,
			handler: (/** @type {import('./core').SandboxRequest} */ req) => {
				const m = /^email=(.+)$/.exec(String(req.query.get('search') ?? ''));
				const wanted = m ? m[1].toLowerCase() : undefined;
				const rows = db.woodpecker.filter((/** @type {any} */ p) => !wanted || p.email === wanted);
				return { status: 200, body: rows.map((/** @type {any} */ p) => ({ ...p })) };
			},
		},
		{
			// "Update prospects in database": update true changes the given fields of known prospects
			// and, like the real endpoint, adds the unknown ones.
			method: 'POST',
			pattern: /^\/woodpecker\/rest\/v1\/add_prospects_list$/,
			handler: (/** @type {import('./core').SandboxRequest} */ req) => {
				const body = req.body || {};
				const out = [];
				for (const p of body.prospects || []) {
					const email = String(p.email).toLowerCase();
					let prospect = db.woodpecker.find((/** @type {any} */ x) => x.email === email);
					const known = Boolean(prospect);
					if (!prospect) prospect = addWoodpeckerProspect({ email });
					else if (body.update !== true) {
						out.push({ id: prospect.id, email, status: 'DUPLICATE' });
						continue;
					}
					for (const [k, v] of Object.entries(p)) if (SNIPPET.test(k)) prospect[k] = v;
					out.push({ id: prospect.id, email, status: known ? 'UPDATED' : 'OK' });
				}
				db.writes.woodpeckerProspects++;
				return { status: 200, body: { prospects: out } };
			},
		},
		{
			// "Add Custom Variables on Leads": sets each query parameter as a variable of the lead.
			method: 'POST',
			pattern: /^\/lemlist\/api\/leads\/([^/]+)\/variables$/,
			handler: (
				/** @type {import('./core').SandboxRequest} */ req,
				/** @type {string[]} */ [leadId],
			) => {
				const lead = db.lemlist.find(
					(/** @type {any} */ l) => l._id === decodeURIComponent(leadId),
				);
				if (!lead) return lemlistError(404, 'Lead not found');
				const vars = queryVariables(req);
				if (!vars.length || vars.some(([k]) => LEAD_FIELDS.has(k)))
					return lemlistError(400, 'Variable not found');
				for (const [k, v] of vars) lead[k] = v;
				db.writes.lemlistVariables++;
				return { status: 200, body: { ok: true } };
			},
		},
		{
			// "Update Values of Custom Variables of a Lead": only variables the lead already has.
			method: 'PATCH',
			pattern: /^\/lemlist\/api\/leads\/([^/]+)\/variables$/,
			handler: (
				/** @type {import('./core').SandboxRequest} */ req,
				/** @type {string[]} */ [leadId],
			) => {
				const lead = db.lemlist.find(
					(/** @type {any} */ l) => l._id === decodeURIComponent(leadId),
				);
				if (!lead) return lemlistError(404, 'Lead not found');
				const vars = queryVariables(req);
				if (!vars.length || vars.some(([k]) => LEAD_FIELDS.has(k) || !(k in lead)))
					return lemlistError(400, 'Variable not found');
				for (const [k, v] of vars) lead[k] = v;
				db.writes.lemlistVariables++;
				return { status: 200, body: { ok: true } };
			},
		},
		{
			method: 'GET',
			pattern: /^\/instantly\/api\/v2\/leads\/([^/]+)$/,
			handler: (
				/** @type {import('./core').SandboxRequest} */ req,
				/** @type {string[]} */ [id],
			) => {
				if (!hasScope(req, 'leads:read'))
					return instantlyError(403, 'The API key does not have the required scope: leads:read');
				const lead = db.instantly.find((/** @type {any} */ l) => l.id === id);
				if (!lead) return instantlyError(404, 'Resource not found');
				return { status: 200, body: instantlyView(lead) };
			},
		},
		{
			// "Patch lead": custom_variables replace the lead's payload (the harsher reading; the
			// reference does not say whether it merges), so a client must send the others along.
			method: 'PATCH',
			pattern: /^\/instantly\/api\/v2\/leads\/([^/]+)$/,
			handler: (
				/** @type {import('./core').SandboxRequest} */ req,
				/** @type {string[]} */ [id],
			) => {
				if (!mayUpdateLeads(req))
					return instantlyError(403, 'The API key does not have the required scope: leads:update');
				const lead = db.instantly.find((/** @type {any} */ l) => l.id === id);
				if (!lead) return instantlyError(404, 'Resource not found');
				const body = req.body || {};
				if (body.custom_variables) lead.payload = { ...body.custom_variables };
				for (const k of [
					'first_name',
					'last_name',
					'company_name',
					'job_title',
					'phone',
					'website',
				])
					if (k in body) lead[k] = body[k];
				db.writes.instantlyLeads++;
				return { status: 200, body: instantlyView(lead) };
			},
		},
	];

	// ---- routes ----------------------------------------------------------------------------------
	const routes = [
		...markRoutes,
		...hookRoutes,
		...woodpeckerRoutes,
		...extra.routes,
		{
			// The trigger's Campaign picker: lemlist pages with limit/offset and has no name search.
			method: 'GET',
			pattern: /^\/lemlist\/api\/campaigns$/,
			handler: (/** @type {import('./core').SandboxRequest} */ req) => {
				const limit = Number(req.query.get('limit') ?? 100);
				const offset = Number(req.query.get('offset') ?? 0);
				return { status: 200, body: db.lemlistCampaigns.slice(offset, offset + limit) };
			},
		},
		...smartlead.routes,
		...heyreach.routes,
		{
			method: 'GET',
			pattern: /^\/lemlist\/api\/team$/,
			handler: () => ({ status: 200, body: { _id: 'tea_sandbox', name: 'Sandbox team' } }),
		},
		{
			method: 'GET',
			pattern: /^\/lemlist\/api\/leads\/([^/]+)$/,
			handler: (
				/** @type {import('./core').SandboxRequest} */ req,
				/** @type {string[]} */ [email],
			) => {
				const wanted = decodeURIComponent(email).toLowerCase();
				const leads = db.lemlist.filter((/** @type {any} */ l) => l.email === wanted);
				if (!leads.length) return lemlistError(404, 'Lead not found');
				return { status: 200, body: leads.map(lemlistView) };
			},
		},
		{
			method: 'POST',
			pattern: /^\/instantly\/api\/v2\/leads\/list$/,
			handler: (/** @type {import('./core').SandboxRequest} */ req) => {
				if (!hasScope(req, 'leads:read'))
					return instantlyError(403, 'The API key does not have the required scope: leads:read');
				const body = req.body || {};
				if (body.contacts !== undefined && cfg.instantly.rejectContacts)
					return instantlyError(400, 'body must NOT have additional properties');
				const limit = Math.min(100, Number(body.limit ?? 100));
				let rows = db.instantly;
				if (Array.isArray(body.contacts))
					rows = rows.filter((/** @type {any} */ l) =>
						body.contacts.map((/** @type {any} */ c) => String(c).toLowerCase()).includes(l.email),
					);
				if (typeof body.search === 'string' && body.search) {
					const q = body.search.toLowerCase();
					rows = rows.filter((/** @type {any} */ l) =>
						[l.email, l.first_name, l.last_name].some((v) =>
							String(v ?? '')
								.toLowerCase()
								.includes(q),
						),
					);
				}
				const items = rows.slice(0, limit);
				const more = items.length === limit && rows.length > limit;
				return {
					status: 200,
					body: {
						items: items.map(instantlyView),
						...(more ? { next_starting_after: items[items.length - 1].id } : {}),
					},
				};
			},
		},
		{
			method: 'GET',
			pattern: /^\/outreach\/api\/v2\/prospects$/,
			handler: (/** @type {import('./core').SandboxRequest} */ req) => {
				const size = Number(req.query.get('page[size]') ?? 50);
				return {
					status: 200,
					body: {
						data: db.outreachIo.slice(0, size).map((/** @type {any} */ p) => ({
							type: 'prospect',
							id: p.id,
							attributes: p.attributes,
						})),
						meta: { count: db.outreachIo.length },
					},
				};
			},
		},
		{
			method: 'GET',
			pattern: /^\/outreach\/api\/v2\/prospects\/([^/]+)$/,
			handler: (
				/** @type {import('./core').SandboxRequest} */ req,
				/** @type {string[]} */ [id],
			) => {
				const p = db.outreachIo.find((/** @type {any} */ x) => String(x.id) === id);
				if (!p)
					return outreachError(
						404,
						'resourceNotFound',
						'Resource Not Found',
						`Could not find 'prospect' with ID '${id}'.`,
					);
				return {
					status: 200,
					body: {
						data: {
							type: 'prospect',
							id: p.id,
							attributes: p.attributes,
							relationships: {},
							links: { self: `${req.baseUrl}/outreach/api/v2/prospects/${p.id}` },
						},
					},
				};
			},
		},
		{
			method: 'POST',
			pattern: /^\/outreach\/oauth\/token$/,
			handler: (/** @type {import('./core').SandboxRequest} */ req) => {
				const b = req.body || {};
				if (b.grant_type !== 'refresh_token' || b.refresh_token !== cfg.outreachIo.refreshToken)
					return {
						status: 400,
						body: { error: 'invalid_grant', error_description: 'The refresh token is invalid.' },
					};
				const token = `sandbox-outreach-access-token-${nextId()}`;
				validAccessTokens.add(token);
				return {
					status: 200,
					body: {
						access_token: token,
						refresh_token: cfg.outreachIo.refreshToken,
						token_type: 'bearer',
						expires_in: 7200,
					},
				};
			},
		},
	];

	/** Which tool a path belongs to, for its error shapes. */
	const toolOf = (/** @type {string} */ path) =>
		path.startsWith('/lemlist/')
			? 'lemlist'
			: path.startsWith('/instantly/')
				? 'instantly'
				: path.startsWith('/woodpecker/')
					? 'woodpecker'
					: path.startsWith('/replyio/')
						? 'replyIo'
						: path.startsWith('/smartlead/')
							? 'smartlead'
							: path.startsWith('/heyreach/')
								? 'heyreach'
								: 'outreachIo';

	const sandbox = await startSandbox({
		name: 'outreachTools',
		port: opts.port,
		routes,
		contracts: [
			{ system: 'lemlist', prefix: '/lemlist/api' },
			{ system: 'instantly', prefix: '/instantly/api/v2' },
			{ system: 'woodpecker', prefix: '/woodpecker/rest' },
			{ system: 'replyio', prefix: '/replyio/v3' },
			{ system: 'smartlead', prefix: '/smartlead/api/v1' },
			{ system: 'heyreach', prefix: '/heyreach/api' },
			{
				system: 'outreachio',
				prefix: '/outreach/api/v2',
				ids: [
					'outreachio.prospects.get',
					'outreachio.prospects.list',
					'outreachio.webhooks.list',
					'outreachio.webhooks.create',
					'outreachio.webhooks.update',
					'outreachio.webhooks.delete',
				],
			},
			{ system: 'outreachio', prefix: '/outreach', ids: ['outreachio.oauth.token'] },
		],
		contractMode: cfg.contractMode,
		responseDelayMs: cfg.responseDelayMs,
		checkResponses: /** @type {any} */ (opts).checkResponses,
		contractError: (violations, req) => {
			const text = violations
				.map((v) => `${v.path.replace(/^(body|query|path)\.?/, '') || 'body'} ${v.message}`)
				.join('; ');
			const tool = toolOf(req.path);
			if (tool === 'lemlist') return lemlistError(400, text);
			if (tool === 'instantly') return instantlyError(400, text);
			if (tool === 'woodpecker') return woodpeckerError(400, text);
			if (tool === 'replyIo') return extra.replyIoError(400, text);
			if (tool === 'smartlead') return smartlead.error(400, text);
			if (tool === 'heyreach') return heyreach.error(400, text);
			if (req.path === '/outreach/oauth/token')
				return { status: 400, body: { error: 'invalid_request', error_description: text } };
			return outreachError(400, 'validationError', 'Validation Error', text);
		},
		notFound: (req) => {
			const tool = toolOf(req.path);
			if (tool === 'lemlist') return lemlistError(404, 'Not found');
			if (tool === 'instantly') return instantlyError(404, 'Resource not found');
			if (tool === 'woodpecker') return woodpeckerError(404, 'Not found');
			if (tool === 'replyIo') return extra.replyIoError(404, 'Not found');
			if (tool === 'smartlead') return smartlead.error(404, 'Not found');
			if (tool === 'heyreach') return heyreach.error(404, 'Not found');
			return outreachError(404, 'resourceNotFound', 'Resource Not Found', `No route ${req.path}`);
		},
		authenticate,
		rateLimit: cfg.rateLimit,
		// lemlist documents X-RateLimit-Reset as JavaScript Date text ("Tue Feb 16 2021 09:02:42
		// GMT+0100 (Central European Standard Time)", https://developer.lemlist.com, Rate limits).
		resetForm: (req) => (toolOf(req.path) === 'lemlist' ? 'js-date' : 'unix'),
		skipRateLimit: (req) => req.path === '/outreach/oauth/token',
		errorBody: (status, message) => ({
			statusCode: status,
			error:
				status === 429 ? 'Too Many Requests' : status >= 500 ? 'Internal Server Error' : 'Error',
			message,
		}),
		state: () => ({
			lemlist: { leads: db.lemlist },
			instantly: { leads: db.instantly },
			writes: { ...db.writes },
			woodpecker: { prospects: db.woodpecker },
			hooks: {
				...db.hooks,
				...extra.all(),
				smartlead: smartlead.hooks(),
				heyreach: heyreach.hooks(),
			},
			outreachIo: { prospects: db.outreachIo },
			counts: {
				lemlistLeads: db.lemlist.length,
				instantlyLeads: db.instantly.length,
				outreachIoProspects: db.outreachIo.length,
			},
		}),
		reset,
		// For tests in another process (e2e): what is registered, a deletion or auto-disable in the
		// tool's UI, and a delivery of one event to every hook that listens to it.
		control: (what, req) => {
			const tool = [
				'instantly',
				'woodpecker',
				'smartlead',
				'heyreach',
				'replyIo',
				'outreachIo',
			].includes(req.body?.tool)
				? req.body.tool
				: 'lemlist';
			if (what === 'hooks' && req.method === 'GET')
				return {
					status: 200,
					body: {
						...db.hooks,
						...extra.all(),
						smartlead: smartlead.hooks(),
						heyreach: heyreach.hooks(),
					},
				};
			if (what === 'hooks/remove' && req.method === 'POST') {
				removeHook(tool, req.body.id);
				return { status: 200, body: { ok: true } };
			}
			if (what === 'hooks/disable' && req.method === 'POST')
				return { status: 200, body: { ok: disableHook(req.body?.id, tool) } };
			if (what === 'hooks/deliver' && req.method === 'POST')
				return deliver(tool, String(req.body.type), req.body.payload ?? {}, req.body.url).then(
					(sent) => ({
						status: 200,
						body: sent,
					}),
				);
			return undefined;
		},
		seed: (data) => ({
			lemlist: (Array.isArray(data.lemlist) ? data.lemlist : []).map(
				(/** @type {any} */ l) => addLemlistLead(l)._id,
			),
			instantly: (Array.isArray(data.instantly) ? data.instantly : []).map(
				(/** @type {any} */ l) => addInstantlyLead(l).id,
			),
			woodpecker: (Array.isArray(data.woodpecker) ? data.woodpecker : []).map(
				(/** @type {any} */ p) => addWoodpeckerProspect(p).id,
			),
			outreachIo: (Array.isArray(data.outreachIo) ? data.outreachIo : []).map(
				(/** @type {any} */ p) => addProspect(p).id,
			),
		}),
	});

	return {
		...sandbox,
		/** What a test puts into each tool's credential (lemlistLeadsApi, instantlyApi, outreachIoOAuth2Api). */
		credentials: {
			lemlist: {
				apiKey: cfg.lemlist.apiKeys[0],
				baseUrlOverride: `${sandbox.url}/lemlist/api`,
				allowLoopbackBaseUrl: true,
			},
			instantly: {
				apiKey: Object.keys(cfg.instantly.apiKeys)[0],
				baseUrlOverride: `${sandbox.url}/instantly/api/v2`,
				allowLoopbackBaseUrl: true,
			},
			woodpecker: {
				apiKey: cfg.woodpecker.apiKeys[0],
				baseUrlOverride: `${sandbox.url}/woodpecker/rest`,
				allowLoopbackBaseUrl: true,
			},
			replyIo: {
				apiKey: cfg.replyIo.apiKeys[0],
				baseUrlOverride: `${sandbox.url}/replyio/v3`,
				allowLoopbackBaseUrl: true,
			},
			smartlead: {
				apiKey: cfg.smartlead.apiKeys[0],
				baseUrlOverride: `${sandbox.url}/smartlead/api/v1`,
				allowLoopbackBaseUrl: true,
			},
			heyreach: {
				apiKey: cfg.heyreach.apiKeys[0],
				baseUrlOverride: `${sandbox.url}/heyreach/api`,
				allowLoopbackBaseUrl: true,
			},
			outreachIo: {
				grantType: 'authorizationCode',
				authUrl: `${sandbox.url}/outreach/oauth/authorize`,
				accessTokenUrl: `${sandbox.url}/outreach/oauth/token`,
				clientId: cfg.outreachIo.clientId,
				clientSecret: cfg.outreachIo.clientSecret,
				scope: 'prospects.read mailings.read sequences.read webhooks.all',
				authQueryParameters: '',
				authentication: 'body',
				oauthTokenData: {
					access_token: cfg.outreachIo.accessToken,
					refresh_token: cfg.outreachIo.refreshToken,
					token_type: 'Bearer',
				},
				baseUrlOverride: `${sandbox.url}/outreach/api/v2`,
				allowLoopbackBaseUrl: true,
			},
		},
		addLemlistLead,
		/** A lemlist campaign for the Campaign picker (GET /campaigns). */
		addLemlistCampaign: (/** @type {{ _id: string, name: string }} */ c) => {
			db.lemlistCampaigns.push({ status: 'running', ...c });
		},
		addInstantlyLead,
		addWoodpeckerProspect,
		addProspect,
		/** The hooks registered in a tool, as stored (secrets and headers included). */
		hooks: (
			/** @type {'lemlist'|'instantly'|'woodpecker'|'smartlead'|'heyreach'|'replyIo'|'outreachIo'} */ tool,
		) =>
			tool === 'replyIo' || tool === 'outreachIo'
				? extra.list(tool)
				: tool === 'smartlead'
					? smartlead.hooks()
					: tool === 'heyreach'
						? heyreach.hooks()
						: db.hooks[tool].map((/** @type {any} */ h) => ({ ...h })),
		/** Smartlead's campaigns (the picker's list). */
		smartleadCampaigns: () => smartlead.db.campaigns.map((c) => ({ ...c })),
		/** Smartlead leads for Mark as Synced (outreach-smartlead.js), and their write count. */
		addSmartleadLead: smartlead.addLead,
		smartleadLeads: smartlead.leads,
		smartleadLeadWrites: () => smartlead.db.leadWrites,
		removeHook,
		/** Instantly disabling a hook after repeated failed deliveries (status -1). */
		disableHook,
		outgoing,
		deliver,
		/** Change tool behaviour at run time, e.g. configure({ instantly: { rejectContacts: true } }). */
		configure: (/** @type {any} */ patch) => {
			for (const tool of /** @type {const} */ ([
				'lemlist',
				'instantly',
				'woodpecker',
				'replyIo',
				'outreachIo',
				'smartlead',
				'heyreach',
			]))
				if (patch[tool]) Object.assign(cfg[tool], patch[tool]);
		},
		/** Makes every issued Outreach.io access token invalid (as after revoking), so the next call is a 401. */
		expireOutreachTokens: () => validAccessTokens.clear(),
	};
}

module.exports = { startOutreachToolsSandbox, DEFAULTS };
