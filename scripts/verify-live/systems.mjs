// The calls `npm run verify:live` makes for each system: the same calls, fields and parameters as the
// nodes (see test/contracts/<system>/ for each call's contract and its sources).

/** Greenhouse Harvest v3: token, list visibility, job list, one lookup; with --write every write. */
export async function greenhouse(ctx, args) {
	const c = ctx.creds;
	const base = String(c.apiBaseUrl || 'https://harvest.greenhouse.io').replace(/\/+$/, '');
	if (!(await greenhouseToken(ctx))) return;
	const users = await ctx.run(ctx, {
		method: 'GET',
		url: `${base}/v3/users`,
		qs: { per_page: 1 },
		contractPath: '/v3/users',
		status: 200,
		expect: '200, at least the acting user (lists answer Site Admins only)',
		check: (b) =>
			Array.isArray(b) && b.length
				? {
						settles: c.actingUserId
							? 'the acting user sees lists'
							: 'the service user (no sub) sees lists',
					}
				: { problem: 'empty list: the acting user is not a Site Admin, lookups would find nobody' },
	});
	if (!users.ok) return;
	await ctx.run(ctx, {
		method: 'GET',
		url: `${base}/v3/jobs`,
		qs: { status: 'open', per_page: 5 },
		contractPath: '/v3/jobs',
		status: 200,
		expect: '200 [job]',
	});
	await ctx.run(ctx, {
		method: 'GET',
		url: `${base}/v3/candidates`,
		qs: { email: args.email ?? `nobody-${Date.now()}@example.com`, per_page: 1 },
		contractPath: '/v3/candidates',
		label: '/v3/candidates?email=',
		status: 200,
		expect: '200 [candidate] (lookup by email)',
	});
	if (args.write) await greenhouseWrites(ctx, base, Number(args.job));
}

async function greenhouseToken(ctx) {
	const c = ctx.creds;
	const form = new URLSearchParams({ grant_type: 'client_credentials' });
	if (c.actingUserId) form.set('sub', String(c.actingUserId));
	const basic = Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64');
	const token = await ctx.run(ctx, {
		method: 'POST',
		url: String(c.tokenUrl || 'https://auth.greenhouse.io/token'),
		contractPath: '/token',
		headers: {
			Authorization: `Basic ${basic}`,
			'Content-Type': 'application/x-www-form-urlencoded',
		},
		form: form.toString(),
		status: 200,
		expect: '200 {access_token, expires_at or expires_in}',
		check: (b) => {
			const field = b?.expires_at ? 'expires_at' : b?.expires_in !== undefined ? 'expires_in' : '';
			return field
				? { settles: `the token expiry field is ${field}` }
				: { problem: 'neither expires_at nor expires_in' };
		},
	});
	if (!token.ok) return false;
	c.accessToken = String(token.answer.body.access_token);
	ctx.headers = () => ({ Authorization: `Bearer ${c.accessToken}` });
	return true;
}

/** One tagged test candidate on the job, then every follow-up write the export makes. */
async function greenhouseWrites(ctx, base, jobId) {
	const stamp = Date.now();
	const created = await ctx.run(ctx, {
		method: 'POST',
		url: `${base}/v3/candidates`,
		contractPath: '/v3/candidates',
		body: {
			first_name: 'Verify',
			last_name: `Live ${stamp}`,
			email_addresses: [{ value: `verify-live-${stamp}@example.com`, type: 'personal' }],
			tags: [ctx.TAG],
			application: { job_id: jobId },
		},
		status: 201,
		expect: '201 {candidate, application} or the candidate',
		check: (b) => ({
			settles: b?.candidate
				? 'create answers {candidate, application}'
				: 'create answers the candidate only',
		}),
	});
	if (!created.ok) return;
	const body = created.answer.body;
	const candidateId = body.candidate?.id ?? body.id;
	const applicationId = body.application?.id;
	const ids = `candidate ${candidateId}, application ${applicationId ?? '?'}`;
	await ctx.runAfterCreate(ctx, {
		method: 'POST',
		url: `${base}/v3/candidate_employments`,
		contractPath: '/v3/candidate_employments',
		body: {
			candidate_id: candidateId,
			company_name: 'Verify Live Co',
			title: 'Test role',
			start_date: '2020-01-01',
		},
		status: 201,
		expect: '201 employment (request fields inferred)',
		check: () => ({ settles: 'employments take candidate_id, company_name, title, start_date' }),
	});
	if (applicationId)
		await ctx.runAfterCreate(ctx, {
			method: 'POST',
			url: `${base}/v3/attachments`,
			contractPath: '/v3/attachments',
			body: {
				application_id: applicationId,
				filename: 'verify-live.pdf',
				type: 'resume',
				content: ctx.TINY_PDF,
			},
			status: 201,
			expect: '201 attachment (no content_type)',
		});
	const note = {
		candidate_id: candidateId,
		body: `${ctx.TAG}: test record, safe to delete`,
		visibility: 'private',
		note_type: 'NOTE',
	};
	if (ctx.creds.actingUserId) note.user_id = Number(ctx.creds.actingUserId);
	await ctx.runAfterCreate(ctx, {
		method: 'POST',
		url: `${base}/v3/notes`,
		contractPath: '/v3/notes',
		body: note,
		status: 201,
		expect: '201 note (request fields from third parties)',
		check: () => ({ settles: 'notes take candidate_id, user_id, body, visibility, note_type' }),
	});
	ctx.rows.push({
		call: 'cleanup',
		expected: '',
		answer: `created ${ids}, tagged ${ctx.TAG}`,
		verdict: 'ok',
		settles: 'delete this candidate in Greenhouse when done',
	});
}

