import type { Delivery } from '../shared/trigger/delivery';
import {
	type DigestEncoding,
	type HmacAlgorithm,
	safeEqual,
	verifyHmacSignature,
} from '../shared/trigger/signature';
import type { Tool } from './adapters/types';

/**
 * Who may start the workflow. Tools differ: Outreach.io signs with HMAC, lemlist
 * and Smartlead echo a secret in the JSON body, Instantly sends headers you choose, Woodpecker and
 * HeyReach send nothing, so a token in the URL is their only option.
 */

export const AUTH_MODES = ['none', 'headerToken', 'hmac', 'queryToken', 'bodySecret'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/**
 * "The Tool's Own Method", the default from node version 2: the strongest check each tool can
 * pass. lemlist and Smartlead echo a secret in the body, Instantly sends custom headers,
 * Outreach.io signs with HMAC; Woodpecker, HeyReach and Reply.io (whose signature header is not
 * documented) get a token in the URL; Generic senders sign like GitHub (X-Signature: sha256=…).
 */
export const TOOL_AUTH: Record<Tool, Exclude<AuthMode, 'none'>> = {
	generic: 'hmac',
	heyreach: 'queryToken',
	instantly: 'headerToken',
	lemlist: 'bodySecret',
	outreachIo: 'hmac',
	replyIo: 'queryToken',
	smartlead: 'bodySecret',
	woodpecker: 'queryToken',
};

/** The mode a setting means for this source; anything unknown falls back to the tool's own. */
export function resolveAuthMode(setting: string, source: Tool): AuthMode {
	return (AUTH_MODES as readonly string[]).includes(setting)
		? (setting as AuthMode)
		: (TOOL_AUTH[source] ?? 'hmac');
}

export interface AuthSettings {
	mode: AuthMode;
	/** The shared secret or token, whatever the mode. */
	secret: string;
	headerName: string;
	queryParameter: string;
	/** Empty: the source's field (lemlist `secret`, Smartlead `secret_key`). */
	bodyField: string;
	signature: 'sourceDefault' | 'custom';
	signatureHeader: string;
	algorithm: HmacAlgorithm;
	encoding: DigestEncoding;
	prefix: string;
}

export interface SignatureFormat {
	header: string;
	algorithm: HmacAlgorithm;
	encoding: DigestEncoding;
	prefix: string;
}

/**
 * What "Source Default" means. Outreach.io: "the HMAC hex digest of the secret and the raw request
 * body" in Outreach-Webhook-Signature; the hash is UNCONFIRMED, SHA-256 assumed. Smartlead: header
 * X-Smartlead-Signature "sha256=…" (documented for some webhooks only). Every other source uses
 * our Generic format, the one GitHub uses: X-Signature: sha256=<hex>.
 */
export const SIGNATURE_PRESETS: Partial<Record<Tool, SignatureFormat>> = {
	outreachIo: {
		header: 'Outreach-Webhook-Signature',
		algorithm: 'sha256',
		encoding: 'hex',
		prefix: '',
	},
	smartlead: {
		header: 'X-Smartlead-Signature',
		algorithm: 'sha256',
		encoding: 'hex',
		prefix: 'sha256=',
	},
	generic: { header: 'X-Signature', algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=' },
};

export const BODY_SECRET_FIELDS: Partial<Record<Tool, string>> = {
	lemlist: 'secret',
	smartlead: 'secret_key',
};

export function signatureFormat(source: Tool, auth: AuthSettings): SignatureFormat {
	if (auth.signature === 'custom') {
		return {
			header: auth.signatureHeader,
			algorithm: auth.algorithm,
			encoding: auth.encoding,
			prefix: auth.prefix,
		};
	}
	return SIGNATURE_PRESETS[source] ?? (SIGNATURE_PRESETS.generic as SignatureFormat);
}

export function bodySecretField(source: Tool, auth: AuthSettings): string {
	return auth.bodyField.trim() || BODY_SECRET_FIELDS[source] || 'secret';
}

export type AuthResult = { ok: true } | { ok: false; reason: string };

/** Checks everything that does not need the parsed body; bodySecret is checked by checkBodySecret. */
export function checkRequestAuth(request: Delivery, source: Tool, auth: AuthSettings): AuthResult {
	if (auth.mode === 'none' || auth.mode === 'bodySecret') return { ok: true };
	if (!auth.secret) return { ok: false, reason: 'this trigger has no secret set' };
	if (auth.mode === 'headerToken') {
		const name = auth.headerName.trim().toLowerCase();
		let received = request.headers[name];
		if (received === undefined)
			return { ok: false, reason: `header ${auth.headerName} is missing` };
		if (name === 'authorization') received = received.replace(/^bearer\s+/i, '');
		return safeEqual(received, auth.secret)
			? { ok: true }
			: { ok: false, reason: `header ${auth.headerName} does not match` };
	}
	if (auth.mode === 'queryToken') {
		const value = request.query?.[auth.queryParameter.trim()];
		const received = Array.isArray(value) ? value[0] : value;
		if (typeof received !== 'string')
			return { ok: false, reason: `query parameter ${auth.queryParameter} is missing` };
		return safeEqual(received, auth.secret)
			? { ok: true }
			: { ok: false, reason: `query parameter ${auth.queryParameter} does not match` };
	}
	const format = signatureFormat(source, auth);
	const received = request.headers[format.header.trim().toLowerCase()];
	if (received === undefined)
		return { ok: false, reason: `signature header ${format.header} is missing` };
	const valid = verifyHmacSignature({
		rawBody: request.rawBody,
		secret: auth.secret,
		received,
		...format,
	});
	return valid
		? { ok: true }
		: { ok: false, reason: `signature in ${format.header} does not match the body` };
}

/** lemlist and Smartlead echo the secret inside every JSON event; every element must carry it. */
export function checkBodySecret(elements: unknown[], source: Tool, auth: AuthSettings): AuthResult {
	if (auth.mode !== 'bodySecret') return { ok: true };
	if (!auth.secret) return { ok: false, reason: 'this trigger has no secret set' };
	const field = bodySecretField(source, auth);
	const allMatch =
		elements.length > 0 &&
		elements.every((el) => {
			const value =
				typeof el === 'object' && el !== null ? (el as Record<string, unknown>)[field] : undefined;
			return typeof value === 'string' && safeEqual(value, auth.secret);
		});
	return allMatch
		? { ok: true }
		: { ok: false, reason: `the "${field}" field in the body is missing or does not match` };
}

/** Settings that would make every delivery fail: shown when the workflow is activated. */
export function authProblems(source: Tool, auth: AuthSettings): string[] {
	if (auth.mode === 'none') return [];
	const problems: string[] = [];
	if (!auth.secret)
		problems.push(
			'Authentication needs a secret: choose an Outreach Webhook credential (in node version 1, fill in the Secret field; a secret of only spaces counts as empty) or set Authentication to None',
		);
	if (auth.mode === 'headerToken' && !auth.headerName.trim()) problems.push('Header Name is empty');
	if (auth.mode === 'queryToken' && !auth.queryParameter.trim())
		problems.push('Query Parameter Name is empty');
	if (auth.mode === 'hmac' && !signatureFormat(source, auth).header.trim())
		problems.push('Signature Header is empty');
	return problems;
}
