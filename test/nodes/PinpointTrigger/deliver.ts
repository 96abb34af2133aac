import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Outcome } from '../../../nodes/shared/trigger/answer';
import { handlePinpointDelivery } from '../../../nodes/PinpointTrigger/handler';
import { readDocument } from '../../../nodes/PinpointTrigger/jsonApi';
import type { PinpointSettings } from '../../../nodes/PinpointTrigger/settings';
import type { Fetched } from '../../../nodes/PinpointTrigger/transport';

/** Signed Pinpoint deliveries through the trigger's handler, without n8n, and the fixtures they carry. */

export const SECRET = 'pp-signing-secret-2b7e151628aed2a6';
export const DIR = path.join(__dirname, '../../fixtures/pinpoint');
export const raw = (name: string) => fs.readFileSync(path.join(DIR, `${name}.json`));
export const json = (name: string) => JSON.parse(raw(name).toString('utf8'));
export const sign = (body: Buffer | string, secret = SECRET) =>
	createHmac('sha256', secret).update(body).digest('base64');
export const NOW = '2026-11-20T09:15:03.000Z';
export const settings: PinpointSettings = {
	signingSecret: SECRET,
	events: ['application_hired'],
	onFetchFailure: 'emit',
};
export const fetchedJsonApi: Fetched = {
	application: readDocument(json('api.application.jsonapi')),
};

export async function deliver(
	rawBody: Buffer,
	headers: Record<string, string>,
	opts: { s?: PinpointSettings; seen?: string[]; fetch?: (id: string) => Promise<Fetched> } = {},
): Promise<Outcome> {
	const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
	return await handlePinpointDelivery(
		{ rawBody, headers: lower },
		opts.s ?? settings,
		opts.seen ?? [],
		NOW,
		opts.fetch,
	);
}
export const items = (o: Outcome) => (o.status === 200 ? o.items : []);
export const signed = (body: Buffer, secret = SECRET) => ({
	'PINPOINT-HMAC-SHA256': sign(body, secret),
});
