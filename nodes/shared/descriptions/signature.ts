import type { INodeProperties } from 'n8n-workflow';

/** HMAC settings shared by the webhook triggers; values match nodes/shared/trigger/signature.ts. */

export const signatureAlgorithmProperty: INodeProperties = {
	displayName: 'Algorithm',
	name: 'signatureAlgorithm',
	type: 'options',
	default: 'sha256',
	options: [
		{ name: 'SHA-1', value: 'sha1' },
		{ name: 'SHA-256', value: 'sha256' },
		{ name: 'SHA-512', value: 'sha512' },
	],
};

export const signatureEncodingProperty: INodeProperties = {
	displayName: 'Encoding',
	name: 'signatureEncoding',
	type: 'options',
	default: 'hex',
	options: [
		{ name: 'Base64', value: 'base64' },
		{ name: 'Hex', value: 'hex' },
	],
};
