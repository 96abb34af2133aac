// @ts-check
'use strict';
/**
 * Sandbox Pinpoint (https://<subdomain>.pinpointhq.com/api/v1), for what the Pinpoint Trigger uses,
 * with every request and answer checked against test/contracts/pinpoint:
 * - contractMode 'enforce' by default, answering like Pinpoint: a 400 for an unknown include or query
 *   parameter and a 404 for a route without a contract ('record' only logs them);
 * - applications carry the vendor's attributes (first_name, last_name, email, phone, linkedin_url,
 *   address1, address2, town, postcode, country, job_id, stage_id, hired_at, start_on, ...);
 * - applications on confidential jobs are 404 unless filter[job_visibility] includes confidential
 *   (hideConfidential); the CV (attachments [{context: 'pdf_cv', filename, url}]) comes only with
 *   extra_fields[applications]=attachments;
 * - X-API-KEY auth with JSON:API error bodies (401 missing/invalid key, 403 per-category permissions);
 * - GET /api/v1/applications/:id with ?include=job,stage,offers (an unknown include is a 400, as in
 *   any JSON:API server), GET /api/v1/jobs with page[number]/page[size]; GET /api/v1/candidates/:id
 *   (no contract: Pinpoint has no such resource) only in 'record' mode;
 * - answers in JSON:API (`format: 'jsonapi'`, the default) or as plain objects (`format: 'flat'`):
 *   which one the real API uses is UNCONFIRMED, so the trigger is tested against both;
 * - signed webhook deliveries: signedDelivery(event, applicationId, secret) → { body, rawBody, headers }
 *   with PINPOINT-HMAC-SHA256 = base64(HMAC-SHA256(secret, raw body));
 * - rate limit, faults, /__sandbox/state and /__sandbox/seed from core.js.
 */
const crypto = require('node:crypto');
const { startSandbox } = require('./core');

const DEFAULTS = {
	subdomain: 'acme',
	webhookSecret: 'sandbox-pinpoint-signing-secret',
	apiKeys: /** @type {Record<string, Record<string, 'read' | 'none'>>} */ ({
		'sandbox-pinpoint-key': { applications: 'read', candidates: 'read', jobs: 'read' },
		'sandbox-jobs-only-key': { applications: 'none', candidates: 'none', jobs: 'read' },
	}),
	/** 'jsonapi' = {data:{id,type,attributes,relationships}, included}; 'flat' = plain objects with related records embedded. */
	format: 'jsonapi',
	/** Relationship names ?include= accepts; anything else is a 400. */
	supportedIncludes: ['job', 'stage', 'offers'],
	/** Whether an application carries the applicant's name and email itself (Pinpoint's seems to), or only its candidate does. */
	contactOnApplication: true,
	jobs: 3,
	rateLimit: /** @type {{limit: number, windowMs: number, mode?: 'fixed'|'sliding'}} */ ({
		limit: 100,
		windowMs: 10_000,
		mode: 'fixed',
	}),
	/** 'enforce' answers contract violations like Pinpoint (400/404); 'record' only logs them. */
	contractMode: /** @type {'enforce'|'record'|'off'} */ ('enforce'),
	/** Applications on confidential jobs are only returned with filter[job_visibility] including confidential. */
	hideConfidential: true,
	/** A fixed delay before every answer, in ms. */
	responseDelayMs: 0,
};

const JOB_TITLES = [
	'Senior Backend Engineer',
	'Product Designer',
	'Data Scientist',
	'Account Executive',
	'People Partner',
];
const STAGES = ['Applied', 'Phone Screen', 'Interview', 'Offer', 'Hired'];

