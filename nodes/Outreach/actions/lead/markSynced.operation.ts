import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { TimeLimitError } from '../../../shared/http/requestBefore';
import { callWithin } from '../../transport';
import { writerFor } from '../../writers';
import { LeadNotFoundError } from '../../writers/types';
import { type TargetOptions, targetOf } from './target';

interface MarkOptions extends TargetOptions {
	urlVariable?: string;
	idVariable?: string;
	timeLimitSeconds?: number;
}

const option = (name: string, displayName: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
});

const properties: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			option(
				'campaignId',
				'Campaign ID',
				"Mark only the lead in this campaign. Default: the item's campaign.id, else every lead with the email.",
			),
			option(
				'candidateId',
				'ATS Candidate ID',
				'Default: the candidateId of the export before this step',
			),
			option(
				'profileUrl',
				'ATS Profile URL',
				'Default: the profileUrl of the export before this step',
			),
			{
				...option(
					'idVariable',
					'Candidate ID Variable',
					'The custom variable that receives the ATS candidate ID',
				),
				default: 'atsCandidateId',
			},
			option(
				'leadEmail',
				'Lead Email',
				"Default: the email of the export output, else the candidate's first email",
			),
			option(
				'leadId',
				'Lead ID',
				"Default: the tool's lead ID the Outreach Trigger keeps under extra (e.g. extra.lemlistLeadId)",
			),
			{
				displayName: 'Time Limit (Seconds)',
				name: 'timeLimitSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 120 },
				default: 15,
				description:
					'The most time all requests of one item may take; one attempt each. Past it the item reports markedSynced: false.',
			},
			{
				...option(
					'urlVariable',
					'Profile URL Variable',
					'The custom variable that receives the ATS profile URL',
				),
				default: 'atsProfileUrl',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['lead'], operation: ['markSynced'] } },
	properties,
);

/** A custom variable name both lemlist (query parameter) and Instantly (JSON key) take as is. */
const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

function variableName(
	ctx: IExecuteFunctions,
	i: number,
	value: string | undefined,
	field: string,
	fallback: string,
	slots?: { pattern: RegExp; hint: string },
): string {
	const name = (value ?? fallback).trim() || fallback;
	if (slots && !slots.pattern.test(name))
		throw inputError(ctx.getNode(), i, field, `"${name}" is not a field the tool has`, slots.hint);
	if (!VARIABLE_NAME.test(name))
		throw inputError(
			ctx.getNode(),
			i,
			field,
			`"${name}" is not a usable variable name`,
			'Use letters, digits and underscores, starting with a letter (e.g. atsProfileUrl)',
		);
	return name;
}

/**
 * Writes the ATS link onto the lead. Its failure is this step's own status (`markedSynced: false`
 * and the reason): the export before it is never undone or repeated, and the item goes on.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const tool = this.getNodeParameter('tool', i) as string;
	const o = this.getNodeParameter('options', i, {}) as MarkOptions;
	const writer = writerFor(tool);
	if (!writer)
		throw inputError(
			this.getNode(),
			i,
			'Tool',
			`"${tool}" is not supported`,
			'Pick lemlist, Instantly or Woodpecker',
		);
	const slots = writer.variables;
	const urlVar = variableName(
		this,
		i,
		o.urlVariable,
		'Profile URL Variable',
		slots?.url ?? 'atsProfileUrl',
		slots,
	);
	const idVar = variableName(
		this,
		i,
		o.idVariable,
		'Candidate ID Variable',
		slots?.id ?? 'atsCandidateId',
		slots,
	);
	if (urlVar === idVar)
		throw inputError(
			this.getNode(),
			i,
			'Candidate ID Variable',
			'is the same as Profile URL Variable',
			'Give the two variables different names',
		);
	const input = this.getInputData()[i]?.json ?? {};
	const target = targetOf(input, tool, o);
	const out = (fields: IDataObject): IDataObject => ({ ...input, markTool: tool, ...fields });
	const skip = (reason: string) => out({ markedSynced: false, markStatus: 'skipped', reason });

	if (target.notExported) return skip(target.notExported);
	if (target.itemTool && target.itemTool !== tool)
		return skip(`the lead came from ${target.itemTool}, not ${writer.label}`);
	if (!target.profileUrl && !target.candidateId)
		return skip(
			'no ATS profileUrl or candidateId on the item: put this step after an export, or set ATS Profile URL / ATS Candidate ID',
		);
	const variables: Record<string, string> = {};
	if (target.profileUrl) variables[urlVar] = target.profileUrl;
	if (target.candidateId) variables[idVar] = target.candidateId;

	const budgetMs = Math.round(Math.min(Math.max(o.timeLimitSeconds ?? 15, 1), 120) * 1000);
	const call = callWithin(this, writer.api, { deadline: Date.now() + budgetMs, budgetMs });
	try {
		const done = await writer.mark(call, target.lead, variables);
		return out({
			markedSynced: true,
			markStatus: done.marked.length ? 'marked' : 'alreadyMarked',
			markedLeads: done.marked,
			alreadyMarkedLeads: done.already,
			markedVariables: variables,
		});
	} catch (error) {
		const reason = (error as Error)?.message ?? String(error);
		if (error instanceof LeadNotFoundError)
			return out({ markedSynced: false, markStatus: 'notFound', reason });
		const status = error instanceof TimeLimitError ? 'timedOut' : 'failed';
		return out({ markedSynced: false, markStatus: status, reason });
	}
}
