// @ts-check
'use strict';
/**
 * Sandbox Greenhouse Harvest v3, checked against test/contracts/greenhouse for every request and
 * response (a violation is the vendor's 422 {message, errors[]}; a route without a contract is its 404):
 * - POST /token: Basic client_id:client_secret + form grant_type=client_credentials&sub=<user>;
 *   answers like auth.greenhouse.io (invalid_client, missing grant_type, expires_at or expires_in);
 * - bearer check with expiring tokens, per-credential scopes (403 names nothing, like the real API);
 * - cursor pagination with Link rel="next", where a cursor must be the only query parameter (422);
 * - a fixed-window rate limit with X-RateLimit-* headers and 429 + Retry-After;
 * - 422 bodies in the documented shape {message:"Unprocessable Content", errors:[{field: msg}]};
 * - list visibility: lists are empty unless the acting user (token `sub`) is a Site Admin (siteAdminLists);
 * - read-after-write lag (readAfterWriteLagMs): a just-created record answers 404/422 to follow-up writes;
 * - search lag (faults.searchLagMs): a created record shows in lists only after N ms;
 * - custom fields (greenhouse-custom-fields.js): definitions, options, and the per-type checks of writes;
 * - /__sandbox/state lists everything created. Faults come from core.js.
 */
const crypto = require('node:crypto');
const { startSandbox, encodeCursor, decodeCursor, visibleNow } = require('./core');
const {
	checkCustomFields,
	defaultCustomFields,
	defaultOptions,
} = require('./greenhouse-custom-fields');

const ALL_SCOPES = [
	'harvest:candidates:list',
	'harvest:candidates:create',
	'harvest:candidates:update',
	'harvest:applications:list',
	'harvest:applications:create',
	'harvest:jobs:list',
	'harvest:users:list',
	'harvest:attachments:list',
	'harvest:attachments:create',
	'harvest:notes:list',
	'harvest:notes:create',
	'harvest:candidate_employments:list',
	'harvest:candidate_employments:create',
	'harvest:sources:list',
	'harvest:candidates:merge',
	'harvest:custom_fields:list',
	'harvest:custom_field_options:list',
];

const DEFAULTS = {
	clients: { 'sandbox-client-1': { secret: 'sandbox-secret', scopes: ALL_SCOPES } },
	users: [
		{
			id: 4080001,
			first_name: 'Ada',
			last_name: 'Admin',
			primary_email: 'ada.admin@example.com',
			site_admin: true,
			deactivated: false,
		},
		{
			id: 4080002,
			first_name: 'Rick',
			last_name: 'Recruiter',
			primary_email: 'rick@example.com',
			site_admin: false,
			deactivated: false,
		},
	],
	jobs: 3,
	tokenTtlSeconds: 3600,
	/** 'expires_at' (ISO string) or 'expires_in' (seconds): the live field is unconfirmed, so both are testable. */
	tokenExpiryField: 'expires_at',
	/** 'nested' = {candidate, application}; 'flat' = the candidate object only. */
	createResponse: 'nested',
	rateLimit: /** @type {{limit: number, windowMs: number, mode?: 'fixed'|'sliding'}} */ ({
		limit: 50,
		windowMs: 10_000,
		mode: 'fixed',
	}),
	maxAttachmentBytes: 25 * 1024 * 1024,
	/** 'enforce' (vendor 422/404 on a contract violation), 'record' (log only) or 'off'. */
	contractMode: /** @type {'enforce'|'record'|'off'} */ ('enforce'),
	/** v3 GET endpoints return nothing unless the acting user is a Site Admin. */
	siteAdminLists: true,
	/** Whether a token minted without `sub` (the credential's service user) sees lists (unconfirmed). */
	serviceUserIsSiteAdmin: true,
	/** For this many ms after a create, follow-up writes naming the new record answer 404/422. */
	readAfterWriteLagMs: 0,
	/** A fixed delay before every answer, in ms. */
	responseDelayMs: 0,
	/**
	 * Another worker exporting the same person at the same moment: each POST /v3/candidates first
	 * creates a twin (same fields, one id lower, tagged other-worker), then the requested candidate.
	 */
	twinOnCreate: false,
};

