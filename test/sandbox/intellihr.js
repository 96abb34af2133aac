// @ts-check
'use strict';
/**
 * Sandbox IntelliHR public API v1, checked against test/contracts/intellihr for every request and
 * answer (a violation is a 400 BadRequest, a route without a contract a 404 NotFound):
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
 * - unknown body keys are accepted, as the spec's schemas do not set additionalProperties;
 * - /__sandbox/state lists people and jobs. Faults (search lag included), stats and the request log
 *   come from core.js.
 */
const crypto = require('node:crypto');
const { startSandbox, visibleNow } = require('./core');

const DEFAULTS = {
	apiKey: 'sandbox-intellihr-key-0123456789',
	tenant: 'acme',
	/** Real API: unconfirmed whether the tenant header is required. */
	requireTenant: true,
	/** Undocumented in reality; e.g. { limit: 60, windowMs: 60_000 }. Off by default. */
	rateLimit:
		/** @type {{limit: number, windowMs: number, mode?: 'fixed'|'sliding'} | undefined} */ (
			undefined
		),
	/** 'enforce' (vendor 400/404 on a contract violation), 'record' (log only) or 'off'. */
	contractMode: /** @type {'enforce'|'record'|'off'} */ ('enforce'),
	/** A fixed delay before every answer, in ms. */
	responseDelayMs: 0,
	/**
	 * Reads the key may not make (paths under /v1, e.g. ['/business-units']): 403 Forbidden, as the
	 * spec gives every read. How a limited key arises in IntelliHR is in no public source.
	 */
	deniedPaths: /** @type {string[]} */ ([]),
};

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** IntelliHR's wording for a contract violation. */
function detailOf(/** @type {{path: string, message: string}} */ v) {
	if (v.path === 'query.limit') return 'The limit parameter must be an integer between 1 and 100';
	if (v.path === 'query.page') return 'The page parameter must be an integer of at least 1';
	const filter = /^query\.filters\.(\w+)(?:\.(\w+))?$/.exec(v.path);
	if (/pattern|uuid/i.test(v.message) || /does not match \^\[0-9a-fA-F-\]/.test(v.message))
		return 'An invalid UUID was provided';
	if (filter && v.message === 'is not a permitted attribute')
		return filter[2]
			? `The filter operation "${filter[2]}" is not supported`
			: `The filter "${filter[1]}" is not supported`;
	return `${v.path.replace(/^(body|query|path)\.?/, '') || 'body'} ${v.message}`;
}

