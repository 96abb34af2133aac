import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { envelopeOf } from '../candidate/item';
import type { Candidate } from '../candidate/schema';
import { inputError } from '../errors';
import { profilePdf } from '../pdf/profile';

export interface ResumeFile {
	fileName: string;
	mimeType: string;
	base64: string;
	size: number;
}

export const DEFAULT_MAX_RESUME_MB = 10;

/**
 * Reads and checks the resume before anything is written to an ATS, so a bad file never leaves a
 * half-exported candidate behind. Only PDFs: checked by content (%PDF-), not just by name.
 */
export async function readResume(
	ctx: IExecuteFunctions,
	itemIndex: number,
	property: string,
	maxMb = DEFAULT_MAX_RESUME_MB,
): Promise<ResumeFile> {
	const field = `Resume (binary property "${property}")`;
	const binary = ctx.getInputData()[itemIndex]?.binary?.[property];
	if (!binary) {
		const available = Object.keys(ctx.getInputData()[itemIndex]?.binary ?? {});
		throw inputError(
			ctx.getNode(),
			itemIndex,
			field,
			'does not exist on this item',
			available.length
				? `The item has binary properties: ${available.join(', ')}. Use one of those names`
				: 'Add the PDF to the item first (e.g. with a Read Binary File or HTTP Request node), or leave the resume empty',
		);
	}
	const buffer = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	const fileName = binary.fileName || 'resume.pdf';
	if (buffer.length === 0)
		throw inputError(
			ctx.getNode(),
			itemIndex,
			field,
			'is an empty file',
			'Attach a PDF with content',
		);
	if (buffer.length > maxMb * 1024 * 1024) {
		throw inputError(
			ctx.getNode(),
			itemIndex,
			field,
			`is ${(buffer.length / 1024 / 1024).toFixed(1)} MB, over the ${maxMb} MB limit`,
			'Compress the PDF or raise Max Resume Size under Options',
		);
	}
	if (buffer.subarray(0, 5).toString('latin1') !== '%PDF-') {
		throw inputError(
			ctx.getNode(),
			itemIndex,
			field,
			`("${fileName}", ${binary.mimeType || 'unknown type'}) is not a PDF`,
			'Convert the resume to PDF first',
		);
	}
	return {
		fileName: /\.pdf$/i.test(fileName) ? fileName : `${fileName}.pdf`,
		mimeType: 'application/pdf',
		base64: buffer.toString('base64'),
		size: buffer.length,
	};
}

export type ProfilePdfMode = 'outreach' | 'always' | 'never';

/**
 * "Generate Profile PDF When No Resume": by default only for candidates an outreach tool sourced
 * (their trigger item carries `tool`), where the ATS would otherwise get no document at all.
 */
export function wantsProfilePdf(mode: ProfilePdfMode | undefined, envelope: IDataObject): boolean {
	const m = mode ?? 'outreach';
	return (
		m === 'always' || (m === 'outreach' && typeof envelope.tool === 'string' && !!envelope.tool)
	);
}

/** The generated one-page profile as a resume file; `notes` says what the reader should know. */
export function generatedResume(
	candidate: Candidate,
	envelope: IDataObject,
): ResumeFile & { notes: string[] } {
	const pdf = profilePdf(candidate, envelope);
	const notes = [
		...(pdf.transliterated
			? ['characters without a glyph in the PDF fonts were transliterated']
			: []),
		...(pdf.truncated ? ['the page was full, so the end was left out'] : []),
	];
	return {
		fileName: pdf.fileName,
		mimeType: 'application/pdf',
		base64: pdf.buffer.toString('base64'),
		size: pdf.buffer.length,
		notes,
	};
}

/**
 * The document a record just created gets (Greenhouse and Stardex exports): the resume file, or else
 * the generated profile when "Generate Profile PDF When No Resume" asks for it. Only new records get
 * a generated profile: an existing one has its documents already. `report` goes on the item's output.
 */
export function documentForNewRecord(
	ctx: IExecuteFunctions,
	i: number,
	candidate: Candidate,
	resume: ResumeFile | undefined,
	mode: ProfilePdfMode | undefined,
): { file?: ResumeFile; report: IDataObject } {
	const envelope = envelopeOf(ctx.getInputData()[i]?.json ?? {}) as IDataObject;
	const generated =
		!resume && wantsProfilePdf(mode, envelope) ? generatedResume(candidate, envelope) : undefined;
	const file = resume ?? generated;
	return {
		file,
		report: {
			resumeAttached: Boolean(file),
			...(generated
				? {
						resumeGenerated: true,
						...(generated.notes.length ? { resumeNotes: generated.notes } : {}),
					}
				: {}),
		},
	};
}
