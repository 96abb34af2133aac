import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { httpStatusOf, redact, settle } from '../../shared/errors';
import type { WebhookMethods } from '../../shared/trigger/webhookMethods';
import { TOOL_NAMES } from '../adapters/types';
import { checkSettings, readSettings } from '../settings';
import { selectedCampaigns } from './campaigns';
import { REGISTRARS, registrationMode } from './registrars';
import { newSecret, type Registration, readRegistration, writeRegistration } from './state';
import {
	campaignsOf,
	hookKey,
	type PlannedHook,
	planHooks,
	type Registrar,
	targetUrl,
} from './types';

/**
 * Publish and unpublish (n8n's webhookMethods, run once on the main process). With Registration on
 * automatic: checkExists says whether every hook we created is still there, pointing at this URL,
 * for the events the trigger needs (a hook deleted in the tool's UI, or disabled after failed
 * deliveries and not re-enabled, means no); create replaces our hooks with fresh ones and a fresh
 * token, rolling back on any refusal; delete removes only the hooks whose ids we stored. Manual
 * mode keeps the old behaviour, after cleaning up hooks an earlier automatic setup left.
 */
export function outreachWebhookMethods(): WebhookMethods {
	return {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				await checkSettings.call(this);
				const registrar = autoRegistrar(this);
				if (registrar) return await hooksInPlace(this, registrar);
				const left = readRegistration(this);
				if (left) await unregister(this, left);
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const registrar = autoRegistrar(this);
				if (registrar) await register(this, registrar);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				// n8n deletes test and published webhooks in the same mode: the URL says which ours are.
				const url = this.getNodeWebhookUrl('default');
				const other = readRegistration(this, true);
				const useOther =
					other !== undefined && other.url === url && readRegistration(this)?.url !== url;
				const reg = useOther ? other : readRegistration(this);
				return reg ? await unregister(this, reg, useOther) : true;
			},
		},
	};
}

function autoRegistrar(ctx: IHookFunctions): Registrar | undefined {
	if (registrationMode(ctx) !== 'auto') return undefined;
	return REGISTRARS[readSettings(ctx).source];
}

function webhookUrl(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n gave this trigger no webhook URL');
	return url;
}

const sameSet = (a: string[], b: string[]) =>
	a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** The hooks the selected Events (and, for campaign tools, the picked campaigns) need. */
function wantedHooks(ctx: IHookFunctions, registrar: Registrar): PlannedHook[] {
	const events = registrar.vendorEvents(readSettings(ctx).events);
	return planHooks(registrar, events, registrar.campaigns ? selectedCampaigns(ctx) : []);
}

async function hooksInPlace(ctx: IHookFunctions, registrar: Registrar): Promise<boolean> {
	const reg = readRegistration(ctx);
	const wanted = wantedHooks(ctx, registrar);
	const url = webhookUrl(ctx);
	if (!reg || reg.tool !== registrar.tool || reg.url !== url) return false;
	if (!sameSet(reg.hooks.map(hookKey), wanted.map(hookKey))) return false;
	const listed = await settle(registrar.list(ctx, campaignsOf(reg.hooks)));
	if (!listed.ok) throw refusal(ctx, registrar, listed.error, 'check its webhooks');
	const remote = new Map(listed.value.map((h) => [h.id, h]));
	const target = targetUrl(registrar, url, reg.secret);
	for (const hook of reg.hooks) {
		const found = remote.get(hook.id);
		if (!found || found.url !== target) return false;
		if (found.active) continue;
		if (!registrar.resume) return false;
		const resumed = await settle(registrar.resume(ctx, hook.id));
		if (!resumed.ok) return false;
	}
	return true;
}

async function register(ctx: IHookFunctions, registrar: Registrar): Promise<void> {
	const stale = readRegistration(ctx);
	if (stale) await unregister(ctx, stale);
	const url = webhookUrl(ctx);
	const planned = plannedOrRefused(ctx, registrar);
	const listed = await settle(registrar.list(ctx, campaignsOf(planned)));
	if (!listed.ok) throw refusal(ctx, registrar, listed.error, 'list its webhooks');
	const before = new Set(listed.value.map((h) => h.id));
	const reg: Registration = { tool: registrar.tool, url, secret: newSecret(), hooks: [] };
	const target = targetUrl(registrar, url, reg.secret);
	for (const hook of planned) {
		const made = await settle(registrar.create(ctx, { ...hook, url: target, secret: reg.secret }));
		if (!made.ok) {
			await rollback(ctx, registrar, reg, before, campaignsOf(planned));
			const where = hook.campaign ? ` for campaign ${hook.campaign}` : '';
			throw refusal(ctx, registrar, made.error, `register the "${hook.event}" webhook${where}`);
		}
		reg.hooks.push({ id: made.value, ...hook });
	}
	writeRegistration(ctx, reg);
}

/** The hooks to create, or why there are none (no vendor event for the Events, no campaign). */
function plannedOrRefused(ctx: IHookFunctions, registrar: Registrar): PlannedHook[] {
	const tool = TOOL_NAMES[registrar.tool];
	if (!registrar.vendorEvents(readSettings(ctx).events).length)
		throw new NodeOperationError(
			ctx.getNode(),
			`${tool} has no webhook event for the chosen Events`,
			{
				description: 'Choose Replied or Replied and Interested, or set Registration to Manual',
			},
		);
	const planned = wantedHooks(ctx, registrar);
	if (!planned.length)
		throw new NodeOperationError(
			ctx.getNode(),
			`${tool} registers webhooks per campaign: pick at least one campaign under Campaigns`,
			{
				description: `Add the ${tool} campaigns whose replies should start this workflow, or set Registration to Manual and add an account-wide webhook in ${tool} yourself`,
			},
		);
	return planned;
}

/**
 * Removes what this attempt created: the ids we got, and any new hook on our URL that the tool
 * created although its answer was lost (a timeout or a 5xx after the write).
 */
async function rollback(
	ctx: IHookFunctions,
	registrar: Registrar,
	reg: Registration,
	before: Set<string>,
	campaigns: string[],
): Promise<void> {
	const ids = new Set(reg.hooks.map((h) => h.id));
	const target = targetUrl(registrar, reg.url, reg.secret);
	const listed = await settle(registrar.list(ctx, campaigns));
	if (listed.ok)
		for (const h of listed.value) if (h.url === target && !before.has(h.id)) ids.add(h.id);
	for (const id of ids) await settle(registrar.remove(ctx, id));
}

/** Deletes the hooks we stored; keeps the ones the tool would not delete, to try again next time. */
async function unregister(ctx: IHookFunctions, reg: Registration, other = false): Promise<boolean> {
	const registrar = REGISTRARS[reg.tool];
	if (!registrar) {
		writeRegistration(ctx, undefined, other);
		return true;
	}
	const kept: Registration['hooks'] = [];
	for (const hook of reg.hooks) {
		const removed = await settle(registrar.remove(ctx, hook.id));
		if (!removed.ok) kept.push(hook);
	}
	writeRegistration(ctx, kept.length ? { ...reg, hooks: kept } : undefined, other);
	return kept.length === 0;
}

function refusal(
	ctx: IHookFunctions,
	registrar: Registrar,
	error: unknown,
	what: string,
): NodeOperationError {
	const tool = TOOL_NAMES[registrar.tool];
	const said = redact(error instanceof Error ? error.message : String(error));
	return new NodeOperationError(
		ctx.getNode(),
		`${tool} did not let the Outreach Trigger ${what}: ${said}`,
		{ description: registrar.refusalHint(httpStatusOf(error)) },
	);
}