/** Stardex: the job search and the person lookup the export makes; with --write every write. */
export async function stardex(ctx, args) {
	const c = ctx.creds;
	const base = String(c.apiBaseUrl || 'https://api.stardex.ai').replace(/\/+$/, '');
	ctx.headers = () => ({ Authorization: `Bearer ${c.apiKey}` });
	await ctx.run(ctx, {
		method: 'POST',
		url: `${base}/v1/jobs/search`,
		contractPath: '/v1/jobs/search',
		body: { limit: 1 },
		status: 200,
		expect: '200 {success, data: [job]}',
	});
	await ctx.run(ctx, {
		method: 'POST',
		url: `${base}/v1/persons/search`,
		contractPath: '/v1/persons/search',
		body: { email: args.email ?? `nobody-${Date.now()}@example.com`, limit: 1 },
		status: 200,
		expect: '200 {success, data: [person]} (lookup by email)',
	});
	if (args.write) await stardexWrites(ctx, base, args);
}

/** One tagged test person on the job (create with job_id), the update, and with --stage a move. */
async function stardexWrites(ctx, base, args) {
	const stamp = Date.now();
	const email = `verify-live-${stamp}@example.com`;
	const created = await ctx.run(ctx, {
		method: 'POST',
		url: `${base}/v1/persons`,
		contractPath: '/v1/persons',
		body: {
			name: `Verify Live ${stamp}`,
			first_name: 'Verify',
			last_name: `Live ${stamp}`,
			linkedin_url: `https://www.linkedin.com/in/${ctx.TAG}-${stamp}`,
			work_email: email,
			job_id: String(args.job),
			notes: `${ctx.TAG}: test record, safe to delete`,
		},
		status: 200,
		expect: '200 {success, data: {id, candidate_id}}',
		check: (b) =>
			b?.data?.id
				? {
						settles: b.data.candidate_id
							? 'create with job_id answers candidate_id (the person is on the job)'
							: 'create with job_id answers no candidate_id',
					}
				: { problem: 'no data.id in the answer' },
	});
	if (!created.ok) return;
	const personId = String(created.answer.body.data.id);
	const path = `/v1/persons/${encodeURIComponent(personId)}`;
	await ctx.runAfterCreate(ctx, {
		method: 'GET',
		url: `${base}${path}`,
		contractPath: path,
		label: '/v1/persons/{id}',
		status: 200,
		expect: '200 {success, data: person with candidates[]}',
		check: (b) => ({
			settles: (b?.data?.candidates ?? []).some((c) => String(c.job_id ?? c.job?.id) === args.job)
				? 'the new person lists the job in candidates[]'
				: 'the new person does not list the job',
		}),
	});
	await ctx.runAfterCreate(ctx, {
		method: 'PATCH',
		url: `${base}${path}`,
		contractPath: path,
		label: '/v1/persons/{id}',
		body: { company_name: 'Verify Live Co', current_job_title: 'Test role' },
		status: 200,
		expect: '200 {success, data: {message}} (fills empty fields)',
	});
	if (args.stage)
		await ctx.runAfterCreate(ctx, {
			method: 'POST',
			url: `${base}/v1/candidates/update-stage`,
			contractPath: '/v1/candidates/update-stage',
			body: {
				job_id: String(args.job),
				candidate_email: email,
				[/^[0-9a-f-]{36}$/i.test(args.stage) ? 'stage_id' : 'stage_name']: args.stage,
			},
			status: 200,
			expect: '200 {success, data} (move by candidate_email)',
			check: () => ({ settles: 'update-stage finds a candidate by candidate_email' }),
		});
	ctx.rows.push({
		call: 'cleanup',
		expected: '',
		answer: `created person ${personId} on job ${args.job}, tagged ${ctx.TAG}`,
		verdict: 'ok',
		settles: 'delete this person in Stardex when done',
	});
}

/** IntelliHR: the people and job lists the Send Hired operation reads; with --write its writes. */
export async function intellihr(ctx, args) {
	const c = ctx.creds;
	const base = String(c.apiBaseUrl || 'https://api.intellihr.io/v1').replace(/\/+$/, '');
	ctx.headers = () => ({ Authorization: `Bearer ${c.apiKey}`, tenant: String(c.subdomain ?? '') });
	for (const [path, what] of [
		['/people', 'people'],
		['/jobs', 'jobs'],
	])
		await ctx.run(ctx, {
			method: 'GET',
			url: `${base}${path}`,
			qs: { limit: 1 },
			contractPath: path,
			status: 200,
			expect: `200 {data: [${what}], meta}`,
		});
	if (args.write) await intellihrWrites(ctx, base, args);
}

