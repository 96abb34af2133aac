import { createHmac } from 'crypto';

import {
	hmacDigest,
	safeEqual,
	verifyHmacSignature,
} from '../../../../nodes/shared/trigger/signature';

const secret = 'whsec_test_123';
const rawBody = Buffer.from('{"event":"replied","contact":{"email":"jane@example.com"}}');
const hex = createHmac('sha256', secret).update(rawBody).digest('hex');

describe('hmacDigest', () => {
	it('matches node:crypto for every algorithm and encoding', () => {
		for (const algorithm of ['sha1', 'sha256', 'sha512'] as const) {
			for (const encoding of ['hex', 'base64'] as const) {
				expect(hmacDigest(secret, rawBody, algorithm, encoding)).toBe(
					createHmac(algorithm, secret).update(rawBody).digest(encoding),
				);
			}
		}
	});
});

describe('safeEqual', () => {
	it('compares equal and different strings, including different lengths, without throwing', () => {
		expect(safeEqual('abc', 'abc')).toBe(true);
		expect(safeEqual('abc', 'abd')).toBe(false);
		expect(safeEqual('abc', 'abcd')).toBe(false);
		expect(safeEqual('', '')).toBe(true);
		expect(safeEqual(Buffer.from('x'), 'x')).toBe(true);
	});
});

describe('verifyHmacSignature', () => {
	const base = { rawBody, secret, algorithm: 'sha256' as const, encoding: 'hex' as const };

	it('accepts a valid signature, with or without a prefix, hex in any case', () => {
		expect(verifyHmacSignature({ ...base, received: hex })).toBe(true);
		expect(verifyHmacSignature({ ...base, received: hex.toUpperCase() })).toBe(true);
		expect(verifyHmacSignature({ ...base, received: `sha256=${hex}`, prefix: 'sha256=' })).toBe(
			true,
		);
		expect(verifyHmacSignature({ ...base, received: `sha256 ${hex}`, prefix: 'sha256 ' })).toBe(
			true,
		);
		expect(verifyHmacSignature({ ...base, received: [hex, 'other'] })).toBe(true);
	});

	it('accepts base64 digests exactly', () => {
		const b64 = createHmac('sha512', secret).update(rawBody).digest('base64');
		expect(
			verifyHmacSignature({ ...base, algorithm: 'sha512', encoding: 'base64', received: b64 }),
		).toBe(true);
	});

	it('rejects an invalid signature', () => {
		expect(
			verifyHmacSignature({ ...base, received: hex.replace(/.$/, (c) => (c === '0' ? '1' : '0')) }),
		).toBe(false);
		expect(verifyHmacSignature({ ...base, received: 'not-a-signature' })).toBe(false);
		expect(verifyHmacSignature({ ...base, secret: 'other-secret', received: hex })).toBe(false);
	});

	it('rejects a missing signature, body or secret', () => {
		expect(verifyHmacSignature({ ...base, received: undefined })).toBe(false);
		expect(verifyHmacSignature({ ...base, received: '' })).toBe(false);
		expect(verifyHmacSignature({ ...base, received: 'sha256=', prefix: 'sha256=' })).toBe(false);
		expect(verifyHmacSignature({ ...base, rawBody: undefined, received: hex })).toBe(false);
		expect(verifyHmacSignature({ ...base, secret: '', received: hex })).toBe(false);
	});

	it('rejects a digest made with another algorithm or a missing prefix', () => {
		const sha1 = createHmac('sha1', secret).update(rawBody).digest('hex');
		expect(verifyHmacSignature({ ...base, received: sha1 })).toBe(false);
		expect(verifyHmacSignature({ ...base, algorithm: 'sha1', received: hex })).toBe(false);
		expect(
			verifyHmacSignature({
				...base,
				algorithm: 'md5' as never,
				received: createHmac('md5', secret).update(rawBody).digest('hex'),
			}),
		).toBe(false);
		expect(verifyHmacSignature({ ...base, received: hex, prefix: 'sha256=' })).toBe(false);
	});

	it('fails for the same JSON re-serialized with different whitespace', () => {
		const reserialized = Buffer.from(JSON.stringify(JSON.parse(rawBody.toString()), null, 2));
		expect(reserialized.equals(rawBody)).toBe(false);
		expect(verifyHmacSignature({ ...base, rawBody: reserialized, received: hex })).toBe(false);
		const spaced = Buffer.from(rawBody.toString().replace(':', ': '));
		expect(verifyHmacSignature({ ...base, rawBody: spaced, received: hex })).toBe(false);
	});
});
