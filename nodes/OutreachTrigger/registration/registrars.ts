import type { Tool } from '../adapters/types';
import { heyreachRegistrar } from './heyreach';
import { instantlyRegistrar } from './instantly';
import { lemlistRegistrar } from './lemlist';
import { smartleadRegistrar } from './smartlead';
import type { Registrar } from './types';
import { woodpeckerRegistrar } from './woodpecker';

/** The tools whose webhooks the trigger registers itself on publish. */
export const REGISTRARS: Partial<Record<Tool, Registrar>> = {
	lemlist: lemlistRegistrar,
	instantly: instantlyRegistrar,
	woodpecker: woodpeckerRegistrar,
	smartlead: smartleadRegistrar,
	heyreach: heyreachRegistrar,
};

export const REGISTRABLE_TOOLS = Object.keys(REGISTRARS) as Tool[];

/**
 * The node version from which Registration defaults to automatic, per tool. Tools that became
 * registrable later default to it only from a later version, so workflows saved with a manual
 * setup (which n8n stores without the then-hidden Registration parameter) keep working unchanged.
 */
export const AUTO_SINCE: Partial<Record<Tool, number>> = {
	lemlist: 1.1,
	instantly: 1.1,
	woodpecker: 1.1,
	smartlead: 2.1,
	heyreach: 2.1,
};

export type RegistrationMode = 'auto' | 'manual';

interface ParameterReader {
	getNodeParameter(name: string, fallback?: unknown): unknown;
}

/** Automatic only where the tool has a registrar and the user kept Registration on automatic. */
export function registrationMode(ctx: ParameterReader): RegistrationMode {
	const source = ctx.getNodeParameter('source', 'generic') as Tool;
	if (!REGISTRARS[source]) return 'manual';
	return ctx.getNodeParameter('registration', 'manual') === 'auto' ? 'auto' : 'manual';
}
