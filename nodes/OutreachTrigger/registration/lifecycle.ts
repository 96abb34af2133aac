import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { httpStatusOf, redact, settle } from '../../shared/errors';
import type { WebhookMethods } from '../../shared/trigger/webhookMethods';
import { TOOL_NAMES } from '../adapters/types';
import { checkSettings, readSettings } from '../settings';
import { REGISTRARS, registrationMode } from './registrars';
import { newSecret, type Registration, readRegistration, writeRegistration } from './state';
import { campaignOf, type Registrar, targetUrl } from './types';

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

async function hooksInPlace(ctx: IHookFunctions, registrar: Registrar): Promise<boolean> {
	const reg = readRegistration(ctx);
	const wanted = registrar.vendorEvents(readSettings(ctx).events);
	const url = webhookUrl(ctx);
	const campaign = campaignOf(ctx, registrar);
	if (!reg || reg.tool !== registrar.tool || reg.url !== url || reg.campaign !== campaign)
		return false;
	if (
		!sameSet(
			reg.hooks.map((h) => h.event),
			wanted,
		)
	)
		return false;
	const listed = await settle(registrar.list(ctx));
	if (!listed.ok) throw refusal(ctx, registrar, listed.error, 'check its webhooks');
	const remote = new Map(listed.value.map((h) => [h.id, h]));
	const target = targetUrl(registrar, url, reg.secret);
	for (const hook of reg.hooks) {
		const found = remote.get(hook.id);
		if (!found || found.url !== target || found.campaign !== campaign) return false;
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
	const listed = await settle(registrar.list(ctx));
	if (!listed.ok) throw refusal(ctx, registrar, listed.error, 'list its webhooks');
	const before = new Set(listed.value.map((h) => h.id));
	const campaign = campaignOf(ctx, registrar);
	const reg: Registration = { tool: registrar.tool, url, secret: newSecret(), hooks: [], campaign };
	const target = targetUrl(registrar, url, reg.secret);
	const events = registrar.vendorEvents(readSettings(ctx).events);
	if (!events.length)
		throw new NodeOperationError(
			ctx.getNode(),
			`${TOOL_NAMES[registrar.tool]} has no webhook event for the chosen Events`,
			{ description: 'Choose Replied or Replied and Interested, or set Registration to Manual' },
		);
	for (const event of events) {
		const made = await settle(
			registrar.create(ctx, { url: target, event, secret: reg.secret, campaign }),
		);
		if (!made.ok) {
			await rollback(ctx, registrar, reg, before);
			throw refusal(ctx, registrar, made.error, `register the "${event}" webhook`);
		}
		reg.hooks.push({ id: made.value, event });
	}
	writeRegistration(ctx, reg);
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
): Promise<void> {
	const ids = new Set(reg.hooks.map((h) => h.id));
	const target = targetUrl(registrar, reg.url, reg.secret);
	const listed = await settle(registrar.list(ctx));
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
