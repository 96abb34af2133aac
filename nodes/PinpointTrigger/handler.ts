import { tooLongForTrigger } from '../shared/candidate/caps';
import { type Rec, str } from '../shared/values';
import { alreadyReceived, notListening, type Outcome, started } from '../shared/trigger/answer';
import { toIsoTimestamp } from '../shared/candidate/timestamp';
import {
	boundedEventId,
	contentKey,
	deliveryKey,
	type DeliveryClaims,
} from '../shared/trigger/dedupe';
import { type Delivery, header, parseBody } from '../shared/trigger/delivery';
import { verifyHmacSignature } from '../shared/trigger/signature';
import { applicationIdOf, type Enrichment, pinpointItem } from './adapter';
import { canonicalEvent, isSelected } from './events';
import type { PinpointSettings } from './settings';
import type { Fetched } from './transport';

/**
 * The Pinpoint webhook: signature → event filter → dedupe → (fetch the application) → item.
 *
 * Pinpoint signs each delivery with `PINPOINT-HMAC-SHA256: base64(HMAC-SHA256(signing secret, raw body))`
 * and counts only a 2xx within 5 s as delivered, retrying up to 10 times over 24 h. Its payload names
 * only the application, so the application (and candidate) are read here, inside the webhook call,
 * within a time limit well under 5 s. If that read fails, the default is to start the workflow anyway
 * with `enrichment: {ok: false, error}` (the run shows up in n8n's executions, where it can be retried);
 * "Ask Pinpoint to Retry" answers 503 instead and lets Pinpoint redeliver later.
 */

export const SIGNATURE_HEADER = 'PINPOINT-HMAC-SHA256';

export type FetchDetails = (applicationId: string) => Promise<Fetched>;

type Admitted = { body: Rec; eventId: string; applicationId?: string };
type Admission = { outcome: Outcome } | Admitted;

/** Everything before the API read: signature, body, event filter and dedupe. */
export function admitPinpointDelivery(
	delivery: Delivery,
	settings: PinpointSettings,
	seen: string[],
): Admission {
	const refused = checkSignature(delivery, settings.signingSecret);
	if (refused) return { outcome: refused };
	const parsed = parseBody(delivery);
	if (!parsed.ok)
		return {
			outcome: {
				status: parsed.status,
				message: `${parsed.status === 413 ? 'Payload too large' : 'Bad request'}: ${parsed.reason}`,
			},
		};
	const body = parsed.body;
	const event = canonicalEvent(body.event);
	if (!event) return { outcome: { status: 400, message: 'Bad request: the body has no "event"' } };
	if (!isSelected(settings.events, body.event)) return { outcome: notListening(str(body.event)) };

	// Pinpoint sends no delivery id (none documented): event + application + time identify a
	// delivery. The time is read as ISO 8601, so "1732093502", 1732093502 and its ISO spelling are one
	// key; without it, the key is the hash of the parsed body with its keys sorted, which a
	// redelivery with other spacing, key order or escapes hashes alike (raw bytes would not).
	const applicationId = applicationIdOf(body);
	const rawTime = body.triggeredAt ?? body.triggered_at;
	const triggeredAt = toIsoTimestamp(rawTime) ?? str(rawTime);
	const eventId = boundedEventId(
		deliveryKey('pinpoint', event, applicationId, triggeredAt) ?? contentKey('pinpoint', body),
	);
	if (seen.includes(eventId)) return { outcome: alreadyReceived(eventId) };
	return { body, eventId, applicationId };
}

function checkSignature(delivery: Delivery, secret: string): Outcome | undefined {
	if (!secret)
		return {
			status: 401,
			message: 'Unauthorized: no Webhook Signing Secret is set in the Pinpoint credential',
		};
	const received = header(delivery, SIGNATURE_HEADER);
	if (!received?.trim())
		return { status: 401, message: `Unauthorized: the ${SIGNATURE_HEADER} header is missing` };
	if (delivery.rawBody === undefined)
		return {
			status: 401,
			message:
				'Unauthorized: n8n did not keep the raw request body, so the signature cannot be checked',
		};
	const valid = verifyHmacSignature({
		rawBody: delivery.rawBody,
		secret,
		algorithm: 'sha256',
		encoding: 'base64',
		received,
	});
	if (valid) return undefined;
	return {
		status: 401,
		message: `Unauthorized: the ${SIGNATURE_HEADER} header does not match the body. Copy the signing secret from Pinpoint (Settings › API & Webhooks › Webhooks) into the credential`,
	};
}

export async function handlePinpointDelivery(
	delivery: Delivery,
	settings: PinpointSettings,
	seen: string[],
	receivedAt: string,
	fetchDetails?: FetchDetails,
	claims?: DeliveryClaims,
): Promise<Outcome> {
	const admitted = admitPinpointDelivery(delivery, settings, seen);
	if ('outcome' in admitted) return admitted.outcome;
	// Claimed before the API read: the same event delivered again meanwhile starts nothing.
	if (claims && !claims.claim(admitted.eventId)) return alreadyReceived(admitted.eventId);
	let outcome: Outcome | undefined;
	try {
		outcome = await readAndBuild(admitted, settings, seen, receivedAt, fetchDetails);
		// A field over its cap (caps.ts) is the sender's data: 413, nothing started, claim released.
		const tooLong = outcome.status === 200 ? tooLongForTrigger(outcome.items) : undefined;
		if (tooLong) outcome = { status: 413, message: tooLong };
		return outcome;
	} finally {
		// Released when the delivery did not start a run (or threw), so the sender's retry is taken.
		if (claims && !(outcome?.status === 200 && outcome.items.length))
			claims.release(admitted.eventId);
	}
}

/** The application read (when on) and the item: what follows a delivery's admission. */
async function readAndBuild(
	admitted: Admitted,
	settings: PinpointSettings,
	seen: string[],
	receivedAt: string,
	fetchDetails?: FetchDetails,
): Promise<Outcome> {
	let fetched: Fetched | undefined;
	let enrichment: Enrichment | undefined;
	if (fetchDetails && admitted.applicationId) {
		try {
			fetched = await fetchDetails(admitted.applicationId);
			enrichment = {
				ok: true,
				fetched: fetched.candidate ? ['application', 'candidate'] : ['application'],
			};
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			if (settings.onFetchFailure === 'retry') {
				return {
					status: 503,
					message: `Could not read application ${admitted.applicationId} from Pinpoint (${reason}); Pinpoint will redeliver this event`,
				};
			}
			enrichment = {
				ok: false,
				error: `Could not read application ${admitted.applicationId} from Pinpoint: ${reason}`,
			};
		}
	}
	const item = pinpointItem(admitted.body, fetched, {
		eventId: admitted.eventId,
		receivedAt,
		enrichment,
	});
	return started([item], seen, settings.dedupeSize);
}
