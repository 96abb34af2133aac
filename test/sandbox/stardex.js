// @ts-check
'use strict';
/**
 * Sandbox Stardex v1 API, checked against test/contracts/stardex for every request and answer (a
 * violation is a 400 VALIDATION_ERROR, a route without a contract a 404 NOT_FOUND), for what our node uses:
 * - Bearer API keys; a bad key is 401 {success:false, error:{code:"INVALID_API_KEY", ...}}, a read-only
 *   key writing is 403;
 * - the v1 envelopes {success:true, data, meta?} / {success:false, error:{code, message}};
 * - 60 requests per minute per key over a sliding window (configurable), X-RateLimit-Limit/-Remaining/
 *   -Reset (epoch seconds) on every response, 429 with Retry-After and the documented body fields
 *   retry_after_seconds, limit, reset_at (inside `error` or alongside it: UNCONFIRMED, switchable);
 * - POST /v1/persons with linkedin_url REQUIRED (400 VALIDATION_ERROR "linkedin_url is required"),
 *   unique LinkedIn URLs (the duplicate answer is UNCONFIRMED: 409 or the existing person, switchable);
 * - POST /v1/persons/search (exact email / linkedin_url / name / phone, offset+limit, meta.total),
 *   GET and PATCH /v1/persons/{id} (PATCH replaces the emails and phone_numbers lists);
 * - POST /v1/jobs/search (offset paging, keywords[], is_archived, meta.total), GET /v1/jobs/{id} with
 *   pipeline_stages (field names UNCONFIRMED: three shapes, switchable), GET /v1/jobs/{id}/candidates;
 * - POST /v1/candidates/update-stage, GET /v1/candidates/{id} with pipeline_stage_history;
 * - POST /v1/persons/{id}/documents (multipart/form-data, parsed for real: file PDF/DOC/DOCX/PNG/JPG/JPEG
 *   up to 25 MB, type enum, optional title and visible_in_share_links) and GET /v1/persons/{id}/documents
 *   (offset/limit, document_types, include_text: the text of a PDF is not extracted, text_content is null);
 * - /__sandbox/state lists persons and candidate (person-on-job) records; faults come from core.js.
 */
const crypto = require('node:crypto');
const { startSandbox, visibleNow } = require('./core');

const DEFAULTS = {
	/**
	 * key → 'full' | 'read' | 'jobs' (a read-only key gets 403 on writes; a jobs-only key gets 403 on
	 * persons and candidates, in the INSUFFICIENT_PERMISSIONS envelope Stardex documents).
	 */
	apiKeys: /** @type {Record<string, 'full' | 'read' | 'jobs'>} */ ({
		'ats-sandbox-key-1': 'full',
		'ats-sandbox-readonly': 'read',
		'ats-sandbox-jobs-only': 'jobs',
	}),
	jobs: 3,
	rateLimit: /** @type {{limit: number, windowMs: number, mode?: 'fixed'|'sliding'}} */ ({
		limit: 60,
		windowMs: 60_000,
		mode: 'sliding',
	}),
	/** What POST /v1/persons answers for a LinkedIn URL that exists: 'conflict' (409) or 'existing' (200 + that person). */
	duplicateLinkedin: 'conflict',
	/** Search results: 'full' (like GET /v1/persons/{id}) or 'summary' (no candidates[], no contact lists). */
	searchResults: 'full',
	/** Whether PATCH /v1/persons/{id} {job_id} adds the person to the job (UNCONFIRMED in the docs). */
	patchJobIdAddsCandidate: true,
	/** Searches serve at most this many rows per page and say so in meta.limit. */
	maxPageSize: 100,
	/** pipeline_stages shape: 'standard' {id,name,order}, 'alt' {stage_id,stage_name,position}, 'names' (strings). */
	stageFields: 'standard',
	/** Where the 429 body puts retry_after_seconds/limit/reset_at: 'inside' error or 'alongside' it. */
	rateLimitBodyShape: 'inside',
	appUrl: 'https://app.stardex.ai',
	/** 'enforce' (vendor 400/404 on a contract violation), 'record' (log only) or 'off'. */
	contractMode: /** @type {'enforce'|'record'|'off'} */ ('enforce'),
	/** Largest document upload taken (Stardex documents 25 MB); lower it to see an upload refused. */
	maxDocumentBytes: 25 * 1024 * 1024,
	/** A fixed delay before every answer, in ms. */
	responseDelayMs: 0,
};