/** @param {Partial<typeof DEFAULTS> & { port?: number }} [opts] */
async function startPinpointSandbox(opts = {}) {
	const cfg = { ...DEFAULTS, ...opts };
	/** @type {any} */
	let db;

	function reset() {
		db = {
			nextId: 1234560,
			jobs: makeJobs(cfg.jobs),
			stages: STAGES.map((name, i) => ({ id: String(501 + i), name })),
			candidates: [],
			applications: [],
			offers: [],
		};
	}
	reset();

	const now = () => new Date().toISOString();
	const nextId = () => String(++db.nextId);
	const error = (
		/** @type {number} */ status,
		/** @type {string} */ title,
		/** @type {string} */ detail,
	) => ({
		status,
		body: { errors: [{ status: String(status), title, detail }] },
	});
	const stageByName = (/** @type {string} */ name) =>
		db.stages.find((/** @type {any} */ s) => s.name.toLowerCase() === String(name).toLowerCase()) ??
		db.stages[0];

	function authenticate(/** @type {import('./core').SandboxRequest} */ req) {
		const key = req.headers['x-api-key'];
		if (!key)
			return error(401, 'Unauthorized', 'No API key was given. Send it in the X-API-KEY header.');
		const permissions = cfg.apiKeys[String(key)];
		if (!permissions) return error(401, 'Unauthorized', 'The API key is not valid.');
		const category = /^\/api\/v1\/([a-z_]+)/.exec(req.path)?.[1];
		if (category && permissions[category] === 'none')
			return error(403, 'Forbidden', `This API key has no read access to ${category}.`);
		return { auth: { key, permissions } };
	}

	/** Adds one applicant (candidate + application + optional accepted offer); returns the records. */
	function addApplication(/** @type {any} */ a = {}) {
		const job = a.confidential
			? (db.jobs.find((/** @type {any} */ j) => j.confidential) ?? addJob({ confidential: true }))
			: a.jobId
				? db.jobs.find((/** @type {any} */ j) => j.id === String(a.jobId))
				: db.jobs[0];
		const candidate = {
			id: nextId(),
			first_name: a.firstName ?? 'Ada',
			last_name: a.lastName ?? 'Lovelace',
			email: a.email ?? 'ada.lovelace@example.com',
			phone: a.phone ?? '+44 20 7946 0958',
			linkedin_url: a.linkedinUrl ?? 'https://www.linkedin.com/in/ada-lovelace',
			address: a.address ?? 'London, United Kingdom',
			created_at: now(),
			updated_at: now(),
		};
		db.candidates.push(candidate);
		const stage = stageByName(a.stage ?? 'Applied');
		const application = {
			id: a.id ? String(a.id) : nextId(),
			candidate_id: candidate.id,
			job_id: job.id,
			stage_id: stage.id,
			status: stage.name === 'Hired' ? 'hired' : 'active',
			hired_at: stage.name === 'Hired' ? now() : null,
			start_on: a.startDate ?? null,
			address1: a.address1 ?? '1 Example Street',
			address2: a.address2 ?? null,
			town: a.town ?? 'London',
			postcode: a.postcode ?? 'EC1A 1AA',
			country: a.country ?? 'United Kingdom',
			cv:
				a.cv === false
					? null
					: {
							filename:
								a.cvFilename ??
								`${candidate.first_name}-${candidate.last_name}-cv.pdf`.toLowerCase(),
						},
			created_at: now(),
			updated_at: now(),
			offer_ids: /** @type {string[]} */ ([]),
		};
		db.applications.push(application);
		if (a.startDate) {
			const offer = {
				id: nextId(),
				application_id: application.id,
				status: 'accepted',
				start_date: a.startDate,
				created_at: now(),
			};
			db.offers.push(offer);
			application.offer_ids.push(offer.id);
		}
		return { application, candidate, job };
	}

	/** Adds a job (e.g. {confidential: true}) and returns it. */
	function addJob(/** @type {any} */ j = {}) {
		const job = { ...makeJobs(db.jobs.length + 1)[db.jobs.length], ...j };
		db.jobs.push(job);
		return job;
	}

	/** Moves an application to the Hired stage (what happens before Pinpoint sends application_hired). */
	function hire(
		/** @type {string | number} */ applicationId,
		/** @type {string | undefined} */ startDate,
	) {
		const app = db.applications.find((/** @type {any} */ x) => x.id === String(applicationId));
		if (!app) throw new Error(`no application ${applicationId}`);
		app.stage_id = stageByName('Hired').id;
		app.status = 'hired';
		app.hired_at = now();
		app.updated_at = now();
		if (startDate) app.start_on = startDate;
		if (startDate) {
			const offer = {
				id: nextId(),
				application_id: app.id,
				status: 'accepted',
				start_date: startDate,
				created_at: now(),
			};
			db.offers.push(offer);
			app.offer_ids.push(offer.id);
		}
		return app;
	}

	// ---- serialization ------------------------------------------------------------------------------
	const candidateAttrs = (/** @type {any} */ c) => ({
		first_name: c.first_name,
		last_name: c.last_name,
		email: c.email,
		phone: c.phone,
		linkedin_url: c.linkedin_url,
		address: c.address,
		created_at: c.created_at,
		updated_at: c.updated_at,
	});
	const jobAttrs = (/** @type {any} */ j) => ({
		title: j.title,
		status: j.status,
		department: j.department,
		location: j.location,
		confidential: j.confidential,
		created_at: j.created_at,
	});
	const offerAttrs = (/** @type {any} */ o) => ({
		status: o.status,
		start_date: o.start_date,
		created_at: o.created_at,
	});
	/** Application attributes as Pinpoint names them; attachments only when asked for. */
	function applicationAttrs(
		/** @type {any} */ a,
		/** @type {{ attachments?: boolean, baseUrl?: string }} */ extra = {},
	) {
		const c = db.candidates.find((/** @type {any} */ x) => x.id === a.candidate_id);
		const contact =
			cfg.contactOnApplication && c
				? {
						first_name: c.first_name,
						last_name: c.last_name,
						email: c.email,
						phone: c.phone,
						linkedin_url: c.linkedin_url,
					}
				: {};
		return {
			...contact,
			...(cfg.contactOnApplication && c ? { full_name: `${c.first_name} ${c.last_name}` } : {}),
			status: a.status,
			job_id: a.job_id,
			stage_id: a.stage_id,
			hired_at: a.hired_at ?? undefined,
			start_on: a.start_on ?? undefined,
			address1: a.address1 ?? undefined,
			address2: a.address2 ?? undefined,
			town: a.town ?? undefined,
			postcode: a.postcode ?? undefined,
			country: a.country ?? undefined,
			created_at: a.created_at,
			updated_at: a.updated_at,
			...(extra.attachments
				? {
						attachments: a.cv
							? [
									{
										context: 'pdf_cv',
										filename: a.cv.filename,
										url: `${extra.baseUrl}/__files/applications/${a.id}/${encodeURIComponent(a.cv.filename)}`,
									},
								]
							: [],
					}
				: {}),
		};
	}
	const resource = (
		/** @type {string} */ type,
		/** @type {string} */ id,
		/** @type {any} */ attributes,
		/** @type {any} */ relationships = undefined,
	) => ({
		id,
		type,
		attributes,
		...(relationships ? { relationships } : {}),
	});
	const rel = (/** @type {string} */ type, /** @type {string} */ id) => ({
		data: id ? { type, id } : null,
	});

	function applicationDocument(
		/** @type {any} */ a,
		/** @type {string[]} */ includes,
		/** @type {{ attachments?: boolean, baseUrl?: string }} */ extra = {},
	) {
		const candidate = db.candidates.find((/** @type {any} */ x) => x.id === a.candidate_id);
		const job = db.jobs.find((/** @type {any} */ x) => x.id === a.job_id);
		const stage = db.stages.find((/** @type {any} */ x) => x.id === a.stage_id);
		const offers = db.offers.filter((/** @type {any} */ o) => a.offer_ids.includes(o.id));
		if (cfg.format === 'flat') {
			return {
				data: {
					id: a.id,
					...applicationAttrs(a, extra),
					candidate_id: a.candidate_id,
					candidate: candidate && { id: candidate.id, ...candidateAttrs(candidate) },
					job: job && { id: job.id, ...jobAttrs(job) },
					stage: stage && { id: stage.id, name: stage.name },
					offers: offers.map((/** @type {any} */ o) => ({ id: o.id, ...offerAttrs(o) })),
				},
			};
		}
		const data = resource('applications', a.id, applicationAttrs(a, extra), {
			candidate: rel('candidates', a.candidate_id),
			job: rel('jobs', a.job_id),
			stage: rel('stages', a.stage_id),
			offers: { data: offers.map((/** @type {any} */ o) => ({ type: 'offers', id: o.id })) },
		});
		const included = [];
		if (includes.includes('candidate') && candidate)
			included.push(resource('candidates', candidate.id, candidateAttrs(candidate)));
		if (includes.includes('job') && job) included.push(resource('jobs', job.id, jobAttrs(job)));
		if (includes.includes('stage') && stage)
			included.push(resource('stages', stage.id, { name: stage.name }));
		if (includes.includes('offers'))
			for (const o of offers) included.push(resource('offers', o.id, offerAttrs(o)));
		return included.length ? { data, included } : { data };
	}

	function page(
		/** @type {import('./core').SandboxRequest} */ req,
		/** @type {any[]} */ rows,
		/** @type {string} */ type,
		/** @type {(r: any) => any} */ attrs,
	) {
		const number = Number(req.query.get('page[number]') ?? 1);
		const size = Number(req.query.get('page[size]') ?? 100);
		if (!Number.isInteger(number) || number < 1)
			return error(400, 'Invalid page', 'page[number] must be a positive integer');
		if (!Number.isInteger(size) || size < 0 || size > 1000)
			return error(400, 'Invalid page', 'page[size] must be between 0 and 1000');
		const slice = rows.slice((number - 1) * size, number * size);
		const pageCount = size ? Math.ceil(rows.length / size) : 0;
		const link = (/** @type {number} */ n) =>
			`${req.baseUrl}${req.path}?page[number]=${n}&page[size]=${size}`;
		const data =
			cfg.format === 'flat'
				? slice.map((/** @type {any} */ r) => ({ id: r.id, ...attrs(r) }))
				: slice.map((/** @type {any} */ r) => resource(type, r.id, attrs(r)));
		return {
			status: 200,
			body: {
				data,
				meta: { total_count: rows.length, page_count: pageCount },
				links: { self: link(number), ...(number < pageCount ? { next: link(number + 1) } : {}) },
			},
		};
	}

	const routes = [
		{
			method: 'GET',
			pattern: /^\/api\/v1\/jobs$/,
			handler: (/** @type {import('./core').SandboxRequest} */ req) =>
				page(req, db.jobs, 'jobs', jobAttrs),
		},
		{
			method: 'GET',
			pattern: /^\/api\/v1\/jobs\/([^/]+)$/,
			handler: (
				/** @type {import('./core').SandboxRequest} */ req,
				/** @type {string[]} */ [id],
			) => {
				const j = db.jobs.find((/** @type {any} */ x) => x.id === id);
				if (!j) return error(404, 'Not Found', `Couldn't find Job with 'id'=${id}`);
				return {
					status: 200,
					body: {
						data:
							cfg.format === 'flat'
								? { id: j.id, ...jobAttrs(j) }
								: resource('jobs', j.id, jobAttrs(j)),
					},
				};
			},
		},
		{
			method: 'GET',
			pattern: /^\/api\/v1\/applications$/,
			handler: (/** @type {import('./core').SandboxRequest} */ req) =>
				page(
					req,
					db.applications.filter(
						(/** @type {any} */ a) =>
							!req.query.get('filter[job_id]') || a.job_id === req.query.get('filter[job_id]'),
					),
					'applications',
					applicationAttrs,
				),
		},
		{
			method: 'GET',
			pattern: /^\/api\/v1\/applications\/([^/]+)$/,
			handler: (
				/** @type {import('./core').SandboxRequest} */ req,
				/** @type {string[]} */ [id],
			) => {
				const includes = (req.query.get('include') || '')
					.split(',')
					.map((/** @type {any} */ s) => s.trim())
					.filter(Boolean);
				const unknown = includes.filter(
					(/** @type {string} */ i) => !cfg.supportedIncludes.includes(i),
				);
				if (unknown.length)
					return error(
						400,
						'Invalid include',
						`${unknown.join(', ')} is not a relationship of applications`,
					);
				const a = db.applications.find((/** @type {any} */ x) => x.id === id);
				const job = a && db.jobs.find((/** @type {any} */ j) => j.id === a.job_id);
				const visibility = (req.query.get('filter[job_visibility]') || '').split(',');
				if (
					!a ||
					(cfg.hideConfidential && job?.confidential && !visibility.includes('confidential'))
				)
					return error(404, 'Not Found', `Couldn't find Application with 'id'=${id}`);
				const extraFields = (req.query.get('extra_fields[applications]') || '').split(',');
				return {
					status: 200,
					body: applicationDocument(a, includes, {
						attachments: extraFields.includes('attachments'),
						baseUrl: req.baseUrl,
					}),
				};
			},
		},
		{
			method: 'GET',
			pattern: /^\/api\/v1\/candidates\/([^/]+)$/,
			handler: (
				/** @type {import('./core').SandboxRequest} */ req,
				/** @type {string[]} */ [id],
			) => {
				const c = db.candidates.find((/** @type {any} */ x) => x.id === id);
				if (!c) return error(404, 'Not Found', `Couldn't find Candidate with 'id'=${id}`);
				return {
					status: 200,
					body: {
						data:
							cfg.format === 'flat'
								? { id: c.id, ...candidateAttrs(c) }
								: resource('candidates', c.id, candidateAttrs(c)),
					},
				};
			},
		},
	];

	const sandbox = await startSandbox({
		name: 'pinpoint',
		port: opts.port,
		routes,
		contracts: [{ system: 'pinpoint', prefix: '/api/v1' }],
		contractMode: cfg.contractMode,
		responseDelayMs: cfg.responseDelayMs,
		checkResponses: /** @type {any} */ (opts).checkResponses,
		contractError: (violations) =>
			error(
				400,
				violations.some((v) => v.path.startsWith('query.include'))
					? 'Invalid include'
					: 'Bad Request',
				violations
					.map((v) => `${v.path.replace(/^(body|query|path)\.?/, '')} ${v.message}`)
					.join('; '),
			),
		notFound: (req) => error(404, 'Not Found', `No route matches ${req.method} ${req.path}`),
		authenticate,
		rateLimit: cfg.rateLimit,
		errorBody: (status, message) => ({
			errors: [
				{
					status: String(status),
					title: status === 429 ? 'Too Many Requests' : 'Error',
					detail: message,
				},
			],
		}),
		state: () => ({
			jobs: db.jobs,
			candidates: db.candidates,
			applications: db.applications,
			offers: db.offers,
			counts: {
				jobs: db.jobs.length,
				candidates: db.candidates.length,
				applications: db.applications.length,
				offers: db.offers.length,
			},
		}),
		reset,
		seed: (data) => {
			if (data.jobs !== undefined) db.jobs = makeJobs(Number(data.jobs));
			const added = (Array.isArray(data.applications) ? data.applications : []).map(
				(/** @type {any} */ a) => addApplication(a).application.id,
			);
			return { jobs: db.jobs.length, applications: added };
		},
	});

	return {
		...sandbox,
		/** What a test puts into the pinpointApi credential. The loopback override needs the credential's testing toggle on. */
		credentials: {
			subdomain: cfg.subdomain,
			apiKey: Object.keys(cfg.apiKeys)[0],
			webhookSigningSecret: cfg.webhookSecret,
			baseUrlOverride: `${sandbox.url}/api/v1`,
			allowLoopbackBaseUrl: true,
		},
		addApplication,
		addJob,
		hire,
		jobs: () => db.jobs,
		/** A signed delivery for this sandbox's secret (override it to test a wrong one). */
		signedDelivery: (
			/** @type {string} */ event,
			/** @type {string | number} */ applicationId,
			secret = cfg.webhookSecret,
			options = {},
		) => signedDelivery(event, applicationId, secret, options),
		/** Change the answer format / includes / contact fields at run time. */
		configure: (/** @type {any} */ patch) => Object.assign(cfg, patch),
	};
}

