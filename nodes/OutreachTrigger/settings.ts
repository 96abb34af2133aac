import type { Tool } from './adapters/types';
import type { AuthMode, AuthSettings } from './auth';
import { authProblems } from './auth';
import type { Combine, ConditionRule } from './conditions';
import { validateConditions } from './conditions';
import { DEFAULT_DEDUPE_SIZE, type TriggerSettings } from './handler';
import type { SelectableEvent } from './output';
import type { DigestEncoding, HmacAlgorithm } from '../shared/signature';

/** The part of n8n's hook and webhook contexts we need, so both can read settings. */
export interface ParameterReader {
	getNodeParameter(name: string, fallback?: unknown): unknown;
}

function text(ctx: ParameterReader, name: string, fallback = ''): string {
	const v = ctx.getNodeParameter(name, fallback);
	return typeof v === 'string' ? v : fallback;
}

function lines(v: unknown): string[] {
	return typeof v === 'string'
		? v
				.split(/\r?\n/)
				.map((l) => l.trim())
				.filter(Boolean)
		: [];
}

export function readSettings(ctx: ParameterReader): TriggerSettings {
	const options = (ctx.getNodeParameter('options', {}) ?? {}) as Record<string, unknown>;
	const conditions = (ctx.getNodeParameter('conditions', {}) ?? {}) as { rules?: ConditionRule[] };
	const events = ctx.getNodeParameter('events', []);
	const mode = text(ctx, 'authentication', 'none') as AuthMode;
	const auth: AuthSettings = {
		mode,
		secret: mode === 'none' ? '' : text(ctx, 'secret'),
		headerName: mode === 'headerToken' ? text(ctx, 'headerName', 'X-Webhook-Token') : '',
		queryParameter: mode === 'queryToken' ? text(ctx, 'queryParameter', 'token') : '',
		bodyField: mode === 'bodySecret' ? text(ctx, 'bodyField') : '',
		signature:
			mode === 'hmac' && text(ctx, 'signatureFormat', 'sourceDefault') === 'custom'
				? 'custom'
				: 'sourceDefault',
		signatureHeader: '',
		algorithm: 'sha256',
		encoding: 'hex',
		prefix: '',
	};
	if (auth.signature === 'custom') {
		auth.signatureHeader = text(ctx, 'signatureHeader', 'X-Signature');
		auth.algorithm = text(ctx, 'signatureAlgorithm', 'sha256') as HmacAlgorithm;
		auth.encoding = text(ctx, 'signatureEncoding', 'hex') as DigestEncoding;
		auth.prefix = text(ctx, 'signaturePrefix');
	}
	return {
		source: text(ctx, 'source', 'generic') as Tool,
		events: (Array.isArray(events) ? events : []) as SelectableEvent[],
		auth,
		conditions: Array.isArray(conditions.rules) ? conditions.rules : [],
		combine: text(ctx, 'combine', 'and') === 'or' ? 'or' : ('and' as Combine),
		extraInterested: lines(options.extraInterestedPhrases),
		extraNotInterested: lines(options.extraNotInterestedPhrases),
		dedupeSize: typeof options.dedupeSize === 'number' ? options.dedupeSize : DEFAULT_DEDUPE_SIZE,
	};
}

/** Everything that would make the trigger reject or drop every delivery, in the user's words. */
export function settingsProblems(settings: TriggerSettings): string[] {
	const problems = [
		...authProblems(settings.source, settings.auth),
		...validateConditions(settings.conditions),
	];
	if (settings.events.length === 0) problems.push('Events is empty: choose at least one event');
	return problems;
}
