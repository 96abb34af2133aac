'use strict';
/**
 * Sandbox IntelliHR public API v1, close to the real thing for what our node uses:
 * - everything under /v1, like https://api.intellihr.io/v1;
 * - `Authorization: Bearer <key>` (else 401) and the `tenant: <subdomain>` header (missing or
 *   wrong → 403 in the documented {name:"Forbidden", message:"Error", code:403, errors:{}} shape;
 *   whether the real API needs the header is unconfirmed, so `requireTenant` can switch it off);
 * - page/limit pagination (limit 1–100) with {data, meta:{pagination}, links:{self,first,prev,next,last}};
 * - filters[<name>][eq]=<value> (comma lists for ids) on people and jobs;
 * - 400 {name:"BadRequest", message:"error", code:400, errors:[{code:400, detail}]} for validation
 *   (missing lastName, no primary email, bad dates, invalid UUIDs, unknown references, a person
 *   search that does not narrow to one person);
 * - seeded reference lists with enabled and disabled records;
 * - an optional rate limit (the real one is undocumented; off by default);
 * - /__sandbox/state lists people and jobs. Faults, stats and the request log come from core.js.
 * Facts: ../../../shared/reference/stardex-intellihr-pinpoint.md §2
 */
const crypto = require('node:crypto');
const { startSandbox } = require('./core');