/** Stable, readable UUIDs for seeded records: <prefix>-0000-4000-8000-<n>. */
function seedId(/** @type {string} */ prefix, /** @type {number} */ n) {
	return `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

function seedLookups() {
	const mk = (/** @type {string} */ prefix, /** @type {any[]} */ rows) =>
		rows.map((/** @type {any} */ r, /** @type {number} */ n) => ({
			id: seedId(prefix, n + 1),
			isEnabled: true,
			...r,
		}));
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
			{ name: 'Full Time', workType: { id: seedId('a0000000', 1), name: 'Permanent' } },
			{ name: 'Part Time', workType: { id: seedId('a0000000', 1), name: 'Permanent' } },
			{ name: 'Casual', workType: { id: seedId('a0000000', 3), name: 'Temporary/Casual' } },
			{
				name: 'Retired Class',
				workType: { id: seedId('a0000000', 1), name: 'Permanent' },
				isEnabled: false,
			},
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
	/** @type {any} */
	let db;
	const tenantHeaders = new Set();

	function reset() {
		db = { people: [], jobs: [], customFieldDefinitions: seedCustomFields(), ...seedLookups() };
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
	const badRequest = (/** @type {string[]} */ details) => ({
		status: 400,
		body: {
			name: 'BadRequest',
			message: 'error',
			code: 400,
			errors: details.map((/** @type {string} */ detail) => ({ code: 400, detail })),
		},
	});
	const notFound = (/** @type {string} */ what) => ({
		status: 404,
		body: { name: 'NotFound', message: `${what} could not be found`, code: 404, errors: {} },
	});

	function errorBody(/** @type {number} */ status, /** @type {string} */ message = 'Error') {
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

	function authenticate(/** @type {import('./core').SandboxRequest} */ req) {
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
		const denied = cfg.deniedPaths.some(
			(p) => req.path === `/v1${p}` || req.path.startsWith(`/v1${p}/`),
		);
		if (denied) return { status: 403, body: errorBody(403) };
		return { auth: { tenant } };
	}

	/** GET list: page/limit, filters[<name>][eq] through `matches`, and the documented envelope. */
	function list(
		/** @type {import('./core').SandboxRequest} */ req,
		/** @type {any[]} */ rows,
		/** @type {(r: any, f: Record<string, string>) => boolean} */ matches = () => true,
		/** @type {(r: any) => any} */ view = (r) => r,
	) {
		const page = req.query.has('page') ? Number(req.query.get('page')) : 1;
		const limit = req.query.has('limit') ? Number(req.query.get('limit')) : 10;
		const errors = [];
		if (!Number.isInteger(page) || page < 1)
			errors.push('The page parameter must be an integer of at least 1');
		if (!Number.isInteger(limit) || limit < 1 || limit > 100)
			errors.push('The limit parameter must be an integer between 1 and 100');
		if (errors.length) return badRequest(errors);
		/** @type {Record<string, string>} */
		const filters = {};
		for (const [k, v] of req.query) {
			const f = /^filters\[([A-Za-z]+)\]\[([a-z]+)\]$/.exec(k);
			if (!f) continue;
			if (f[2] !== 'eq') return badRequest([`The filter operation "${f[2]}" is not supported`]);
			filters[f[1]] = v;
		}
		const filtered = rows.filter(
			(/** @type {any} */ r) => visibleNow(req.faults, r.bornAt) && matches(r, filters),
		);
		const totalPages = Math.max(1, Math.ceil(filtered.length / limit));
		const data = filtered.slice((page - 1) * limit, page * limit).map(view);
		const link = (/** @type {any} */ p) =>
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
				// The spec types every link as a string, so an absent prev/next is left out.
				links: {
					self: link(page),
					first: link(1),
					...(page > 1 ? { prev: link(page - 1) } : {}),
					...(page < totalPages ? { next: link(page + 1) } : {}),
					last: link(totalPages),
				},
			},
		};
	}

	const one = (/** @type {any} */ record) => ({
		status: 200,
		body: { data: record, meta: { requestId: requestId() } },
	});
	const inList = (/** @type {any} */ value, /** @type {unknown} */ actual) =>
		value === undefined ||
		value
			.split(',')
			.map((/** @type {any} */ s) => s.trim().toLowerCase())
			.includes(String(actual ?? '').toLowerCase());
	const primaryEmail = (/** @type {any} */ p) =>
		(p.emailAddresses.find((/** @type {any} */ e) => e.isPrimary) || {}).email;
	const displayName = (/** @type {any} */ p) =>
		[p.preferredName || p.firstName, p.lastName].filter(Boolean).join(' ');

	function makePerson(/** @type {any} */ b) {
		/** @type {Record<string, any>} */
		const person = {
			id: crypto.randomUUID(),
			displayName: '',
			title: b.title ?? null,
			firstName: b.firstName ?? null,
			middleName: b.middleName ?? null,
			lastName: b.lastName,
			preferredName: b.preferredName ?? null,
			dateOfBirth: b.dateOfBirth ?? null,
			// The create schema's default; the list and read schemas type gender as a string.
			gender: b.gender ?? 'Other',
			employeeNumber: b.employeeNumber ?? null,
			isSupervisor: false,
			employmentStatus: 'Future Staff',
			emailAddresses: (b.emailAddresses || []).map((/** @type {any} */ e) => ({
				id: crypto.randomUUID(),
				email: String(e.email).toLowerCase(),
				isPrimary: e.isPrimary === true,
				isPersonal: e.isPersonal === true,
			})),
			phoneNumbers: (b.phoneNumbers || []).map((/** @type {any} */ p) => ({
				id: crypto.randomUUID(),
				number: String(p.number),
				isPrimary: p.isPrimary === true,
				isPersonal: p.isPersonal === true,
			})),
			createdAt: now(),
			updatedAt: now(),
			bornAt: Date.now(),
		};
		if (b.customFields && typeof b.customFields === 'object') {
			// Read back as customFieldsResponse: apiName → {definitionId, value}.
			person.customFields = {};
			for (const [apiName, entry] of Object.entries(b.customFields)) {
				const def = db.customFieldDefinitions.find((/** @type {any} */ d) => d.apiName === apiName);
				person.customFields[apiName] = {
					definitionId: def?.id,
					value: /** @type {any} */ (entry).value,
				};
			}
		}
		person.displayName = displayName(person);
		person.primaryEmailAddress = primaryEmail(person) ?? null;
		person.primaryPhoneNumber =
			(person.phoneNumbers.find((/** @type {any} */ p) => p.isPrimary) || {}).number ?? null;
		return person;
	}

	function validatePerson(/** @type {any} */ b) {
		const errors = [];
		if (!b || typeof b !== 'object' || Array.isArray(b))
			return ['The request body must be a JSON object'];
		if (typeof b.lastName !== 'string' || !b.lastName.trim())
			errors.push('The last name field is required.');
		const emails = Array.isArray(b.emailAddresses) ? b.emailAddresses : [];
		if (
			!emails.length ||
			emails.filter((/** @type {any} */ e) => e && e.isPrimary === true).length !== 1
		)
			errors.push('A Person must have exactly one primary email address.');
		emails.forEach((/** @type {any} */ e, /** @type {number} */ i) => {
			if (!e || typeof e.email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e.email))
				errors.push(`emailAddresses.${i}.email must be a valid email address.`);
		});
		const phones = Array.isArray(b.phoneNumbers) ? b.phoneNumbers : [];
		if (
			phones.length &&
			phones.filter((/** @type {any} */ p) => p && p.isPrimary === true).length !== 1
		)
			errors.push('A Person must have at least one primary phone number.');
		phones.forEach((/** @type {any} */ p, /** @type {number} */ i) => {
			if (!p || typeof p.number !== 'string' || !p.number.trim())
				errors.push(`phoneNumbers.${i}.number is required.`);
		});
		if (
			b.dateOfBirth !== undefined &&
			b.dateOfBirth !== null &&
			!(DATE_RE.test(b.dateOfBirth) && !Number.isNaN(Date.parse(b.dateOfBirth)))
		)
			errors.push('The date of birth must be a date in the format YYYY-MM-DD.');
		errors.push(...validateCustomFields(b.customFields, 'PERSON'));
		return errors;
	}

	/**
	 * `customFields` keyed by apiName: an enabled definition of the model, and a value in the shape of
	 * its type (the people create request's example): text/number {value: string}, single select
	 * {value: {label}}, multi select {value: {labels}}, people dropdown {value: [{person: {id|primaryEmailAddress}}]}.
	 */
	function validateCustomFields(/** @type {any} */ fields, /** @type {string} */ modelType) {
		const errors = [];
		if (fields === undefined || fields === null) return [];
		if (typeof fields !== 'object' || Array.isArray(fields))
			return ['The custom fields must be an object keyed by api name.'];
		for (const [apiName, entry] of Object.entries(fields)) {
			const def = db.customFieldDefinitions.find(
				(/** @type {any} */ d) => d.apiName === apiName && d.modelType === modelType && d.isEnabled,
			);
			if (!def) {
				errors.push(`customFields.${apiName} is not a custom field of this model.`);
				continue;
			}
			const problem = customValueProblem(def, /** @type {any} */ (entry)?.value);
			if (problem) errors.push(`customFields.${apiName}.value ${problem}`);
		}
		return errors;
	}

	function customValueProblem(/** @type {any} */ def, /** @type {any} */ v) {
		const labels = (def.definitions?.selectDefinition?.options || [])
			.filter((/** @type {any} */ o) => o.isEnabled !== false)
			.map((/** @type {any} */ o) => o.label);
		switch (def.type) {
			case 'TEXT':
				return typeof v === 'string' ? '' : 'must be a string.';
			case 'NUMBER':
				return (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) ||
					(typeof v === 'number' && Number.isFinite(v))
					? ''
					: 'must be a number.';
			case 'SINGLE_SELECT':
				return v && typeof v === 'object' && labels.includes(v.label)
					? ''
					: `must be {label} with one of: ${labels.join(', ')}.`;
			case 'MULTI_SELECT':
				return v &&
					Array.isArray(v.labels) &&
					v.labels.every((/** @type {any} */ l) => labels.includes(l))
					? ''
					: `must be {labels} with some of: ${labels.join(', ')}.`;
			case 'PEOPLE_DROPDOWN':
				return Array.isArray(v) &&
					v.every((/** @type {any} */ x) =>
						db.people.some(
							(/** @type {any} */ p) =>
								p.id === x?.person?.id || p.primaryEmailAddress === x?.person?.primaryEmailAddress,
						),
					)
					? ''
					: 'must list existing people as [{person: {id}}].';
			default:
				return 'has an unknown type.';
		}
	}

	/** A search object: {id} must be a UUID of an enabled record; other keys must match exactly one. */
	function resolve(
		/** @type {string} */ field,
		/** @type {any} */ search,
		/** @type {any[]} */ rows,
		/** @type {string[]} */ keys,
		/** @type {string[]} */ errors,
	) {
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
		const hits = rows.filter((/** @type {any} */ r) =>
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

	const ref = (/** @type {any} */ r) => (r ? { id: r.id, name: r.name ?? r.displayName } : null);

	/**
	 * A job as the API answers it: workClass and workType by name, no null ids, no empty
	 * recruitment (the list schema types these as strings and objects). state() keeps the references.
	 */
	function jobView(/** @type {any} */ j) {
		const { workClass, workType, recruitment, bornAt: _b, ...rest } = j;
		/** @type {Record<string, any>} */
		const out = { ...rest };
		for (const k of ['location', 'payGrade', 'employmentCondition', 'supervisorPerson'])
			if (out[k] && out[k].id === null) out[k] = { name: out[k].name };
			else if (out[k] === null) delete out[k];
		if (workClass) out.workClass = workClass.name;
		if (workType) out.workType = workType.name;
		if (recruitment) out.recruitment = recruitment;
		return out;
	}
	const storedDate = (/** @type {any} */ d) => (DATE_RE.test(d) ? `${d}T00:00:00+00:00` : d);

	function createJob(/** @type {any} */ b) {
		const errors = [];
		if (!b || typeof b !== 'object' || Array.isArray(b))
			return badRequest(['The request body must be a JSON object']);
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
		const peopleRows = db.people.map((/** @type {any} */ p) => ({ ...p, name: p.displayName }));
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
			(/** @type {any} */ t) => t.name.toLowerCase() === String(b.name).toLowerCase(),
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
			isPrimaryJob: !db.jobs.some((/** @type {any} */ j) => j.person.id === person.id),
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
			bornAt: Date.now(),
		};
		db.jobs.push(job);
		if (supervisor) supervisor.isSupervisor = true;
		return { status: 201, body: { data: job, meta: { requestId: requestId() } } };
	}

	const lookupRoute = (/** @type {string} */ path, /** @type {any} */ key) => ({
		method: 'GET',
		pattern: new RegExp(`^/v1/${path}$`),
		handler: (/** @type {import('./core').SandboxRequest} */ req) =>
			list(
				req,
				db[key],
				(/** @type {any} */ r, /** @type {any} */ f) =>
					inList(f.name, r.name) && inList(f.identifier, r.identifier) && inList(f.id, r.id),
			),
	});

	const routes = [
		{
			method: 'GET',
			pattern: /^\/v1\/custom-field-definitions$/,
			handler: (/** @type {import('./core').SandboxRequest} */ req) =>
				list(
					req,
					db.customFieldDefinitions,
					(/** @type {any} */ d, /** @type {any} */ f) =>
						(f.modelType === undefined || d.modelType === f.modelType) &&
						(f.isEnabled === undefined || String(d.isEnabled) === f.isEnabled),
				),
		},
		{
			method: 'GET',
			pattern: /^\/v1\/people$/,
			handler: (/** @type {import('./core').SandboxRequest} */ req) =>
				list(
					req,
					db.people,
					(/** @type {any} */ p, /** @type {any} */ f) =>
						inList(f.primaryEmailAddress, p.primaryEmailAddress) &&
						inList(f.name, p.displayName) &&
						inList(f.employeeNumber, p.employeeNumber) &&
						inList(f.id, p.id),
				),
		},
		{
			method: 'GET',
			pattern: /^\/v1\/people\/([^/]+)$/,
			handler: (
				/** @type {import('./core').SandboxRequest} */ req,
				/** @type {string[]} */ [id],
			) => {
				if (!UUID_RE.test(id)) return badRequest(['An invalid UUID was provided']);
				const p = db.people.find((/** @type {any} */ x) => x.id === id);
				return p ? one(p) : notFound('The Person');
			},
		},
		{
			method: 'POST',
			pattern: /^\/v1\/people$/,
			write: true,
			handler: (/** @type {import('./core').SandboxRequest} */ req) => {
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
			handler: (/** @type {import('./core').SandboxRequest} */ req) => {
				const bad = ['personId', 'jobId'].find((k) => {
					const v = req.query.get(`filters[${k}][eq]`);
					return v !== null && v.split(',').some((/** @type {any} */ s) => !UUID_RE.test(s.trim()));
				});
				if (bad) return badRequest(['An invalid UUID was provided']);
				return list(
					req,
					db.jobs,
					(/** @type {any} */ j, /** @type {any} */ f) =>
						inList(f.personId, j.person.id) && inList(f.jobId, j.id) && inList(f.jobName, j.name),
					jobView,
				);
			},
		},
		{
			method: 'GET',
			pattern: /^\/v1\/jobs\/([^/]+)$/,
			handler: (
				/** @type {import('./core').SandboxRequest} */ req,
				/** @type {string[]} */ [id],
			) => {
				if (!UUID_RE.test(id)) return badRequest(['An invalid UUID was provided']);
				const j = db.jobs.find((/** @type {any} */ x) => x.id === id);
				return j ? one(jobView(j)) : notFound('The Job');
			},
		},
		{
			method: 'POST',
			pattern: /^\/v1\/jobs$/,
			write: true,
			handler: (/** @type {import('./core').SandboxRequest} */ req) => {
				const res = createJob(req.body);
				if (res.status !== 201) return res;
				const body = /** @type {any} */ (res.body);
				return { status: 201, body: { ...body, data: jobView(body.data) } };
			},
		},
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

	function seedData(/** @type {any} */ data) {
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
			jobs.push(/** @type {any} */ (res.body).data);
		}
		return { people, jobs, counts: { people: db.people.length, jobs: db.jobs.length } };
	}

	reset();
	const sandbox = await startSandbox({
		name: 'intellihr',
		port: opts.port,
		routes,
		contracts: [{ system: 'intellihr', prefix: '/v1' }],
		contractMode: cfg.contractMode,
		responseDelayMs: cfg.responseDelayMs,
		checkResponses: /** @type {any} */ (opts).checkResponses,
		contractError: (violations) => badRequest(violations.map(detailOf)),
		notFound: () => notFound('The resource'),
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
		credentials: {
			apiKey: cfg.apiKey,
			subdomain: cfg.tenant,
			apiBaseUrl: `${sandbox.url}/v1`,
			allowLoopbackBaseUrl: true,
		},
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
		setRequireTenant: (/** @type {any} */ v) => {
			cfg.requireTenant = v;
		},
		/** Paths under /v1 the key may not read (403), e.g. ['/business-units']; [] lifts them. */
		setDeniedPaths: (/** @type {string[]} */ paths) => {
			cfg.deniedPaths = [...paths];
		},
	};
}

/** Person custom fields of every type, one disabled, and a job field (another model). */
function seedCustomFields() {
	const def = (
		/** @type {string} */ name,
		/** @type {string} */ apiName,
		/** @type {string} */ type,
		/** @type {any} */ extra = {},
	) => ({
		id: crypto.randomUUID(),
		name,
		apiName,
		description: null,
		isEnabled: true,
		isSensitive: false,
		modelType: 'PERSON',
		type,
		definitions: {},
		...extra,
	});
	const options = (/** @type {string[]} */ labels, /** @type {string[]} */ disabled = []) => ({
		selectDefinition: {
			options: [...labels, ...disabled].map((label) => ({
				id: crypto.randomUUID(),
				label,
				isEnabled: !disabled.includes(label),
			})),
		},
	});
	return [
		def('Hiring Source', 'hiring_source', 'TEXT'),
		def('Notice Period (Weeks)', 'notice_period_weeks', 'NUMBER'),
		def('T-Shirt Size', 't_shirt_size', 'SINGLE_SELECT', {
			definitions: options(['S', 'M', 'L'], ['XXL']),
		}),
		def('Languages', 'languages', 'MULTI_SELECT', {
			definitions: options(['English', 'German', 'Japanese']),
		}),
		def('Buddy', 'buddy', 'PEOPLE_DROPDOWN'),
		def('Old Field', 'old_field', 'TEXT', { isEnabled: false }),
		def('Cost Code', 'cost_code', 'TEXT', { modelType: 'JOB' }),
	];
}

module.exports = { startIntelliHrSandbox, seedId };
