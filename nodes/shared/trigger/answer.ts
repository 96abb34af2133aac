import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { redactSecrets, redactText } from '../secrets';
import { remember, SEEN_KEY } from './dedupe';

/** What a trigger's handler decides; `answer` turns it into the HTTP answer. */
export type Outcome =
	| { status: 400 | 401 | 413 | 500 | 503; message: string }
	/** 200 with items starts the workflow; 200 without items only answers (ping, ignored, duplicate). */
	| { status: 200; message: string; items: IDataObject[]; seen?: string[] };

/** 200 and a workflow run with these items; their event ids join the recent deliveries. */
export function started(
	items: IDataObject[],
	seen: string[],
	dedupeSize?: number,
	message = 'Workflow was started',
): Outcome & { status: 200 } {
	const ids = items.map((i) => i.eventId).filter((v): v is string => typeof v === 'string');
	return { status: 200, message, items, seen: remember(seen, ids, dedupeSize) };
}

/** 200 and nothing else, so the sender does not retry a delivery that is fine but starts nothing. */
export function ignored(message: string): Outcome {
	return { status: 200, message, items: [] };
}

export function alreadyReceived(eventId: string): Outcome {
	return ignored(`Delivery ${eventId} was already received; nothing was started`);
}

export function notListening(event: string | undefined): Outcome {
	return ignored(
		`"${event}" is not one of the events this trigger listens to; nothing was started`,
	);
}

/**
 * Writes the HTTP answer. Errors are answered here and end the request, so nothing runs; a 200
 * with items starts the workflow and stores the delivery ids, so a redelivery is recognized.
 */
export function answer(
	ctx: IWebhookFunctions,
	outcome: Outcome,
	system: string,
): IWebhookResponseData {
	// Answers, logs and items carry no secret the trigger knows, in any field (secrets.ts).
	const message = redactText(outcome.message);
	if (outcome.status !== 200) {
		ctx.logger.warn(`${system} Trigger answered HTTP ${outcome.status}: ${message}`);
		ctx.getResponseObject().status(outcome.status).send(message).end();
		return { noWebhookResponse: true };
	}
	if (!outcome.items.length) return { webhookResponse: { received: true, message } };
	if (outcome.seen) ctx.getWorkflowStaticData('node')[SEEN_KEY] = outcome.seen;
	// Without webhookResponse, n8n answers an "onReceived" webhook with its default text; senders'
	// delivery logs should read what happened.
	return {
		workflowData: [ctx.helpers.returnJsonArray(redactSecrets(outcome.items))],
		webhookResponse: { received: true, started: outcome.items.length, message },
	};
}