const CANDIDATE_FIELDS = [
	'id',
	'created_at',
	'updated_at',
	'first_name',
	'last_name',
	'preferred_name',
	'company',
	'title',
	'last_activity_at',
	'private',
	'can_email',
	'time_zone',
	'tags',
	'linked_user_ids',
	'phone_numbers',
	'addresses',
	'email_addresses',
	'website_addresses',
	'social_media_addresses',
	'custom_fields',
];
const APPLICATION_FIELDS = [
	'id',
	'created_at',
	'updated_at',
	'agency_note_id',
	'candidate_id',
	'coordinator_id',
	'job_id',
	'job_post_id',
	'recruiter_id',
	'referrer_id',
	'source_id',
	'stage_id',
	'stage_name',
	'status',
	'needs_decision',
	'prospect',
	'rejected_at',
	'last_activity_at',
	'location_address',
	'answers',
	'prospective_job_ids',
	'custom_fields',
];
const NOTE_VISIBILITY = {
	admin_only: 'admin_only_visible',
	private: 'privately_visible',
	public: 'publicly_visible',
};

const JOB_NAMES = [
	'Senior Backend Engineer',
	'Product Designer',
	'Data Scientist',
	'Account Executive',
	'Recruiter',
	'Site Reliability Engineer',
	'Frontend Engineer',
	'Engineering Manager',
];

