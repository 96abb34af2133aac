import * as fs from 'node:fs';
import * as path from 'node:path';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { normalizeDate, planEmployments } from '../../nodes/Greenhouse/employments';
import { sampleCandidate } from '../fixtures/candidates';
import { greenhouseExportWorkflow } from '../harness/greenhouse';
import { errorOf, outputOf } from '../harness/runWorkflow';
const { startGreenhouseSandbox } = require('../sandbox/greenhouse');

/**
 * The two Greenhouse writes the strict (contract-enforcing) sandbox refused from the old code
 * (issue 16 §3): POST /v3/attachments with the v1 field content_type, and POST
 * /v3/candidate_employments with "" for a missing company or title, no start_date and free-text
 * dates. Now: the v3 attachment fields only; employments only when Greenhouse can take them,
 * dates as YYYY-MM-DD, and every job that cannot be sent reported and written into the note.
 */

type Sandbox = Awaited<ReturnType<typeof startGreenhouseSandbox>>;
let gh: Sandbox;

beforeAll(async () => {
	gh = await startGreenhouseSandbox({ rateLimit: { limit: 1000, windowMs: 10_000 } });
});
afterAll(async () => gh.close());
beforeEach(() => gh.reset());

function exportWorkflow(options: IDataObject = {}) {
	return greenhouseExportWorkflow(gh.credentials, { options });
}

async function exportOne(item: IDataObject | INodeExecutionData, options: IDataObject = {}) {
	const run = await exportWorkflow(options).run('Greenhouse', [item]);
	expect(errorOf(run)).toBeUndefined();
	return outputOf(run, 'Greenhouse')[0];
}

describe('Greenhouse export against the contract-enforcing sandbox', () => {
	test('the resume goes up with the v3 fields only (no content_type), and the contracts saw no violation', async () => {
		expect(gh.contractMode()).toBe('enforce');
		const pdf = fs.readFileSync(path.join(__dirname, '../fixtures/resume.pdf'));
		const out = await exportOne({
			json: { ...sampleCandidate(1, 'att'), resume: { binaryProperty: 'cv' } },
			binary: {
				cv: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: 'cv.pdf' },
			},
		});
		expect(out).toMatchObject({ status: 'created', resumeAttached: true });
		expect(gh.state().attachments).toEqual([
			expect.objectContaining({
				filename: 'cv.pdf',
				type: 'resume',
				isPdf: true,
				size: pdf.length,
			}),
		]);
		const report = gh.contractReport();
		expect(report.violations).toEqual([]);
		expect(report.responseViolations).toEqual([]);
	});

	test('previous jobs: complete ones are sent with YYYY-MM-DD dates, the rest are reported and written into the note', async () => {
		const out = await exportOne(
			{
				...sampleCandidate(2, 'emp'),
				previousJobs: [
					{ title: 'Engineer', company: 'Acme', startDate: '2019-03', endDate: '2021' },
					{ title: 'Intern', company: 'Globex' },
					{ company: 'Initech', startDate: '2015-01-01' },
					{ title: 'Consultant', company: 'Hooli', startDate: 'sometime' },
					{ title: 'CTO', company: 'Umbrella', startDate: 'Jan 2012', endDate: '2011-05-01' },
				],
			},
			{ note: 'Replied: interested' },
		);
		expect(out).toMatchObject({
			status: 'created',
			employmentsAdded: 2,
			skippedJobsInNote: true,
			employmentsSkipped: [
				{
					job: 1,
					title: 'Intern',
					company: 'Globex',
					reason: 'no start date (Greenhouse needs a company name, a title and a start date)',
				},
				{
					job: 2,
					company: 'Initech',
					startDate: '2015-01-01',
					reason: 'no title (Greenhouse needs a company name, a title and a start date)',
				},
				{
					job: 3,
					title: 'Consultant',
					company: 'Hooli',
					startDate: 'sometime',
					reason: 'start date "sometime" is not a date like 2021-03-15, 2021-03 or 2021',
				},
			],
			dateNotes: [
				{
					job: 0,
					field: 'startDate',
					given: '2019-03',
					sent: '2019-03-01',
					note: 'month only: sent as the first day of the month',
				},
				{
					job: 0,
					field: 'endDate',
					given: '2021',
					sent: '2021-01-01',
					note: 'year only: sent as January 1',
				},
				{
					job: 4,
					field: 'startDate',
					given: 'Jan 2012',
					sent: '2012-01-01',
					note: 'month only: sent as the first day of the month',
				},
				{
					job: 4,
					field: 'endDate',
					given: '2011-05-01',
					note: 'end date 2011-05-01 is before the start date 2012-01-01: sent without an end date',
				},
			],
		});
		const s = gh.state();
		expect(
			s.employments.map((e: IDataObject) => [e.company_name, e.title, e.start_date, e.end_date]),
		).toEqual([
			['Acme', 'Engineer', '2019-03-01', '2021-01-01'],
			['Umbrella', 'CTO', '2012-01-01', null],
		]);
		expect(s.notes).toHaveLength(1);
		expect(s.notes[0].body).toBe(
			[
				'Replied: interested',
				'',
				'Previous jobs not added as employments:',
				'- Intern at Globex: no start date (Greenhouse needs a company name, a title and a start date)',
				'- Initech (2015-01-01): no title (Greenhouse needs a company name, a title and a start date)',
				'- Consultant at Hooli (sometime): start date "sometime" is not a date like 2021-03-15, 2021-03 or 2021',
			].join('\n'),
		);
		expect(gh.contractReport().violations).toEqual([]);
	});

	test('with "Add Skipped Jobs to Note" off and no note: no note, the skipped jobs are still in the output', async () => {
		const out = await exportOne(
			{ ...sampleCandidate(4, 'emp'), previousJobs: [{ title: 'Founder', startDate: '2010' }] },
			{ skippedJobsToNote: false },
		);
		expect(out).toMatchObject({
			status: 'created',
			employmentsAdded: 0,
			skippedJobsInNote: false,
			employmentsSkipped: [
				{ job: 0, title: 'Founder', reason: expect.stringMatching(/^no company name /) },
			],
		});
		expect(gh.state().counts).toMatchObject({ employments: 0, notes: 0 });
	});

	test('only skipped jobs and the option on (the default): a note holds them even without a note of its own', async () => {
		const out = await exportOne({
			...sampleCandidate(5, 'emp'),
			previousJobs: [{ title: 'Founder', company: 'Own Co' }],
		});
		expect(out.skippedJobsInNote).toBe(true);
		expect(gh.state().notes[0]).toMatchObject({
			body: 'Previous jobs not added as employments:\n- Founder at Own Co: no start date (Greenhouse needs a company name, a title and a start date)',
			user_id: Number(gh.credentials.actingUserId),
		});
	});
});