const JOB_NAMES = [
	'Senior Backend Engineer',
	'VP Finance',
	'Product Designer',
	'Head of Data',
	'Account Executive',
	'Site Reliability Engineer',
	'Chief of Staff',
	'Engineering Manager',
];
const CLIENTS = ['Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Hooli'];
const STAGES = ['Sourced', 'Contacted', 'Screening', 'Technical Interview', 'Offer', 'Placed'];
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** @param {Partial<typeof DEFAULTS> & { port?: number }} [opts] */
async function startStardexSandbox(opts = {}) {
	const cfg = { ...DEFAULTS, ...opts };
	/** @type {any} */
	let db;

	function reset() {
		db = { persons: [], candidates: [], jobs: makeJobs(cfg.jobs), documents: [] };
	}
	reset();

	const ok = (/** @type {any} */ data, /** @type {any} */ meta = undefined) => ({
		status: 200,
		body: meta ? { success: true, data, meta } : { success: true, data },
	});
	const fail = (
		/** @type {number} */ status,
		/** @type {string} */ code,
		/** @type {string} */ message,
		extra = {},
	) => ({
		status,
		body: { success: false, error: { code, message, ...extra } },
	});
	const invalid = (/** @type {string} */ message) => fail(400, 'VALIDATION_ERROR', message);
	const notFound = (/** @type {string} */ what) => fail(404, 'NOT_FOUND', `${what} not found`);
	const now = () => new Date().toISOString();

	function authenticate(/** @type {import('./core').SandboxRequest} */ req) {
		const m = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization || ''));
		if (!m)
			return fail(401, 'INVALID_API_KEY', 'Missing API key: send Authorization: Bearer <api_key>');
		const access = cfg.apiKeys[m[1].trim()];
		if (!access) return fail(401, 'INVALID_API_KEY', 'The provided API key is invalid or expired');
		const write = req.method !== 'GET' && !/\/search$/.test(req.path);
		const jobsOnly = access === 'jobs' && !req.path.startsWith('/v1/jobs');
		if ((write && access !== 'full') || jobsOnly)
			return fail(
				403,
				'INSUFFICIENT_PERMISSIONS',
				'This API key does not have permission to perform this action',
			);
		return { auth: { key: m[1], access } };
	}

	/** The documented 429 body, from what core's limiter decided for this request. */
	function rateLimitBody(/** @type {any} */ r) {
		const retry = r.allowed ? 1 : r.retryAfterS;
		const reset = r.headers['X-RateLimit-Reset']
			? new Date(Number(r.headers['X-RateLimit-Reset']) * 1000).toISOString()
			: now();
		const details = { retry_after_seconds: retry, limit: r.limit, reset_at: reset };
		const error = {
			code: 'RATE_LIMIT_EXCEEDED',
			message: `Rate limit exceeded. Try again in ${retry} seconds.`,
		};
		return cfg.rateLimitBodyShape === 'alongside'
			? { success: false, error, ...details }
			: { success: false, error: { ...error, ...details } };
	}

	// ---- views -------------------------------------------------------------------------------------

	function stageView(
		/** @type {any} */ job,
		/** @type {any} */ stage,
		/** @type {number} */ order,
	) {
		if (cfg.stageFields === 'names') return stage.name;
		if (cfg.stageFields === 'alt')
			return { stage_id: stage.id, stage_name: stage.name, position: order + 1 };
		return { id: stage.id, name: stage.name, order };
	}

	function jobView(/** @type {any} */ job) {
		const { stages, seq: _seq, ...rest } = job;
		return {
			...rest,
			candidate_count: db.candidates.filter((/** @type {any} */ c) => c.job_id === job.id).length,
			pipeline_stages: stages.map((/** @type {any} */ s, /** @type {number} */ i) =>
				stageView(job, s, i),
			),
		};
	}

	function jobSummary(/** @type {any} */ job) {
		const { stages: _stages, description: _description, seq: _seq, ...rest } = job;
		return {
			...rest,
			candidate_count: db.candidates.filter((/** @type {any} */ c) => c.job_id === job.id).length,
		};
	}

	function stageOf(/** @type {any} */ job, /** @type {any} */ stageId) {
		return job.stages.find((/** @type {any} */ s) => s.id === stageId);
	}

	function personJobs(/** @type {any} */ person) {
		return db.candidates
			.filter((/** @type {any} */ c) => c.person_id === person.id)
			.map((/** @type {any} */ c) => {
				const job = db.jobs.find((/** @type {any} */ j) => j.id === c.job_id);
				const stage = job && stageOf(job, c.stage_id);
				return {
					candidate_id: c.id,
					job_name: job ? job.name : null,
					job_id: c.job_id,
					job_client_company_name: job ? job.client_company_name : null,
					current_pipeline_stage_name: stage ? stage.name : null,
					current_pipeline_stage_id: c.stage_id,
					is_archived: job ? job.is_archived : false,
					created_at: c.created_at,
				};
			});
	}

	function personView(/** @type {any} */ p) {
		return {
			id: p.id,
			name: p.name,
			first_name: p.first_name,
			last_name: p.last_name,
			linkedin_public_id: p.linkedin_public_id,
			current_job_title: p.current_job_title,
			current_company_name: p.current_company_name,
			current_company_id: null,
			linkedin_location: p.linkedin_location,
			external_source_id: p.external_source_id,
			emails: p.emails.map((/** @type {any} */ e) => ({ ...e })),
			phones: p.phones.map((/** @type {any} */ e) => ({ ...e })),
			work_experience: [],
			education_experience: [],
			certifications: [],
			candidates: personJobs(p),
			created_at: p.created_at,
		};
	}

	function summaryView(/** @type {any} */ p) {
		return {
			id: p.id,
			name: p.name,
			linkedin_public_id: p.linkedin_public_id,
			current_job_title: p.current_job_title,
			current_company_name: p.current_company_name,
		};
	}

	function candidateView(/** @type {any} */ c) {
		const person = db.persons.find((/** @type {any} */ p) => p.id === c.person_id);
		const job = db.jobs.find((/** @type {any} */ j) => j.id === c.job_id);
		const stage = job && stageOf(job, c.stage_id);
		return {
			id: c.id,
			person_id: c.person_id,
			job_id: c.job_id,
			name: person ? person.name : null,
			current_job_title: person ? person.current_job_title : null,
			current_company_name: person ? person.current_company_name : null,
			current_company_id: null,
			current_pipeline_stage_name: stage ? stage.name : null,
			current_pipeline_stage_id: c.stage_id,
			current_pipeline_stage_date: c.history[c.history.length - 1].stage_date,
			created_at: c.created_at,
			pipeline_stage_history: c.history.map((/** @type {any} */ h) => ({ ...h })),
		};
	}

	// ---- helpers -----------------------------------------------------------------------------------

	function paging(/** @type {any} */ body, /** @type {number} */ max) {
		const offset = body.offset === undefined ? 0 : body.offset;
		const limit = body.limit === undefined ? max : body.limit;
		if (!Number.isInteger(offset) || offset < 0)
			return { error: invalid('offset must be an integer >= 0') };
		if (!Number.isInteger(limit) || limit < 1)
			return { error: invalid('limit must be an integer >= 1') };
		return { offset, limit: Math.min(limit, max) };
	}

	function page(
		/** @type {any[]} */ rows,
		/** @type {any} */ body,
		/** @type {(r: any) => any} */ view,
	) {
		const p = paging(body, cfg.maxPageSize);
		if (p.error) return p.error;
		return ok(rows.slice(p.offset, p.offset + p.limit).map(view), {
			total: rows.length,
			offset: p.offset,
			limit: p.limit,
		});
	}

	function sortRows(/** @type {any[]} */ rows, /** @type {any} */ body) {
		const by = body.sort_by || 'created_at';
		const dir = body.sort_order === 'asc' ? 1 : -1;
		const cmp = (/** @type {any} */ x, /** @type {any} */ y) => (x < y ? -1 : x > y ? 1 : 0);
		return rows
			.slice()
			.sort(
				(/** @type {any} */ a, /** @type {any} */ b) =>
					dir * (cmp(String(a[by] ?? ''), String(b[by] ?? '')) || cmp(a.seq, b.seq)),
			);
	}

	function contacts(
		/** @type {any} */ list,
		/** @type {string} */ field,
		/** @type {string} */ defaultType,
		/** @type {((v: string) => boolean) | undefined} */ validate = undefined,
	) {
		if (list === undefined) return { values: [] };
		if (!Array.isArray(list)) return { error: invalid(`${field} must be an array`) };
		/** @type {Array<{ contact_data_type: string, value: string }>} */
		const values = [];
		for (const [i, v] of list.entries()) {
			const value =
				typeof v === 'string' ? v : v && typeof v.value === 'string' ? v.value : undefined;
			if (!value)
				return { error: invalid(`${field}[${i}] must be a string or {contact_data_type, value}`) };
			if (validate && !validate(value))
				return { error: invalid(`${field}[${i}] is not a valid email`) };
			values.push({
				contact_data_type: (v && typeof v === 'object' && v.contact_data_type) || defaultType,
				value: validate ? value.toLowerCase() : value,
			});
		}
		return { values };
	}

	function addContact(
		/** @type {any} */ list,
		/** @type {string} */ type,
		/** @type {any} */ value,
		/** @type {boolean} */ isEmail = false,
	) {
		const v = isEmail ? value.toLowerCase() : value;
		if (!list.some((/** @type {any} */ c) => c.value === v))
			list.push({ contact_data_type: type, value: v });
	}

	function findJob(/** @type {any} */ body) {
		if (body.job_id !== undefined)
			return db.jobs.find((/** @type {any} */ j) => j.id === body.job_id);
		if (body.job_name !== undefined)
			return db.jobs.find(
				(/** @type {any} */ j) => j.name.toLowerCase() === String(body.job_name).toLowerCase(),
			);
		return undefined;
	}

	function addToJob(/** @type {any} */ person, /** @type {any} */ job) {
		const existing = db.candidates.find(
			(/** @type {any} */ c) => c.person_id === person.id && c.job_id === job.id,
		);
		if (existing) return existing;
		const at = now();
		const rec = {
			id: crypto.randomUUID(),
			person_id: person.id,
			job_id: job.id,
			stage_id: job.stages[0].id,
			created_at: at,
			history: [{ stage_id: job.stages[0].id, stage_name: job.stages[0].name, stage_date: at }],
		};
		db.candidates.push(rec);
		return rec;
	}

	let seq = 0;
	function makePerson(/** @type {any} */ b) {
		const name = String(b.name).trim();
		const parts = name.split(/\s+/);
		const slug = linkedinSlug(b.linkedin_url);
		/** @type {Array<{ contact_data_type: string, value: string }>} */
		const emails = [];
		if (b.work_email) addContact(emails, 'work', b.work_email, true);
		if (b.personal_email) addContact(emails, 'personal', b.personal_email, true);
		for (const e of b.emailList || []) addContact(emails, e.contact_data_type, e.value, true);
		/** @type {Array<{ contact_data_type: string, value: string }>} */
		const phones = [];
		if (b.mobile_phone) addContact(phones, 'mobile', b.mobile_phone);
		if (b.work_phone) addContact(phones, 'work', b.work_phone);
		for (const p of b.phoneList || []) addContact(phones, p.contact_data_type, p.value);
		return {
			id: crypto.randomUUID(),
			seq: ++seq,
			name,
			first_name: b.first_name ?? parts[0],
			last_name: b.last_name ?? (parts.length > 1 ? parts.slice(1).join(' ') : null),
			linkedin_public_id: slug ?? null,
			linkedin_url: slug ? `https://www.linkedin.com/in/${slug}` : null,
			current_job_title: b.current_job_title ?? null,
			current_company_name: b.company_name ?? null,
			linkedin_location: b.linkedin_location ?? null,
			external_source_id: b.external_source_id ?? null,
			notes: b.notes ?? null,
			enrich_record: b.enrich_record === true,
			emails,
			phones,
			created_at: now(),
			bornAt: Date.now(),
		};
	}

	// ---- routes ------------------------------------------------------------------------------------

	function searchPersons(/** @type {import('./core').SandboxRequest} */ req) {
		const b = req.body || {};
		if (typeof b !== 'object' || Array.isArray(b)) return invalid('Body must be a JSON object');
		let rows = db.persons.filter((/** @type {any} */ p) => visibleNow(req.faults, p.bornAt));
		if (b.email !== undefined) {
			if (typeof b.email !== 'string' || !EMAIL_RE.test(b.email))
				return invalid('email must be a valid email');
			rows = rows.filter((/** @type {any} */ p) =>
				p.emails.some((/** @type {any} */ e) => e.value === b.email.toLowerCase()),
			);
		}
		if (b.linkedin_url !== undefined) {
			const slug = linkedinSlug(b.linkedin_url);
			if (!slug) return invalid('linkedin_url must be a LinkedIn profile URL');
			rows = rows.filter((/** @type {any} */ p) => p.linkedin_public_id === slug);
		}
		if (b.name !== undefined)
			rows = rows.filter(
				(/** @type {any} */ p) => p.name.toLowerCase() === String(b.name).toLowerCase(),
			);
		if (b.phone !== undefined)
			rows = rows.filter((/** @type {any} */ p) =>
				p.phones.some((/** @type {any} */ x) => digits(x.value) === digits(String(b.phone))),
			);
		return page(sortRows(rows, b), b, cfg.searchResults === 'summary' ? summaryView : personView);
	}

	function createPerson(/** @type {import('./core').SandboxRequest} */ req) {
		const b = req.body || {};
		if (typeof b.name !== 'string' || !b.name.trim()) return invalid('name is required');
		if (b.linkedin_url === undefined || b.linkedin_url === null || b.linkedin_url === '')
			return invalid('linkedin_url is required');
		const slug = linkedinSlug(b.linkedin_url);
		if (!slug) return invalid('linkedin_url must be a valid LinkedIn profile URL');
		for (const k of ['work_email', 'personal_email'])
			if (b[k] !== undefined && !EMAIL_RE.test(String(b[k])))
				return invalid(`${k} must be a valid email`);
		const emailList = contacts(b.emails, 'emails', 'other', (/** @type {any} */ v) =>
			EMAIL_RE.test(v),
		);
		if (emailList.error) return emailList.error;
		const phoneList = contacts(b.phone_numbers, 'phone_numbers', 'other');
		if (phoneList.error) return phoneList.error;
		let job;
		if (b.job_id !== undefined || b.job_name !== undefined) {
			job = findJob(b);
			if (!job) return notFound('Job');
		}
		const existing = db.persons.find((/** @type {any} */ p) => p.linkedin_public_id === slug);
		if (existing) {
			if (cfg.duplicateLinkedin === 'conflict')
				return fail(409, 'DUPLICATE_PERSON', 'A person with this linkedin_url already exists', {
					existing_person_id: existing.id,
				});
			const rec = job ? addToJob(existing, job) : undefined;
			return ok(createdView(existing, rec));
		}
		const person = makePerson({ ...b, emailList: emailList.values, phoneList: phoneList.values });
		db.persons.push(person);
		const rec = job ? addToJob(person, job) : undefined;
		return ok(createdView(person, rec));
	}

	function createdView(/** @type {any} */ p, /** @type {any} */ rec) {
		return {
			id: p.id,
			name: p.name,
			linkedin_public_id: p.linkedin_public_id,
			current_job_title: p.current_job_title,
			company_name: p.current_company_name,
			linkedin_location: p.linkedin_location,
			emails: p.emails.map((/** @type {any} */ e) => ({ ...e })),
			phones: p.phones.map((/** @type {any} */ e) => ({ ...e })),
			candidate_id: rec ? rec.id : null,
			client_contact_id: null,
			external_source_id: p.external_source_id,
		};
	}

	function patchPerson(
		/** @type {import('./core').SandboxRequest} */ req,
		/** @type {string[]} */ [id],
	) {
		const person = db.persons.find((/** @type {any} */ p) => p.id === id);
		if (!person) return notFound('Person');
		const b = req.body || {};
		const emails =
			b.emails === undefined
				? undefined
				: contacts(b.emails, 'emails', 'other', (/** @type {any} */ v) => EMAIL_RE.test(v));
		if (emails && emails.error) return emails.error;
		const phones =
			b.phone_numbers === undefined
				? undefined
				: contacts(b.phone_numbers, 'phone_numbers', 'other');
		if (phones && phones.error) return phones.error;
		for (const k of ['work_email', 'personal_email'])
			if (b[k] !== undefined && !EMAIL_RE.test(String(b[k])))
				return invalid(`${k} must be a valid email`);
		/** @type {string | undefined} */
		let slug;
		if (b.linkedin_url !== undefined) {
			slug = linkedinSlug(b.linkedin_url);
			if (!slug) return invalid('linkedin_url must be a valid LinkedIn profile URL');
			const other = db.persons.find(
				(/** @type {any} */ p) => p.linkedin_public_id === slug && p.id !== person.id,
			);
			if (other)
				return fail(409, 'DUPLICATE_PERSON', 'A person with this linkedin_url already exists', {
					existing_person_id: other.id,
				});
		}
		let job;
		if (b.job_id !== undefined) {
			job = db.jobs.find((/** @type {any} */ j) => j.id === b.job_id);
			if (!job) return notFound('Job');
		}
		// Lists are replaced wholesale, as documented ("Replace all email addresses").
		if (emails) person.emails = emails.values;
		if (phones) person.phones = phones.values;
		if (b.work_email) addContact(person.emails, 'work', b.work_email, true);
		if (b.personal_email) addContact(person.emails, 'personal', b.personal_email, true);
		if (b.mobile_phone) addContact(person.phones, 'mobile', b.mobile_phone);
		if (b.work_phone) addContact(person.phones, 'work', b.work_phone);
		if (slug) {
			person.linkedin_public_id = slug;
			person.linkedin_url = `https://www.linkedin.com/in/${slug}`;
		}
		for (const [from, to] of [
			['name', 'name'],
			['first_name', 'first_name'],
			['last_name', 'last_name'],
			['current_job_title', 'current_job_title'],
			['company_name', 'current_company_name'],
			['linkedin_location', 'linkedin_location'],
			['linkedin_headline', 'linkedin_headline'],
			['address', 'address'],
		]) {
			if (b[from] !== undefined) person[to] = b[from];
		}
		if (job && cfg.patchJobIdAddsCandidate) addToJob(person, job);
		return ok({ message: 'Person updated successfully' });
	}

	function searchJobs(/** @type {import('./core').SandboxRequest} */ req) {
		const b = req.body || {};
		if (
			b.keywords !== undefined &&
			(!Array.isArray(b.keywords) ||
				b.keywords.some((/** @type {string} */ k) => typeof k !== 'string'))
		)
			return invalid('keywords must be an array of strings');
		if (b.is_archived !== undefined && typeof b.is_archived !== 'boolean')
			return invalid('is_archived must be a boolean');
		let rows = db.jobs;
		if (b.is_archived !== undefined)
			rows = rows.filter((/** @type {any} */ j) => j.is_archived === b.is_archived);
		for (const k of b.keywords || []) {
			const w = k.toLowerCase();
			rows = rows.filter((/** @type {any} */ j) =>
				[j.name, j.client_company_name, j.location].some((v) =>
					String(v || '')
						.toLowerCase()
						.includes(w),
				),
			);
		}
		return page(sortRows(rows, b), b, jobSummary);
	}

	function updateStage(/** @type {import('./core').SandboxRequest} */ req) {
		const b = req.body || {};
		if (b.job_id === undefined && b.job_name === undefined)
			return invalid('Provide either job_id or job_name');
		if (
			b.candidate_id === undefined &&
			b.candidate_email === undefined &&
			b.candidate_name === undefined
		)
			return invalid('Provide candidate_id, candidate_email, or candidate_name');
		if (b.stage_id === undefined && b.stage_name === undefined)
			return invalid('Provide either stage_id or stage_name');
		const job = findJob(b);
		if (!job) return notFound('Job');
		const onJob = db.candidates.filter((/** @type {any} */ c) => c.job_id === job.id);
		let rec;
		if (b.candidate_id !== undefined)
			rec = onJob.find((/** @type {any} */ c) => c.id === b.candidate_id);
		else if (b.candidate_email !== undefined)
			rec = onJob.find((/** @type {any} */ c) =>
				db.persons
					.find((/** @type {any} */ p) => p.id === c.person_id)
					.emails.some(
						(/** @type {any} */ e) => e.value === String(b.candidate_email).toLowerCase(),
					),
			);
		else
			rec = onJob.find(
				(/** @type {any} */ c) =>
					db.persons.find((/** @type {any} */ p) => p.id === c.person_id).name.toLowerCase() ===
					String(b.candidate_name).toLowerCase(),
			);
		if (!rec) return notFound('Candidate');
		const stage =
			b.stage_id !== undefined
				? job.stages.find((/** @type {any} */ s) => s.id === b.stage_id)
				: job.stages.find(
						(/** @type {any} */ s) => s.name.toLowerCase() === String(b.stage_name).toLowerCase(),
					);
		if (!stage) return invalid(`Stage ${b.stage_id ?? b.stage_name} is not in this job's pipeline`);
		const previous = rec.stage_id;
		if (previous !== stage.id) {
			rec.stage_id = stage.id;
			rec.history.push({ stage_id: stage.id, stage_name: stage.name, stage_date: now() });
		}
		return ok({
			candidate_id: rec.id,
			person_id: rec.person_id,
			job_id: job.id,
			previous_stage_id: previous,
			new_stage_id: stage.id,
		});
	}

	function uploadDocument(
		/** @type {import('./core').SandboxRequest} */ req,
		/** @type {string[]} */ [id],
	) {
		const person = db.persons.find((/** @type {any} */ p) => p.id === id);
		if (!person) return notFound('Person');
		const checked = checkDocument(req.body, cfg.maxDocumentBytes);
		if (checked.error !== undefined) return invalid(checked.error);
		const b = req.body;
		const at = now();
		const doc = {
			id: crypto.randomUUID(),
			person_id: person.id,
			created_at: at,
			updated_at: at,
			type: b.type,
			title: typeof b.title === 'string' && b.title ? b.title : b.file.filename,
			file_name: b.file.filename,
			content_type: b.file.content_type,
			size: b.file.size,
			data: /** @type {Buffer} */ (checked.data),
			visible_in_share_links: b.visible_in_share_links === 'true',
		};
		db.documents.push(doc);
		return ok(documentView(doc));
	}

	function listDocuments(
		/** @type {import('./core').SandboxRequest} */ req,
		/** @type {string[]} */ [id],
	) {
		const person = db.persons.find((/** @type {any} */ p) => p.id === id);
		if (!person) return notFound('Person');
		const types = req.query.get('document_types');
		const wanted = types ? types.split(',').map((t) => t.trim()) : undefined;
		const rows = db.documents.filter(
			(/** @type {any} */ d) => d.person_id === id && (!wanted || wanted.includes(d.type)),
		);
		const withText = req.query.get('include_text') === 'true';
		const num = (/** @type {string} */ k) =>
			req.query.get(k) === null ? undefined : Number(req.query.get(k));
		return page(rows, { offset: num('offset'), limit: num('limit') }, (/** @type {any} */ d) => ({
			...documentView(d),
			...(withText ? { text_content: null, char_count: 0, truncated: false } : {}),
		}));
	}

	const routes = [
		{
			method: 'POST',
			pattern: /^\/v1\/persons\/([^/]+)\/documents$/,
			write: true,
			handler: uploadDocument,
		},
		{ method: 'GET', pattern: /^\/v1\/persons\/([^/]+)\/documents$/, handler: listDocuments },
		{ method: 'POST', pattern: /^\/v1\/persons\/search$/, handler: searchPersons },
		{ method: 'POST', pattern: /^\/v1\/persons$/, write: true, handler: createPerson },
		{
			method: 'GET',
			pattern: /^\/v1\/persons\/([^/]+)$/,
			handler: (
				/** @type {import('./core').SandboxRequest} */ _req,
				/** @type {string[]} */ [id],
			) => {
				const p = db.persons.find((/** @type {any} */ x) => x.id === id);
				return p ? ok(personView(p)) : notFound('Person');
			},
		},
		{ method: 'PATCH', pattern: /^\/v1\/persons\/([^/]+)$/, write: true, handler: patchPerson },
		{ method: 'POST', pattern: /^\/v1\/jobs\/search$/, handler: searchJobs },
		{
			method: 'GET',
			pattern: /^\/v1\/jobs\/([^/]+)$/,
			handler: (
				/** @type {import('./core').SandboxRequest} */ _req,
				/** @type {string[]} */ [id],
			) => {
				const j = db.jobs.find((/** @type {any} */ x) => x.id === id);
				return j ? ok(jobView(j)) : notFound('Job');
			},
		},
		{
			method: 'POST',
			pattern: /^\/v1\/candidates\/update-stage$/,
			write: true,
			handler: updateStage,
		},
	];

	/** @type {Record<number, string>} */
	const CODES = {
		400: 'VALIDATION_ERROR',
		401: 'INVALID_API_KEY',
		403: 'INSUFFICIENT_PERMISSIONS',
		404: 'NOT_FOUND',
		409: 'CONFLICT',
		429: 'RATE_LIMIT_EXCEEDED',
		500: 'INTERNAL_ERROR',
	};

	const sandbox = await startSandbox({
		name: 'stardex',
		port: opts.port,
		routes,
		contracts: [{ system: 'stardex', prefix: '' }],
		contractMode: cfg.contractMode,
		responseDelayMs: cfg.responseDelayMs,
		checkResponses: /** @type {any} */ (opts).checkResponses,
		contractError: (violations) =>
			invalid(
				violations
					.map((v) => `${v.path.replace(/^(body|query|path)\.?/, '') || 'body'} ${v.message}`)
					.join('; '),
			),
		notFound: () => fail(404, 'NOT_FOUND', 'Resource not found'),
		authenticate,
		rateLimit: cfg.rateLimit,
		rateLimitBody,
		errorBody: (status, message) => ({
			success: false,
			error: { code: CODES[status] || 'ERROR', message },
		}),
		state: () => ({
			persons: db.persons.map(personView),
			candidates: db.candidates.map(candidateView),
			documents: db.documents.map((/** @type {any} */ d) => ({
				...documentView(d),
				person_id: d.person_id,
				size: d.size,
			})),
			counts: {
				persons: db.persons.length,
				candidates: db.candidates.length,
				documents: db.documents.length,
				jobs: db.jobs.length,
			},
		}),
		reset,
		seed: (data) => seed(data),
	});

	/** {jobs: n | [partial jobs], persons: [{name, linkedin_url, emails, phones, job_ids, ...}]} */
	function seed(/** @type {any} */ data) {
		if (typeof data.jobs === 'number') db.jobs = makeJobs(data.jobs);
		else if (Array.isArray(data.jobs)) {
			const base = makeJobs(db.jobs.length + data.jobs.length);
			db.jobs.push(
				...data.jobs.map((/** @type {any} */ j, /** @type {number} */ i) => ({
					...base[db.jobs.length + i],
					...j,
				})),
			);
		}
		for (const p of data.persons || []) {
			const person = makePerson({
				...p,
				emailList: (p.emails || []).map((/** @type {any} */ e) =>
					typeof e === 'string' ? { contact_data_type: 'personal', value: e } : e,
				),
				phoneList: (p.phones || []).map((/** @type {any} */ e) =>
					typeof e === 'string' ? { contact_data_type: 'mobile', value: e } : e,
				),
			});
			db.persons.push(person);
			for (const jobId of p.job_ids || []) {
				const job = db.jobs.find((/** @type {any} */ j) => j.id === jobId);
				if (job) addToJob(person, job);
			}
		}
		return { jobs: db.jobs.length, persons: db.persons.length, candidates: db.candidates.length };
	}

	return {
		...sandbox,
		credentials: {
			apiKey: Object.keys(cfg.apiKeys)[0],
			apiBaseUrl: sandbox.url,
			allowLoopbackBaseUrl: true,
			appUrl: cfg.appUrl,
		},
		readOnlyCredentials: {
			apiKey: Object.keys(cfg.apiKeys).find((k) => cfg.apiKeys[k] === 'read'),
			apiBaseUrl: sandbox.url,
			allowLoopbackBaseUrl: true,
			appUrl: cfg.appUrl,
		},
		jobsOnlyCredentials: {
			apiKey: Object.keys(cfg.apiKeys).find((k) => cfg.apiKeys[k] === 'jobs'),
			apiBaseUrl: sandbox.url,
			allowLoopbackBaseUrl: true,
			appUrl: cfg.appUrl,
		},
		jobs: () => db.jobs.map(jobView),
		/** Every uploaded document with its bytes, e.g. to read a PDF back. */
		documents: () =>
			db.documents.map((/** @type {any} */ d) => ({ ...d, data: Buffer.from(d.data) })),
		seed,
		/** Switch behaviours at run time, e.g. {duplicateLinkedin: 'existing'} or {stageFields: 'alt'}. */
		configure: (/** @type {any} */ changes) => Object.assign(cfg, changes),
	};
}