/**
 * A webhook delivery as Pinpoint sends it: `{event, triggeredAt, data: {application: {id}}}`, compact
 * JSON, signed over the exact bytes. `options.body` replaces the body; `options.space` pretty-prints.
 * @returns {{ body: any, rawBody: Buffer, headers: Record<string,string> }}
 */
function signedDelivery(
	/** @type {string} */ event,
	/** @type {string | number} */ applicationId,
	/** @type {string} */ secret,
	/** @type {{ body?: any, triggeredAt?: string, space?: number }} */ options = {},
) {
	const body = options.body ?? {
		event,
		triggeredAt: options.triggeredAt ?? new Date().toISOString(),
		data: { application: { id: String(applicationId) } },
	};
	const rawBody = Buffer.from(JSON.stringify(body, null, options.space));
	const signature = crypto.createHmac('sha256', secret).update(rawBody).digest('base64');
	return {
		body,
		rawBody,
		headers: {
			'Content-Type': 'application/json',
			'PINPOINT-HMAC-SHA256': signature,
			'User-Agent': 'Pinpoint-Webhooks',
		},
	};
}

function makeJobs(/** @type {number} */ n) {
	return Array.from({ length: n }, (_, i) => ({
		confidential: false,
		id: String(101 + i),
		title: `${JOB_TITLES[i % JOB_TITLES.length]}${i >= JOB_TITLES.length ? ` ${Math.floor(i / JOB_TITLES.length) + 1}` : ''}`,
		status: 'open',
		department: i % 2 ? 'Design' : 'Engineering',
		location: 'London',
		created_at: '2026-01-05T10:00:00Z',
	}));
}

module.exports = { startPinpointSandbox, signedDelivery, DEFAULTS };
