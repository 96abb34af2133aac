import { capMessage, noteCapIssue } from '../../../shared/candidate/caps';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Candidate } from '../../../shared/candidate/schema';
import { readCandidate } from '../../../shared/export/readCandidate';
import { exportOrDryRun } from '../../../shared/export/dryRun';
import { dryRunOption } from '../../../shared/descriptions/dryRun';
import {
	candidateInputProperties,
	type IfExists,
	ifExistsProperty,
	parallelCandidatesOption,
} from '../../../shared/descriptions/candidate';
import { httpStatusOf, inputError, settle } from '../../../shared/errors';
import { alreadyExists } from '../../../shared/export/ifExists';
import {
	candidateIdOf,
	candidateOnJob,
	fillEmptyPatch,
	personBody,
	profileUrl,
} from '../../mapping';
import { SDX_RECORD, sdxRequest, stardexSettings } from '../../transport';
import type { SdxPerson } from '../../types';
import { STARDEX_JOB, jobLocator } from '../common.descriptions';
import { getJob } from '../jobInput';
import { jobRoutingProperties } from '../../../shared/descriptions/jobRouting';
import { routeJob, skippedByRoute, withJobRoute } from '../../../shared/export/jobRouting';
import { createPersonOnce, rememberCreated } from '../../../shared/export/createdThisRun';
import { markedRecord } from '../../../shared/export/marker';
import { skipLookupWhenMarkedOption } from '../../../shared/descriptions/marker';
import { LOCK_WAIT_MS, withPersonLock } from '../../../shared/export/personLock';
import { releaseItemSlot } from '../../../shared/itemSlots';
import { readParallelCandidates } from '../../../shared/parameters';
import { findExisting, getPerson, type Match } from './lookup';
import { type LookupMode, type PersonIndex, personIndex } from './preload';
import { addToJob } from './steps';
import {
	resumeAfterCreate,
	resumeBeforeWrite,
	resumeForExisting,
	type ResumeOptions,
	resumeOptions,
} from './resume';
import type { ResumeFile } from '../../../shared/export/resume';

interface ExportOptions extends ResumeOptions {
	externalSourceId?: string;
	notes?: string;
	enrichRecord?: boolean;
	missingLinkedin?: 'error' | 'skip';
	skipLookupWhenMarked?: boolean;
	lookup?: LookupMode;
}

const properties: INodeProperties[] = [
	...candidateInputProperties,
	...jobRoutingProperties(STARDEX_JOB, jobLocator()),
	ifExistsProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			dryRunOption,
			{
				displayName: 'Enrich Record',
				name: 'enrichRecord',
				type: 'boolean',
				default: false,
				description:
					'Whether to ask Stardex to enrich a newly created person. Stardex charges for enrichment in its UI; whether the API does too is not documented.',
			},
			{
				displayName: 'External Source ID',
				name: 'externalSourceId',
				type: 'string',
				default: '',
				placeholder: 'e.g. lemlist:ctc_123',
				description:
					"Your own ID for the record (sent as external_source_id), e.g. the outreach tool's contact ID",
			},
			{
				displayName: 'If LinkedIn URL Is Missing',
				name: 'missingLinkedin',
				type: 'options',
				default: 'error',
				description:
					'Stardex requires a LinkedIn profile URL to create a person. A candidate without one can still be matched to an existing person by email.',
				options: [
					{ name: 'Error', value: 'error', description: 'Fail the item, saying what to add' },
					{ name: 'Skip', value: 'skip', description: 'Report the item as skipped and go on' },
				],
			},
			{
				displayName: 'Lookup',
				name: 'lookup',
				type: 'options',
				default: 'auto',
				description:
					'How existing persons are found. A preload reads the whole person list once per run (100 a page) instead of two searches per candidate (LinkedIn URL, then email).',
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
						description: 'Search by LinkedIn URL, then by email, for each candidate',
					},
					{
						name: 'Preload',
						value: 'preload',
						description: 'Always read the whole person list first',
					},
				],
			},
			{
				displayName: 'Notes',
				name: 'notes',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description:
					'Initial notes on a newly created person, e.g. the reply that made them interested',
			},
			skipLookupWhenMarkedOption,
			parallelCandidatesOption,
			...resumeOptions,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['export'] } },
	properties,
);

interface ExportContext {
	candidate: Candidate;
	jobId?: string;
	ifExists: IfExists;
	appUrl: string;
	resume?: ResumeFile;
	options: ExportOptions;
}

