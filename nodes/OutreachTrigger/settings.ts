import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { rememberSecrets } from '../shared/secrets';
import { DEFAULT_DEDUPE_SIZE } from '../shared/trigger/dedupe';
import type { DigestEncoding, HmacAlgorithm } from '../shared/trigger/signature';
import type { Tool } from './adapters/types';
import { type AuthMode, authProblems, type AuthSettings, resolveAuthMode } from './auth';
import { type Combine, type ConditionRule, validateConditions } from './conditions';
import type { SelectableEvent } from './output';
import { REGISTRARS, type RegistrationMode, registrationMode } from './registration/registrars';
import { readRegistration, type StaticDataReader } from './registration/state';

export interface TriggerSettings {
	source: Tool;
	/** 'auto': publishing registered the webhook, and `auth` checks the token it stored. */
	registration: RegistrationMode;
	events: SelectableEvent[];
	auth: AuthSettings;
	conditions: ConditionRule[];
	combine: Combine;
	extraInterested: string[];
	extraNotInterested: string[];
	/** How many recent event ids are remembered to drop redeliveries. */
	dedupeSize: number;
}

/** The part of n8n's hook and webhook contexts we need, so both can read settings. */
export interface ParameterReader extends Partial<StaticDataReader> {
	getNodeParameter(name: string, fallback?: unknown): unknown;
	getNode?(): { typeVersion: number };
}

/** The credential that holds the secret from node version 2 on (version 1 kept it in a parameter). */
export const SECRET_CREDENTIAL = 'outreachWebhookApi';

const versionOf = (ctx: ParameterReader): number => ctx.getNode?.().typeVersion ?? 1;
const secretOf = (raw: string): string => (raw.trim() ? raw : '');

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

/**
 * Reads the node's settings. From version 2 on, manual Authentication defaults to the tool's own
 * method and its secret comes from the Outreach Webhook credential (`credentialSecret`), so it is
 * not exported with the workflow JSON; versions 1 and 1.1 keep their Secret parameter.
 */
export function readSettings(ctx: ParameterReader, credentialSecret = ''): TriggerSettings {
	const options = (ctx.getNodeParameter('options', {}) ?? {}) as Record<string, unknown>;
	const conditions = (ctx.getNodeParameter('conditions', {}) ?? {}) as { rules?: ConditionRule[] };
	const events = ctx.getNodeParameter('events', []);
	const registration = registrationMode(ctx);
	const source = text(ctx, 'source', 'generic') as Tool;
	const auth =
		registration === 'auto' ? registeredAuth(ctx, source) : readAuth(ctx, source, credentialSecret);
	return {
		source,
		registration,
		events: (Array.isArray(events) ? events : []) as SelectableEvent[],
		auth,
		conditions: Array.isArray(conditions.rules) ? conditions.rules : [],
		combine: text(ctx, 'combine', 'and') === 'or' ? 'or' : ('and' as Combine),
		extraInterested: lines(options.extraInterestedPhrases),
		extraNotInterested: lines(options.extraNotInterestedPhrases),
		dedupeSize: typeof options.dedupeSize === 'number' ? options.dedupeSize : DEFAULT_DEDUPE_SIZE,
	};
}

const authBase = (mode: AuthMode, secret: string): AuthSettings => ({
	mode,
	secret,
	headerName: '',
	queryParameter: '',
	bodyField: '',
	signature: 'sourceDefault',
	signatureHeader: '',
	algorithm: 'sha256',
	encoding: 'hex',
	prefix: '',
});

/**
 * Registered automatically: the token publishing stored, checked the way the tool sends it back.
 * Before publishing there is none, and every delivery is refused.
 */
function registeredAuth(ctx: ParameterReader, source: Tool): AuthSettings {
	const token = REGISTRARS[source]?.token ?? { mode: 'bodySecret' };
	// A test delivery may come while n8n runs the webhook in another mode: both tokens are ours.
	const reg = [readRegistration(ctx), readRegistration(ctx, true)].find((r) => r?.tool === source);
	const auth = authBase(token.mode, reg?.secret ?? '');
	if (token.mode === 'headerToken') auth.headerName = token.headerName;
	if (token.mode === 'queryToken') auth.queryParameter = token.queryParameter;
	return auth;
}

/** Manual setup: the Authentication fields as the user filled them in. */
function readAuth(ctx: ParameterReader, source: Tool, credentialSecret: string): AuthSettings {
	const v2 = versionOf(ctx) >= 2;
	const mode = resolveAuthMode(text(ctx, 'authentication', v2 ? 'toolDefault' : 'none'), source);
	const auth: AuthSettings = {
		mode,
		// A secret of only spaces is no secret (authProblems says so at activation).
		secret: secretOf(mode === 'none' ? '' : v2 ? credentialSecret : text(ctx, 'secret')),
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
	rememberSecrets(auth.secret);
	if (auth.signature === 'custom') {
		auth.signatureHeader = text(ctx, 'signatureHeader', 'X-Signature');
		auth.algorithm = text(ctx, 'signatureAlgorithm', 'sha256') as HmacAlgorithm;
		auth.encoding = text(ctx, 'signatureEncoding', 'hex') as DigestEncoding;
		auth.prefix = text(ctx, 'signaturePrefix');
	}
	return auth;
}

/** Everything that would make the trigger reject or drop every delivery, in the user's words. */
export function settingsProblems(settings: TriggerSettings): string[] {
	// With automatic registration the token is made on publish, after this check.
	const problems = [
		...(settings.registration === 'auto' ? [] : authProblems(settings.source, settings.auth)),
		...validateConditions(settings.conditions),
	];
	if (settings.events.length === 0) problems.push('Events is empty: choose at least one event');
	return problems;
}

/** Settings with the secret read from the credential where the node version keeps it there. */
export async function loadSettings(
	ctx: IHookFunctions | IWebhookFunctions,
): Promise<TriggerSettings> {
	const first = readSettings(ctx);
	if (versionOf(ctx) < 2 || first.registration === 'auto' || first.auth.mode === 'none')
		return first;
	const credential = await ctx.getCredentials(SECRET_CREDENTIAL).catch(() => undefined);
	return readSettings(ctx, typeof credential?.secret === 'string' ? credential.secret : '');
}

/** On activation: settings that would reject every delivery stop it, with what to fix. */
export async function checkSettings(this: IHookFunctions): Promise<void> {
	const settings = await loadSettings(this);
	if (settings.registration !== 'auto' && settings.auth.mode === 'none')
		this.logger.warn(
			`Outreach Trigger "${this.getNode().name}": Authentication is None, so anyone who learns the webhook URL can start this workflow`,
		);
	const problems = settingsProblems(settings);
	if (problems.length) {
		throw new NodeOperationError(
			this.getNode(),
			`Outreach Trigger settings: ${problems.join('; ')}`,
			{
				description: 'Fix these settings and activate the workflow again',
			},
		);
	}
}
