import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { readCandidate } from '../../../shared/export/readCandidate';
import { exportOrDryRun } from '../../../shared/export/dryRun';
import { dryRunOption } from '../../../shared/descriptions/dryRun';
import { candidateInputProperties } from '../../../shared/descriptions/candidate';
import { inputError, settle } from '../../../shared/errors';
import {
	type JobFields,
	type Parsed,
	parseDateOfBirth,
	parseFte,
	parseStartDate,
	type PersonExtras,
} from '../../mapping';
import { personProfileUrl } from '../../mapping';
import { tenantOf } from '../../transport';
import { lookupField } from '../common.descriptions';
import { personCustomFieldsProperty, readPersonCustomFields } from './customFields';
import { createJob, createPerson, findPerson, findSameJob, otherPersonIds } from './steps';
import type { Candidate } from '../../../shared/candidate/schema';
import { withPersonLock } from '../../../shared/export/personLock';

const properties: INodeProperties[] = [
	...candidateInputProperties,
	{
		displayName: 'Position Title',
		name: 'positionTitle',
		type: 'string',
		required: true,
		default: '={{ $json.positionTitle ?? $json.job?.name ?? "" }}',
		placeholder: 'e.g. Senior Backend Engineer',
		description:
			'The job name in IntelliHR. It is matched to an existing Position Title, or a new one is created. The default reads the job of a Greenhouse Trigger or Pinpoint Trigger hire.',
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'string',
		required: true,
		default: '={{ $json.startDate ?? $json.offer?.startDate ?? "" }}',
		placeholder: 'e.g. 2026-11-02',
		description:
			'Company start date: YYYY-MM-DD (IntelliHR stores it as midnight UTC) or a date-time with offset such as 2026-11-02T09:00:00+10:00. Also used as the position start date. The default reads the start date of a Greenhouse Trigger or Pinpoint Trigger hire.',
	},
	lookupField(
		'businessEntity',
		'Business Entity',
		'getBusinessEntities',
		'The legal entity that employs the person',
		true,
	),
	lookupField('businessUnit', 'Business Unit', 'getBusinessUnits', 'The team or department', true),
	lookupField(
		'workClass',
		'Work Class',
		'getWorkClasses',
		'E.g. Full Time, Part Time or Casual',
		true,
	),
	lookupField('location', 'Location', 'getLocations', 'Where the person works', true),
	lookupField('workType', 'Work Type', 'getWorkTypes', 'E.g. Permanent or Fixed Contract', true),
	{
		displayName: 'Person Fields',
		name: 'personFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Used only when a new person is created',
		options: [
			{
				displayName: 'Date of Birth',
				name: 'dateOfBirth',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1990-05-17',
				description: 'YYYY-MM-DD',
			},
			{
				displayName: 'Preferred Name',
				name: 'preferredName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Jo',
			},
		],
	},
	personCustomFieldsProperty,
	{
		displayName: 'Job Options',
		name: 'jobOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			lookupField(
				'employmentCondition',
				'Employment Condition',
				'getEmploymentConditions',
				'The award or agreement that applies',
			),
			{
				displayName: 'FTE',
				name: 'fte',
				type: 'string',
				default: '',
				placeholder: 'e.g. 0.6',
				description: 'Full-time equivalent, e.g. 1 for full time',
			},
			lookupField('payGrade', 'Pay Grade', 'getPayGrades', 'Empty gives "No Pay Grade"'),
			lookupField(
				'recruitmentSource',
				'Recruitment Source',
				'getRecruitmentSources',
				'Where the hire came from, e.g. Pinpoint',
			),
			lookupField(
				'supervisorPerson',
				'Supervisor',
				'getPeople',
				'The person this job reports to. An expression may also give an email address.',
			),
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [dryRunOption],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['person'], operation: ['sendHired'] } },
	properties,
);

