import { capMessage, noteCapIssue } from '../../../shared/candidate/caps';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { Candidate } from '../../../shared/candidate/schema';
import { readCandidate } from '../../../shared/export/readCandidate';
import { exportOrDryRun } from '../../../shared/export/dryRun';
import { dryRunOption } from '../../../shared/descriptions/dryRun';
import {
	candidateInputProperties,
	type IfExists,
	ifExistsProperty,
	parallelCandidatesOption,
	profilePdfOption,
} from '../../../shared/descriptions/candidate';
import { httpStatusOf, inputError, settle } from '../../../shared/errors';
import { alreadyExists } from '../../../shared/export/ifExists';
import {
	DEFAULT_MAX_RESUME_MB,
	documentForNewRecord,
	type ProfilePdfMode,
	readResume,
	type ResumeFile,
} from '../../../shared/export/resume';
import { noteCreated } from '../../../shared/http/readAfterWrite';
import { type ApplicationChoice, candidateBody, fillEmptyPatch, profileUrl } from '../../mapping';
import { ghRequest, greenhouseSettings } from '../../transport';
import type { GhApplication, GhCandidate } from '../../types';
import { GREENHOUSE_JOB, jobLocator } from '../common.descriptions';
import { jobRoutingProperties } from '../../../shared/descriptions/jobRouting';
import { routeJob, skippedByRoute, withJobRoute } from '../../../shared/export/jobRouting';
import { createPersonOnce, rememberCreated } from '../../../shared/export/createdThisRun';
import { markedRecord } from '../../../shared/export/marker';
import { skipLookupWhenMarkedOption } from '../../../shared/descriptions/marker';
import { LOCK_WAIT_MS, withPersonLock } from '../../../shared/export/personLock';
import { releaseItemSlot } from '../../../shared/itemSlots';
import { readParallelCandidates } from '../../../shared/parameters';
import { skippedJobsText } from '../../employments';
import {
	type CustomFieldPlan,
	customFieldsOutput,
	customFieldsProperty,
	emptyCustomFields,
	readCustomFields,
	withCustomFields,
} from './customFields';
import { findExisting, type Match, otherCandidateIds } from './lookup';
import { candidateIndex, type LookupMode } from './preload';
import {
	addEmployments,
	addNote,
	applicationsOf,
	attachResume,
	ensureApplication,
	ensureJob,
} from './steps';
import { mergeIntoOlder } from './merge';

interface ExportOptions {
	sourceId?: number;
	note?: string;
	skippedJobsToNote?: boolean;
	noteVisibility?: string;
	resumeBinaryProperty?: string;
	profilePdf?: ProfilePdfMode;
	maxResumeMb?: number;
	linkedinScanDays?: number;
	applicationMode?: 'nested' | 'separate';
	lookup?: LookupMode;
	skipLookupWhenMarked?: boolean;
	mergeDuplicates?: boolean;
}

const properties: INodeProperties[] = [
	...candidateInputProperties,
	...jobRoutingProperties(GREENHOUSE_JOB, jobLocator()),
	ifExistsProperty,
	customFieldsProperty,
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
			dryRunOption,
			profilePdfOption(
				'Whether a new candidate without a resume file gets a generated one-page PDF (name, contact, LinkedIn, location, roles, source, campaign and reply) attached as the resume',
			),
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
				displayName: 'Lookup',
				name: 'lookup',
				type: 'options',
				default: 'auto',
				description:
					'How existing candidates are found. A preload reads the whole candidate list once per run (500 a page) instead of one search per candidate.',
				options: [
					{
						name: 'Auto',
						value: 'auto',
						description:
							'Preload when the list takes at most a tenth as many pages as there are input items, else search per candidate',
					},
					{
						name: 'Per Candidate',
						value: 'perCandidate',
						description:
							'One search by email per candidate: best for a few items or very large accounts',
					},
					{
						name: 'Preload',
						value: 'preload',
						description:
							'Always read the whole candidate list first; also matches by LinkedIn address',
					},
				],
			},
			{
				displayName: 'Max Resume Size (MB)',
				name: 'maxResumeMb',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_MAX_RESUME_MB,
			},
			{
				displayName: 'Merge Duplicates Created at the Same Moment',
				name: 'mergeDuplicates',
				type: 'boolean',
				default: false,
				description:
					'Whether a candidate that another execution created at the same moment (reported as duplicateOf, e.g. two queue-mode workers exporting the same person) absorbs the one this export created: ours is merged into the older record after every write, and the output gives the kept candidateId, mergedCandidateId and merged: true. Needs the scope harvest:candidates:merge.',
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
			parallelCandidatesOption,
			{
				displayName: 'Resume Binary Property',
				name: 'resumeBinaryProperty',
				type: 'string',
				default: '',
				placeholder: 'e.g. data',
				description:
					'Binary property of the input item holding the resume PDF. Overrides the candidate\'s own "resume" field.',
			},
			skipLookupWhenMarkedOption,
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

/** Items of a run exported at the same time (Options › Parallel Candidates); read by the router. */
export const parallelItems = readParallelCandidates;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await exportOrDryRun(this, i, 'greenhouse', () => exportItem.call(this, i));
}

