import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { candidateOf } from '../candidate/item';
import { parseCandidate } from '../candidate/normalize';
import type { Candidate } from '../candidate/schema';
import { inputError } from '../errors';

/**
 * Reads the candidate for one item, from the input item or from the mapped fields, and validates
 * it. Every problem is reported at once, each naming its field, so one fix-and-rerun is enough.
 */
export function readCandidate(ctx: IExecuteFunctions, itemIndex: number): Candidate {
	const mode = ctx.getNodeParameter('candidateInput', itemIndex, 'input') as string;
	const raw =
		mode === 'fields'
			? fromFields(ctx, itemIndex)
			: candidateOf(ctx.getInputData()[itemIndex]?.json ?? {});
	const parsed = parseCandidate(raw);
	if (!parsed.ok) {
		const list = parsed.issues.map((i) => `${i.field} ${i.message}`).join('; ');
		throw inputError(
			ctx.getNode(),
			itemIndex,
			'Candidate',
			`is not valid: ${list}`,
			'Fix these fields in the input (or in "Define Below") and run again',
		);
	}
	return parsed.candidate;
}

/** The "Define Below" fields, in the loose shape parseCandidate reads. */
function fromFields(ctx: IExecuteFunctions, i: number): IDataObject {
	const f = ctx.getNodeParameter('candidateFields', i, {}) as Record<string, string>;
	const emails = String(ctx.getNodeParameter('email', i, '') ?? '')
		.split(',')
		.map((e) => e.trim())
		.filter(Boolean);
	return {
		fullName: ctx.getNodeParameter('fullName', i, '') as string,
		emails: emails.map((value, n) => ({ value, type: n === 0 ? 'personal' : 'other' })),
		phones: f.phone ? [{ value: f.phone, type: 'mobile' }] : [],
		linkedinUrl: f.linkedinUrl || undefined,
		location: { city: f.city, state: f.state, country: f.country },
		currentTitle: f.currentTitle,
		currentCompany: f.currentCompany,
		previousJobs: previousJobs(ctx, i, f.previousJobs),
		resume: f.resumeBinaryProperty ? { binaryProperty: f.resumeBinaryProperty } : undefined,
		source: f.source,
		tags: f.tags ? f.tags.split(',') : [],
	};
}

function previousJobs(ctx: IExecuteFunctions, i: number, value: unknown): IDataObject[] {
	if (!value) return [];
	try {
		return typeof value === 'string' ? JSON.parse(value) : (value as IDataObject[]);
	} catch {
		throw inputError(
			ctx.getNode(),
			i,
			'Previous Jobs (JSON)',
			'is not valid JSON',
			'Use a list like [{"title":"Engineer","company":"Acme"}]',
		);
	}
}