/**
 * Person first, then the job, as IntelliHR wants it. An existing person (same primary email) is
 * reused, and a job with the same title and start date is never added twice, so a run can be
 * repeated after any failure and only finishes what is missing.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await exportOrDryRun(this, i, 'intellihr', () => sendHired.call(this, i));
}

async function sendHired(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const candidate = readCandidate(this, i);
	const email = candidate.emails[0]?.value;
	if (!email) {
		throw inputError(
			this.getNode(),
			i,
			'Candidate emails',
			'are missing',
			'IntelliHR needs a primary email for every person, and it is how an existing person is found. Add an email',
		);
	}
	// Everything that can fail on our side is checked before the first write.
	const personFields = readPersonFields(this, i);
	const job = readJobFields(this, i);
	const custom = await readPersonCustomFields(this, i);
	const person = { ...personFields, customFields: custom.body };
	const tenant = await tenantOf(this);
	const out = (
		status: string,
		personId: string,
		jobId: string | null,
		personReused: boolean,
		extra: IDataObject = {},
	): IDataObject => ({
		ats: 'intellihr',
		status,
		personId,
		jobId,
		profileUrl: personProfileUrl(tenant, personId),
		personReused,
		email,
		positionTitle: job.positionTitle,
		startDate: job.startDate,
		...extra,
	});

	// One export of a person at a time in this n8n: a second one waits, then finds the first's record.
	return await withPersonLock('IntelliHR', candidate, async () => {
		const match = await findPerson(this, candidate, i);
		if (match) {
			const extra: IDataObject = match.otherIds.length
				? { otherMatchingPersonIds: match.otherIds }
				: {};
			// An existing person is never changed, custom fields included.
			if (custom.keys.length) extra.customFieldsNotWritten = custom.keys;
			const existing = await findSameJob(this, match.person.id, job, i);
			if (existing)
				return out('skipped', match.person.id, existing.id, true, {
					...extra,
					reason: 'the person already has this job',
				});
			const created = await createJob(this, match.person.id, job, i);
			return out('jobAdded', match.person.id, created.id, true, extra);
		}
		const created = await createPerson(this, candidate, person, i);
		// Queue mode: another worker may have created the same person at the same moment (also after a
		// recovered create: the person found may be the other worker's, and ours may exist as well).
		const duplicates = await duplicateCheck(this, candidate, created.id, i);
		const createdJob = await jobForNewPerson(this, i, created.id, job, tenant);
		return out('created', created.id, createdJob.id, false, {
			...duplicates,
			...(custom.keys.length ? { customFieldsWritten: custom.keys } : {}),
		});
	});
}

/** Other people with the candidate's emails besides the one just created: `duplicateOf`. */
async function duplicateCheck(
	ctx: IExecuteFunctions,
	candidate: Candidate,
	ownId: string,
	i: number,
): Promise<IDataObject> {
	const others = await settle(otherPersonIds(ctx, candidate, ownId, i));
	if (!others.ok) return { duplicateCheck: 'not done: the lookup after the create failed' };
	return others.value.length ? { duplicateOf: others.value } : {};
}

/** The job of a person just created; if it fails, the error says the person exists and is reused on a rerun. */
async function jobForNewPerson(
	ctx: IExecuteFunctions,
	i: number,
	personId: string,
	job: JobFields,
	tenant: string,
): Promise<{ id: string }> {
	const outcome = await settle(createJob(ctx, personId, job, i));
	if (outcome.ok) return outcome.value;
	const error = outcome.error as Error | undefined;
	const reason = String(error?.message ?? error)
		.trim()
		.replace(/^\[item \d+\]\s*/, '')
		.replace(/\.$/, '');
	const failure = new NodeOperationError(
		ctx.getNode(),
		`[item ${i}] Person ${personId} was created in IntelliHR, but the job could not be added: ${reason}. Fix it and run the item again: the existing person will be reused`,
		{ itemIndex: i, description: `Person: ${personProfileUrl(tenant, personId)}` },
	);
	failure.context.created = { personId };
	if ((error as { mayHaveBeenCreated?: boolean } | undefined)?.mayHaveBeenCreated)
		failure.context.mayHaveBeenCreated = true;
	throw failure;
}

function readPersonFields(ctx: IExecuteFunctions, i: number): PersonExtras {
	const f = ctx.getNodeParameter('personFields', i, {}) as {
		preferredName?: string;
		dateOfBirth?: unknown;
	};
	return {
		preferredName: String(f.preferredName ?? '').trim() || undefined,
		dateOfBirth: valid(ctx, i, 'Date of Birth', parseDateOfBirth(f.dateOfBirth)),
	};
}

function readJobFields(ctx: IExecuteFunctions, i: number): JobFields {
	const clean = (v: unknown) => String(v ?? '').trim() || undefined;
	const param = (name: string) => clean(ctx.getNodeParameter(name, i, ''));
	const positionTitle = param('positionTitle');
	if (!positionTitle)
		throw inputError(
			ctx.getNode(),
			i,
			'Position Title',
			'is empty',
			'Map the job title of the hire, e.g. {{ $json.job.name }}',
		);
	const startDate = valid(
		ctx,
		i,
		'Start Date',
		parseStartDate(ctx.getNodeParameter('startDate', i, '')),
		'Map the start date of the hire as YYYY-MM-DD',
	);
	// The fields Pinpoint's "Send to IntelliHR" form asks for; location and work type are optional in
	// the API, but a hire without them lands as "No Location" and has to be fixed by hand.
	const required = {
		businessEntity: 'Business Entity',
		businessUnit: 'Business Unit',
		location: 'Location',
		workClass: 'Work Class',
		workType: 'Work Type',
	} as const;
	for (const [name, label] of Object.entries(required)) {
		if (!param(name))
			throw inputError(
				ctx.getNode(),
				i,
				label,
				'is empty',
				`Pick the ${label.toLowerCase()} from the list`,
			);
	}
	const options = ctx.getNodeParameter('jobOptions', i, {}) as IDataObject;
	return {
		positionTitle,
		startDate,
		businessEntity: param('businessEntity') as string,
		businessUnit: param('businessUnit') as string,
		workClass: param('workClass') as string,
		location: param('location') as string,
		workType: param('workType') as string,
		supervisorPerson: clean(options.supervisorPerson),
		fte: valid(ctx, i, 'FTE', parseFte(options.fte)),
		payGrade: clean(options.payGrade),
		employmentCondition: clean(options.employmentCondition),
		recruitmentSource: clean(options.recruitmentSource),
	};
}

function valid<T>(
	ctx: IExecuteFunctions,
	i: number,
	field: string,
	parsed: Parsed<T>,
	fix?: string,
): T {
	if (!parsed.ok) throw inputError(ctx.getNode(), i, field, parsed.problem, fix);
	return parsed.value;
}