const DOCUMENT_TYPES = [
	'resume_link',
	'resume_doc',
	'cover_letter',
	'reference',
	'additional_links',
];
const DOCUMENT_FILES = /\.(pdf|docx?|png|jpe?g)$/i;
const DOCUMENT_MIME = [
	'application/pdf',
	'application/msword',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	'image/png',
	'image/jpeg',
	'application/octet-stream',
];
const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

/** The upload's own checks, as Stardex documents them (also when the contract check is off). */
function checkDocument(/** @type {any} */ b, max = MAX_DOCUMENT_BYTES) {
	if (!b || typeof b !== 'object' || '__invalidMultipart' in b || '__invalidJson' in b)
		return { error: 'Send the document as multipart/form-data' };
	const file = b.file;
	if (!file || typeof file !== 'object' || !Buffer.isBuffer(file.data))
		return { error: 'file is required' };
	if (!DOCUMENT_TYPES.includes(b.type))
		return { error: `type must be one of: ${DOCUMENT_TYPES.join(', ')}` };
	if (file.size > max) return { error: `file must be at most ${Math.round(max / 1024 / 1024)} MB` };
	const mime = String(file.content_type || 'application/octet-stream')
		.split(';')[0]
		.trim();
	if (!DOCUMENT_FILES.test(file.filename) || !DOCUMENT_MIME.includes(mime.toLowerCase()))
		return { error: 'file type not allowed: PDF, DOC, DOCX, PNG, JPG or JPEG' };
	if (
		b.visible_in_share_links !== undefined &&
		!['true', 'false'].includes(b.visible_in_share_links)
	)
		return { error: 'visible_in_share_links must be a boolean' };
	return { error: undefined, data: /** @type {Buffer} */ (file.data) };
}

