import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * The last check before a request leaves, whatever a transport's base URL or a next-page link
 * said. The vendor host lists live in origins.ts (the credentials apply them); this file knows only
 * what holds for every vendor: https, no user name or password in the URL, the same origin as the
 * credential's base, and this machine only when the credential says it is a sandbox.
 */

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Same field name as origins.ts `LOOPBACK_TOGGLE` (a test keeps the two equal). */
const LOOPBACK_TOGGLE = 'allowLoopbackBaseUrl';

/** Why `url` may not be sent with the credential whose base is `base`, or undefined. */
export function requestTargetProblem(
	url: string,
	base: string,
	credentials: ICredentialDataDecryptedObject,
): string | undefined {
	const target = parse(url);
	const home = parse(base);
	if (!target || !home) return 'the request has no valid address';
	if (target.username || target.password || home.username || home.password)
		return 'the address contains a user name or password';
	if (target.origin !== home.origin)
		return `the address is on ${target.origin}, not on the API's own ${home.origin}`;
	if (LOOPBACK.has(target.hostname)) {
		if (credentials[LOOPBACK_TOGGLE] !== true)
			return 'the address is on this machine, and the credential\'s "Testing Only: Allow Loopback Base URL" is off';
	} else if (target.protocol !== 'https:') return 'the address is not https://';
	return undefined;
}

function parse(value: string): URL | undefined {
	try {
		return new URL(value);
	} catch {
		return undefined;
	}
}

/**
 * Why a path may not be sent: an ID that is "." or "..", or holds a slash or backslash (also
 * percent-encoded), would make the URL name another endpoint on the same host once normalized
 * (encodeURIComponent leaves dots alone). Checked for every path, whatever builder made it.
 */
export function pathProblem(path: string): string | undefined {
	for (const segment of path.split('?')[0].split('/').slice(1)) {
		let decoded = segment;
		try {
			decoded = decodeURIComponent(segment);
		} catch {
			return `the address holds a broken escape ("${segment.slice(0, 40)}")`;
		}
		if (decoded === '.' || decoded === '..')
			return `an ID in the address is "${decoded}", which would name another endpoint`;
		if (/[/\\]/.test(decoded) || segment.includes('\\'))
			return `an ID in the address contains a slash ("${decoded.slice(0, 40)}")`;
	}
	return undefined;
}
