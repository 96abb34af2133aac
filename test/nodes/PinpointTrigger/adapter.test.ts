import type { IDataObject } from 'n8n-workflow';

import { parseCandidate } from '../../../nodes/shared/candidate/normalize';
import { candidateOf, ENVELOPE_KEYS } from '../../../nodes/shared/candidate/item';
import { CANDIDATE_KEYS } from '../../../nodes/shared/candidate/schema';

import { pinpointItem } from '../../../nodes/PinpointTrigger/adapter';

import { readDocument } from '../../../nodes/PinpointTrigger/jsonApi';

import { SECRET, raw, json, NOW, fetchedJsonApi, deliver, items, signed } from './deliver';

describe('enrichment and the output item', () => {
	const body = raw('webhook.application_hired');

	test('JSON:API application with included candidate, job, stage and offer → everything IntelliHR needs', async () => {
		const fetch = jest.fn(async () => fetchedJsonApi);
		const [item] = items(await deliver(body, signed(body), { fetch }));
		expect(fetch).toHaveBeenCalledWith('1234567');
		expect(item).toMatchObject({
			fullName: 'Ada Lovelace',
			firstName: 'Ada',
			lastName: 'Lovelace',
			emails: [{ value: 'ada.lovelace@example.com', type: 'personal' }],
			phones: [{ value: '+44 20 7946 0958', type: 'mobile' }],
			linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace',
			location: { city: 'London', country: 'United Kingdom' },
			source: 'pinpoint: Senior Backend Engineer',
			extra: {
				pinpointCandidateId: '9001',
				resumeUrl: 'https://files.example.com/cv/1234567.pdf',
				resumeFilename: 'Ada_Lovelace_CV.pdf',
			},
			event: 'application_hired',
			toolEvent: 'application_hired',
			eventId: 'pinpoint:application_hired:1234567:2026-11-20T09:15:02.123Z',
			occurredAt: '2026-11-20T09:15:02.123Z',
			receivedAt: NOW,
			candidateId: '9001',
			applicationId: '1234567',
			application: { id: '1234567', status: 'hired', stage: { id: '505', name: 'Hired' } },
			job: { id: '101', name: 'Senior Backend Engineer' },
			stage: { id: '505', name: 'Hired' },
			offer: { id: '7001', status: 'accepted', startDate: '2026-12-01' },
			startDate: '2026-12-01',
			positionTitle: 'Senior Backend Engineer',
			enrichment: { ok: true, fetched: ['application'] },
			raw: json('webhook.application_hired'),
		});
		for (const key of Object.keys(item)) {
			if (!(CANDIDATE_KEYS as string[]).includes(key)) expect(ENVELOPE_KEYS).toContain(key);
		}
		const forExport = candidateOf(item);
		expect(parseCandidate(forExport).ok).toBe(true);
	});

	test('plain (non JSON:API) answers give the same item', () => {
		const ctx = { eventId: 'e', receivedAt: NOW };
		const a = pinpointItem(
			json('webhook.application_hired'),
			{ application: readDocument(json('api.application.jsonapi')) },
			ctx,
		);
		const b = pinpointItem(
			json('webhook.application_hired'),
			{ application: readDocument(json('api.application.flat')) },
			ctx,
		);
		const pick = (i: IDataObject) => ({
			name: i.fullName,
			emails: i.emails,
			job: i.job,
			stage: i.stage,
			startDate: i.startDate,
			candidateId: i.candidateId,
			applicationId: i.applicationId,
		});
		expect(pick(b)).toEqual(pick(a));
	});

	test('an application without contact details uses the candidate read separately', () => {
		const item = pinpointItem(
			json('webhook.application_hired'),
			{
				application: readDocument(json('api.application.bare.jsonapi')),
				candidate: readDocument(json('api.candidate.jsonapi')),
			},
			{ eventId: 'e', receivedAt: NOW },
		);
		expect(item).toMatchObject({
			fullName: 'Ada Lovelace',
			emails: [{ value: 'ada.lovelace@example.com' }],
			tags: ['Referral'],
			candidateId: '9001',
			application: { status: 'active' },
		});
		expect(item).not.toHaveProperty('job');
	});

	test('when the read fails the event still starts the workflow, saying why, with no secret in the message', async () => {
		const fetch = async () =>
			Promise.reject(
				new Error('Pinpoint answered GET /applications/1234567 with HTTP 401: Unauthorized'),
			);
		const [item] = items(await deliver(body, signed(body), { fetch }));
		expect(item).toMatchObject({
			event: 'application_hired',
			applicationId: '1234567',
			application: { id: '1234567', status: 'hired' },
			enrichment: { ok: false, error: expect.stringContaining('HTTP 401') },
		});
		expect(item).not.toHaveProperty('fullName');
		expect(JSON.stringify(item)).not.toContain(SECRET);
	});

	test('Fetch Application Details off → the thin event only, no enrichment key', async () => {
		const [item] = items(await deliver(body, signed(body)));
		expect(item).toMatchObject({ event: 'application_hired', applicationId: '1234567' });
		expect(item).not.toHaveProperty('enrichment');
	});
});

test('a link that is not a LinkedIn profile is left out and reported, the candidate is kept', () => {
	const app = json('api.application.jsonapi');
	app.data.attributes.linkedin_url = 'https://twitter.com/ada';
	const item = pinpointItem(
		json('webhook.application_hired'),
		{ application: readDocument(app) },
		{ eventId: 'e', receivedAt: NOW },
	);
	expect(item).toMatchObject({
		fullName: 'Ada Lovelace',
		candidateErrors: ['linkedin "https://twitter.com/ada" left out: not a LinkedIn profile URL'],
	});
	expect(item).not.toHaveProperty('linkedinUrl');
});
