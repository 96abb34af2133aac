import type { IHookFunctions } from 'n8n-workflow';

import type { Tool } from '../adapters/types';
import type { SelectableEvent } from '../output';
import type { NewHook, RemoteHook } from '../transport/hooks';

/**
 * What the trigger needs from a tool to register its own webhook: which of the tool's events the
 * selected Events need, how the tool sends our token back, and the webhook API itself.
 */
export interface Registrar {
	tool: Tool;
	/** The credential that may manage the tool's webhooks. */
	credentialType: string;
	/**
	 * How the tool returns the random token on every delivery: inside the JSON body (lemlist), in a
	 * header we choose (Instantly), as the key of an HMAC signature of the body (Outreach.io, in the
	 * source's signature format), or in the URL when the tool can do none of these.
	 */
	token:
		| { mode: 'bodySecret' }
		| { mode: 'hmac' }
		| { mode: 'headerToken'; headerName: string }
		| { mode: 'queryToken'; queryParameter: string };
	/**
	 * The node parameter (a Campaign resource locator) that limits the hooks to one campaign, for
	 * tools whose hook API takes a campaign; empty means every campaign.
	 */
	campaignParameter?: string;
	/** The tool's event names, one hook each, for the selected Events (sorted, no duplicates). */
	vendorEvents(events: SelectableEvent[]): string[];
	list(ctx: IHookFunctions): Promise<RemoteHook[]>;
	create(ctx: IHookFunctions, hook: NewHook): Promise<string>;
	/** Deletes one hook by id; a hook already gone is not an error. */
	remove(ctx: IHookFunctions, id: string): Promise<void>;
	/** Re-enables a hook the tool disabled after failed deliveries, where the tool can. */
	resume?(ctx: IHookFunctions, id: string): Promise<void>;
	/** What to do when the tool refuses to register, by HTTP status. */
	refusalHint(status: number | undefined): string;
}

/** The URL the tool calls: the webhook URL, plus the token for tools that can only send it there. */
export function targetUrl(registrar: Registrar, url: string, secret: string): string {
	if (registrar.token.mode !== 'queryToken') return url;
	const target = new URL(url);
	target.searchParams.set(registrar.token.queryParameter, secret);
	return target.toString();
}

/** The vendor events for the selected Events, from a table of what each Event needs. */
/** The campaign the hooks are limited to, or undefined for every campaign. */
export function campaignOf(
	ctx: Pick<IHookFunctions, 'getNodeParameter'>,
	registrar: Registrar,
): string | undefined {
	if (!registrar.campaignParameter) return undefined;
	const value = ctx.getNodeParameter(registrar.campaignParameter, '', { extractValue: true });
	return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export function eventsFrom(
	table: Record<SelectableEvent, string[]>,
	selected: SelectableEvent[],
): string[] {
	return [...new Set(selected.flatMap((e) => table[e] ?? []))].sort();
}
