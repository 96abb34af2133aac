import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Candidate } from '../../../shared/candidate/schema';
import { profilePdfOption } from '../../../shared/descriptions/candidate';
import { settle } from '../../../shared/errors';
import {
	DEFAULT_MAX_RESUME_MB,
	documentForNewRecord,
	type ProfilePdfMode,
	readResume,
	type ResumeFile,
} from '../../../shared/export/resume';
import { profileUrl } from '../../mapping';
import { STARDEX_MAX_DOCUMENT_MB, uploadResume, uploadResumeUnlessThere } from './documents';

export interface ResumeOptions {
	resumeBinaryProperty?: string;
	profilePdf?: ProfilePdfMode;
	maxResumeMb?: number;
	resumeToExisting?: boolean;
}

/** The export's resume options, the same names and defaults as the Greenhouse export's. */
export const resumeOptions: INodeProperties[] = [
	{
		displayName: 'Attach Resume to Existing Person',
		name: 'resumeToExisting',
		type: 'boolean',
		default: false,
		description:
			"Whether a person already in Stardex gets the resume file too (never a generated profile), unless a resume with the file's name is already on them",
	},
	profilePdfOption(
		'Whether a new person without a resume file gets a generated one-page PDF (name, contact, LinkedIn, location, roles, source, campaign and reply) uploaded as their resume',
	),
	{
		displayName: 'Max Resume Size (MB)',
		name: 'maxResumeMb',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: STARDEX_MAX_DOCUMENT_MB },
		default: DEFAULT_MAX_RESUME_MB,
		description: 'Stardex takes files up to 25 MB',
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
];

/** The resume file of the item, read and checked before anything is written (or undefined). */
export async function resumeBeforeWrite(
	ctx: IExecuteFunctions,
	i: number,
	candidate: Candidate,
	options: ResumeOptions,
): Promise<ResumeFile | undefined> {
	const property = options.resumeBinaryProperty || candidate.resume?.binaryProperty;
	if (!property) return undefined;
	const maxMb = Math.min(options.maxResumeMb ?? DEFAULT_MAX_RESUME_MB, STARDEX_MAX_DOCUMENT_MB);
	return await readResume(ctx, i, property, maxMb);
}

/**
 * A person just created gets the resume file, or else the generated profile (by the profilePdf
 * option). A failed upload fails the item, naming the person that was created.
 */
export async function resumeAfterCreate(
	ctx: IExecuteFunctions,
	i: number,
	a: { candidate: Candidate; personId: string; appUrl: string; resume?: ResumeFile },
	options: ResumeOptions,
): Promise<IDataObject> {
	const { file, report } = documentForNewRecord(ctx, i, a.candidate, a.resume, options.profilePdf);
	if (!file) return report;
	const sent = await settle(uploadResume(ctx, a.personId, file, i));
	if (!sent.ok) throw uploadFailed(ctx, i, a.personId, a.appUrl, sent.error);
	return report;
}

/** A person who was already there: the resume file only with the option, and only once. */
export async function resumeForExisting(
	ctx: IExecuteFunctions,
	i: number,
	personId: string,
	resume: ResumeFile | undefined,
	options: ResumeOptions,
): Promise<IDataObject> {
	if (!resume) return {};
	if (!options.resumeToExisting)
		return {
			resumeAttached: false,
			resumeNotes: [
				'the person was already in Stardex, so the resume was not uploaded (Options › Attach Resume to Existing Person is off)',
			],
		};
	const sent = await uploadResumeUnlessThere(ctx, personId, resume, i);
	return sent
		? { resumeAttached: true }
		: {
				resumeAttached: false,
				resumeNotes: [`a resume titled "${resume.fileName}" is already on this person`],
			};
}

function uploadFailed(
	ctx: IExecuteFunctions,
	i: number,
	personId: string,
	appUrl: string,
	error: unknown,
): NodeOperationError {
	const reason = String((error as Error)?.message ?? error)
		.replace(/^\[item \d+\]\s*/, '')
		.replace(/\.$/, '');
	const failure = new NodeOperationError(
		ctx.getNode(),
		`[item ${i}] Person ${personId} was created in Stardex, but the resume upload failed: ${reason}. Add it in Stardex by hand, or run the item again with Options › Attach Resume to Existing Person on (a resume file; the person is reused)`,
		{ itemIndex: i, description: `Person: ${profileUrl(appUrl, personId)}` },
	);
	failure.context.created = { candidateId: personId };
	if ((error as { mayHaveBeenCreated?: boolean })?.mayHaveBeenCreated)
		failure.context.mayHaveBeenCreated = true;
	return failure;
}