function documentView(/** @type {any} */ d) {
	return {
		id: d.id,
		created_at: d.created_at,
		updated_at: d.updated_at,
		type: d.type,
		title: d.title,
		link: `https://signed-url.sandbox.test/documents/${d.id}`,
		visible_in_share_links: d.visible_in_share_links,
	};
}

/** Deterministic UUID-shaped ids, so tests can name jobs and stages. */
function uuid(/** @type {string} */ prefix, /** @type {number} */ n) {
	return `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function makeJobs(/** @type {number} */ n) {
	return Array.from({ length: n }, (_, i) => ({
		id: uuid('a0b0c0d0', i + 1),
		name: `${JOB_NAMES[i % JOB_NAMES.length]}${i >= JOB_NAMES.length ? ` ${Math.floor(i / JOB_NAMES.length) + 1}` : ''}`,
		seq: i,
		created_at: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
		is_archived: i % 10 === 9,
		client_company_name: CLIENTS[i % CLIENTS.length],
		client_company_id: uuid('c0c0c0c0', (i % CLIENTS.length) + 1),
		job_status_name: i % 10 === 9 ? 'Closed' : 'Active',
		location: i % 2 ? 'Remote' : 'Austin, TX',
		description: 'Sandbox job',
		stages: STAGES.map((name, k) => ({
			id: uuid(`5a9e${String(k).padStart(4, '0')}`, i + 1),
			name,
		})),
	}));
}

function linkedinSlug(/** @type {any} */ value) {
	if (typeof value !== 'string') return undefined;
	const m =
		/^(?:https?:\/\/)?(?:[a-z]{2,3}\.|www\.)?linkedin\.com\/(?:in|pub)\/([^/?#\s]+)\/?(?:[?#].*)?$/i.exec(
			value.trim(),
		);
	if (!m) return undefined;
	try {
		return decodeURIComponent(m[1]).toLowerCase();
	} catch {
		return undefined;
	}
}

function digits(/** @type {any} */ s) {
	return s.replace(/\D/g, '');
}

module.exports = { startStardexSandbox, STAGES };
