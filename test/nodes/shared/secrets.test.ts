import { NodeApiError } from 'n8n-workflow';

import {
	forgetSecrets,
	MIN_SECRET_LENGTH,
	redactError,
	redactSecrets,
	redactText,
	rememberBasicAuth,
	rememberCredentialSecrets,
	rememberSecrets,
} from '../../../nodes/shared/secrets';

/** Redaction by value: whatever field or words a remembered secret turns up in, it is replaced. */

beforeEach(() => forgetSecrets());

describe('redactText', () => {
	test('a remembered value is replaced wherever it appears, with no pattern around it', () => {
		rememberSecrets('k3y-abcdef');
		expect(redactText('refused for credentials k3y-abcdef / k3y-abcdef.')).toBe(
			'refused for credentials [redacted] / [redacted].',
		);
	});

	test('also its URL-encoded and base64 forms, and a Basic pair', () => {
		rememberSecrets('a b&c=d/e');
		rememberBasicAuth('client-1', 'sec-ret-99');
		const basic = Buffer.from('client-1:sec-ret-99').toString('base64');
		expect(redactText(`q=${encodeURIComponent('a b&c=d/e')} auth=${basic}`)).toBe(
			'q=[redacted] auth=[redacted]',
		);
		expect(redactText(Buffer.from('a b&c=d/e').toString('base64'))).toBe('[redacted]');
	});

	test('the longest secret wins when one contains another', () => {
		rememberSecrets('abcd', 'abcdefgh');
		expect(redactText('xx abcdefgh yy abcd')).toBe('xx [redacted] yy [redacted]');
	});

	test(`values shorter than ${MIN_SECRET_LENGTH} characters and non-strings are not remembered`, () => {
		rememberSecrets('abc', 42, undefined, null, { apiKey: 'zzzzzz' });
		expect(redactText('abc 42 zzzzzz')).toBe('abc 42 zzzzzz');
	});

	test('extra secrets (e.g. a trigger body secret) count for one call', () => {
		expect(redactText('token=s3cr3t-val', ['s3cr3t-val'])).toBe('token=[redacted]');
		expect(redactText('token=s3cr3t-val')).toBe('token=s3cr3t-val');
	});
});

describe('rememberCredentialSecrets', () => {
	test('every key, secret, token and password field, nested OAuth token data too; not ids or URLs', () => {
		rememberCredentialSecrets({
			apiKey: 'key-123456',
			clientSecret: 'cs-123456',
			webhookSigningSecret: 'wh-123456',
			accessToken: 'at-123456',
			oauthTokenData: {
				access_token: 'oat-123456',
				refresh_token: 'ort-123456',
				token_type: 'Bearer',
			},
			subdomain: 'acme-corp',
			apiBaseUrl: 'https://api.stardex.ai',
		});
		expect(
			redactText(
				'key-123456 cs-123456 wh-123456 at-123456 oat-123456 ort-123456 acme-corp https://api.stardex.ai Bearer',
			),
		).toBe(
			'[redacted] [redacted] [redacted] [redacted] [redacted] [redacted] acme-corp https://api.stardex.ai Bearer',
		);
	});
});

describe('redactSecrets', () => {
	test('walks objects and arrays (keys too) and keeps untouched parts as they are', () => {
		rememberSecrets('body-secret-1');
		const clean = { a: 1, list: ['x'] };
		const input = {
			clean,
			raw: { custom_field_name: 'body-secret-1', nested: [{ note: 'it was body-secret-1' }] },
			'body-secret-1': true,
		};
		const out = redactSecrets(input);
		expect(out).toEqual({
			clean,
			raw: { custom_field_name: '[redacted]', nested: [{ note: 'it was [redacted]' }] },
			'[redacted]': true,
		});
		expect(out.clean).toBe(clean);
		expect(input.raw.custom_field_name).toBe('body-secret-1');
	});

	test('nothing remembered: the value itself comes back', () => {
		const v = { a: 'b' };
		expect(redactSecrets(v)).toBe(v);
	});
});

describe('redactError', () => {
	test('message, description, context and the API body of a NodeApiError', () => {
		rememberSecrets('echoed-key-77');
		const node = {
			name: 'n',
			type: 't',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		} as never;
		const error = new NodeApiError(
			node,
			{ message: 'bad echoed-key-77', detail: 'echoed-key-77' },
			{ message: 'X failed: echoed-key-77', description: 'key echoed-key-77', itemIndex: 0 },
		);
		error.context.hint = 'see echoed-key-77';
		redactError(error);
		const visible = JSON.stringify({
			m: error.message,
			d: error.description,
			c: error.context,
			cause: error.cause,
			messages: error.messages,
			stack: error.stack,
		});
		expect(visible).not.toContain('echoed-key-77');
		expect(error.message).toBe('X failed: [redacted]');
	});
});