async function exportItem(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const candidate = readCandidate(this, i);
	const options = this.getNodeParameter('options', i, {}) as ExportOptions;
	const route = routeJob(this, i, GREENHOUSE_JOB);
	if (route.skip) return skippedByRoute('greenhouse', route, candidate.emails[0]?.value);
	const jobId = route.jobId === undefined ? undefined : Number(route.jobId);
	const ifExists = this.getNodeParameter('ifExists', i, 'skip') as IfExists;
	// One export of a person at a time in this n8n: a second one waits, then finds the first's record.
	// Taken before the first await, so items of one run working at once take it in input order.
	const exported = await withPersonLock(
		'Greenhouse',
		candidate,
		async (waited) => {
			const resume = await checkBeforeWrite(this, i, candidate, options, jobId, ifExists);
			const { appUrl } = await greenhouseSettings(this);
			const marked =
				options.skipLookupWhenMarked && ifExists === 'skip' && markedRecord(candidate, appUrl);
			// Greenhouse candidate IDs are integers: any other marker is not one of ours.
			if (marked && /^\d{1,15}$/.test(marked.candidateId))
				return result('skipped', Number(marked.candidateId), undefined, appUrl, {
					matchedBy: 'marker',
					reason:
						'the lead is marked as synced to this candidate (Skip Lookup When Lead Is Marked)',
				});
			const customFields = await readCustomFields(this, i, jobId);
			const choice: ApplicationChoice = {
				jobId,
				sourceId: options.sourceId ? Number(options.sourceId) : undefined,
				customFields: withCustomFields({}, customFields.application).custom_fields as IDataObject[],
			};
			const index = await candidateIndex(this, options.lookup ?? 'auto', i);
			const a: ExportContext = {
				candidate,
				choice,
				resume,
				appUrl,
				options,
				customFields,
				preloaded: !!index,
			};
			// After waiting for another run's export of this person, the index may predate its create.
			const live = waited ? undefined : index;
			const match = await findExisting(this, candidate, i, options.linkedinScanDays, live);
			if (match) return await handleExisting(this, i, a, match, ifExists);
			return await create(this, i, a);
		},
		LOCK_WAIT_MS,
		this,
	);
	return withJobRoute(exported, route);
}

interface ExportContext {
	candidate: Candidate;
	choice: ApplicationChoice;
	resume?: ResumeFile;
	appUrl: string;
	options: ExportOptions;
	/** The run preloaded the candidate list (a bulk backfill): see duplicateCheck's caller. */
	preloaded: boolean;
	customFields: CustomFieldPlan;
}

/** Everything that can fail on our side is checked before the first write. Returns the resume, if any. */
async function checkBeforeWrite(
	ctx: IExecuteFunctions,
	i: number,
	candidate: Candidate,
	options: ExportOptions,
	jobId: number | undefined,
	ifExists: IfExists,
): Promise<ResumeFile | undefined> {
	if (!candidate.emails.length && !(candidate.linkedinUrl && options.linkedinScanDays)) {
		throw inputError(
			ctx.getNode(),
			i,
			'Candidate emails',
			'are missing',
			'Greenhouse finds existing candidates by email only, so an export without one could create a duplicate. Add an email, or set a LinkedIn Lookup Window under Options',
		);
	}
	const longNote = noteCapIssue(options.note, 'Note');
	if (longNote)
		throw inputError(ctx.getNode(), i, 'Note', capMessage(longNote, false), 'Shorten the note');
	const resumeProperty = options.resumeBinaryProperty || candidate.resume?.binaryProperty;
	const resume = resumeProperty
		? await readResume(ctx, i, resumeProperty, options.maxResumeMb)
		: undefined;
	if (jobId && !createValidatesJob(options, ifExists)) await ensureJob(ctx, jobId, i);
	return resume;
}

/**
 * Whether the job check (GET /v3/jobs, once per execution, so once per webhook event) can be left
 * out: a create with the application nested refuses an unknown or closed job in the same call, so
 * nothing is written for it, and the skip, fill-empty and error paths do not use the job. Add to Job
 * and the separate application call would write before the job is refused, so they keep the check.
 */