/** @param {Partial<typeof DEFAULTS> & { port?: number }} [opts] */
async function startGreenhouseSandbox(opts = {}) {
	const cfg = { ...DEFAULTS, ...opts };
	/** @type {any} */
	let db;
	const tokens = new Map();
	/** When each record was created (ms), for the search and read-after-write lags. */
	const bornAt = new Map();

	function reset() {
		db = {
			nextId: 1000,
			candidates: [],
			applications: [],
			attachments: [],
			employments: [],
			notes: [],
			merges: [],
			jobs: makeJobs(cfg.jobs),
			users: cfg.users.map((u) => ({ ...u })),
			sources: [
				{ id: 7, name: 'LinkedIn (Prospecting)' },
				{ id: 8, name: 'Pin' },
				{ id: 9, name: 'Referral' },
			],
			customFields: defaultCustomFields(),
			customFieldOptions: defaultOptions(),
		};
		tokens.clear();
		bornAt.clear();
	}
	reset();

	/** @typedef {Array<string | Record<string, string>>} GhErrors */
	/** @returns {import('./core').SandboxResponse} */
	const err = (
		/** @type {number} */ status,
		/** @type {string} */ message,
		/** @type {GhErrors | undefined} */ errors = undefined,
	) => ({
		status,
		body: errors ? { message, errors } : { message },
	});
	const unprocessable = (/** @type {GhErrors} */ errors) =>
		err(422, 'Unprocessable Content', errors);
	const now = () => new Date().toISOString();
	const id = () => {
		const n = ++db.nextId;
		bornAt.set(n, Date.now());
		return n;
	};
	/**
	 * Still inside the read-after-write lag (the readAfterWriteLagMs option or fault): Greenhouse does
	 * not know the record yet.
	 */
	const tooFresh = (
		/** @type {unknown} */ recordId,
		/** @type {import('./core').SandboxRequest} */ req,
	) => {
		const lag = Math.max(cfg.readAfterWriteLagMs, req.faults?.readAfterWriteLagMs ?? 0);
		return lag > 0 && Date.now() - (bornAt.get(Number(recordId)) ?? 0) < lag;
	};

	/** Whether the acting user of this token may see list results (v3: Site Admins only). */
	function seesLists(/** @type {any} */ tok) {
		if (!cfg.siteAdminLists || !tok) return true;
		if (tok.sub === undefined) return cfg.serviceUserIsSiteAdmin;
		const user = db.users.find((/** @type {any} */ u) => String(u.id) === String(tok.sub));
		return Boolean(user && user.site_admin && !user.deactivated);
	}

	function authenticate(/** @type {import('./core').SandboxRequest} */ req) {
		if (req.path === '/token') return undefined;
		const m = /^Bearer (.+)$/.exec(String(req.headers.authorization || ''));
		const tok = m && tokens.get(m[1]);
		if (!tok || tok.expiresAt < Date.now()) {
			return err(401, 'Unauthorized', [
				'Token could not be decoded. Please ensure your token is from a trusted source.',
			]);
		}
		const scope = scopeFor(req.method, req.path);
		if (scope && !tok.scopes.includes(scope))
			return err(403, 'Forbidden', [`The credential is missing the scope ${scope}.`]);
		return { auth: tok };
	}

	function issueToken(/** @type {import('./core').SandboxRequest} */ req) {
		const basic = /^Basic (.+)$/.exec(String(req.headers.authorization || ''));
		if (!basic) return { status: 401, body: { message: 'Unauthorized', errorId: 'err-sbx-1' } };
		const [clientId, secret] = Buffer.from(basic[1], 'base64').toString().split(':');
		const form = req.body || {};
		const grant = form.grant_type || req.query.get('grant_type');
		if (!grant)
			return {
				status: 400,
				body: { message: 'Must include `grant_type` parameter in /token request' },
			};
		if (!/-\d+$/.test(clientId || ''))
			return {
				status: 400,
				body: {
					message: `client_id=${clientId} does not contain a valid client ID suffix`,
					errorId: 'err-sbx-2',
				},
			};
		const client = /** @type {Record<string, {secret: string, scopes: string[]}>} */ (cfg.clients)[
			clientId
		];
		if (!client || client.secret !== secret)
			return { status: 401, body: { error: 'invalid_client' } };
		if (grant !== 'client_credentials')
			return { status: 400, body: { error: 'unsupported_grant_type' } };
		const sub = form.sub;
		if (sub !== undefined && !db.users.some((/** @type {any} */ u) => String(u.id) === String(sub)))
			return {
				status: 400,
				body: {
					error: 'invalid_request',
					error_description: `sub ${sub} is not a user of this organization`,
				},
			};
		const token = `${b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64(JSON.stringify({ sub: sub ?? 'service', cid: clientId }))}.${crypto.randomBytes(16).toString('base64url')}`;
		const expiresAt = Date.now() + cfg.tokenTtlSeconds * 1000;
		tokens.set(token, { clientId, sub, scopes: client.scopes, expiresAt });
		const expiry =
			cfg.tokenExpiryField === 'expires_in'
				? { expires_in: cfg.tokenTtlSeconds }
				: { expires_at: new Date(expiresAt).toISOString() };
		return { status: 200, body: { token_type: 'Bearer', access_token: token, ...expiry } };
	}

	/**
	 * GET list with filters, per_page and cursor Link paging (parameters are checked by the contract).
	 * @returns {import('./core').SandboxResponse}
	 */
	function list(
		/** @type {import('./core').SandboxRequest} */ req,
		/** @type {any[]} */ collection,
		/** @type {(r: any, q: URLSearchParams) => boolean} */ filter,
		view = (/** @type {any} */ r) => r,
	) {
		const cursor = req.query.get('cursor');
		let offset = 0;
		let perPage = 100;
		let query = req.query;
		if (cursor) {
			if ([...req.query.keys()].some((k) => k !== 'cursor'))
				return unprocessable(['When passing a cursor, do not include other query params.']);
			const c = decodeCursor(cursor);
			if (!c) return unprocessable(['Invalid cursor']);
			({ offset, perPage } = c);
			query = new URLSearchParams(c.query);
		} else if (query.has('per_page')) {
			perPage = Number(query.get('per_page'));
			if (!Number.isInteger(perPage) || perPage < 1)
				return unprocessable([{ per_page: 'must be an integer from 1 to 500' }]);
			if (perPage > 500)
				return unprocessable([{ per_page: `\`${perPage}\` number is greater than: 500` }]);
		}
		const ids = query.get('ids');
		if (!seesLists(req.auth)) return { status: 200, body: [] };
		let rows = collection.filter(
			(/** @type {any} */ r) =>
				(!ids || ids.split(',').includes(String(r.id))) &&
				visibleNow(req.faults, bornAt.get(r.id)) &&
				filter(r, query),
		);
		const dateFilter = (/** @type {string} */ field) => {
			const v = query.get(field);
			if (!v) return true;
			const parts = v.split('|');
			for (let i = 0; i + 1 < parts.length; i += 2) {
				const when = Date.parse(parts[i + 1]);
				if (Number.isNaN(when) || !['gte', 'lte', 'gt', 'lt'].includes(parts[i])) return false;
			}
			return true;
		};
		for (const field of ['created_at', 'updated_at']) {
			if (!dateFilter(field))
				return unprocessable([{ [field]: 'use op|ISO-8601, e.g. gte|2024-01-01T00:00:00Z' }]);
			const v = query.get(field);
			if (v) {
				const parts = v.split('|');
				for (let i = 0; i + 1 < parts.length; i += 2) {
					const op = parts[i];
					const when = Date.parse(parts[i + 1]);
					rows = rows.filter((/** @type {any} */ r) => {
						const t = Date.parse(r[field]);
						return op === 'gte'
							? t >= when
							: op === 'lte'
								? t <= when
								: op === 'gt'
									? t > when
									: t < when;
					});
				}
			}
		}
		rows = rows.slice().sort((/** @type {any} */ a, /** @type {any} */ b) => b.id - a.id); // v3 lists come in descending id order
		const page = rows.slice(offset, offset + perPage).map(view);
		/** @type {Record<string, string>} */
		const headers = {};
		if (offset + perPage < rows.length) {
			const plain = new URLSearchParams(query);
			plain.delete('cursor');
			headers.Link = `<${req.baseUrl}${req.path}?cursor=${encodeCursor({ offset: offset + perPage, perPage, query: plain.toString() })}>; rel="next"`;
		}
		return { status: 200, body: page, headers };
	}

	const byIdsParam =
		(/** @type {string} */ param, /** @type {string} */ field) =>
		(/** @type {any} */ r, /** @type {URLSearchParams} */ q) =>
			!q.get(param) || String(q.get(param)).split(',').includes(String(r[field]));

	/** Business rules the schema cannot express: the job exists and is open, the source exists. */
	function checkApplication(/** @type {any} */ a) {
		/** @type {GhErrors} */
		const errors = [];
		if (a?.prospect !== true && Number.isInteger(a?.job_id)) {
			const job = db.jobs.find((/** @type {any} */ j) => j.id === a.job_id);
			if (!job) errors.push({ job_id: `Job ${a.job_id} does not exist` });
			else if (job.status !== 'open') errors.push({ job_id: `Job ${a.job_id} is not open` });
		}
		for (const jid of a?.job_ids || [])
			if (!db.jobs.some((/** @type {any} */ j) => j.id === jid))
				errors.push({ job_ids: `Job ${jid} does not exist` });
		if (
			a?.source_id !== undefined &&
			!db.sources.some((/** @type {any} */ s) => s.id === a.source_id)
		)
			errors.push({ source_id: `Source ${a.source_id} does not exist` });
		return errors;
	}

	/** The candidate a follow-up write names, unless it does not exist yet (or is still inside the lag). */
	const knownCandidate = (
		/** @type {unknown} */ cid,
		/** @type {import('./core').SandboxRequest} */ req,
	) => !tooFresh(cid, req) && db.candidates.find((/** @type {any} */ c) => c.id === cid);

	const candidateView = (/** @type {any} */ c) => pick(c, CANDIDATE_FIELDS);
	/** A candidate record from a create body. */
	const newCandidate = (/** @type {any} */ b) => ({
		id: id(),
		first_name: b.first_name,
		last_name: b.last_name,
		preferred_name: b.preferred_name ?? null,
		company: b.company ?? null,
		title: b.title ?? null,
		private: false,
		can_email: true,
		created_at: now(),
		updated_at: now(),
		last_activity_at: now(),
		tags: b.tags || [],
		email_addresses: [...(b.email_addresses || [])],
		phone_numbers: b.phone_numbers || [],
		addresses: b.addresses || [],
		website_addresses: b.website_addresses || [],
		social_media_addresses: b.social_media_addresses || [],
		custom_fields: {},
	});

	/** Moves everything of `dupId` onto `keepId` and deletes `dupId`, as a merge in Greenhouse does. */
	function mergeCandidates(
		/** @type {number} */ keepId,
		/** @type {number} */ dupId,
		/** @type {import('./core').SandboxRequest} */ req,
	) {
		const keep = knownCandidate(keepId, req);
		const dup = knownCandidate(dupId, req);
		if (!keep || !dup) return err(404, 'Resource not found');
		if (keepId === dupId)
			return unprocessable([
				{ duplicate_candidate_id: 'A candidate cannot be merged into itself' },
			]);
		for (const list of [db.applications, db.employments, db.notes])
			for (const r of list) if (r.candidate_id === dupId) r.candidate_id = keepId;
		const known = new Set(
			keep.email_addresses.map((/** @type {any} */ e) => e.value.toLowerCase()),
		);
		for (const e of dup.email_addresses)
			if (!known.has(e.value.toLowerCase())) keep.email_addresses.push(e);
		db.candidates = db.candidates.filter((/** @type {any} */ c) => c !== dup);
		db.merges.push({ kept: keepId, merged: dupId });
		keep.updated_at = now();
		return { status: 200, body: candidateView(keep) };
	}

	const applicationView = (/** @type {any} */ a) => pick(a, APPLICATION_FIELDS);
	const attachmentView = (/** @type {any} */ a, /** @type {string} */ baseUrl) => ({
		id: a.id,
		created_at: a.created_at,
		updated_at: a.created_at,
		application_id: a.application_id,
		candidate_id: a.candidate_id ?? null,
		type: a.type,
		filename: a.filename,
		url: `${baseUrl}/__files/attachments/${a.id}/${encodeURIComponent(a.filename)}`,
	});
	const employmentView = (/** @type {any} */ e) => ({
		id: e.id,
		created_at: e.created_at,
		updated_at: e.created_at,
		candidate_id: e.candidate_id,
		company_name: e.company_name,
		title: e.title,
		start_date: e.start_date,
		end_date: e.end_date ?? null,
		latest: null,
	});
	const noteView = (/** @type {any} */ n) => ({
		id: n.id,
		created_at: n.created_at,
		updated_at: n.created_at,
		candidate_id: n.candidate_id,
		application_id: n.application_id ?? null,
		body: n.body,
		subject: null,
		type: n.note_type ?? 'NOTE',
		user_id: n.user_id ?? null,
		visibility: NOTE_VISIBILITY[/** @type {keyof typeof NOTE_VISIBILITY} */ (n.visibility)] ?? null,
	});

	function createApplication(
		/** @type {number} */ candidateId,
		/** @type {any} */ a,
		/** @type {Record<string, any>} */ customFields = {},
	) {
		const app = {
			id: id(),
			candidate_id: candidateId,
			job_id: a.prospect ? null : a.job_id,
			prospect: a.prospect === true,
			prospective_job_ids: a.prospect ? a.job_ids || [] : [],
			source_id: a.source_id ?? null,
			stage_id: 1,
			stage_name: 'Application Review',
			status: 'in_process',
			created_at: now(),
			updated_at: now(),
			last_activity_at: now(),
			custom_fields: customFields,
		};
		db.applications.push(app);
		return app;
	}

	/** @type {import('./core').Route[]} */
	const routes = [
		{ method: 'POST', pattern: /^\/token$/, handler: issueToken },
		{
			method: 'GET',
			pattern: /^\/v3\/candidates$/,
			handler: (req) =>
				list(
					req,
					db.candidates,
					(/** @type {any} */ c, /** @type {URLSearchParams} */ q) =>
						(!q.get('email') ||
							c.email_addresses.some(
								(/** @type {any} */ e) =>
									e.value.toLowerCase() === String(q.get('email')).toLowerCase(),
							)) &&
						(!q.get('tag') || (c.tags || []).includes(q.get('tag'))),
					candidateView,
				),
		},
		{
			method: 'POST',
			pattern: /^\/v3\/candidates$/,
			write: true,
			handler: (req) => {
				const b = req.body || {};
				const errors = b.application ? checkApplication(b.application) : [];
				const [fieldErrors, customFields] = checkCustomFields(db, b.custom_fields, 'candidate');
				const [appFieldErrors, appCustomFields] = checkCustomFields(
					db,
					b.application?.custom_fields,
					'application',
					b.application,
				);
				errors.push(...fieldErrors, ...appFieldErrors);
				if (errors.length) return unprocessable(errors);
				if (cfg.twinOnCreate) {
					const twin = newCandidate({ ...b, tags: ['other-worker'] });
					db.candidates.push(twin);
					if (b.application) createApplication(twin.id, b.application, appCustomFields);
				}
				const cand = { ...newCandidate(b), custom_fields: customFields };
				db.candidates.push(cand);
				const app = b.application
					? createApplication(cand.id, b.application, appCustomFields)
					: null;
				return {
					status: 201,
					body:
						cfg.createResponse === 'flat'
							? candidateView(cand)
							: { candidate: candidateView(cand), application: app && applicationView(app) },
				};
			},
		},
		{
			// The kept record is {id}, the one merged away duplicate_candidate_id (Harvest v1's
			// primary/duplicate naming; the v3 body is not in the published sources).
			method: 'POST',
			pattern: /^\/v3\/candidates\/(\d+)\/merge$/,
			write: true,
			handler: (req, [cid]) => mergeCandidates(Number(cid), req.body.duplicate_candidate_id, req),
		},
		{
			method: 'PATCH',
			pattern: /^\/v3\/candidates\/(\d+)$/,
			write: true,
			handler: (req, [cid]) => {
				const cand = knownCandidate(Number(cid), req);
				if (!cand) return err(404, 'Resource not found');
				const { is_private: isPrivate, custom_fields: fields, ...rest } = req.body || {};
				const [fieldErrors, customFields] = checkCustomFields(db, fields, 'candidate');
				if (fieldErrors.length) return unprocessable(fieldErrors);
				Object.assign(cand, rest, isPrivate === undefined ? {} : { private: isPrivate }, {
					updated_at: now(),
					custom_fields: { ...(cand.custom_fields || {}), ...customFields },
				});
				return { status: 200, body: candidateView(cand) };
			},
		},
		{
			method: 'GET',
			pattern: /^\/v3\/applications$/,
			handler: (req) =>
				list(
					req,
					db.applications,
					(/** @type {any} */ a, /** @type {URLSearchParams} */ q) =>
						byIdsParam('candidate_ids', 'candidate_id')(a, q) &&
						byIdsParam('job_ids', 'job_id')(a, q),
					applicationView,
				),
		},
		{
			method: 'POST',
			pattern: /^\/v3\/applications$/,
			write: true,
			handler: (req) => {
				const a = req.body || {};
				const errors = checkApplication(a);
				const [fieldErrors, customFields] = checkCustomFields(
					db,
					a.custom_fields,
					'application',
					a,
				);
				errors.push(...fieldErrors);
				if (!knownCandidate(a.candidate_id, req))
					errors.push({ candidate_id: `Candidate ${a.candidate_id} does not exist` });
				if (
					!a.prospect &&
					db.applications.some(
						(/** @type {any} */ x) => x.candidate_id === a.candidate_id && x.job_id === a.job_id,
					)
				)
					errors.push({ job_id: 'Candidate has already applied to this job' });
				if (errors.length) return unprocessable(errors);
				return {
					status: 201,
					body: applicationView(createApplication(a.candidate_id, a, customFields)),
				};
			},
		},
		{
			method: 'GET',
			pattern: /^\/v3\/jobs$/,
			handler: (req) =>
				list(
					req,
					db.jobs,
					(/** @type {any} */ j, /** @type {URLSearchParams} */ q) =>
						!q.get('status') || j.status === q.get('status'),
				),
		},
		{
			method: 'GET',
			pattern: /^\/v3\/users$/,
			handler: (req) =>
				list(
					req,
					db.users,
					(/** @type {any} */ u, /** @type {URLSearchParams} */ q) =>
						!q.get('primary_email') || u.primary_email === q.get('primary_email'),
				),
		},
		{
			method: 'GET',
			pattern: /^\/v3\/sources$/,
			handler: (req) => list(req, db.sources, () => true),
		},
		{
			method: 'GET',
			pattern: /^\/v3\/custom_fields$/,
			handler: (req) =>
				list(
					req,
					db.customFields,
					(/** @type {any} */ f, /** @type {URLSearchParams} */ q) =>
						(!q.get('field_type') || f.field_type === q.get('field_type')) &&
						(!q.get('active') || String(f.active) === q.get('active')) &&
						(!q.get('name') || f.name === q.get('name')) &&
						(!q.get('name_key') || f.name_key === q.get('name_key')),
				),
		},
		{
			method: 'GET',
			pattern: /^\/v3\/custom_field_options$/,
			handler: (req) =>
				list(
					req,
					db.customFieldOptions,
					(/** @type {any} */ o, /** @type {URLSearchParams} */ q) =>
						byIdsParam('custom_field_ids', 'custom_field_id')(o, q) &&
						(!q.get('active') || String(o.active) === q.get('active')) &&
						(!q.get('custom_field_key') ||
							db.customFields.some(
								(/** @type {any} */ f) =>
									f.id === o.custom_field_id && f.name_key === q.get('custom_field_key'),
							)),
				),
		},
		{
			method: 'GET',
			pattern: /^\/v3\/attachments$/,
			handler: (req) =>
				list(
					req,
					db.attachments,
					(/** @type {any} */ a, /** @type {URLSearchParams} */ q) =>
						byIdsParam('application_ids', 'application_id')(a, q) &&
						(!q.get('type') || a.type === q.get('type')),
					(a) => attachmentView(a, req.baseUrl),
				),
		},
		{
			method: 'POST',
			pattern: /^\/v3\/attachments$/,
			write: true,
			handler: (req) => {
				const b = req.body || {};
				const errors = [];
				const app = !tooFresh(b.application_id, req)
					? db.applications.find((/** @type {any} */ a) => a.id === b.application_id)
					: undefined;
				if (!app) errors.push({ application_id: `Application ${b.application_id} does not exist` });
				const bytes =
					typeof b.content === 'string' ? Buffer.from(b.content, 'base64') : Buffer.alloc(0);
				if (bytes.length > cfg.maxAttachmentBytes) errors.push({ content: 'File is too large' });
				if (/\.(exe|bat|sh|js)$/i.test(b.filename || ''))
					errors.push({ filename: 'has a blocked extension' });
				if (errors.length) return unprocessable(errors);
				const att = {
					id: id(),
					application_id: b.application_id,
					candidate_id: app.candidate_id,
					filename: b.filename,
					type: b.type,
					visibility: b.visibility ?? null,
					url: b.url ?? null,
					size: bytes.length,
					sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
					isPdf: bytes.subarray(0, 5).toString('latin1') === '%PDF-',
					created_at: now(),
				};
				db.attachments.push(att);
				return { status: 201, body: attachmentView(att, req.baseUrl) };
			},
		},
		{
			method: 'GET',
			pattern: /^\/v3\/candidate_employments$/,
			handler: (req) =>
				list(req, db.employments, byIdsParam('candidate_ids', 'candidate_id'), employmentView),
		},
		{
			method: 'POST',
			pattern: /^\/v3\/candidate_employments$/,
			write: true,
			handler: (req) => {
				const b = req.body || {};
				if (!knownCandidate(b.candidate_id, req))
					return unprocessable([{ candidate_id: `Candidate ${b.candidate_id} does not exist` }]);
				if (b.end_date && b.end_date < b.start_date)
					return unprocessable([{ end_date: 'must be on or after start_date' }]);
				const e = {
					id: id(),
					candidate_id: b.candidate_id,
					company_name: b.company_name,
					title: b.title,
					start_date: b.start_date,
					end_date: b.end_date ?? null,
					created_at: now(),
				};
				db.employments.push(e);
				return { status: 201, body: employmentView(e) };
			},
		},
		{
			method: 'GET',
			pattern: /^\/v3\/notes$/,
			handler: (req) => list(req, db.notes, byIdsParam('candidate_ids', 'candidate_id'), noteView),
		},
		{
			method: 'POST',
			pattern: /^\/v3\/notes$/,
			write: true,
			handler: (req) => {
				const b = req.body || {};
				const errors = [];
				if (!knownCandidate(b.candidate_id, req))
					errors.push({ candidate_id: `Candidate ${b.candidate_id} does not exist` });
				if (b.user_id !== undefined && !db.users.some((/** @type {any} */ u) => u.id === b.user_id))
					errors.push({ user_id: `User ${b.user_id} does not exist` });
				if (errors.length) return unprocessable(errors);
				const n = {
					id: id(),
					candidate_id: b.candidate_id,
					application_id: b.application_id ?? null,
					user_id: b.user_id ?? null,
					body: b.body,
					visibility: b.visibility,
					note_type: b.note_type ?? 'NOTE',
					created_at: now(),
				};
				db.notes.push(n);
				return { status: 201, body: noteView(n) };
			},
		},
	];

	/** A contract violation, answered like v3 (422 {message, errors:[{field: msg}]}) or the token endpoint (400). */
	function contractError(
		/** @type {Array<{path: string, message: string}>} */ violations,
		/** @type {any} */ req,
	) {
		if (req.path === '/token')
			return {
				status: 400,
				body: {
					error: 'invalid_request',
					error_description: violations
						.map((v) => `${v.path.replace(/^body\.?/, '')} ${v.message}`.trim())
						.join('; '),
				},
			};
		return unprocessable(
			violations.map((v) => {
				const field = v.path.replace(/^(body|query|path)\.?/, '');
				return field ? { [field]: v.message } : v.message;
			}),
		);
	}

	/** Adds jobs, candidates or custom fields and options (the same as POST /__sandbox/seed). */
	function seed(/** @type {any} */ data) {
		if (data.jobs !== undefined) db.jobs = makeJobs(Number(data.jobs));
		if (Array.isArray(data.customFields)) db.customFields.push(...data.customFields);
		if (Array.isArray(data.customFieldOptions))
			db.customFieldOptions.push(...data.customFieldOptions);
		if (Array.isArray(data.candidates))
			for (const c of data.candidates)
				db.candidates.push({
					id: id(),
					email_addresses: [],
					phone_numbers: [],
					addresses: [],
					social_media_addresses: [],
					website_addresses: [],
					tags: [],
					created_at: now(),
					updated_at: now(),
					...c,
				});
		return { jobs: db.jobs.length, candidates: db.candidates.length };
	}

	const sandbox = await startSandbox({
		name: 'greenhouse',
		port: opts.port,
		routes,
		contracts: [{ system: 'greenhouse', prefix: '' }],
		contractMode: cfg.contractMode,
		contractError,
		notFound: () => err(404, 'Resource not found'),
		responseDelayMs: cfg.responseDelayMs,
		checkResponses: /** @type {any} */ (opts).checkResponses,
		authenticate,
		rateLimit: cfg.rateLimit,
		// The token endpoint is metered separately in the real service.
		skipRateLimit: (req) => req.path === '/token',
		errorBody: (status, message) =>
			status === 429 ? { message: 'Too Many Requests' } : { message },
		state: () => ({
			merges: db.merges,
			candidates: db.candidates,
			applications: db.applications,
			attachments: db.attachments,
			employments: db.employments,
			notes: db.notes,
			counts: {
				candidates: db.candidates.length,
				applications: db.applications.length,
				attachments: db.attachments.length,
				employments: db.employments.length,
				notes: db.notes.length,
				jobs: db.jobs.length,
			},
		}),
		reset,
		seed: (data) => seed(data),
	});
	return {
		...sandbox,
		credentials: {
			clientId: Object.keys(cfg.clients)[0],
			clientSecret: Object.values(cfg.clients)[0].secret,
			actingUserId: String(cfg.users[0].id),
			apiBaseUrl: sandbox.url,
			tokenUrl: `${sandbox.url}/token`,
			allowLoopbackBaseUrl: true,
			appUrl: 'https://app.greenhouse.io',
		},
		jobs: () => db.jobs,
		seed,
		/** Expire every issued token now, to exercise the refresh-on-401 path. */
		expireTokens: () => {
			for (const t of tokens.values()) t.expiresAt = 0;
		},
		/** The tokens issued so far (to check what a client sent and when it expires). */
		issuedTokens: () => [...tokens.entries()].map(([token, t]) => ({ token, ...t })),
		/** Change behaviour at run time, e.g. {siteAdminLists: false} or {readAfterWriteLagMs: 2000}. */
		configure: (/** @type {Partial<typeof DEFAULTS>} */ patch) => Object.assign(cfg, patch),
	};
}

