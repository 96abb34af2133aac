import {
	isSameJob,
	jobBody,
	parseDateOfBirth,
	parseFte,
	parseStartDate,
	personBody,
	personRef,
	searchRef,
} from '../../../nodes/IntelliHr/mapping';

import { parseCandidate } from '../../../nodes/shared/candidate/normalize';

const ID = '8a5f0c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b';

describe('dates', () => {
	test.each([
		['2026-11-02', '2026-11-02'],
		['2024-02-29', '2024-02-29'],
		['2026-11-02T09:00:00+10:00', '2026-11-02T09:00:00+10:00'],
		['2026-11-02t09:00:00z', '2026-11-02T09:00:00z'],
		['2026-11-02T09:00:00.123Z', '2026-11-02T09:00:00.123Z'],
		['2026-11-02T00:00:00', '2026-11-02'], // n8n date picker: no zone, the day is meant
		[' 2026-11-02 ', '2026-11-02'],
		[new Date('2026-11-02T00:00:00Z'), '2026-11-02T00:00:00.000Z'],
		[{ toISO: () => '2026-11-02T09:00:00.000+10:00' }, '2026-11-02T09:00:00.000+10:00'],
	])('start date %j → %j', (input, expected) => {
		expect(parseStartDate(input)).toEqual({ ok: true, value: expected });
	});

	test.each([
		'',
		'02/11/2026',
		'2026-13-01',
		'2025-02-29',
		'2026-11-02T25:00:00Z',
		'2026-11-2',
		'next monday',
		'2026-11-02 09:00',
		'20261102',
	])('start date %j is refused', (input) => {
		expect(parseStartDate(input).ok).toBe(false);
	});

	test('date of birth: YYYY-MM-DD, real, plausible; empty is fine', () => {
		const today = new Date('2026-06-01T00:00:00Z');
		expect(parseDateOfBirth('1990-05-17', today)).toEqual({ ok: true, value: '1990-05-17' });
		expect(parseDateOfBirth('1990-05-17T00:00:00', today)).toEqual({
			ok: true,
			value: '1990-05-17',
		});
		expect(parseDateOfBirth('', today)).toEqual({ ok: true, value: undefined });
		expect(parseDateOfBirth(undefined, today)).toEqual({ ok: true, value: undefined });
		for (const bad of [
			'17/05/1990',
			'1990-02-30',
			'1850-01-01',
			'2027-01-01',
			'1990-05-17T10:30:00Z',
		])
			expect(parseDateOfBirth(bad, today).ok).toBe(false);
	});

	test('FTE', () => {
		expect(parseFte('0.6')).toEqual({ ok: true, value: '0.6' });
		expect(parseFte(1)).toEqual({ ok: true, value: '1' });
		expect(parseFte('')).toEqual({ ok: true, value: undefined });
		for (const bad of ['0', '-1', 'full', '1,0', '11']) expect(parseFte(bad).ok).toBe(false);
	});
});

describe('request bodies', () => {
	const c = parseCandidate({ fullName: 'Li Wei', emails: ['li@example.com'] });
	if (!c.ok) throw new Error('fixture');

	test('person without phone or extras has only what is known', () => {
		expect(personBody(c.candidate)).toEqual({
			firstName: 'Li',
			lastName: 'Wei',
			emailAddresses: [{ email: 'li@example.com', isPrimary: true, isPersonal: true }],
		});
		expect(
			personBody(c.candidate, { preferredName: 'Lee', dateOfBirth: '1991-01-01' }),
		).toMatchObject({ preferredName: 'Lee', dateOfBirth: '1991-01-01' });
	});

	test('references: ids as {id}, anything else as {name}; people also by email', () => {
		expect(searchRef(ID)).toEqual({ id: ID });
		expect(searchRef('Engineering')).toEqual({ name: 'Engineering' });
		expect(personRef(ID)).toEqual({ id: ID });
		expect(personRef('Sam@Acme.example')).toEqual({ primaryEmailAddress: 'sam@acme.example' });
		expect(personRef('Sam Supervisor')).toEqual({ name: 'Sam Supervisor' });
	});

	test('job with only the required fields', () => {
		expect(
			jobBody('p1', {
				positionTitle: 'Engineer',
				startDate: '2026-11-02',
				businessEntity: ID,
				businessUnit: 'Sales',
				workClass: ID,
			}),
		).toEqual({
			person: { id: 'p1' },
			name: 'Engineer',
			companyStartDate: '2026-11-02',
			startDate: '2026-11-02',
			businessEntity: { id: ID },
			businessUnit: { name: 'Sales' },
			workClass: { id: ID },
		});
	});
});

describe('is it the same job?', () => {
	const job = {
		id: 'j',
		name: 'Senior  Engineer',
		positionTitle: { id: 't', name: 'Senior Engineer' },
		companyStartDate: '2026-11-02T00:00:00+00:00',
		positionStartDate: '2026-11-02T00:00:00+00:00',
	};
	test.each([
		['senior engineer', '2026-11-02', true],
		['Senior Engineer', '2026-11-02T00:00:00Z', true],
		['Senior Engineer', '2026-11-02T10:00:00+10:00', true], // same instant
		['Senior Engineer', '2026-11-03', false],
		['Engineer', '2026-11-02', false],
	])('%j starting %j → %s', (title, date, same) => {
		expect(isSameJob(job, title, date)).toBe(same);
	});
	test('a job with a string position title and only a position start date', () => {
		expect(
			isSameJob(
				{ id: 'j', positionTitle: 'Designer', positionStartDate: '2026-01-05' },
				'designer',
				'2026-01-05',
			),
		).toBe(true);
		expect(isSameJob({ id: 'j' }, 'designer', '2026-01-05')).toBe(false);
	});
});
