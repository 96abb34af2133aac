import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../errors';

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
