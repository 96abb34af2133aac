import type { IDataObject } from 'n8n-workflow';

import { candidateOf } from '../../../shared/candidate/item';
import { isRecord, str } from '../../../shared/values';
import type { LeadRef } from '../../writers/types';

/** What Mark as Synced writes, and where: read from the input item unless the options say otherwise. */
export interface MarkTarget {
	lead: LeadRef;
	profileUrl?: string;
	candidateId?: string;
	/** The tool the item says the lead came from (the Outreach Trigger's `tool`), when it says one. */
	itemTool?: string;
	/** Why the item cannot be marked, when the export before it did not reach the ATS. */
	notExported?: string;
}

export interface TargetOptions {
	leadEmail?: string;
	leadId?: string;
	campaignId?: string;
	profileUrl?: string;
	candidateId?: string;
}

const text = (v: unknown): string | undefined =>
	typeof v === 'number' && Number.isFinite(v) ? String(v) : str(v);

function firstEmail(j: IDataObject): string | undefined {
	const emails = candidateOf(j).emails;
	const list = Array.isArray(emails) ? emails : [];
	for (const e of list) {
		const value = isRecord(e) ? str(e.value) : str(e);
		if (value) return value;
	}
	return undefined;
}

/** The lead id a trigger keeps under `extra` for this tool (e.g. extra.lemlistLeadId). */
function leadIdOf(j: IDataObject, tool: string): string | undefined {
	const extra = candidateOf(j).extra;
	return isRecord(extra) ? str(extra[`${tool}LeadId`]) : undefined;
}

/**
 * The defaults need no mapping after an export: its output has `profileUrl`, `candidateId`,
 * `email` and `status`; a candidate item (the trigger's) has `emails`, `campaign`, `tool` and the
 * tool's lead id under `extra`.
 */
export function targetOf(j: IDataObject, tool: string, o: TargetOptions): MarkTarget {
	const campaign = isRecord(j.campaign) ? text(j.campaign.id) : text(j.campaign);
	const status = str(j.status);
	const candidateId = text(o.candidateId) ?? text(j.candidateId);
	return {
		lead: {
			email: str(o.leadEmail) ?? str(j.email) ?? firstEmail(j),
			leadId: str(o.leadId) ?? leadIdOf(j, tool),
			campaignId: str(o.campaignId) ?? campaign,
		},
		profileUrl: str(o.profileUrl) ?? str(j.profileUrl),
		candidateId,
		itemTool: str(j.tool),
		notExported:
			status === 'failed'
				? 'the export before this step failed, so there is no ATS record to link'
				: undefined,
	};
}
