import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { envelopeOf } from '../candidate/item';
import type { JobLocatorSpec } from '../descriptions/jobLocator';
import type { CampaignFallback, JobRoutingMode } from '../descriptions/jobRouting';
import { inputError } from '../errors';
import { readJobLocator } from '../parameters';
import { isRecord } from '../values';

/**
 * The job of one item under Job Routing (descriptions/jobRouting.ts). `jobRoute` says which route was
 * taken, for the output; `skip` is set when the campaign fallback says to export nothing.
 */
export interface JobRoute {
	jobId?: string;
	jobRoute: IDataObject;
	skip?: string;
}

interface RouteRow {
	campaign?: string;
	job?: unknown;
}

export function routeJob(ctx: IExecuteFunctions, i: number, spec: JobLocatorSpec): JobRoute {
	const mode = ctx.getNodeParameter('jobRouting', i, 'oneJob') as JobRoutingMode;
	if (mode === 'byCampaign') return byCampaign(ctx, i, spec);
	if (mode === 'fromInput') {
		const jobId = fromInput(ctx, i, spec);
		return { jobId, jobRoute: { by: 'input', jobId: jobId ?? null } };
	}
	return { jobId: readJobLocator(ctx, i, spec), jobRoute: { by: 'oneJob' } };
}

/** The item's campaign: `campaign` of the trigger item ({id, name} or a plain name). */
export function campaignOf(item: IDataObject): { id?: string; name?: string } {
	const envelope = envelopeOf(item);
	const nested = isRecord(item.candidate) ? envelopeOf(item.candidate as IDataObject) : {};
	const c = envelope.campaign ?? nested.campaign;
	if (typeof c === 'string' || typeof c === 'number') return { name: text(c) };
	if (!isRecord(c)) return {};
	return { id: text(c.id), name: text(c.name) };
}

const text = (v: unknown): string | undefined =>
	(typeof v === 'string' || typeof v === 'number') && String(v).trim()
		? String(v).trim()
		: undefined;

const same = (a: string | undefined, b: string | undefined) =>
	a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

function byCampaign(ctx: IExecuteFunctions, i: number, spec: JobLocatorSpec): JobRoute {
	const campaign = campaignOf(ctx.getInputData()[i]?.json ?? {});
	const named = campaign.name ?? campaign.id ?? null;
	const rows = (ctx.getNodeParameter('campaignJobs.routes', i, []) as RouteRow[]) ?? [];
	for (const [n, row] of rows.entries()) {
		const key = text(row.campaign);
		const matchedBy = same(key, campaign.id) ? 'id' : same(key, campaign.name) ? 'name' : undefined;
		if (!matchedBy) continue;
		const jobId = rowJob(ctx, i, spec, row.job, n);
		return {
			jobId,
			jobRoute: { by: 'campaign', campaign: named, matchedBy, jobId: jobId ?? null },
		};
	}
	const fallback = ctx.getNodeParameter('campaignFallback', i, 'noJob') as CampaignFallback;
	const why =
		named === null
			? 'the item has no campaign'
			: `campaign "${named}" is not in Job Routing › Campaigns`;
	const jobRoute = { by: 'fallback', campaign: named, fallback };
	if (fallback === 'skip') return { jobRoute, skip: why };
	if (fallback === 'error')
		throw inputError(
			ctx.getNode(),
			i,
			'Campaign',
			named === null
				? 'is missing: the item has no campaign to route by'
				: `"${named}" is not mapped to a job`,
			'Add a row for it under Job Routing › Campaigns (name or ID), or set Fallback to No Job or Skip Item',
		);
	return { jobRoute: { ...jobRoute, reason: why } };
}

/** A row's job picker: its ID from a list pick, an ID or a job page URL. */
function rowJob(
	ctx: IExecuteFunctions,
	i: number,
	spec: JobLocatorSpec,
	job: unknown,
	n: number,
): string | undefined {
	const locator = isRecord(job) ? (job as { mode?: string; value?: unknown }) : { value: job };
	let value = text(locator.value) ?? '';
	if (locator.mode === 'url') value = new RegExp(spec.urlRegex).exec(value)?.[1] ?? value;
	if (!value) return undefined;
	if (!spec.idPattern.test(value))
		throw inputError(
			ctx.getNode(),
			i,
			`Job of campaign row ${n + 1}`,
			`"${value.slice(0, 80)}" is not a ${spec.system} job ID`,
			`Pick the job from the list, or give ${spec.idHint}`,
		);
	return value;
}

function fromInput(ctx: IExecuteFunctions, i: number, spec: JobLocatorSpec): string | undefined {
	const value = text(ctx.getNodeParameter('jobIdInput', i, '')) ?? '';
	if (!value) return undefined;
	const id = new RegExp(spec.urlRegex).exec(value)?.[1] ?? value;
	if (!spec.idPattern.test(id))
		throw inputError(
			ctx.getNode(),
			i,
			'Job ID (From Input)',
			`"${value.slice(0, 80)}" is not a ${spec.system} job ID`,
			`Give ${spec.idHint} in Job ID, e.g. ${spec.idPlaceholder.replace(/^e\.g\. /, '')}`,
		);
	return id;
}

/** The export's output with the route taken; One Job outputs stay as they were. */
export function withJobRoute(result: IDataObject, route: JobRoute): IDataObject {
	return route.jobRoute.by === 'oneJob' ? result : { ...result, jobRoute: route.jobRoute };
}

/** The output of an item the campaign fallback skipped: nothing was looked up or written. */
export function skippedByRoute(ats: string, route: JobRoute, email?: string): IDataObject {
	return {
		ats,
		status: 'skipped',
		candidateId: null,
		profileUrl: null,
		matchedBy: null,
		jobId: null,
		email: email ?? null,
		reason: `${route.skip}, and Fallback is Skip Item`,
		jobRoute: route.jobRoute,
	};
}