const IHR_LISTS = [
	['businessEntity', '/business-entities', '--business-entity'],
	['businessUnit', '/business-units', '--business-unit'],
	['workClass', '/work-classes', '--work-class'],
];

/** The job's required references: named by option, else the first enabled record of each list. */
async function intellihrReferences(ctx, base, args) {
	const refs = {};
	for (const [field, path, option] of IHR_LISTS) {
		if (args[field]) {
			refs[field] = { id: String(args[field]) };
			continue;
		}
		const list = await ctx.run(ctx, {
			method: 'GET',
			url: `${base}${path}`,
			qs: { limit: 100 },
			contractPath: path,
			status: 200,
			expect: '200 {data: [record], meta}',
			check: (b) =>
				(b?.data ?? []).some((r) => r.isEnabled !== false)
					? {}
					: { problem: `no enabled record: name one with ${option} <id>` },
		});
		if (!list.ok) return undefined;
		refs[field] = { id: list.answer.body.data.find((r) => r.isEnabled !== false).id };
	}
	return refs;
}

/** One tagged test person (the Send Hired person body), then a job for them. */
async function intellihrWrites(ctx, base, args) {
	const refs = await intellihrReferences(ctx, base, args);
	if (!refs) return;
	const stamp = Date.now();
	const created = await ctx.run(ctx, {
		method: 'POST',
		url: `${base}/people`,
		contractPath: '/people',
		body: {
			firstName: 'Verify',
			lastName: `Live ${stamp}`,
			emailAddresses: [
				{ email: `${ctx.TAG}-${stamp}@example.com`, isPrimary: true, isPersonal: true },
			],
			phoneNumbers: [{ number: '+61 400 000 000', isPrimary: true, isPersonal: true }],
		},
		status: 201,
		expect: '201 {data: person}',
		check: (b) => (b?.data?.id ? {} : { problem: 'no data.id in the answer' }),
	});
	if (!created.ok) return;
	const personId = String(created.answer.body.data.id);
	const today = new Date().toISOString().slice(0, 10);
	const job = await ctx.runAfterCreate(ctx, {
		method: 'POST',
		url: `${base}/jobs`,
		contractPath: '/jobs',
		body: {
			person: { id: personId },
			name: 'Verify Live test position',
			companyStartDate: today,
			startDate: today,
			...refs,
		},
		status: 201,
		expect: '201 {data: job} (companyStartDate as YYYY-MM-DD)',
		check: () => ({ settles: 'jobs take companyStartDate as YYYY-MM-DD and {id} references' }),
	});
	const jobId = job.answer.body?.data?.id ?? '?';
	ctx.rows.push({
		call: 'cleanup',
		expected: '',
		answer: `created person ${personId} and job ${jobId}, email ${ctx.TAG}-${stamp}@example.com`,
		verdict: 'ok',
		settles: 'delete this person in IntelliHR when done',
	});
}

/** Pinpoint: the job list (credential test) and, with --application, the trigger's application read. */
export async function pinpoint(ctx, args) {
	const c = ctx.creds;
	const base = String(c.baseUrlOverride || `https://${c.subdomain}.pinpointhq.com/api/v1`).replace(
		/\/+$/,
		'',
	);
	ctx.headers = () => ({ 'X-API-KEY': String(c.apiKey), Accept: 'application/vnd.api+json' });
	await ctx.run(ctx, {
		method: 'GET',
		url: `${base}/jobs`,
		qs: { 'page[size]': 1 },
		contractPath: '/jobs',
		status: 200,
		expect: '200 {data: [job]}',
	});
	if (!args.application) return;
	const qs = { include: 'job,stage,offers', 'extra_fields[applications]': 'attachments' };
	const path = `/applications/${encodeURIComponent(args.application)}`;
	const first = await ctx.run(ctx, {
		method: 'GET',
		url: `${base}${path}`,
		qs,
		contractPath: path,
		label: '/applications/{id} (include, CV)',
		status: 200,
		expect: '200 application with address1/town/postcode/country and attachments',
		check: (b) => ({
			settles: b?.data?.attributes?.attachments?.some?.((a) => a.context === 'pdf_cv')
				? 'the CV comes as context pdf_cv'
				: 'no pdf_cv attachment on this application',
		}),
	});
	if (first.answer.status === 404)
		await ctx.run(ctx, {
			method: 'GET',
			url: `${base}${path}`,
			qs: { ...qs, 'filter[job_visibility]': 'confidential' },
			contractPath: path,
			label: '/applications/{id} (confidential job)',
			status: 200,
			expect: '200 once confidential is in filter[job_visibility]',
			check: () => ({ settles: 'filter[job_visibility]=confidential alone finds it' }),
		});
}
