import { generic } from './generic';
import { heyreach } from './heyreach';
import { instantly } from './instantly';
import { lemlist } from './lemlist';
import { outreachIo } from './outreachIo';
import { replyIo } from './replyIo';
import { smartlead } from './smartlead';
import type { Adapter, Tool } from './types';
import { woodpecker } from './woodpecker';

/** One pure function per source: raw body (+ headers) → events. Throws MalformedBodyError for a 400. */
export const ADAPTERS: Record<Tool, Adapter> = {
	generic,
	heyreach,
	instantly,
	lemlist,
	outreachIo,
	replyIo,
	smartlead,
	woodpecker,
};

export function adapterFor(tool: Tool): Adapter {
	return ADAPTERS[tool];
}
