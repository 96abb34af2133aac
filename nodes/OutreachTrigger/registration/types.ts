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
	 * header we choose (Instantly), or in the URL when the tool can do neither.
	 */
	token:
		| { mode: 'bodySecret' }
		| { mode: 'headerToken'; headerName: string }
		| { mode: 'queryToken'; queryParameter: string };
	/** The tool's event names for the selected Events (sorted, no duplicates). */
	vendorEvents(events: SelectableEvent[]): string[];
	/**
	 * One hook carries all the vendor events (Smartlead's `event_types` array); its event is then
	 * the sorted names joined by commas. Otherwise one hook per vendor event.
	 */
	bundle?: boolean;
	/**
	 * 'required': the tool's webhook API works per campaign only, so at least one campaign must be
	 * picked (one hook set per campaign). 'optional': hooks per picked campaign, or account-wide
	 * when none is picked. Tools without it register account-wide hooks.
	 */
	campaigns?: 'required' | 'optional';
	/** The hooks the tool lists; tools whose hooks live on campaigns list those campaigns'. */
	list(ctx: IHookFunctions, campaigns: string[]): Promise<RemoteHook[]>;
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

/** One hook to register: its event (or comma-joined events) and, for campaign tools, its campaign. */
export interface PlannedHook {
	event: string;
	campaign?: string;
}

/** The hooks the selected Events and campaigns need: events × campaigns, or events alone. */
export function planHooks(
	registrar: Registrar,
	events: string[],
	campaigns: string[],
): PlannedHook[] {
	const groups = registrar.bundle ? (events.length ? [events.join(',')] : []) : events;
	if (!registrar.campaigns || (registrar.campaigns === 'optional' && !campaigns.length))
		return groups.map((event) => ({ event }));
	return campaigns.flatMap((campaign) => groups.map((event) => ({ event, campaign })));
}

/** A planned or stored hook's identity for comparing what exists with what is wanted. */
export const hookKey = (h: PlannedHook): string => `${h.campaign ?? ''}\n${h.event}`;

/** The distinct campaigns of some hooks. */
export const campaignsOf = (hooks: PlannedHook[]): string[] => [
	...new Set(hooks.flatMap((h) => (h.campaign ? [h.campaign] : []))),
];

/** The vendor events for the selected Events, from a table of what each Event needs. */
export function eventsFrom(
	table: Record<SelectableEvent, string[]>,
	selected: SelectableEvent[],
): string[] {
	return [...new Set(selected.flatMap((e) => table[e] ?? []))].sort();
}
