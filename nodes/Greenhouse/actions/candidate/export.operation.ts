import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Candidate } from '../../../shared/candidate';
import { readCandidate } from '../../../shared/candidateInput';
import {
	candidateInputProperties,
	type IfExists,
	ifExistsProperty,
} from '../../../shared/descriptions/candidate';
import { inputError } from '../../../shared/errors';
import { DEFAULT_MAX_RESUME_MB, readResume, type ResumeFile } from '../../../shared/resume';
import { createOnce } from '../../../shared/transport';
import { type ApplicationChoice, candidateBody, fillEmptyPatch, profileUrl } from '../../mapping';
import { ghRequest, greenhouseSettings } from '../../transport';
import type { GhApplication, GhCandidate } from '../../types';
import { jobLocator } from '../common.descriptions';
import { readJobId } from '../jobInput';
import { rememberCreated } from '../../../shared/runState';
import { skippedJobsText } from '../../employments';
import { findExisting, type Match } from './lookup';
import {
	addEmployments,
	addNote,
	applicationsOf,
	attachResume,
	ensureApplication,
	ensureJob,
} from './steps';

interface ExportOptions {
	sourceId?: number;
	note?: string;
	skippedJobsToNote?: boolean;
	noteVisibility?: string;
	resumeBinaryProperty?: string;
	maxResumeMb?: number;
	linkedinScanDays?: number;
	applicationMode?: 'nested' | 'separate';
}

const properties: INodeProperties[] = [
	...candidateInputProperties,
	jobLocator(),
	ifExistsProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Add Skipped Jobs to Note',
				name: 'skippedJobsToNote',
				type: 'boolean',
				default: true,
				description:
					'Whether previous jobs that Greenhouse cannot take as employments (no company, title or start date) are written into the note, so nothing given is lost. They are always listed in the output as employmentsSkipped.',
			},
			{
				displayName: 'Create Application',
				name: 'applicationMode',
				type: 'options',
				default: 'nested',
				description: 'How the first application (or jobless prospect application) is created',
				options: [
					{
						name: 'In the Same Call',
						value: 'nested',
						description: 'POST /v3/candidates with a nested application',
					},
					{
						name: 'As a Separate Call',
						value: 'separate',
						description: 'POST /v3/candidates, then POST /v3/applications',
					},
				],
			},
			{
				displayName: 'LinkedIn Lookup Window (Days)',
				name: 'linkedinScanDays',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'Harvest v3 cannot search by LinkedIn URL. When no email matches, page through candidates updated in this many recent days and compare their LinkedIn addresses. 0 turns this off.',
			},
			{
				displayName: 'Max Resume Size (MB)',
				name: 'maxResumeMb',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_MAX_RESUME_MB,
			},
			{
				displayName: 'Note',
				name: 'note',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description:
					'A note added to a newly created candidate, e.g. the reply that made them interested',
			},
			{
				displayName: 'Note Visibility',
				name: 'noteVisibility',
				type: 'options',
				default: 'private',
				options: [
					{ name: 'Admin Only', value: 'admin_only' },
					{ name: 'Private', value: 'private' },
					{ name: 'Public', value: 'public' },
				],
			},
			{
				displayName: 'Resume Binary Property',
				name: 'resumeBinaryProperty',
				type: 'string',
				default: '',
				placeholder: 'e.g. data',
				description:
					'Binary property of the input item holding the resume PDF. Overrides the candidate\'s own "resume" field.',
			},
			{
				displayName: 'Source Name or ID',
				name: 'sourceId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getSources' },
				default: '',
				description:
					'Greenhouse source credited for the application. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['export'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const candidate = readCandidate(this, i);
	const options = this.getNodeParameter('options', i, {}) as ExportOptions;
	const jobId = readJobId(this, i);
	const ifExists = this.getNodeParameter('ifExists', i, 'skip') as IfExists;
	if (!candidate.emails.length && !(candidate.linkedinUrl && options.linkedinScanDays)) {
		throw inputError(
			this.getNode(),
			i,
			'Candidate emails',
			'are missing',
			'Greenhouse finds existing candidates by email only, so an export without one could create a duplicate. Add an email, or set a LinkedIn Lookup Window under Options',
		);
	}
	// Everything that can fail on our side is checked before the first write.
	const resumeProperty = options.resumeBinaryProperty || candidate.resume?.binaryProperty;
	const resume = resumeProperty
		? await readResume(this, i, resumeProperty, options.maxResumeMb)
		: undefined;
	if (jobId) await ensureJob(this, jobId, i);
	const choice: ApplicationChoice = {
		jobId,
		sourceId: options.sourceId ? Number(options.sourceId) : undefined,
	};
	const { appUrl, actingUserId } = await greenhouseSettings(this);

	const match = await findExisting(this, candidate, i, options.linkedinScanDays);
	if (match)
		return await handleExisting(this, i, { candidate, match, ifExists, choice, resume, appUrl });

	const nested = (options.applicationMode ?? 'nested') === 'nested';
	const { value: created } = await createOnce(this, {
		what: `candidate ${candidate.emails[0]?.value ?? candidate.fullName}`,
		create: async () =>
			parseCreated(
				await ghRequest(this, 'POST', '/v3/candidates', {
					body: candidateBody(candidate, nested ? choice : undefined),
					itemIndex: i,
				}),
			),
		find: async () => {
			const again = await findExisting(this, candidate, i, options.linkedinScanDays);
			return again
				? { candidate: again.candidate, application: undefined as GhApplication | undefined }
				: undefined;
		},
	});
	const candidateId = created.candidate.id;
	rememberCreated(this, 'greenhouse', candidate, created.candidate);
	const applicationId =
		created.application?.id ?? (await ensureApplication(this, candidateId, choice, i)).id;

	const employments = await addEmployments(this, candidateId, candidate, i);
	if (resume) await attachResume(this, applicationId, resume, i);
	const skippedText =
		employments.skipped.length && (options.skippedJobsToNote ?? true)
			? skippedJobsText(employments.skipped)
			: undefined;
	const note = [options.note, skippedText].filter(Boolean).join('\n\n');
	if (note)
		await addNote(this, candidateId, note, actingUserId, options.noteVisibility ?? 'private', i);

	return result('created', candidateId, applicationId, appUrl, {
		jobId,
		resumeAttached: Boolean(resume),
		employmentsAdded: employments.added,
		...(employments.skipped.length
			? {
					employmentsSkipped: employments.skipped as unknown as IDataObject[],
					skippedJobsInNote: Boolean(skippedText),
				}
			: {}),
		...(employments.dateNotes.length
			? { dateNotes: employments.dateNotes as unknown as IDataObject[] }
			: {}),
		email: candidate.emails[0]?.value,
	});
}

