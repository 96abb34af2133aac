import { createHash, createHmac, timingSafeEqual } from 'crypto';

/**
 * The one place where webhook secrets are checked. Every trigger (Outreach, Greenhouse, Pinpoint)
 * uses these helpers so that all comparisons are timing-safe and all HMACs cover the raw bytes.
 */

export const HMAC_ALGORITHMS = ['sha1', 'sha256', 'sha512'] as const;
export const DIGEST_ENCODINGS = ['hex', 'base64'] as const;
export type HmacAlgorithm = (typeof HMAC_ALGORITHMS)[number];
export type DigestEncoding = (typeof DIGEST_ENCODINGS)[number];

export function hmacDigest(
	secret: string | Buffer,
	data: string | Buffer,
	algorithm: HmacAlgorithm = 'sha256',
	encoding: DigestEncoding = 'hex',
): string {
	return createHmac(algorithm, secret).update(data).digest(encoding);
}

/**
 * Constant-time string comparison that also hides the length: both sides are hashed first, so
 * timingSafeEqual always sees two 32-byte buffers and never throws on a length mismatch.
 */
export function safeEqual(a: string | Buffer, b: string | Buffer): boolean {
	const left = createHash('sha256').update(a).digest();
	const right = createHash('sha256').update(b).digest();
	return timingSafeEqual(left, right);
}

export interface HmacCheck {
	/** The request body exactly as received. A re-serialized JSON body would not match. */
	rawBody: Buffer | string | undefined;
	secret: string;
	algorithm: HmacAlgorithm;
	encoding: DigestEncoding;
	/** The header value as received, e.g. "sha256=ab12…". */
	received: string | string[] | undefined;
	/** Text the sender puts before the digest, e.g. "sha256=" (GitHub, Smartlead) or "sha256 " (Greenhouse). */
	prefix?: string;
}

export function verifyHmacSignature(check: HmacCheck): boolean {
	const { rawBody, secret, algorithm, encoding, prefix = '' } = check;
	const received = Array.isArray(check.received) ? check.received[0] : check.received;
	if (!secret || rawBody === undefined || typeof received !== 'string') return false;
	if (!(HMAC_ALGORITHMS as readonly string[]).includes(algorithm)) return false;
	let signature = received.trim();
	if (prefix) {
		if (signature.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) return false;
		signature = signature.slice(prefix.length).trim();
	}
	if (!signature) return false;
	const expected = hmacDigest(secret, rawBody, algorithm, encoding);
	// Hex digests are case-insensitive; base64 is not.
	return encoding === 'hex'
		? safeEqual(signature.toLowerCase(), expected)
		: safeEqual(signature, expected);
}
