import type { INodePropertyOptions } from 'n8n-workflow';

import { str } from '../values';

/** The Events option that matches every event, including ones the product adds later. */
export const ANY_EVENT = '*';

/** "Application.Hired", "application-hired" and "applicationHired" all become "application_hired". */
export function normalizeEventName(v: unknown): string | undefined {
	return str(v)
		?.replace(/([a-z0-9])([A-Z])/g, '$1_$2')
		.replace(/[\s.-]+/g, '_')
		.toLowerCase();
}

/** An Events option list: "Any Event" first, then the events by name. */
export function eventOptions(
	anyEventDescription: string,
	events: INodePropertyOptions[],
): INodePropertyOptions[] {
	return [
		{ name: 'Any Event', value: ANY_EVENT, description: anyEventDescription },
		...[...events].sort((a, b) => a.name.localeCompare(b.name)),
	];
}

/**
 * Whether an event starts the workflow: "Any Event" is chosen, or one of the chosen events is the
 * same once both are read by `canonical` (the product's spellings of one event become one value).
 */
export function isSelected(
	selected: string[],
	event: string | undefined,
	canonical: (name: string) => string | undefined = (name) => name,
): boolean {
	if (!event) return false;
	if (selected.includes(ANY_EVENT)) return true;
	return selected.some((s) => canonical(s) === event);
}
