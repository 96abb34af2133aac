import type { Tool } from '../adapters/types';
import { instantlyRegistrar } from './instantly';
import { lemlistRegistrar } from './lemlist';
import { outreachIoRegistrar } from './outreachIo';
import { replyIoRegistrar } from './replyIo';
import type { Registrar } from './types';
import { woodpeckerRegistrar } from './woodpecker';

/** The tools whose webhooks the trigger registers itself on publish. */
export const REGISTRARS: Partial<Record<Tool, Registrar>> = {
	lemlist: lemlistRegistrar,
	instantly: instantlyRegistrar,
	woodpecker: woodpeckerRegistrar,
	replyIo: replyIoRegistrar,
	outreachIo: outreachIoRegistrar,
};

export const REGISTRABLE_TOOLS = Object.keys(REGISTRARS) as Tool[];

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