function makeJobs(/** @type {number} */ n) {
	return Array.from({ length: n }, (_, i) => ({
		id: 4012000 + i,
		name: `${JOB_NAMES[i % JOB_NAMES.length]}${i >= JOB_NAMES.length ? ` ${Math.floor(i / JOB_NAMES.length) + 1}` : ''}`,
		requisition_id: `REQ-${100 + i}`,
		status: i % 10 === 9 ? 'closed' : 'open',
		confidential: false,
		created_at: '2026-01-05T10:00:00Z',
		updated_at: '2026-10-01T10:00:00Z',
	}));
}

/** Only the keys v3 documents (its response objects are additionalProperties: false). */
function pick(/** @type {any} */ o, /** @type {string[]} */ keys) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
	return out;
}

function scopeFor(/** @type {string} */ method, /** @type {string} */ path) {
	const m = /^\/v3\/([a-z_]+)/.exec(path);
	if (!m) return undefined;
	if (/^\/v3\/candidates\/\d+\/merge$/.test(path)) return 'harvest:candidates:merge';
	const action = { GET: 'list', POST: 'create', PATCH: 'update', DELETE: 'destroy' }[method];
	return `harvest:${m[1]}:${action}`;
}

function b64(/** @type {any} */ s) {
	return Buffer.from(s).toString('base64url');
}

module.exports = { startGreenhouseSandbox, ALL_SCOPES };
