import type { IDataObject } from 'n8n-workflow';

import {
	candidateOnJob,
	fillEmptyPatch,
	findStage,
	jobLabel,
	personBody,
	personHasEmail,
	personHasLinkedin,
	profileUrl,
	stagesOf,
} from '../../../nodes/Stardex/mapping';

import { parseCandidate } from '../../../nodes/shared/candidate/normalize';

const c = (input: IDataObject) => {
	const r = parseCandidate(input);
	if (!r.ok) throw new Error(JSON.stringify(r.issues));
	return r.candidate;
};

describe('personBody (POST /v1/persons)', () => {
	test('typed contact fields first, the rest in the lists, nothing empty sent', () => {
		expect(
			personBody(
				c({
					fullName: 'Ana María López',
					emails: [
						{ value: 'ana@corp.com', type: 'work' },
						{ value: 'ana@gmail.com', type: 'personal' },
						{ value: 'ana@old.com', type: 'work' },
						'ana@other.com',
					],
					phones: [
						{ value: '+34 600 000 000', type: 'mobile' },
						{ value: '+34 910 000 000', type: 'work' },
						{ value: '+34 911 111 111', type: 'home' },
					],
					linkedinUrl: 'https://es.linkedin.com/in/ana-lopez?trk=x',
					location: { city: 'Madrid', country: 'Spain' },
				}),
				{ jobId: 'job-1', enrich: true },
			),
		).toEqual({
			name: 'Ana María López',
			first_name: 'Ana',
			last_name: 'María López',
			linkedin_url: 'https://www.linkedin.com/in/ana-lopez',
			work_email: 'ana@corp.com',
			personal_email: 'ana@gmail.com',
			emails: ['ana@old.com', 'ana@other.com'],
			mobile_phone: '+34 600 000 000',
			work_phone: '+34 910 000 000',
			phone_numbers: ['+34 911 111 111'],
			linkedin_location: 'Madrid, Spain',
			job_id: 'job-1',
			enrich_record: true,
		});
	});

	test('a one-word name is sent as the name only (no "-" last name); no LinkedIn means no linkedin_url key', () => {
		expect(personBody(c({ fullName: 'Cher', emails: ['cher@example.com'] }))).toEqual({
			name: 'Cher',
			emails: ['cher@example.com'],
		});
	});
});

describe('fillEmptyPatch', () => {
	const jane = c({
		fullName: 'Jane Smith',
		emails: [{ value: 'jane@example.com', type: 'work' }],
		phones: ['+1 555 0100'],
		title: 'CTO',
		company: 'Acme',
		location: 'Paris, France',
		linkedinUrl: 'https://linkedin.com/in/jane',
	});

	test('fills what is shown empty, never a contact list the person has', () => {
		const existing = {
			id: 'p',
			current_job_title: null,
			current_company_name: 'Old Co',
			linkedin_location: '',
			linkedin_public_id: null,
			emails: [{ contact_data_type: 'personal', value: 'x@y.co' }],
			phones: [],
		};
		expect(fillEmptyPatch(existing, jane)).toEqual({
			current_job_title: 'CTO',
			linkedin_location: 'Paris, France',
			linkedin_url: 'https://www.linkedin.com/in/jane',
			phone_numbers: [{ contact_data_type: 'other', value: '+1 555 0100' }],
		});
	});

	test('a field the record does not show at all is unknown and left alone', () => {
		expect(fillEmptyPatch({ id: 'p' }, jane)).toEqual({});
		expect(fillEmptyPatch({ id: 'p', emails: [] }, jane)).toEqual({
			emails: [{ contact_data_type: 'work', value: 'jane@example.com' }],
		});
	});
});

describe('reading Stardex records', () => {
	test('email and LinkedIn confirmation: true, false, or unknown when the record shows none', () => {
		const p = {
			id: '1',
			linkedin_public_id: 'Jane-Smith',
			emails: [{ contact_data_type: 'work', value: 'Jane@Example.com' }, 'other@x.co'],
		};
		expect(personHasEmail(p, 'jane@example.com')).toBe(true);
		expect(personHasEmail(p, 'other@x.co')).toBe(true);
		expect(personHasEmail(p, 'nope@x.co')).toBe(false);
		expect(personHasEmail({ id: '2' }, 'a@b.co')).toBeUndefined();
		expect(personHasLinkedin(p, 'jane-smith')).toBe(true);
		expect(
			personHasLinkedin(
				{ id: '3', linkedin_url: 'https://linkedin.com/in/jane-smith/' },
				'jane-smith',
			),
		).toBe(true);
		expect(personHasLinkedin({ id: '4', linkedin_public_id: null }, 'jane-smith')).toBe(false);
		expect(personHasLinkedin({ id: '5' }, 'jane-smith')).toBeUndefined();
	});

	test('candidateOnJob reads person.candidates[]', () => {
		const p = {
			id: '1',
			candidates: [
				{ candidate_id: 'c1', job_id: 'j1' },
				{ candidate_id: 'c2', job_id: 'j2' },
			],
		};
		expect(candidateOnJob(p, 'j2')).toEqual({ candidate_id: 'c2', job_id: 'j2' });
		expect(candidateOnJob({ id: '2' }, 'j2')).toBeUndefined();
	});

	test.each([
		[
			'{id, name, order}',
			[
				{ id: 'b', name: 'Interview', order: 2 },
				{ id: 'a', name: 'Sourced', order: 1 },
			],
			[
				{ id: 'a', name: 'Sourced', order: 1 },
				{ id: 'b', name: 'Interview', order: 2 },
			],
		],
		[
			'{stage_id, stage_name, position}',
			[{ stage_id: 'a', stage_name: 'Sourced', position: 1 }],
			[{ id: 'a', name: 'Sourced', order: 1 }],
		],
		[
			'{pipeline_stage_id, title, sort_order}',
			[{ pipeline_stage_id: 'a', title: 'Sourced', sort_order: '3' }],
			[{ id: 'a', name: 'Sourced', order: 3 }],
		],
		[
			'plain names',
			['Sourced', 'Offer'],
			[
				{ name: 'Sourced', order: 0 },
				{ name: 'Offer', order: 1 },
			],
		],
		[
			'{stages: [...]}',
			{ stages: [{ id: 'a', name: 'Sourced' }] },
			[{ id: 'a', name: 'Sourced', order: 0 }],
		],
	])('pipeline_stages as %s', (_label, raw, expected) => {
		expect(stagesOf({ pipeline_stages: raw })).toEqual(expected);
	});

	test('no pipeline_stages at all is "unknown", not "no stages"', () => {
		expect(stagesOf({})).toBeUndefined();
		expect(stagesOf({ pipeline_stages: [] })).toEqual([]);
	});

	test('findStage matches an ID exactly or a name ignoring case', () => {
		const stages = [
			{ id: 's1', name: 'Technical Interview', order: 0 },
			{ name: 'Offer', order: 1 },
		];
		expect(findStage(stages, 's1')?.name).toBe('Technical Interview');
		expect(findStage(stages, ' technical interview ')?.id).toBe('s1');
		expect(findStage(stages, 'OFFER')?.name).toBe('Offer');
		expect(findStage(stages, 'Hired')).toBeUndefined();
	});

	test('labels and best-guess app links', () => {
		expect(jobLabel({ id: 'j', name: 'VP Finance', client_company_name: 'Acme' })).toBe(
			'VP Finance (Acme)',
		);
		expect(jobLabel({ id: 'j' })).toBe('j');
		expect(profileUrl('https://app.stardex.ai', 'p 1')).toBe(
			'https://app.stardex.ai/persons/p%201',
		);
	});
});