/** Items of a run exported at the same time (Options › Parallel Candidates); read by the router. */
export const parallelItems = readParallelCandidates;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await exportOrDryRun(this, i, 'stardex', () => exportItem.call(this, i));
}

async function exportItem(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const candidate = readCandidate(this, i);
	const options = this.getNodeParameter('options', i, {}) as ExportOptions;
	const route = routeJob(this, i, STARDEX_JOB);
	if (route.skip) return skippedByRoute('stardex', route, candidate.emails[0]?.value);
	const jobId = route.jobId;
	const ifExists = this.getNodeParameter('ifExists', i, 'skip') as IfExists;
	if (!candidate.linkedinUrl && !candidate.emails.length) {
		if (options.missingLinkedin === 'skip')
			return withJobRoute(
				result('skipped', undefined, undefined, '', {
					jobId,
					reason: 'no LinkedIn URL and no email',
				}),
				route,
			);
		throw missingLinkedin(this, i, 'and the candidate has no email to find an existing person by');
	}
	// Everything that can fail on our side is checked before the first write.
	const longNote = noteCapIssue(options.notes, 'Notes');
	if (longNote)
		throw inputError(this.getNode(), i, 'Notes', capMessage(longNote, false), 'Shorten the notes');
	const resume = await resumeBeforeWrite(this, i, candidate, options);
	// One export of a person at a time in this n8n: a second one waits, then finds the first's record
	// with a live search (the run's index may predate the other export's create). Taken before the
	// first await, so items of one run working at once take it in input order.
	const exported = await withPersonLock(
		'Stardex',
		candidate,
		async (waited) => {
			const { appUrl } = await stardexSettings(this);
			const marked =
				options.skipLookupWhenMarked && ifExists === 'skip' && markedRecord(candidate, appUrl);
			if (marked)
				return result('skipped', marked.candidateId, undefined, appUrl, {
					jobId,
					matchedBy: 'marker',
					reason: 'the lead is marked as synced to this person (Skip Lookup When Lead Is Marked)',
				});
			if (jobId) await getJob(this, jobId, i);
			const index = await personIndex(this, options.lookup ?? 'auto', i);
			const ctx: ExportContext = { candidate, jobId, ifExists, appUrl, resume, options };
			return await findAndExport(this, i, ctx, options, waited ? undefined : index);
		},
		LOCK_WAIT_MS,
		this,
	);
	return withJobRoute(exported, route);
}

async function findAndExport(
	ctx: IExecuteFunctions,
	i: number,
	a: ExportContext,
	options: ExportOptions,
	index: PersonIndex | undefined,
): Promise<IDataObject> {
	const { candidate, jobId, appUrl } = a;
	const match = await findExisting(ctx, candidate, i, true, index);
	if (match) return await handleExisting(ctx, i, a, match);
	if (!candidate.linkedinUrl) {
		if (options.missingLinkedin === 'skip')
			return result('skipped', undefined, undefined, appUrl, {
				jobId,
				email: candidate.emails[0]?.value,
				reason: 'no LinkedIn URL, and no existing person matched by email',
			});
		throw missingLinkedin(ctx, i, "and no existing person matched the candidate's email");
	}
	return await create(ctx, i, a, options);
}

/** A new person, created once; a conflict means they exist after all, so the policy applies. */
async function create(
	ctx: IExecuteFunctions,
	i: number,
	a: ExportContext,
	options: ExportOptions,
): Promise<IDataObject> {
	const { candidate, jobId } = a;
	const attempt = await settle(
		createPersonOnce(ctx, 'stardex', candidate, {
			what: `person ${candidate.linkedinUrl}`,
			create: async () => {
				const body = personBody(candidate, {
					jobId,
					externalSourceId: options.externalSourceId,
					notes: options.notes,
					enrich: options.enrichRecord,
				});
				const sent = { body, itemIndex: i, expect: SDX_RECORD };
				return (await sdxRequest<SdxPerson>(ctx, 'POST', '/v1/persons', sent)).data;
			},
			find: async () => (await findExisting(ctx, candidate, i, false))?.person,
		}),
	);
	if (!attempt.ok) {
		// Stardex enforces unique LinkedIn URLs. If it answers a create with a conflict, the person
		// exists after all (created meanwhile, or not found by search): apply the policy to them.
		const again =
			httpStatusOf(attempt.error) === 409
				? await findExisting(ctx, candidate, i, false)
				: undefined;
		if (!again) throw attempt.error;
		return await handleExisting(ctx, i, a, again);
	}
	const created = attempt.value.value;
	const onJob = jobId
		? created.candidate_id
			? String(created.candidate_id)
			: candidateIdOf(candidateOnJob(created, jobId))
		: undefined;
	rememberCreated(ctx, 'stardex', candidate, {
		...created,
		candidates:
			created.candidates ?? (jobId && onJob ? [{ candidate_id: onJob, job_id: jobId }] : []),
	});
	const personId = String(created.id);
	// Only the resume upload naming the new person is left: the next candidate may start (itemSlots.ts).
	releaseItemSlot(ctx, i);
	const files = await resumeAfterCreate(ctx, i, { ...a, personId }, options);
	return result('created', personId, onJob, a.appUrl, {
		jobId,
		email: candidate.emails[0]?.value,
		...files,
	});
}