async function handleExisting(
	ctx: IExecuteFunctions,
	i: number,
	a: {
		candidate: Candidate;
		match: Match;
		ifExists: IfExists;
		choice: ApplicationChoice;
		resume?: ResumeFile;
		appUrl: string;
	},
): Promise<IDataObject> {
	const existing = a.match.candidate;
	const base = {
		jobId: a.choice.jobId,
		matchedBy: a.match.matchedBy,
		email: a.candidate.emails[0]?.value,
		...(a.match.otherIds.length ? { otherMatchingIds: a.match.otherIds } : {}),
	};
	if (a.ifExists === 'error') {
		throw inputError(
			ctx.getNode(),
			i,
			'Candidate',
			`already exists in Greenhouse as ${existing.id} (${profileUrl(a.appUrl, existing.id)}), matched by ${a.match.matchedBy}`,
			'Set "If Candidate Exists" to Skip, Add to Job or Fill Empty Fields to go on',
		);
	}
	if (a.ifExists === 'addToJob') {
		if (!a.choice.jobId)
			return result('skipped', existing.id, undefined, a.appUrl, {
				...base,
				reason: 'no job chosen to add the candidate to',
			});
		const apps = await applicationsOf(ctx, existing.id, i);
		const onJob = apps.find((app) => app.job_id === a.choice.jobId);
		if (onJob)
			return result('skipped', existing.id, onJob.id, a.appUrl, {
				...base,
				reason: 'already applied to this job',
			});
		const app = await ensureApplication(ctx, existing.id, a.choice, i);
		if (a.resume) await attachResume(ctx, app.id, a.resume, i);
		return result('applied', existing.id, app.id, a.appUrl, {
			...base,
			resumeAttached: Boolean(a.resume),
		});
	}
	if (a.ifExists === 'fillEmpty') {
		const patch = fillEmptyPatch(existing, a.candidate);
		if (!Object.keys(patch).length)
			return result('skipped', existing.id, undefined, a.appUrl, {
				...base,
				reason: 'no empty fields to fill',
			});
		// Sending the same PATCH twice gives the same record, so it may be retried.
		await ghRequest(ctx, 'PATCH', `/v3/candidates/${existing.id}`, {
			body: patch,
			itemIndex: i,
			idempotent: true,
		});
		return result('updated', existing.id, undefined, a.appUrl, {
			...base,
			updatedFields: Object.keys(patch),
		});
	}
	return result('skipped', existing.id, undefined, a.appUrl, {
		...base,
		reason: 'candidate already exists',
	});
}

/** The create response is documented by third parties as {candidate, application}; accept a flat candidate too. */
function parseCreated(body: IDataObject): { candidate: GhCandidate; application?: GhApplication } {
	const candidate = (body.candidate ?? body) as unknown as GhCandidate;
	const application = (body.application ?? undefined) as unknown as GhApplication | undefined;
	return { candidate, application: application?.id ? application : undefined };
}

function result(
	status: string,
	candidateId: number,
	applicationId: number | undefined,
	appUrl: string,
	extra: IDataObject,
): IDataObject {
	return {
		ats: 'greenhouse',
		status,
		candidateId,
		applicationId: applicationId ?? null,
		profileUrl: profileUrl(appUrl, candidateId, applicationId),
		matchedBy: extra.matchedBy ?? null,
		...extra,
	};
}
