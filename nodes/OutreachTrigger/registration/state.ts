import { randomBytes } from 'crypto';

import type { IDataObject } from 'n8n-workflow';

import { isRecord, str } from '../../shared/values';
import { type Tool, TOOLS } from '../adapters/types';

/**
 * What publishing registered, kept in the node's static data (n8n stores it with the workflow, so
 * every main, webhook and worker process reads the same): the tool, the URL, the vendor events,
 * the random token the tool sends back, and the ids of the hooks we created. Nothing here reaches
 * an item, a log or an error message.
 */
export interface Registration {
	tool: Tool;
	url: string;
	secret: string;
	/** `campaign`: the campaign a hook is scoped to, for tools whose hooks live on campaigns. */
	hooks: Array<{ id: string; event: string; campaign?: string }>;
}

export interface StaticDataReader {
	getWorkflowStaticData(type: string): IDataObject;
	getMode?(): string;
}

/**
 * The editor's "Listen for test event" registers a second set of hooks on the test URL (n8n runs its
 * checkExists and create in 'manual' mode, its delete in 'internal' mode like an unpublish, so delete
 * picks the slot by URL); it is kept apart, so testing never replaces or deletes the published hooks.
 */
const keyOf = (ctx: Partial<StaticDataReader>, other = false) => {
	const test = typeof ctx.getMode === 'function' && ctx.getMode() === 'manual';
	return test !== other ? 'testRegistration' : 'registration';
};

/** 32 random bytes as hex: the token a registered hook carries. */
export const newSecret = (): string => randomBytes(32).toString('hex');

/** This context's registration (`other`: the one of the other mode, test or published). */
export function readRegistration(
	ctx: Partial<StaticDataReader>,
	other = false,
): Registration | undefined {
	if (typeof ctx.getWorkflowStaticData !== 'function') return undefined;
	const raw = ctx.getWorkflowStaticData('node')[keyOf(ctx, other)];
	if (!isRecord(raw) || !Array.isArray(raw.hooks)) return undefined;
	const tool = str(raw.tool) as Tool | undefined;
	const url = str(raw.url);
	const secret = str(raw.secret);
	if (!tool || !TOOLS.includes(tool) || !url || !secret) return undefined;
	const hooks = raw.hooks
		.filter(isRecord)
		.map((h) => {
			const campaign = str(h.campaign);
			return { id: str(h.id) ?? '', event: str(h.event) ?? '', ...(campaign ? { campaign } : {}) };
		})
		.filter((h) => h.id);
	return { tool, url, secret, hooks };
}

export function writeRegistration(
	ctx: StaticDataReader,
	reg: Registration | undefined,
	other = false,
): void {
	const data = ctx.getWorkflowStaticData('node');
	const key = keyOf(ctx, other);
	if (reg) data[key] = { ...reg, hooks: reg.hooks.map((h) => ({ ...h })) };
	else delete data[key];
}
