'use strict';
/**
 * For a workflow's trigger node: a ready, correctly authenticated request (URL, headers, exact body bytes)
 * that starts it, built from the documented payload fixtures in test/fixtures. Used by the demo to print
 * `curl` commands (and by `npm run demo -- --check` to send them).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const FIXTURES = path.resolve(__dirname, '../../test/fixtures');
const PKG = 'n8n-nodes-ats-sync';

/** Outreach Trigger: per source, the fixture for each selectable event (ones carrying a LinkedIn URL where the tool sends one, since Stardex needs it). */
const OUTREACH_FIXTURES = {
	generic: { interested: 'generic-replied.json', replied: 'generic-replied.json' },
	lemlist: {
		interested: 'lemlist-emailsReplied.json',
		replied: 'lemlist-emailsReplied.json',
		addedToSequence: 'lemlist-contacted.json',
	},
	smartlead: {
		interested: 'smartlead-LEAD_CATEGORY_UPDATED.json',
		replied: 'smartlead-EMAIL_REPLIED.json',
		addedToSequence: 'smartlead-FIRST_EMAIL_SENT.json',
	},
	instantly: {
		interested: 'instantly-lead_interested.json',
		replied: 'instantly-reply_received.json',
		addedToSequence: 'instantly-email_sent.json',
	},
	outreachIo: {
		replied: 'outreachio-mailing.replied.json',
		interested: 'outreachio-mailing.replied.json',
		addedToSequence: 'outreachio-sequenceState.created.json',
	},
	replyIo: { interested: 'replyio-meeting_booked.json', replied: 'replyio-email_replied.json' },
	heyreach: {
		interested: 'heyreach-LEAD_AUTO_TAGGED_INTERESTED.json',
		replied: 'heyreach-MESSAGE_REPLY_RECEIVED.json',
		addedToSequence: 'heyreach-CONNECTION_REQUEST_SENT.json',
	},
	woodpecker: { interested: 'woodpecker-batch.json', replied: 'woodpecker-batch.json' },
};
/** Same table as nodes/OutreachTrigger/auth.ts SIGNATURE_PRESETS / BODY_SECRET_FIELDS. */
const SIGNATURE_PRESETS = {
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
const BODY_SECRET_FIELDS = { lemlist: 'secret', smartlead: 'secret_key' };
/**
 * "The Tool's Own Method" (node version 2), as nodes/OutreachTrigger/auth.ts TOOL_AUTH resolves it.
 * A copy, because the demo prints requests before any build; test/docs/examples.test.ts holds it equal.
 */
const TOOL_AUTH = {
	generic: 'hmac',
	heyreach: 'queryToken',
	instantly: 'headerToken',
	lemlist: 'bodySecret',
	outreachIo: 'hmac',
	replyIo: 'queryToken',
	smartlead: 'bodySecret',
	woodpecker: 'queryToken',
};

const isExpression = (v) => typeof v === 'string' && v.startsWith('=');
const hmac = (secret, bytes, algorithm = 'sha256', encoding = 'hex') =>
	crypto.createHmac(algorithm, secret).update(bytes).digest(encoding);

const TRIGGER_TYPES = {
	webhook: 'n8n-nodes-base.webhook',
	outreach: `${PKG}.outreachTrigger`,
	greenhouse: `${PKG}.greenhouseTrigger`,
	pinpoint: `${PKG}.pinpointTrigger`,
};

function isTrigger(node) {
	return Object.values(TRIGGER_TYPES).includes(node.type);
}

/**
 * @param {{ workflow: any, node: any, baseUrl: string, credentialData: (type: string) => any, pinpointApplicationId?: string, sampleCsv?: string }} a
 * @returns {{ url: string, method: string, headers: Record<string,string>, body: Buffer, contentType: string, describe: string, note?: string } | { skip: string }}
 */
function buildTriggerRequest(a) {
	const { workflow, node, baseUrl } = a;
	const p = node.parameters || {};
	const url = `${baseUrl}/webhook/${String(p.path || '').replace(/^\//, '')}`;
	if (!p.path)
		return { skip: `${node.name} has no fixed path (empty = random); set one to get a ready curl` };
	if (isExpression(p.path)) return { skip: `${node.name}'s path is an expression` };

	if (node.type === TRIGGER_TYPES.outreach) {
		const source = p.source || 'generic';
		const events = Array.isArray(p.events) && p.events.length ? p.events : ['replied'];
		const table = OUTREACH_FIXTURES[source] || {};
		const file = events.map((e) => table[e]).find(Boolean) || table.replied;
		let payload;
		if (file) payload = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'outreach', file), 'utf8'));
		else
			payload = {
				event: 'addedToSequence',
				eventId: `demo-${Date.now()}`,
				contact: {
					fullName: 'Jane Demo',
					email: 'jane.demo@example.com',
					linkedinUrl: 'https://www.linkedin.com/in/jane-demo',
				},
				campaign: { name: 'Demo campaign' },
			};
		// Version 2 keeps the secret in the Outreach Webhook credential and defaults to the tool's own method.
		const v2 = (node.typeVersion ?? 1) >= 2;
		let auth = p.authentication || (v2 ? 'toolDefault' : 'none');
		if (auth === 'toolDefault') auth = TOOL_AUTH[source] || 'hmac';
		const secret = v2 ? a.credentialData('outreachWebhookApi')?.secret : p.secret;
		const headers = { 'Content-Type': 'application/json' };
		let query = '';
		if (auth !== 'none' && (!secret || isExpression(secret)))
			return {
				skip: `${node.name}: the secret is ${secret ? 'an expression' : v2 ? 'not in an Outreach Webhook credential' : 'empty'}`,
			};
		if (auth === 'bodySecret') {
			const field = (p.bodyField || '').trim() || BODY_SECRET_FIELDS[source] || 'secret';
			payload[field] = secret;
		}
		const body = Buffer.from(JSON.stringify(payload, null, 2));
		if (auth === 'hmac') {
			const f =
				p.signatureFormat === 'custom'
					? {
							header: p.signatureHeader || 'X-Signature',
							algorithm: p.signatureAlgorithm || p.algorithm || 'sha256',
							encoding: p.signatureEncoding || p.encoding || 'hex',
							prefix: p.signaturePrefix || '',
						}
					: SIGNATURE_PRESETS[source] || SIGNATURE_PRESETS.generic;
			headers[f.header] = `${f.prefix}${hmac(secret, body, f.algorithm, f.encoding)}`;
		} else if (auth === 'headerToken') {
			headers[p.headerName || 'X-Webhook-Token'] = secret;
		} else if (auth === 'queryToken') {
			query = `?${encodeURIComponent(p.queryParameter || 'token')}=${encodeURIComponent(secret)}`;
		}
		return {
			url: url + query,
			method: 'POST',
			headers,
			body,
			contentType: 'application/json',
			describe: `${source} ${file || 'sample'} (${auth === 'none' ? 'no authentication' : auth})`,
		};
	}

	if (node.type === TRIGGER_TYPES.greenhouse) {
		const credName = Object.keys(node.credentials || {})[0];
		const secret = credName && a.credentialData(credName)?.secretKey;
		if (!secret) return { skip: `${node.name}: no Greenhouse web hook secret` };
		const event = (Array.isArray(p.events) && p.events[0]) || 'hire_candidate';
		const file = path.join(FIXTURES, 'greenhouse-webhooks', `${event}.json`);
		if (!fs.existsSync(file)) return { skip: `${node.name}: no documented payload for ${event}` };
		const body = fs.readFileSync(file);
		return {
			url,
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				Signature: `sha256 ${hmac(secret, body)}`,
				'Greenhouse-Event-ID': `demo-${event}-1`,
			},
			body,
			contentType: 'application/json',
			describe: `Greenhouse ${event} (documented example), signed with the web hook secret`,
		};
	}

	if (node.type === TRIGGER_TYPES.pinpoint) {
		const credName = Object.keys(node.credentials || {})[0];
		const secret = credName && a.credentialData(credName)?.webhookSigningSecret;
		if (!secret)
			return { skip: `${node.name}: the Pinpoint credential has no webhook signing secret` };
		if (!a.pinpointApplicationId)
			return { skip: `${node.name}: no application in the Pinpoint sandbox` };
		const event = (Array.isArray(p.events) && p.events[0]) || 'application_hired';
		const body = Buffer.from(
			JSON.stringify({
				event,
				triggeredAt: new Date().toISOString(),
				data: { application: { id: String(a.pinpointApplicationId) } },
			}),
		);
		return {
			url,
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				'PINPOINT-HMAC-SHA256': hmac(secret, body, 'sha256', 'base64'),
			},
			body,
			contentType: 'application/json',
			describe: `Pinpoint ${event} for sandbox application ${a.pinpointApplicationId}, signed (base64 HMAC-SHA256)`,
		};
	}

	if (node.type === TRIGGER_TYPES.webhook) {
		const next = nextNodes(workflow, node.name).map((n) => n.type);
		if (next.includes('n8n-nodes-base.extractFromFile') && a.sampleCsv) {
			const boundary = `----ats-sync-demo-${crypto.randomBytes(6).toString('hex')}`;
			const csv = fs.readFileSync(a.sampleCsv);
			const body = Buffer.concat([
				Buffer.from(
					`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(a.sampleCsv)}"\r\nContent-Type: text/csv\r\n\r\n`,
				),
				csv,
				Buffer.from(`\r\n--${boundary}--\r\n`),
			]);
			return {
				url,
				method: (p.httpMethod || 'POST').toUpperCase(),
				headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
				body,
				contentType: 'multipart',
				form: { file: a.sampleCsv },
				describe: `a CSV upload (${path.basename(a.sampleCsv)})`,
			};
		}
		const pinned = workflow.pinData?.[node.name]?.[0]?.json;
		const payload = pinned?.body ?? {
			candidates: [
				{
					fullName: 'Jane Demo',
					emails: ['jane.demo@example.com'],
					linkedinUrl: 'https://www.linkedin.com/in/jane-demo',
					currentTitle: 'Engineer',
				},
			],
		};
		return {
			url,
			method: (p.httpMethod || 'POST').toUpperCase(),
			headers: { 'Content-Type': 'application/json' },
			body: Buffer.from(JSON.stringify(payload, null, 2)),
			contentType: 'application/json',
			describe: pinned ? 'the pinned sample' : 'a sample candidate',
		};
	}
	return { skip: `${node.type} is not a trigger the demo knows` };
}

function nextNodes(workflow, name) {
	const outs = workflow.connections?.[name]?.main || [];
	const names = outs
		.flat()
		.filter(Boolean)
		.map((c) => c.node);
	return workflow.nodes.filter((n) => names.includes(n.name));
}

const shq = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;

/** A copy-paste curl for a request whose body was written to bodyFile (signatures cover those exact bytes). */
function curlFor(req, bodyFile) {
	const parts = ['curl -sS -X', req.method, shq(req.url)];
	if (req.form) {
		parts.push('-F', shq(`file=@${req.form.file};type=text/csv`));
	} else {
		for (const [k, v] of Object.entries(req.headers)) parts.push('-H', shq(`${k}: ${v}`));
		parts.push('--data-binary', shq(`@${bodyFile}`));
	}
	return parts.join(' ');
}

module.exports = {
	buildTriggerRequest,
	curlFor,
	isTrigger,
	TRIGGER_TYPES,
	OUTREACH_FIXTURES,
	TOOL_AUTH,
	hmac,
};
