import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { type Classification, classifyReply } from '../../../nodes/OutreachTrigger/classifier';

/** The labelled replies of test/fixtures/replies/ and the three outcomes a workflow sees. */

export type ReplyClass = 'interested' | 'replied' | 'neutral';

export interface LabelledReply {
	id: string;
	lang: string;
	label: ReplyClass;
	hard: boolean;
	text: string;
	subject?: string;
	html?: boolean;
}

const DIR = join(__dirname, '../../fixtures/replies');

export const HELD_OUT: ReadonlySet<string> = new Set(
	JSON.parse(readFileSync(join(DIR, 'split.json'), 'utf8')).test as string[],
);

export const REPLIES: LabelledReply[] = readdirSync(DIR)
	.filter((f) => f.endsWith('.json') && f !== 'split.json')
	.sort()
	.flatMap((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as LabelledReply[]);

/** interested: an `interested` event; neutral: nobody answered (auto-reply, no text); replied: the rest. */
export function threeClass(c: Classification): ReplyClass {
	if (c.interested) return 'interested';
	return c.label === 'out_of_office' || c.label === 'unknown' ? 'neutral' : 'replied';
}

export function classifyLabelled(r: LabelledReply): Classification {
	return classifyReply({ text: r.text, subject: r.subject, inReplyToOutreach: true });
}

export interface Metrics {
	n: number;
	precision: number;
	recall: number;
	accuracy: number;
}

export function metrics(rows: Array<{ label: ReplyClass; got: ReplyClass }>): Metrics {
	const tp = rows.filter((r) => r.label === 'interested' && r.got === 'interested').length;
	const predicted = rows.filter((r) => r.got === 'interested').length;
	const actual = rows.filter((r) => r.label === 'interested').length;
	return {
		n: rows.length,
		precision: predicted ? tp / predicted : 1,
		recall: actual ? tp / actual : 1,
		accuracy: rows.filter((r) => r.label === r.got).length / rows.length,
	};
}