function createValidatesJob(options: ExportOptions, ifExists: IfExists): boolean {
	return (options.applicationMode ?? 'nested') === 'nested' && ifExists !== 'addToJob';
}

/** A new candidate, created once, then its application, employments, resume and note. */
async function create(ctx: IExecuteFunctions, i: number, a: ExportContext): Promise<IDataObject> {
	const { candidate, choice, options } = a;
	const nested = (options.applicationMode ?? 'nested') === 'nested';
	const { value: created } = await createPersonOnce(ctx, 'greenhouse', candidate, {
		what: `candidate ${candidate.emails[0]?.value ?? candidate.fullName}`,
		create: async () =>
			parseCreated(
				await jobRefusedAsInput(
					ctx,
					i,
					choice.jobId,
					ghRequest(ctx, 'POST', '/v3/candidates', {
						body: withCustomFields(
							candidateBody(candidate, nested ? choice : undefined),
							a.customFields.candidate,
						),
						itemIndex: i,
					}),
				),
			),
		// A live lookup, never the run's index: the create may have happened after the index was read.
		find: async () => {
			const again = await findExisting(ctx, candidate, i, options.linkedinScanDays);
			return again
				? { candidate: again.candidate, application: undefined as GhApplication | undefined }
				: undefined;
		},
	});
	const candidateId = created.candidate.id;
	rememberCreated(ctx, 'greenhouse', candidate, created.candidate);
	// Greenhouse may not know a new record at once; writes naming it wait for it (readAfterWrite.ts).
	noteCreated(ctx, 'candidate', candidateId);
	if (created.application) noteCreated(ctx, 'application', created.application.id);
	// Queue mode: another worker may have created the same person at the same moment. Also after a
	// recovered create: the record found may be the other worker's, and ours may exist as well.
	// A bulk backfill that preloaded the list skips it (one search per new candidate would double its
	// requests); the same person arriving twice at once is a webhook case, and single events never
	// preload (preload.ts). In one process the person lock prevents the duplicate either way.
	const duplicates = a.preloaded ? {} : await duplicateCheck(ctx, candidate, candidateId, i);
	// Only writes naming the new candidate are left: the next candidate may start (itemSlots.ts).
	releaseItemSlot(ctx, i);
	const done = await settle(afterCreate(ctx, i, a, created));
	if (!done.ok) throw createdButFailed(ctx, i, candidateId, a.appUrl, done.error);
	const { applicationId, employments, skippedText, document } = done.value;
	const merge =
		a.options.mergeDuplicates && Array.isArray(duplicates.duplicateOf)
			? await mergeIntoOlder(ctx, candidateId, duplicates.duplicateOf as number[], i)
			: {};
	const keptId = typeof merge.candidateId === 'number' ? merge.candidateId : candidateId;
	return result('created', keptId, applicationId, a.appUrl, {
		...duplicates,
		...merge,
		jobId: choice.jobId,
		...customFieldsOutput([...a.customFields.candidate, ...a.customFields.application]),
		...document.report,
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

/** A 422 naming the nested application's job reads like the job check's own message. */
async function jobRefusedAsInput<T>(
	ctx: IExecuteFunctions,
	i: number,
	jobId: number | undefined,
	request: Promise<T>,
): Promise<T> {
	const outcome = await settle(request);
	if (outcome.ok) return outcome.value;
	const message = (outcome.error as Error)?.message ?? '';
	if (jobId && httpStatusOf(outcome.error) === 422 && /\bjob_id\b/.test(message))
		throw inputError(
			ctx.getNode(),
			i,
			'Job',
			`${jobId} was not found in Greenhouse or is not open (${message.replace(/^.*?HTTP 422: /, '').split('. ')[0]})`,
			'Pick the job from the list, or check the ID and that the credential may see it',
		);
	throw outcome.error;
}

/** The application, employments, resume and note of a candidate just created. */
async function afterCreate(
	ctx: IExecuteFunctions,
	i: number,
	a: ExportContext,
	created: { candidate: GhCandidate; application?: GhApplication },
) {
	const { candidate, choice, options } = a;
	const candidateId = created.candidate.id;
	const applicationId =
		created.application?.id ?? (await ensureApplication(ctx, candidateId, choice, i)).id;
	const employments = await addEmployments(ctx, candidateId, candidate, i);
	const document = documentForNewRecord(ctx, i, candidate, a.resume, options.profilePdf);
	if (document.file) await attachResume(ctx, applicationId, document.file, i);
	const skippedText =
		employments.skipped.length && (options.skippedJobsToNote ?? true)
			? skippedJobsText(employments.skipped)
			: undefined;
	const note = [options.note, skippedText].filter(Boolean).join('\n\n');
	if (note) {
		const { actingUserId } = await greenhouseSettings(ctx);
		await addNote(ctx, candidateId, note, actingUserId, options.noteVisibility ?? 'private', i);
	}
	return { applicationId, employments, skippedText, document };
}

/** A follow-up write failed after the candidate was created: the item says so, with the new id. */
function createdButFailed(
	ctx: IExecuteFunctions,
	i: number,
	candidateId: number,
	appUrl: string,
	error: unknown,
): NodeOperationError {
	const reason = String((error as Error)?.message ?? error)
		.replace(/^\[item \d+\]\s*/, '')
		.replace(/\.$/, '');
	const failure = new NodeOperationError(
		ctx.getNode(),
		`[item ${i}] Candidate ${candidateId} was created in Greenhouse, but a follow-up step failed: ${reason}. Run the item again with "If Candidate Exists" set to Add to Job to finish it: the candidate is reused`,
		{ itemIndex: i, description: `Candidate: ${profileUrl(appUrl, candidateId)}` },
	);
	failure.context.created = { candidateId };
	if ((error as { mayHaveBeenCreated?: boolean })?.mayHaveBeenCreated)
		failure.context.mayHaveBeenCreated = true;
	return failure;
}

/** Other candidates with the candidate's emails besides the one just created: `duplicateOf`. */
async function duplicateCheck(
	ctx: IExecuteFunctions,
	candidate: Candidate,
	ownId: number,
	i: number,
): Promise<IDataObject> {
	const others = await settle(otherCandidateIds(ctx, candidate, ownId, i));
	if (!others.ok) return { duplicateCheck: 'not done: the lookup after the create failed' };
	return others.value.length ? { duplicateOf: others.value } : {};
}

/** "If Candidate Exists" applied to the candidate Greenhouse already has. */
async function handleExisting(
	ctx: IExecuteFunctions,
	i: number,
	a: ExportContext,
	match: Match,
	ifExists: IfExists,
): Promise<IDataObject> {
	const existing = match.candidate;
	const base: IDataObject = {
		jobId: a.choice.jobId,
		matchedBy: match.matchedBy,
		email: a.candidate.emails[0]?.value,
		...(match.otherIds.length ? { otherMatchingIds: match.otherIds } : {}),
	};
	// A skip writes nothing, custom fields included: the output names them.
	const allFields = [...a.customFields.candidate, ...a.customFields.application];
	const skipped = (reason: string, applicationId?: number) =>
		result('skipped', existing.id, applicationId, a.appUrl, {
			...base,
			reason,
			...customFieldsOutput([], allFields),
		});
	if (ifExists === 'error')
		throw alreadyExists(ctx.getNode(), i, {
			system: 'Greenhouse',
			id: existing.id,
			url: profileUrl(a.appUrl, existing.id),
			matchedBy: match.matchedBy,
		});
	if (ifExists === 'addToJob') {
		if (!a.choice.jobId) return skipped('no job chosen to add the candidate to');
		const apps = await applicationsOf(ctx, existing.id, i);
		const onJob = apps.find((app) => app.job_id === a.choice.jobId);
		if (onJob) return skipped('already applied to this job', onJob.id);
		const app = await ensureApplication(ctx, existing.id, a.choice, i);
		if (a.resume) await attachResume(ctx, app.id, a.resume, i);
		return result('applied', existing.id, app.id, a.appUrl, {
			...base,
			resumeAttached: Boolean(a.resume),
			...customFieldsOutput(a.customFields.application, a.customFields.candidate),
		});
	}
	if (ifExists === 'fillEmpty') {
		const custom = emptyCustomFields(existing, a.customFields.candidate);
		const patch = withCustomFields(fillEmptyPatch(existing, a.candidate), custom.fill);
		if (!Object.keys(patch).length) return skipped('no empty fields to fill');
		// Sending the same PATCH twice gives the same record, so it may be retried.
		await ghRequest(ctx, 'PATCH', `/v3/candidates/${existing.id}`, {
			body: patch,
			itemIndex: i,
			idempotent: true,
		});
		return result('updated', existing.id, undefined, a.appUrl, {
			...base,
			updatedFields: Object.keys(patch),
			// Fill Empty Fields changes the candidate only: application fields are not written.
			...customFieldsOutput(custom.fill, [...custom.kept, ...a.customFields.application]),
		});
	}
	return skipped('candidate already exists');
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
