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

/** Stardex: the job search and the person lookup the export makes (read-only). */
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
}

/** IntelliHR: the people and job lists the Send Hired operation reads (read-only). */
export async function intellihr(ctx) {
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
