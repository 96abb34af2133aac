import type { ApiDefinition } from '../../shared/http/request';
import { instantlyWriter } from './instantly';
import { lemlistWriter } from './lemlist';
import { smartleadWriter } from './smartlead';
import type { LeadWriter } from './types';
import { woodpeckerWriter } from './woodpecker';

/**
 * The tools whose leads Mark as Synced can write to, one file each. A tool joins by adding its
 * file and its row here (the node's Tool options and credentials are read from this table).
 */
export const WRITERS: Array<LeadWriter & { api: ApiDefinition }> = [
	lemlistWriter,
	instantlyWriter,
	woodpeckerWriter,
	smartleadWriter,
];

export function writerFor(tool: string): (LeadWriter & { api: ApiDefinition }) | undefined {
	return WRITERS.find((w) => w.tool === tool);
}