/** "If Candidate Exists", then the resume file when Attach Resume to Existing Person says so. */
async function handleExisting(
	ctx: IExecuteFunctions,
	i: number,
	a: ExportContext,
	match: Match,
): Promise<IDataObject> {
	const out = await applyPolicy(ctx, i, a, match);
	const files = await resumeForExisting(ctx, i, String(match.person.id), a.resume, a.options);
	return { ...out, ...files };
}

/** "If Candidate Exists" applied to the person Stardex already has. */
async function applyPolicy(
	ctx: IExecuteFunctions,
	i: number,
	a: ExportContext,
	match: Match,
): Promise<IDataObject> {
	const id = String(match.person.id);
	const base: IDataObject = {
		jobId: a.jobId,
		matchedBy: match.matchedBy,
		email: a.candidate.emails[0]?.value,
		...(match.otherIds.length ? { otherMatchingIds: match.otherIds } : {}),
	};
	const jobRecord = (p: SdxPerson) =>
		a.jobId ? candidateIdOf(candidateOnJob(p, a.jobId)) : undefined;
	const skipped = (reason: string, onJob?: string) =>
		result('skipped', id, onJob, a.appUrl, { ...base, reason });
	if (a.ifExists === 'error')
		throw alreadyExists(ctx.getNode(), i, {
			system: 'Stardex',
			id,
			url: profileUrl(a.appUrl, id),
			matchedBy: match.matchedBy,
		});
	if (a.ifExists === 'addToJob') {
		if (!a.jobId) return skipped('no job chosen to add the person to');
		const onJob = candidateOnJob(await getPerson(ctx, id, i), a.jobId);
		if (onJob) return skipped('already on this job', candidateIdOf(onJob));
		const added = await addToJob(ctx, id, a.jobId, i);
		return result('applied', id, added, a.appUrl, base);
	}
	if (a.ifExists === 'fillEmpty') {
		const person = await getPerson(ctx, id, i);
		const patch = fillEmptyPatch(person, a.candidate);
		if (!Object.keys(patch).length) return skipped('no empty fields to fill', jobRecord(person));
		// The same PATCH twice gives the same record, so it may be retried.
		await sdxRequest(ctx, 'PATCH', `/v1/persons/${encodeURIComponent(id)}`, {
			body: patch,
			itemIndex: i,
			idempotent: true,
		});
		return result('updated', id, jobRecord(person), a.appUrl, {
			...base,
			updatedFields: Object.keys(patch),
		});
	}
	return skipped('person already exists', jobRecord(match.person));
}

function missingLinkedin(ctx: IExecuteFunctions, i: number, why: string) {
	return inputError(
		ctx.getNode(),
		i,
		'LinkedIn URL',
		`is missing: Stardex requires a LinkedIn profile URL to create a person, ${why}`,
		'Add linkedinUrl to the candidate (or map LinkedIn URL under Define Below), or set Options › If LinkedIn URL Is Missing to Skip',
	);
}

function result(
	status: string,
	personId: string | undefined,
	stardexCandidateId: string | undefined,
	appUrl: string,
	extra: IDataObject,
): IDataObject {
	return {
		ats: 'stardex',
		status,
		candidateId: personId ?? null,
		stardexCandidateId: stardexCandidateId ?? null,
		profileUrl: personId && appUrl ? profileUrl(appUrl, personId) : null,
		...extra,
		matchedBy: extra.matchedBy ?? null,
		jobId: extra.jobId ?? null,
	};
}