const DEFAULTS = {
	apiKey: 'sandbox-intellihr-key-0123456789',
	tenant: 'acme',
	/** Real API: unconfirmed whether the tenant header is required. */
	requireTenant: true,
	/** Undocumented in reality; e.g. { limit: 60, windowMs: 60_000 }. Off by default. */
	rateLimit: undefined,
};

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** Stable, readable UUIDs for seeded records: <prefix>-0000-4000-8000-<n>. */
function seedId(prefix, n) {
	return `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

function seedLookups() {
	const mk = (prefix, rows) =>
		rows.map((r, n) => ({ id: seedId(prefix, n + 1), isEnabled: true, ...r }));
	return {
		businessEntities: mk('be000000', [
			{
				name: 'Acme Pty Ltd',
				code: 'ACME',
				legalName: 'Acme Proprietary Limited',
				number: '12 345 678 901',
			},
			{
				name: 'Acme Holdings',
				code: 'HOLD',
				legalName: 'Acme Holdings Limited',
				number: '98 765 432 109',
			},
			{
				name: 'Old Acme Entity',
				code: 'OLD',
				legalName: 'Old Acme Limited',
				number: '11 111 111 111',
				isEnabled: false,
			},
		]),
		businessUnits: mk('b0000000', [
			{ identifier: 'ENG', name: 'Engineering', code: 'ENG', parentId: null },
			{ identifier: 'SAL', name: 'Sales', code: 'SAL', parentId: null },
			{ identifier: 'LEG', name: 'Legacy Unit', code: 'LEG', parentId: null, isEnabled: false },
		]),
		locations: mk('10000000', [
			{ name: 'Brisbane', code: 'BNE', address: '1 Queen St, Brisbane QLD', parentId: null },
			{ name: 'Sydney', code: 'SYD', address: '1 George St, Sydney NSW', parentId: null },
			{ name: 'Closed Office', code: 'OLD', address: 'Nowhere', parentId: null, isEnabled: false },
		]),
		workTypes: mk('a0000000', [
			{ name: 'Permanent' },
			{ name: 'Fixed Contract' },
			{ name: 'Temporary/Casual' },
			{ name: 'Unpaid', isEnabled: false },
		]),
		workClasses: mk('c0000000', [
			{ name: 'Full Time', workType: 'Permanent' },
			{ name: 'Part Time', workType: 'Permanent' },
			{ name: 'Casual', workType: 'Temporary/Casual' },
			{ name: 'Retired Class', workType: 'Permanent', isEnabled: false },
		]),
		recruitmentSources: mk('50000000', [
			{ name: 'Pinpoint', parentId: null },
			{ name: 'LinkedIn', parentId: null },
			{ name: 'Referral (old)', parentId: null, isEnabled: false },
		]),
		payGrades: mk('9a000000', [
			{ code: 'L1', name: 'Level 1' },
			{ code: 'L2', name: 'Level 2' },
		]),
		employmentConditions: mk('ec000000', [
			{ name: 'Enterprise Agreement', awardName: 'Acme EA 2024' },
			{ name: 'Award Free', awardName: null },
		]),
		workRights: mk('e0000000', [
			{ name: 'Australian Citizen', countryId: 'AU', country: 'Australia' },
		]),
		positionTitles: [],
	};
}

/** @param {Partial<typeof DEFAULTS> & { port?: number }} [opts] */
async function startIntelliHrSandbox(opts = {}) {
	const cfg = { ...DEFAULTS, ...opts };
	let db;
	const tenantHeaders = new Set();

	function reset() {
		db = { people: [], jobs: [], ...seedLookups() };
		tenantHeaders.clear();
		// Seeded people: a supervisor, and two namesakes a {name} person search cannot tell apart.
		for (const p of [
			{ firstName: 'Sam', lastName: 'Supervisor', email: 'sam.supervisor@acme.example' },
			{ firstName: 'Alex', lastName: 'Namesake', email: 'alex.one@acme.example' },
			{ firstName: 'Alex', lastName: 'Namesake', email: 'alex.two@acme.example' },
		]) {
			db.people.push(
				makePerson({
					firstName: p.firstName,
					lastName: p.lastName,
					emailAddresses: [{ email: p.email, isPrimary: true, isPersonal: false }],
				}),
			);
		}
	}

	const now = () => new Date().toISOString();
	const requestId = () => crypto.randomUUID();
	const badRequest = (details) => ({
		status: 400,
		body: {
			name: 'BadRequest',
			message: 'error',
			code: 400,
			errors: details.map((detail) => ({ code: 400, detail })),
		},
	});
	const notFound = (what) => ({
		status: 404,
		body: { name: 'NotFound', message: `${what} could not be found`, code: 404, errors: {} },
	});

	function errorBody(status, message) {
		if (status === 400)
			return {
				name: 'BadRequest',
				message: 'error',
				code: 400,
				errors: [{ code: 400, detail: message }],
			};
		if (status === 403) return { name: 'Forbidden', message: 'Error', code: 403, errors: {} };
		if (status === 404) return { name: 'NotFound', message, code: 404, errors: {} };
		if (status === 429)
			return { name: 'TooManyRequests', message: 'Too Many Requests', code: 429, errors: {} };
		if (status >= 500)
			return {
				name: 'Internal Server Error',
				message: `An internal server error occurred. If this continues, contact support@intellihr.co (${message})`,
				code: 500,
				errors: {},
			};
		return { name: 'Error', message, code: status, errors: {} };
	}

	function authenticate(req) {
		const m = /^Bearer (.+)$/.exec(String(req.headers.authorization || ''));
		if (!m || m[1] !== cfg.apiKey)
			return {
				status: 401,
				body: { name: 'Unauthorized', message: 'Unauthorized', code: 401, errors: {} },
			};
		const tenant = req.headers.tenant;
		if (tenant !== undefined) tenantHeaders.add(String(tenant));
		if (tenant === undefined ? cfg.requireTenant : String(tenant).toLowerCase() !== cfg.tenant)
			return { status: 403, body: errorBody(403) };
		return { auth: { tenant } };
	}

	/** GET list: page/limit, filters[<name>][eq] through `matches`, and the documented envelope. */
	function list(req, rows, matches = () => true) {
		const page = req.query.has('page') ? Number(req.query.get('page')) : 1;
		const limit = req.query.has('limit') ? Number(req.query.get('limit')) : 10;
		const errors = [];
		if (!Number.isInteger(page) || page < 1)
			errors.push('The page parameter must be an integer of at least 1');
		if (!Number.isInteger(limit) || limit < 1 || limit > 100)
			errors.push('The limit parameter must be an integer between 1 and 100');
		if (errors.length) return badRequest(errors);
		const filters = {};
		for (const [k, v] of req.query) {
			const f = /^filters\[([A-Za-z]+)\]\[([a-z]+)\]$/.exec(k);
			if (!f) continue;
			if (f[2] !== 'eq') return badRequest([`The filter operation "${f[2]}" is not supported`]);
			filters[f[1]] = v;
		}
		const filtered = rows.filter((r) => matches(r, filters));
		const totalPages = Math.max(1, Math.ceil(filtered.length / limit));
		const data = filtered.slice((page - 1) * limit, page * limit);
		const link = (p) =>
			`${req.baseUrl}${req.path}?${new URLSearchParams({ ...Object.fromEntries(req.query), limit: String(limit), page: String(p) })}`;
		return {
			status: 200,
			body: {
				data,
				meta: {
					pagination: {
						total: filtered.length,
						count: data.length,
						per_page: limit,
						current_page: page,
						total_pages: totalPages,
					},
					requestId: requestId(),
				},
				links: {
					self: link(page),
					first: link(1),
					prev: page > 1 ? link(page - 1) : null,
					next: page < totalPages ? link(page + 1) : null,
					last: link(totalPages),
				},
			},
		};
	}

	const one = (record) => ({
		status: 200,
		body: { data: record, meta: { requestId: requestId() } },
	});
	const inList = (value, actual) =>
		value === undefined ||
		value
			.split(',')
			.map((s) => s.trim().toLowerCase())
			.includes(String(actual ?? '').toLowerCase());
	const primaryEmail = (p) => (p.emailAddresses.find((e) => e.isPrimary) || {}).email;
	const displayName = (p) => [p.preferredName || p.firstName, p.lastName].filter(Boolean).join(' ');

	function makePerson(b) {
		const person = {
			id: crypto.randomUUID(),
			displayName: '',
			title: b.title ?? null,
			firstName: b.firstName ?? null,
			middleName: b.middleName ?? null,
			lastName: b.lastName,
			preferredName: b.preferredName ?? null,
			dateOfBirth: b.dateOfBirth ?? null,
			gender: b.gender ?? null,
			employeeNumber: b.employeeNumber ?? null,
			isSupervisor: false,
			employmentStatus: 'Future Staff',
			emailAddresses: (b.emailAddresses || []).map((e) => ({
				id: crypto.randomUUID(),
				email: String(e.email).toLowerCase(),
				isPrimary: e.isPrimary === true,
				isPersonal: e.isPersonal === true,
			})),
			phoneNumbers: (b.phoneNumbers || []).map((p) => ({
				id: crypto.randomUUID(),
				number: String(p.number),
				isPrimary: p.isPrimary === true,
				isPersonal: p.isPersonal === true,
			})),
			createdAt: now(),
			updatedAt: now(),
		};
		person.displayName = displayName(person);
		person.primaryEmailAddress = primaryEmail(person) ?? null;
		person.primaryPhoneNumber = (person.phoneNumbers.find((p) => p.isPrimary) || {}).number ?? null;
		return person;
	}

	const PERSON_FIELDS = [
		'firstName',
		'middleName',
		'lastName',
		'preferredName',
		'title',
		'dateOfBirth',
		'gender',
		'employeeNumber',
		'emailAddresses',
		'phoneNumbers',
		'addresses',
		'emergencyContact',
		'workRight',
		'workRightExpiryDate',
		'medicalConditions',
		'customFields',
		'primaryEmailAddress',
		'primaryPhoneNumber',
		'userAccount',
	];

	function validatePerson(b) {
		const errors = [];
		if (!b || typeof b !== 'object' || Array.isArray(b))
			return ['The request body must be a JSON object'];
		for (const k of Object.keys(b))
			if (!PERSON_FIELDS.includes(k)) errors.push(`The attribute ${k} is not allowed`);
		if (typeof b.lastName !== 'string' || !b.lastName.trim())
			errors.push('The last name field is required.');
		const emails = Array.isArray(b.emailAddresses) ? b.emailAddresses : [];
		if (!emails.length || emails.filter((e) => e && e.isPrimary === true).length !== 1)
			errors.push('A Person must have exactly one primary email address.');
		emails.forEach((e, i) => {
			if (!e || typeof e.email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e.email))
				errors.push(`emailAddresses.${i}.email must be a valid email address.`);
		});
		const phones = Array.isArray(b.phoneNumbers) ? b.phoneNumbers : [];
		if (phones.length && phones.filter((p) => p && p.isPrimary === true).length !== 1)
			errors.push('A Person must have at least one primary phone number.');
		phones.forEach((p, i) => {
			if (!p || typeof p.number !== 'string' || !p.number.trim())
				errors.push(`phoneNumbers.${i}.number is required.`);
		});
		if (
			b.dateOfBirth !== undefined &&
			b.dateOfBirth !== null &&
			!(DATE_RE.test(b.dateOfBirth) && !Number.isNaN(Date.parse(b.dateOfBirth)))
		)
			errors.push('The date of birth must be a date in the format YYYY-MM-DD.');
		return errors;
	}

	const JOB_FIELDS = [
		'person',
		'companyStartDate',
		'startDate',
		'companyEndDate',
		'endDate',
		'name',
		'businessEntity',
		'businessUnit',
		'workClass',
		'workType',
		'location',
		'supervisorPerson',
		'supervisorJob',
		'fte',
		'payGrade',
		'employmentCondition',
		'remunerationSchedule',
		'recruitment',
		'establishment',
		'customFields',
	];

	/** A search object: {id} must be a UUID of an enabled record; other keys must match exactly one. */
	function resolve(field, search, rows, keys, errors) {
		if (!search || typeof search !== 'object' || Array.isArray(search)) {
			errors.push(`The ${field} field must be a search object.`);
			return undefined;
		}
		const given = Object.keys(search);
		const unknown = given.filter((k) => !['id', ...keys].includes(k));
		if (unknown.length || !given.length) {
			errors.push(`The ${field} search object only accepts ${['id', ...keys].join(', ')}.`);
			return undefined;
		}
		if (search.id !== undefined && !UUID_RE.test(String(search.id))) {
			errors.push('An invalid UUID was provided');
			return undefined;
		}
		const hits = rows.filter((r) =>
			given.every((k) => String(r[k] ?? '').toLowerCase() === String(search[k]).toLowerCase()),
		);
		if (hits.length === 0) errors.push(`The ${field} could not be found.`);
		else if (hits.length > 1)
			errors.push(
				field === 'person' || field === 'supervisorPerson'
					? `Unable to narrow the ${field} search to a single Person.`
					: `Unable to narrow the ${field} search to a single record.`,
			);
		else if (hits[0].isEnabled === false)
			errors.push(`The ${field} "${hits[0].name}" is disabled.`);
		else return hits[0];
		return undefined;
	}

	const ref = (r) => (r ? { id: r.id, name: r.name ?? r.displayName } : null);
	const storedDate = (d) => (DATE_RE.test(d) ? `${d}T00:00:00+00:00` : d);

	function createJob(b) {
		const errors = [];
		if (!b || typeof b !== 'object' || Array.isArray(b))
			return badRequest(['The request body must be a JSON object']);
		for (const k of Object.keys(b))
			if (!JOB_FIELDS.includes(k)) errors.push(`The attribute ${k} is not allowed`);
		for (const k of [
			'person',
			'companyStartDate',
			'name',
			'businessEntity',
			'businessUnit',
			'workClass',
		])
			if (b[k] === undefined || b[k] === null || b[k] === '')
				errors.push(`The ${k} field is required.`);
		for (const k of ['companyStartDate', 'startDate']) {
			if (
				b[k] !== undefined &&
				!(
					typeof b[k] === 'string' &&
					(DATE_RE.test(b[k]) || DATE_TIME_RE.test(b[k])) &&
					!Number.isNaN(Date.parse(b[k]))
				)
			)
				errors.push(`The ${k} must be a valid RFC3339 date-time or YYYY-MM-DD date.`);
		}
		if (b.fte !== undefined && !(typeof b.fte === 'string' && /^\d+(\.\d+)?$/.test(b.fte)))
			errors.push('The fte must be a numeric string.');
		const peopleRows = db.people.map((p) => ({ ...p, name: p.displayName }));
		const person =
			b.person !== undefined
				? resolve(
						'person',
						b.person,
						peopleRows,
						['name', 'primaryEmailAddress', 'employeeNumber', 'autoIncrementIntellihrId'],
						errors,
					)
				: undefined;
		const entity =
			b.businessEntity !== undefined
				? resolve(
						'businessEntity',
						b.businessEntity,
						db.businessEntities,
						['name', 'legalName', 'number'],
						errors,
					)
				: undefined;
		const unit =
			b.businessUnit !== undefined
				? resolve('businessUnit', b.businessUnit, db.businessUnits, ['name'], errors)
				: undefined;
		const workClass =
			b.workClass !== undefined
				? resolve('workClass', b.workClass, db.workClasses, ['name'], errors)
				: undefined;
		const workType =
			b.workType !== undefined
				? resolve('workType', b.workType, db.workTypes, ['name'], errors)
				: undefined;
		const location =
			b.location !== undefined
				? resolve('location', b.location, db.locations, ['name', 'address'], errors)
				: undefined;
		const supervisor =
			b.supervisorPerson !== undefined
				? resolve(
						'supervisorPerson',
						b.supervisorPerson,
						peopleRows,
						['name', 'primaryEmailAddress', 'employeeNumber'],
						errors,
					)
				: undefined;
		const payGrade =
			b.payGrade !== undefined
				? resolve('payGrade', b.payGrade, db.payGrades, ['code', 'name'], errors)
				: undefined;
		const condition =
			b.employmentCondition !== undefined
				? resolve(
						'employmentCondition',
						b.employmentCondition,
						db.employmentConditions,
						['name', 'awardName'],
						errors,
					)
				: undefined;
		let source;
		if (b.recruitment !== undefined) {
			if (
				!b.recruitment ||
				typeof b.recruitment !== 'object' ||
				Object.keys(b.recruitment).some((k) => !['source', 'cost', 'currency'].includes(k))
			)
				errors.push('The recruitment field only accepts source, cost and currency.');
			else if (b.recruitment.source !== undefined)
				source = resolve(
					'recruitment.source',
					b.recruitment.source,
					db.recruitmentSources,
					['name'],
					errors,
				);
		}
		if (errors.length) return badRequest(errors);

		let title = db.positionTitles.find(
			(t) => t.name.toLowerCase() === String(b.name).toLowerCase(),
		);
		if (!title) {
			title = { id: crypto.randomUUID(), name: String(b.name), code: null, isEnabled: true };
			db.positionTitles.push(title);
		}
		const start = storedDate(b.startDate ?? b.companyStartDate);
		const job = {
			id: crypto.randomUUID(),
			person: { id: person.id, displayName: person.displayName },
			name: title.name,
			positionTitle: { id: title.id, name: title.name },
			jobStatus: Date.parse(start) > Date.now() ? 'Future Job' : 'Current Job',
			isPrimaryJob: !db.jobs.some((j) => j.person.id === person.id),
			fte: b.fte ?? null,
			companyStartDate: storedDate(b.companyStartDate),
			positionStartDate: start,
			companyEndDate: null,
			businessEntity: ref(entity),
			businessUnit: ref(unit),
			workClass: ref(workClass),
			workType: ref(workType),
			location: location ? ref(location) : { id: null, name: 'No Location' },
			supervisorPerson: supervisor
				? { id: supervisor.id, displayName: supervisor.displayName }
				: null,
			payGrade: payGrade ? ref(payGrade) : { id: null, name: 'No Pay Grade' },
			employmentCondition: ref(condition),
			recruitment: source
				? {
						source: ref(source),
						cost: b.recruitment.cost ?? null,
						currency: b.recruitment.currency ?? null,
					}
				: null,
			createdAt: now(),
			updatedAt: now(),
		};
		db.jobs.push(job);
		if (supervisor) supervisor.isSupervisor = true;
		return { status: 201, body: { data: job, meta: { requestId: requestId() } } };
	}

	const lookupRoute = (path, key) => ({
		method: 'GET',
		pattern: new RegExp(`^/v1/${path}$`),
		handler: (req) =>
			list(
				req,
				db[key],
				(r, f) =>
					inList(f.name, r.name) && inList(f.identifier, r.identifier) && inList(f.id, r.id),
			),
	});

	const routes = [
		{
			method: 'GET',
			pattern: /^\/v1\/people$/,
			handler: (req) =>
				list(
					req,
					db.people,
					(p, f) =>
						inList(f.primaryEmailAddress, p.primaryEmailAddress) &&
						inList(f.name, p.displayName) &&
						inList(f.employeeNumber, p.employeeNumber) &&
						inList(f.id, p.id),
				),
		},
		{
			method: 'GET',
			pattern: /^\/v1\/people\/([^/]+)$/,
			handler: (req, [id]) => {
				if (!UUID_RE.test(id)) return badRequest(['An invalid UUID was provided']);
				const p = db.people.find((x) => x.id === id);
				return p ? one(p) : notFound('The Person');
			},
		},
		{
			method: 'POST',
			pattern: /^\/v1\/people$/,
			write: true,
			handler: (req) => {
				const errors = validatePerson(req.body);
				if (errors.length) return badRequest(errors);
				const person = makePerson(req.body);
				db.people.push(person);
				return { status: 201, body: { data: person, meta: { requestId: requestId() } } };
			},
		},
		{
			method: 'GET',
			pattern: /^\/v1\/jobs$/,
			handler: (req) => {
				const bad = ['personId', 'jobId'].find((k) => {
					const v = req.query.get(`filters[${k}][eq]`);
					return v !== null && v.split(',').some((s) => !UUID_RE.test(s.trim()));
				});
				if (bad) return badRequest(['An invalid UUID was provided']);
				return list(
					req,
					db.jobs,
					(j, f) =>
						inList(f.personId, j.person.id) && inList(f.jobId, j.id) && inList(f.jobName, j.name),
				);
			},
		},
		{
			method: 'GET',
			pattern: /^\/v1\/jobs\/([^/]+)$/,
			handler: (req, [id]) => {
				if (!UUID_RE.test(id)) return badRequest(['An invalid UUID was provided']);
				const j = db.jobs.find((x) => x.id === id);
				return j ? one(j) : notFound('The Job');
			},
		},
		{ method: 'POST', pattern: /^\/v1\/jobs$/, write: true, handler: (req) => createJob(req.body) },
		lookupRoute('business-entities', 'businessEntities'),
		lookupRoute('business-units', 'businessUnits'),
		lookupRoute('locations', 'locations'),
		lookupRoute('work-classes', 'workClasses'),
		lookupRoute('work-types', 'workTypes'),
		lookupRoute('recruitment-sources', 'recruitmentSources'),
		lookupRoute('pay-grades', 'payGrades'),
		lookupRoute('employment-conditions', 'employmentConditions'),
		lookupRoute('position-titles', 'positionTitles'),
		lookupRoute('work-rights', 'workRights'),
	];

	function seedData(data) {
		for (const key of [
			'locations',
			'businessUnits',
			'businessEntities',
			'workClasses',
			'workTypes',
			'recruitmentSources',
			'payGrades',
			'employmentConditions',
		]) {
			const extra = data[key];
			if (typeof extra === 'number') {
				const start = db[key].length;
				for (let n = 0; n < extra; n++)
					db[key].push({
						id: crypto.randomUUID(),
						name: `${key} ${start + n + 1}`,
						code: null,
						isEnabled: n % 5 !== 4,
					});
			} else if (Array.isArray(extra)) {
				for (const r of extra) db[key].push({ id: crypto.randomUUID(), isEnabled: true, ...r });
			}
		}
		const people = [];
		for (const p of data.people || []) {
			const person = makePerson(p);
			db.people.push(person);
			people.push(person);
		}
		const jobs = [];
		for (const j of data.jobs || []) {
			const res = createJob(j);
			if (res.status !== 201) throw new Error(`seed job rejected: ${JSON.stringify(res.body)}`);
			jobs.push(res.body.data);
		}
		return { people, jobs, counts: { people: db.people.length, jobs: db.jobs.length } };
	}

	reset();
	const sandbox = await startSandbox({
		name: 'intellihr',
		port: opts.port,
		routes,
		authenticate,
		rateLimit: cfg.rateLimit,
		errorBody,
		state: () => ({
			people: db.people,
			jobs: db.jobs,
			positionTitles: db.positionTitles,
			tenantHeaders: [...tenantHeaders],
			counts: { people: db.people.length, jobs: db.jobs.length },
		}),
		reset,
		seed: seedData,
	});
	return {
		...sandbox,
		credentials: { apiKey: cfg.apiKey, subdomain: cfg.tenant, apiBaseUrl: `${sandbox.url}/v1` },
		/** The seeded reference lists, e.g. lookups().businessUnits[0].id. */
		lookups: () => ({
			businessEntities: db.businessEntities,
			businessUnits: db.businessUnits,
			locations: db.locations,
			workClasses: db.workClasses,
			workTypes: db.workTypes,
			recruitmentSources: db.recruitmentSources,
			payGrades: db.payGrades,
			employmentConditions: db.employmentConditions,
		}),
		/** Adds reference records, people and jobs (the same as POST /__sandbox/seed). */
		seed: seedData,
		setRequireTenant: (v) => {
			cfg.requireTenant = v;
		},
	};
}

module.exports = { startIntelliHrSandbox, seedId };
