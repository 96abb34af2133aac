import * as fs from 'node:fs';
import * as path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { parseCandidate } from '../../../nodes/shared/candidate/normalize';
import { candidateOf, ENVELOPE_KEYS } from '../../../nodes/shared/candidate/item';
import { CANDIDATE_KEYS } from '../../../nodes/shared/candidate/schema';
import { greenhouseItem, isoDate, locationOf } from '../../../nodes/GreenhouseTrigger/adapter';
import { GREENHOUSE_ACTIONS } from '../../../nodes/GreenhouseTrigger/events';

/** Every documented Greenhouse webhook example → the item the trigger emits. */

const DIR = path.join(__dirname, '../../fixtures/greenhouse-webhooks');
const load = (action: string) =>
	JSON.parse(fs.readFileSync(path.join(DIR, `${action}.json`), 'utf8')) as IDataObject;
const itemFor = (action: string) =>
	greenhouseItem(load(action), { eventId: 'evt-1', receivedAt: '2026-11-24T10:00:00.000Z' });

/** What an export node reads from the item (nodes/shared/export/readCandidate.ts). */
function candidateSeenByExportNode(item: IDataObject) {
	return parseCandidate(candidateOf(item));
}

describe('Greenhouse webhook fixtures (documented examples)', () => {
	test("there is one fixture per official action, and the fixtures keep Greenhouse's \\u003c escaping", () => {
		const files = fs
			.readdirSync(DIR)
			.filter((f) => f.endsWith('.json') && f !== 'ping.json')
			.map((f) => f.replace(/\.json$/, ''));
		expect(files.sort()).toEqual(GREENHOUSE_ACTIONS.map((a) => a.value).sort());
		expect(GREENHOUSE_ACTIONS).toHaveLength(29);
		expect(files).toContain('delete_candidate');
		expect(files).not.toContain('candidate_deleted');
		expect(fs.readFileSync(path.join(DIR, 'new_candidate_application.json'), 'utf8')).toContain(
			'\\u003cp\\u003eDirections',
		);
	});

	test.each(GREENHOUSE_ACTIONS.map((a) => a.value))(
		'%s: event mapping, envelope keys and raw',
		(action) => {
			const body = load(action);
			const item = itemFor(action);
			expect(item.event).toBe(action);
			expect(item.eventId).toBe('evt-1');
			expect(item.raw).toEqual(body);
			for (const key of Object.keys(item))
				expect([...CANDIDATE_KEYS, ...ENVELOPE_KEYS]).toContain(key);
			// Whatever the event, an item with a name is a valid candidate for the export nodes.
			if (item.fullName) expect(candidateSeenByExportNode(item).ok).toBe(true);
		},
	);

	test('hire_candidate: candidate, job, offer start date, position title; status inferred (the example has none)', () => {
		const item = itemFor('hire_candidate');
		expect(item).toMatchObject({
			fullName: 'Johnny Smith',
			firstName: 'Johnny',
			lastName: 'Smith',
			emails: [
				{ value: 'personal@example.com', type: 'personal' },
				{ value: 'work@example.com', type: 'work' },
			],
			phones: [
				{ value: '518-555-1212', type: 'work' },
				{ value: '212-555-1212', type: 'home' },
			],
			currentTitle: 'Previous Title',
			location: { city: 'New York', state: 'New York', country: 'United States' },
			previousJobs: [
				{
					title: 'Engineer',
					company: 'Greenhouse',
					startDate: '2012-01-01',
					endDate: '2016-01-01',
				},
			],
			source: 'greenhouse: Developer',
			extra: {
				externalId: '12345',
				address: '455 Broadway New York, NY 10280',
				resumeFilename: 'resume.pdf',
			},
			candidateId: 35897443,
			applicationId: 46194062,
			profileUrl: 'https://app.greenhouse.io/people/35897443',
			application: {
				id: 46194062,
				status: 'hired',
				url: 'https://app.greenhouse.io/people/35897443?application_id=46194062',
				jobs: [{ id: 323753, name: 'Developer' }],
				source: { id: 25, name: 'Monster' },
			},
			job: { id: 323753, name: 'Developer' },
			offer: {
				id: 506409,
				version: 2,
				startDate: '2015-01-23',
				customFields: { salary: { amount: 80000, unit: 'USD' } },
			},
			startDate: '2015-01-23',
			positionTitle: 'Developer',
		});
		expect(load('hire_candidate')).not.toHaveProperty('payload.application.status');
		expect(item).not.toHaveProperty('candidateErrors');
		const seen = candidateSeenByExportNode(item);
		expect(seen.ok && seen.candidate.emails[0].value).toBe('personal@example.com');
	});

	test('new_candidate_application: stage, job, company, tags; address lines → city/state', () => {
		expect(itemFor('new_candidate_application')).toMatchObject({
			fullName: 'Jane Smith',
			currentTitle: 'Manager',
			currentCompany: 'Current Company Co.',
			emails: [
				{ value: 'person@work.com', type: 'work' },
				{ value: 'person@example.com', type: 'personal' },
			],
			phones: [{ value: '555-555-5555', type: 'mobile' }],
			location: { city: 'New York', state: 'New York', country: 'United States' },
			tags: ['Ruby', 'Comp Sci'],
			source: 'greenhouse: Data Scientist',
			application: {
				id: 71980812,
				status: 'active',
				prospect: false,
				stage: { id: 2944102, name: 'Preliminary Phone Screen' },
			},
			job: { id: 274075, name: 'Data Scientist' },
			stage: { id: 2944102, name: 'Preliminary Phone Screen' },
			positionTitle: 'Data Scientist',
		});
		// "socialmedia.com" and "mysite.com" are not LinkedIn profiles.
		expect(itemFor('new_candidate_application')).not.toHaveProperty('linkedinUrl');
	});

	test('candidate_stage_change: the stray space in application.url is removed; the raw payload keeps it', () => {
		const item = itemFor('candidate_stage_change');
		expect(item).toMatchObject({
			event: 'candidate_stage_change',
			stage: { id: 71416, name: 'Assessment' },
			application: { url: 'https://app.greenhouse.io/people/265772?application_id=265277' },
			job: { id: 3485, name: 'Designer' },
		});
		expect(JSON.stringify(item.raw)).toContain('application_id= 265277');
		expect(item).not.toHaveProperty('linkedinUrl'); // "linkedin.example.com/ghurley" is not linkedin.com
	});

	test('new_prospect_application: the candidate has no url, so profileUrl comes from the application url', () => {
		const item = itemFor('new_prospect_application');
		expect(load('new_prospect_application')).not.toHaveProperty(
			'payload.application.candidate.url',
		);
		expect(item).toMatchObject({
			fullName: 'Trisha Troy',
			profileUrl: 'https://app.greenhouse.io/people/968190',
			application: { id: 979554, prospect: true, status: 'active' },
			job: { id: 371417, name: 'Designer' },
		});
		expect(item).not.toHaveProperty('stage'); // current_stage is null
	});

	test('update_candidate: payload.candidate, no application; the 3-digit phone is left out and reported', () => {
		const item = itemFor('update_candidate');
		expect(item).toMatchObject({
			fullName: 'Ronald Ronnie',
			currentCompany: 'Example',
			emails: [{ value: '123456email@email.com', type: 'work' }],
			phones: [],
			location: { city: 'New York', state: 'New York', country: 'United States' },
			candidateId: 15696179,
			source: 'greenhouse',
			candidateErrors: ['phone_numbers[0] "911" left out: must have between 6 and 18 digits'],
		});
		expect(item).not.toHaveProperty('application');
		expect(item).not.toHaveProperty('job');
	});

	test('application_updated: an email with a space is left out, the "other " phone type is read as other', () => {
		const item = itemFor('application_updated');
		expect(item.emails).toEqual([]);
		expect(item.phones).toEqual([{ value: '330-281-8004', type: 'other' }]);
		expect(item.candidateErrors).toEqual([
			expect.stringMatching(
				/^email_addresses\[0\] "hank.von diablo.13857579@example.com" left out/,
			),
		]);
	});

	test('delete_application: a flat application, no candidate', () => {
		const item = itemFor('delete_application');
		expect(item).toMatchObject({
			candidateId: 37031511,
			applicationId: 46194062,
			application: { id: 46194062 },
			job: { id: 371417 },
		});
		expect(item).not.toHaveProperty('fullName');
	});

	test('delete_candidate and merge_candidate: payload.person', () => {
		expect(itemFor('delete_candidate')).toMatchObject({
			fullName: 'Jack Sparrow',
			currentCompany: 'Pirate Shipping',
			currentTitle: 'Captain',
			candidateId: 37031511,
			emails: [],
		});
		expect(itemFor('merge_candidate')).toMatchObject({ candidateId: 37031511 });
	});

	test('candidate_anonymized: only the candidate id', () => {
		const item = itemFor('candidate_anonymized');
		expect(item).toMatchObject({ event: 'candidate_anonymized', candidateId: 37031511 });
		expect(item).not.toHaveProperty('fullName');
	});

	test('offer events: the offer at the top of payload (MM/DD/YYYY start date) or under payload.offer', () => {
		expect(itemFor('offer_created')).toMatchObject({
			offer: { id: 12345, status: 'Accepted', startDate: '2013-04-15' },
			startDate: '2013-04-15',
			applicationId: 234556,
			job: { id: 45678 },
		});
		expect(itemFor('offer_deleted')).toMatchObject({
			offer: { id: 506406, status: 'Created' },
			applicationId: 46194062,
			job: { id: 371417 },
		});
	});

	test('job events carry the job; job stage deletion carries the stage', () => {
		expect(itemFor('job_created')).toMatchObject({
			job: { id: expect.any(Number), name: expect.any(String) },
		});
		expect(itemFor('job_interview_stage_deleted')).toMatchObject({
			stage: { id: expect.any(Number) },
			job: { id: expect.any(Number) },
		});
		expect(itemFor('job_post_created')).toMatchObject({ job: { id: 1842002 } });
	});

	test('every field is optional: an empty payload or a body without payload still gives an item', () => {
		expect(
			greenhouseItem({ action: 'hire_candidate' }, { eventId: 'x', receivedAt: 'now' }),
		).toMatchObject({ event: 'hire_candidate', eventId: 'x' });
		expect(
			greenhouseItem(
				{
					action: 'hire_candidate',
					payload: { application: { candidate: { first_name: 'Solo' } } },
				},
				{ eventId: 'x', receivedAt: 'now' },
			),
		).toMatchObject({
			application: { status: 'hired' },
			candidateErrors: [expect.stringContaining('candidate not normalized')],
		});
	});
});

describe('address and date helpers', () => {
	test.each([
		[
			'123 Test Street\nNew York, NY 10001',
			{ city: 'New York', state: 'New York', country: 'United States' },
		],
		[
			'455 Broadway New York, NY 10280',
			{ city: 'New York', state: 'New York', country: 'United States' },
		],
		[
			'99-99 5th Ave.\nNew York, NY 101-11',
			{ city: 'New York', state: 'New York', country: 'United States' },
		],
		['123 Fake St.', {}],
		['London, United Kingdom', { city: 'London', country: 'United Kingdom' }],
		['Austin, Texas, United States', { city: 'Austin', state: 'Texas', country: 'United States' }],
	])('%j → %j', (address, expected) => expect(locationOf(address)).toEqual(expected));

	test('dates', () => {
		expect(isoDate('04/15/2013')).toBe('2013-04-15');
		expect(isoDate('2015-01-23')).toBe('2015-01-23');
		expect(isoDate(null)).toBeUndefined();
	});
});
