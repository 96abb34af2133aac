import { str } from '../shared/values';
import {
	alreadyReceived,
	ignored,
	notListening,
	type Outcome,
	started,
} from '../shared/trigger/answer';
import { boundedEventId, contentKey } from '../shared/trigger/dedupe';
import { type Delivery, header, parseBody } from '../shared/trigger/delivery';
import { isSelected } from '../shared/trigger/events';
import { verifyHmacSignature } from '../shared/trigger/signature';
import { greenhouseItem } from './adapter';
import type { GreenhouseSettings } from './settings';

/**
 * The whole Greenhouse webhook as one pure function: signature → ping → event filter → dedupe → item.
 *
 * Greenhouse signs every delivery: `Signature: sha256 <hex>`, an HMAC-SHA256 of the raw body keyed by
 * the web hook's Secret Key. Whether the ping sent when a web hook is saved is signed is UNCONFIRMED,
 * so a ping is answered 200 when it carries no signature or a valid one, and never starts the
 * workflow. A ping whose signature does not match is refused: the real events would be refused too,
 * and Greenhouse then shows the web hook as disabled right away instead of failing silently later.
 * Every other action needs a valid signature, whatever its body says.
 */

export const SIGNATURE_HEADER = 'Signature';
export const EVENT_ID_HEADER = 'Greenhouse-Event-ID';

export function handleGreenhouseDelivery(
	delivery: Delivery,
	settings: GreenhouseSettings,
	seen: string[],
	receivedAt: string,
): Outcome {
	const received = header(delivery, SIGNATURE_HEADER);
	const signed = received !== undefined && received.trim() !== '';
	const valid =
		signed &&
		verifyHmacSignature({
			rawBody: delivery.rawBody,
			secret: settings.secretKey,
			algorithm: 'sha256',
			encoding: 'hex',
			received,
			prefix: 'sha256 ',
		});

	const parsed = parseBody(delivery);
	if (!parsed.ok)
		return valid
			? {
					status: parsed.status,
					message: `${parsed.status === 413 ? 'Payload too large' : 'Bad request'}: ${parsed.reason}`,
				}
			: unauthorized(signed, settings, delivery);
	const action = str(parsed.body.action);

	if (action === 'ping') {
		if (signed && !valid) return unauthorized(signed, settings, delivery);
		return ignored('pong: Greenhouse web hook reached n8n');
	}
	if (!valid) return unauthorized(signed, settings, delivery);
	if (!action) return { status: 400, message: 'Bad request: the body has no "action"' };
	if (!isSelected(settings.events, action)) return notListening(action);

	// Without Greenhouse's event id header: the parsed body, keys sorted, so a re-serialized
	// redelivery (other spacing, key order or \u escapes) gets the same key.
	const eventId = boundedEventId(
		str(header(delivery, EVENT_ID_HEADER)) ?? contentKey('greenhouse', parsed.body),
	);
	if (seen.includes(eventId)) return alreadyReceived(eventId);
	return started([greenhouseItem(parsed.body, { eventId, receivedAt })], seen, settings.dedupeSize);
}

function unauthorized(signed: boolean, settings: GreenhouseSettings, delivery: Delivery): Outcome {
	if (!settings.secretKey)
		return {
			status: 401,
			message:
				'Unauthorized: no Secret Key is set in the n8n credential for this trigger (a key of only spaces counts as none)',
		};
	if (delivery.rawBody === undefined)
		return {
			status: 401,
			message:
				'Unauthorized: n8n did not keep the raw request body, so the signature cannot be checked',
		};
	if (!signed)
		return { status: 401, message: `Unauthorized: the ${SIGNATURE_HEADER} header is missing` };
	return {
		status: 401,
		message: `Unauthorized: the ${SIGNATURE_HEADER} header does not match the body. Use the same Secret Key in Greenhouse and in n8n`,
	};
}