describe('dates for employments', () => {
	test.each([
		['2020-03-05', '2020-03-05', undefined],
		['2020-3-5', '2020-03-05', undefined],
		['2020-03-05T10:00:00Z', '2020-03-05', undefined],
		['2020-03', '2020-03-01', 'month only: sent as the first day of the month'],
		['2020/3', '2020-03-01', 'month only: sent as the first day of the month'],
		['03/2020', '2020-03-01', 'month only: sent as the first day of the month'],
		['March 2020', '2020-03-01', 'month only: sent as the first day of the month'],
		['Sept. 2020', '2020-09-01', 'month only: sent as the first day of the month'],
		['2020', '2020-01-01', 'year only: sent as January 1'],
	])('%s → %s', (given, date, note) => {
		expect(normalizeDate(given)).toEqual(note ? { date, note } : { date });
	});

	test.each(['2020-02-30', '1850', 'sometime', '13/2020', 'Smarch 2020', ''])(
		'%p is refused',
		(given) => {
			expect(normalizeDate(given)).toEqual({
				problem: expect.stringMatching(/is not (a real date|a date like)/),
			});
		},
	);

	test('planEmployments never sends an empty company or title, and always a start_date', () => {
		const plan = planEmployments(7, [
			{ title: 'Eng', company: 'A', startDate: '2020' },
			{ title: '  ', company: 'B', startDate: '2020' },
			{ title: 'Eng', company: 'C' },
		]);
		expect(plan.bodies).toEqual([
			{ candidate_id: 7, company_name: 'A', title: 'Eng', start_date: '2020-01-01' },
		]);
		expect(plan.skipped.map((s) => s.job)).toEqual([1, 2]);
	});
});
