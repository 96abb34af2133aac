import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { type Candidate, parseCandidate } from './candidate';
import { EVENT_ENVELOPE_KEYS } from './descriptions/candidate';
import { inputError } from './errors';

/**
 * Reads the candidate for one item, from the input item or from the mapped fields, and validates
 * it. Every problem is reported at once, each naming its field, so one fix-and-rerun is enough.
 */
export function readCandidate(ctx: IExecuteFunctions, itemIndex: number): Candidate {
	const mode = ctx.getNodeParameter('candidateInput', itemIndex, 'input') as string;
	const raw =
		mode === 'fields'
			? fromFields(ctx, itemIndex)
			: fromInput(ctx.getInputData()[itemIndex]?.json ?? {});
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

function fromInput(json: IDataObject): IDataObject {
	const nested = json.candidate;
	if (nested && typeof nested === 'object' && !Array.isArray(nested)) return nested as IDataObject;
	const copy: IDataObject = { ...json };
	for (const key of EVENT_ENVELOPE_KEYS) delete copy[key];
	return copy;
}

function fromFields(ctx: IExecuteFunctions, i: number): IDataObject {
	const f = ctx.getNodeParameter('candidateFields', i, {}) as Record<string, string>;
	const emails = String(ctx.getNodeParameter('email', i, '') ?? '')
		.split(',')
		.map((e) => e.trim())
		.filter(Boolean);
	let previousJobs: IDataObject[] = [];
	if (f.previousJobs) {
		try {
			previousJobs =
				typeof f.previousJobs === 'string' ? JSON.parse(f.previousJobs) : f.previousJobs;
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
	return {
		fullName: ctx.getNodeParameter('fullName', i, '') as string,
		emails: emails.map((value, n) => ({ value, type: n === 0 ? 'personal' : 'other' })),
		phones: f.phone ? [{ value: f.phone, type: 'mobile' }] : [],
		linkedinUrl: f.linkedinUrl || undefined,
		location: { city: f.city, state: f.state, country: f.country },
		currentTitle: f.currentTitle,
		currentCompany: f.currentCompany,
		previousJobs,
		resume: f.resumeBinaryProperty ? { binaryProperty: f.resumeBinaryProperty } : undefined,
		source: f.source,
		tags: f.tags ? f.tags.split(',') : [],
	};
}
