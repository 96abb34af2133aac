import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { outputOf } from '../../harness/runWorkflow';
import { API, JOB, PERSON, CAND, bearer, ok, JOB_BODY, harness } from './harness';

const exportParams = (extra: IDataObject = {}) => ({
	resource: 'candidate',
	operation: 'export',
	candidateInput: 'input',
	ifExists: 'skip',
	job: { __rl: true, mode: 'id', value: JOB },
	...extra,
});

const JANE = {
	fullName: 'Jane Q Smith',
	emails: [
		{ value: 'Jane@Example.com', type: 'personal' },
		{ value: 'jane.work@acme.com', type: 'work' },
	],
	phones: [{ value: '+1 555 0100', type: 'mobile' }],
	linkedinUrl: 'linkedin.com/in/JaneSmith/',
	location: 'Austin, Texas, United States',
	title: 'VP Finance',
	company: 'Acme',
};

describe('Stardex request shapes', () => {
	test('export: job check, lookup by LinkedIn then every email (exact match), then POST /v1/persons with the mapped body', async () => {
		const seen: IDataObject[] = [];
		const scope = nock(API, bearer)
			.get(`/v1/jobs/${JOB}`)
			.reply(200, ok(JOB_BODY))
			.post('/v1/persons/search', {
				linkedin_url: 'https://www.linkedin.com/in/janesmith',
				offset: 0,
				limit: 5,
			})
			.reply(200, ok([], { total: 0, offset: 0, limit: 5 }))
			.post('/v1/persons/search', { email: 'jane@example.com', offset: 0, limit: 5 })
			.reply(200, ok([], { total: 0, offset: 0, limit: 5 }))
			.post('/v1/persons/search', { email: 'jane.work@acme.com', offset: 0, limit: 5 })
			.reply(200, ok([], { total: 0, offset: 0, limit: 5 }))
			.post('/v1/persons', (b) => (seen.push(b), true))
			.reply(200, ok({ id: PERSON, name: 'Jane Q Smith', candidate_id: CAND }));
		const run = await harness(
			exportParams({ options: { externalSourceId: 'pin:12345', notes: 'Replied: interested' } }),
		).run('Stardex', [JANE]);
		scope.done();
		expect(seen[0]).toEqual({
			name: 'Jane Q Smith',
			first_name: 'Jane',
			last_name: 'Q Smith',
			linkedin_url: 'https://www.linkedin.com/in/janesmith',
			work_email: 'jane.work@acme.com',
			personal_email: 'jane@example.com',
			mobile_phone: '+1 555 0100',
			current_job_title: 'VP Finance',
			company_name: 'Acme',
			linkedin_location: 'Austin, Texas, United States',
			job_id: JOB,
			external_source_id: 'pin:12345',
			notes: 'Replied: interested',
		});
		expect(outputOf(run, 'Stardex')[0]).toEqual({
			ats: 'stardex',
			status: 'created',
			candidateId: PERSON,
			stardexCandidateId: CAND,
			profileUrl: `https://app.stardex.ai/persons/${PERSON}`,
			matchedBy: null,
			jobId: JOB,
			email: 'jane@example.com',
			resumeAttached: false,
		});
	});

	test('export: a LinkedIn hit skips the email searches; a result that does not show the value searched for is ignored', async () => {
		const scope = nock(API, bearer)
			.post('/v1/persons/search', (b) => b.linkedin_url === 'https://www.linkedin.com/in/janesmith')
			.reply(
				200,
				ok(
					[
						{ id: 'someone-else', linkedin_public_id: 'other-person' },
						{
							id: PERSON,
							linkedin_public_id: 'janesmith',
							emails: [{ contact_data_type: 'work', value: 'jane.work@acme.com' }],
							candidates: [{ candidate_id: CAND, job_id: 'another-job' }],
						},
					],
					{ total: 2 },
				),
			);
		const run = await harness(exportParams({ job: { __rl: true, mode: 'list', value: '' } })).run(
			'Stardex',
			[JANE],
		);
		scope.done();
		expect(outputOf(run, 'Stardex')[0]).toMatchObject({
			status: 'skipped',
			candidateId: PERSON,
			matchedBy: 'email+linkedin',
			stardexCandidateId: null,
			reason: 'person already exists',
		});
	});

	test('export: a 409 on create (unique LinkedIn URLs) re-runs the lookup and applies the policy instead of failing', async () => {
		const scope = nock(API, bearer)
			.post('/v1/persons/search')
			.times(3)
			.reply(200, ok([], { total: 0 }))
			.post('/v1/persons')
			.reply(409, {
				success: false,
				error: {
					code: 'DUPLICATE_PERSON',
					message: 'A person with this linkedin_url already exists',
				},
			})
			.post('/v1/persons/search', (b) => Boolean(b.linkedin_url))
			.reply(200, ok([{ id: PERSON, linkedin_public_id: 'janesmith' }], { total: 1 }));
		const run = await harness(exportParams({ job: { __rl: true, mode: 'list', value: '' } })).run(
			'Stardex',
			[JANE],
		);
		scope.done();
		expect(outputOf(run, 'Stardex')[0]).toMatchObject({
			status: 'skipped',
			candidateId: PERSON,
			matchedBy: 'linkedin',
		});
	});

	test('export › Add to Job: PATCH {job_id}, then the person is read back for the person-on-job ID', async () => {
		const scope = nock(API, bearer)
			.get(`/v1/jobs/${JOB}`)
			.reply(200, ok(JOB_BODY))
			.post('/v1/persons/search')
			.reply(200, ok([{ id: PERSON, linkedin_public_id: 'janesmith' }], { total: 1 }))
			.get(`/v1/persons/${PERSON}`)
			.reply(200, ok({ id: PERSON, candidates: [] }))
			.patch(`/v1/persons/${PERSON}`, { job_id: JOB })
			.reply(200, ok({ message: 'Person updated successfully' }))
			.get(`/v1/persons/${PERSON}`)
			.reply(200, ok({ id: PERSON, candidates: [{ candidate_id: CAND, job_id: JOB }] }));
		const run = await harness(exportParams({ ifExists: 'addToJob' })).run('Stardex', [JANE]);
		scope.done();
		expect(outputOf(run, 'Stardex')[0]).toMatchObject({
			status: 'applied',
			candidateId: PERSON,
			stardexCandidateId: CAND,
			matchedBy: 'linkedin',
			jobId: JOB,
		});
	});

	test('export › Fill Empty Fields: only empty fields; a contact list the person already has is never sent', async () => {
		const seen: IDataObject[] = [];
		const scope = nock(API, bearer)
			.post('/v1/persons/search')
			.reply(200, ok([{ id: PERSON, linkedin_public_id: 'janesmith' }], { total: 1 }))
			.get(`/v1/persons/${PERSON}`)
			.reply(
				200,
				ok({
					id: PERSON,
					linkedin_public_id: 'janesmith',
					current_job_title: 'CFO',
					current_company_name: null,
					linkedin_location: '',
					emails: [{ contact_data_type: 'work', value: 'old@acme.com' }],
					phones: [],
					candidates: [],
				}),
			)
			.patch(`/v1/persons/${PERSON}`, (b) => (seen.push(b), true))
			.reply(200, ok({ message: 'Person updated successfully' }));
		const run = await harness(
			exportParams({ ifExists: 'fillEmpty', job: { __rl: true, mode: 'list', value: '' } }),
		).run('Stardex', [JANE]);
		scope.done();
		expect(seen[0]).toEqual({
			company_name: 'Acme',
			linkedin_location: 'Austin, Texas, United States',
			phone_numbers: [{ contact_data_type: 'mobile', value: '+1 555 0100' }],
		});
		expect(outputOf(run, 'Stardex')[0]).toMatchObject({
			status: 'updated',
			updatedFields: ['company_name', 'linkedin_location', 'phone_numbers'],
		});
	});

	test('a 200 answer with success:false goes through the error path', async () => {
		nock(API, bearer)
			.get(`/v1/jobs/${JOB}`)
			.reply(200, {
				success: false,
				error: { code: 'VALIDATION_ERROR', message: 'id must be a UUID' },
			});
		const run = await harness({
			resource: 'job',
			operation: 'get',
			job: { __rl: true, mode: 'id', value: JOB },
		}).run('Stardex', [{}]);
		expect(run.data.resultData.error?.message).toBe(
			`[item 0] Stardex answered GET /v1/jobs/${JOB} with HTTP 200: VALIDATION_ERROR: id must be a UUID. Stardex rejected the values sent; fix the field named above and run again`,
		);
	});

	test('a search answered 500 is retried like a read (POST /search is idempotent)', async () => {
		const scope = nock(API, bearer)
			.post('/v1/jobs/search')
			.reply(500, { success: false, error: { code: 'INTERNAL_ERROR', message: 'boom' } })
			.post('/v1/jobs/search', { is_archived: false, offset: 0, limit: 2 })
			.reply(200, ok([{ id: 'j1' }, { id: 'j2' }], { total: 9, offset: 0, limit: 2 }));
		const run = await harness({
			resource: 'job',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
			status: 'open',
			requestOptions: { maxRetries: 1 },
		}).run('Stardex', [{}]);
		scope.done();
		expect(outputOf(run, 'Stardex').map((j) => j.id)).toEqual(['j1', 'j2']);
	});

	test('job get many: offset paging until meta.total, keywords[] and is_archived in the body', async () => {
		const scope = nock(API, bearer)
			.post('/v1/jobs/search', {
				is_archived: true,
				keywords: ['finance', 'remote'],
				offset: 0,
				limit: 100,
			})
			.reply(
				200,
				ok(
					Array.from({ length: 100 }, (_, i) => ({ id: `j${i}` })),
					{ total: 130, offset: 0, limit: 100 },
				),
			)
			.post('/v1/jobs/search', {
				is_archived: true,
				keywords: ['finance', 'remote'],
				offset: 100,
				limit: 100,
			})
			.reply(
				200,
				ok(
					Array.from({ length: 30 }, (_, i) => ({ id: `j${100 + i}` })),
					{ total: 130, offset: 100, limit: 100 },
				),
			);
		const run = await harness({
			resource: 'job',
			operation: 'getAll',
			returnAll: true,
			status: 'archived',
			filters: { keywords: ' finance, remote ,' },
		}).run('Stardex', [{}]);
		scope.done();
		const out = outputOf(run, 'Stardex');
		expect(out).toHaveLength(130);
		expect(out[129]).toEqual({ id: 'j129', url: 'https://app.stardex.ai/jobs/j129' });
	});

	test('job get many: a server that serves fewer rows than asked (meta.limit) is still paged to the end', async () => {
		const scope = nock(API, bearer)
			.post('/v1/jobs/search', { offset: 0, limit: 100 })
			.reply(200, ok([{ id: 'a' }, { id: 'b' }], { total: 3, offset: 0, limit: 2 }))
			.post('/v1/jobs/search', { offset: 2, limit: 100 })
			.reply(200, ok([{ id: 'c' }], { total: 3, offset: 2, limit: 2 }));
		const run = await harness({
			resource: 'job',
			operation: 'getAll',
			returnAll: true,
			status: 'any',
		}).run('Stardex', [{}]);
		scope.done();
		expect(outputOf(run, 'Stardex').map((j) => j.id)).toEqual(['a', 'b', 'c']);
	});

	test('job get: GET /v1/jobs/{id}, stages in pipeline order, an app URL', async () => {
		nock(API, bearer).get(`/v1/jobs/${JOB}`).reply(200, ok(JOB_BODY));
		const run = await harness({
			resource: 'job',
			operation: 'get',
			job: { __rl: true, mode: 'url', value: `https://app.stardex.ai/jobs/${JOB}?tab=pipeline` },
		}).run('Stardex', [{}]);
		expect(outputOf(run, 'Stardex')[0]).toMatchObject({
			id: JOB,
			url: `https://app.stardex.ai/jobs/${JOB}`,
			stages: [
				{ id: 'st-1', name: 'Sourced', order: 1 },
				{ id: 'st-2', name: 'Interview', order: 2 },
			],
		});
	});

	test('move to stage: POST /v1/candidates/update-stage with job_id, candidate_email and the stage ID resolved from the name', async () => {
		const seen: IDataObject[] = [];
		const scope = nock(API, bearer)
			.get(`/v1/jobs/${JOB}`)
			.reply(200, ok(JOB_BODY))
			.post('/v1/candidates/update-stage', (b) => (seen.push(b), true))
			.reply(
				200,
				ok({
					candidate_id: CAND,
					person_id: PERSON,
					job_id: JOB,
					previous_stage_id: 'st-1',
					new_stage_id: 'st-2',
				}),
			);
		const run = await harness({
			resource: 'candidate',
			operation: 'moveToStage',
			job: { __rl: true, mode: 'id', value: JOB },
			candidateBy: 'email',
			candidateEmail: ' Jane@Example.com ',
			stage: 'interview',
		}).run('Stardex', [{}]);
		scope.done();
		expect(seen[0]).toEqual({ job_id: JOB, stage_id: 'st-2', candidate_email: 'jane@example.com' });
		expect(outputOf(run, 'Stardex')[0]).toEqual({
			ats: 'stardex',
			status: 'moved',
			candidateId: PERSON,
			stardexCandidateId: CAND,
			profileUrl: `https://app.stardex.ai/persons/${PERSON}`,
			jobId: JOB,
			stageId: 'st-2',
			stageName: 'Interview',
			previousStageId: 'st-1',
		});
	});

	test('move to stage: stages without IDs are sent by name; a job that lists no stages passes the value through', async () => {
		const seen: IDataObject[] = [];
		nock(API, bearer)
			.get(`/v1/jobs/${JOB}`)
			.reply(200, ok({ id: JOB, name: 'X', pipeline_stages: ['Sourced', 'Offer'] }))
			.post('/v1/candidates/update-stage', (b) => (seen.push(b), true))
			.reply(200, ok({ candidate_id: CAND, person_id: PERSON, new_stage_id: 's' }));
		await harness({
			resource: 'candidate',
			operation: 'moveToStage',
			job: { __rl: true, mode: 'id', value: JOB },
			candidateBy: 'candidateId',
			stardexCandidateId: CAND,
			stage: 'offer',
		}).run('Stardex', [{}]);
		expect(seen[0]).toEqual({ job_id: JOB, stage_name: 'Offer', candidate_id: CAND });

		nock(API, bearer)
			.get(`/v1/jobs/${JOB}`)
			.reply(200, ok({ id: JOB, name: 'X' }))
			.post('/v1/candidates/update-stage', (b) => (seen.push(b), true))
			.reply(200, ok({ candidate_id: CAND, person_id: PERSON }));
		await harness({
			resource: 'candidate',
			operation: 'moveToStage',
			job: { __rl: true, mode: 'id', value: JOB },
			candidateBy: 'candidateId',
			stardexCandidateId: CAND,
			stage: '456e7890-e12b-34d5-a678-901234567890',
		}).run('Stardex', [{}]);
		expect(seen[1]).toEqual({
			job_id: JOB,
			stage_id: '456e7890-e12b-34d5-a678-901234567890',
			candidate_id: CAND,
		});
	});
});
