// @ts-check
'use strict';
/**
 * The Reply.io v3 and Outreach.io v2 webhook APIs of the outreach-tools sandbox (outreach-tools.js
 * mounts them), checked against test/contracts/{replyio,outreachio}.
 *
 * - Reply.io `${url}/replyio/v3`: X-API-Key (or Bearer). GET/POST /webhooks, DELETE /webhooks/:id,
 *   POST /webhooks/:id/enable|disable. One `eventType` per subscription; `enabled` false stops
 *   deliveries. Deliveries go to the subscription's URL as is (our token is in its query string).
 * - Outreach.io `${url}/outreach/api/v2` (the OAuth2 token of outreach-tools.js): GET/POST
 *   /webhooks, PATCH/DELETE /webhooks/:id in JSON:API. Deliveries carry Outreach-Webhook-Signature,
 *   the hex HMAC-SHA256 of the raw body with the webhook's `secret`, as Outreach.io documents
 *   (https://developers.outreach.io/api/webhooks/), and only to active webhooks.
 */
const { createHmac, randomUUID } = require('node:crypto');

/**
 * @param {{ nextId: () => number, now: () => string,
 *   replyIo: { apiKeys: string[], refuseHooks: number },
 *   outreachIo: { refuseHooks: number } }} env
 */
function replyIoOutreachIoHooks(env) {
	/** @type {{ replyIo: any[], outreachIo: any[] }} */
	let hooks = { replyIo: [], outreachIo: [] };
	const reset = () => {
		hooks = { replyIo: [], outreachIo: [] };
	};

	const replyIoError = (/** @type {number} */ status, /** @type {string} */ message) => ({
		status,
		body: { errorCode: status, message },
	});
	const outreachError = (/** @type {number} */ status, /** @type {string} */ detail) => ({
		status,
		body: {
			errors: [{ id: status === 404 ? 'resourceNotFound' : 'forbidden', title: 'Error', detail }],
		},
	});

	/** Reply.io: X-API-Key, or Authorization: Bearer with the key. */
	function authenticateReplyIo(/** @type {import('./core').SandboxRequest} */ req) {
		const bearer = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization || ''));
		const key = String(req.headers['x-api-key'] || (bearer ? bearer[1] : ''));
		if (!env.replyIo.apiKeys.includes(key)) return replyIoError(401, 'Invalid API key');
		return { auth: { tool: 'replyIo' } };
	}

	const replyView = (/** @type {any} */ h) => ({ ...h });
	const findReply = (/** @type {string} */ id) => hooks.replyIo.find((h) => String(h.id) === id);
	const outreachView = (/** @type {any} */ h) => {
		const { secret: _s, id, ...attributes } = h;
		return { type: 'webhook', id, attributes };
	};
	const findOutreach = (/** @type {string} */ id) =>
		hooks.outreachIo.find((h) => String(h.id) === id);

	const setReplyEnabled =
		(/** @type {boolean} */ enabled) =>
		(/** @type {any} */ _req, /** @type {string[]} */ [id]) => {
			const hook = findReply(id);
			if (!hook) return replyIoError(404, 'Webhook subscription not found');
			hook.enabled = enabled;
			return { status: 200, body: replyView(hook) };
		};

	const routes = [
		{
			method: 'GET',
			pattern: /^\/replyio\/v3\/webhooks$/,
			handler: () => ({ status: 200, body: hooks.replyIo.map(replyView) }),
		},
		{
			method: 'POST',
			write: true,
			pattern: /^\/replyio\/v3\/webhooks$/,
			handler: (/** @type {import('./core').SandboxRequest} */ req) => {
				if (env.replyIo.refuseHooks) return replyIoError(env.replyIo.refuseHooks, 'Forbidden');
				const b = req.body;
				const hook = {
					id: env.nextId(),
					eventType: b.eventType,
					url: b.url,
					scope: b.scope ?? 'Personal',
					enabled: b.enabled ?? true,
					createdAt: env.now(),
					payloadConfig: b.payloadConfig ?? {},
				};
				hooks.replyIo.push(hook);
				return { status: 201, body: replyView(hook) };
			},
		},
		{
			method: 'DELETE',
			write: true,
			pattern: /^\/replyio\/v3\/webhooks\/([^/]+)$/,
			handler: (/** @type {any} */ _req, /** @type {string[]} */ [id]) => {
				const hook = findReply(id);
				if (!hook) return replyIoError(404, 'Webhook subscription not found');
				hooks.replyIo = hooks.replyIo.filter((h) => h !== hook);
				return { status: 204, body: '' };
			},
		},
		{
			method: 'POST',
			pattern: /^\/replyio\/v3\/webhooks\/([^/]+)\/enable$/,
			handler: setReplyEnabled(true),
		},
		{
			method: 'GET',
			pattern: /^\/outreach\/api\/v2\/webhooks$/,
			handler: (/** @type {import('./core').SandboxRequest} */ req) => {
				const size = Number(req.query.get('page[size]') ?? 50);
				const after = Number(req.query.get('page[after]') ?? 0);
				const rows = hooks.outreachIo.filter((h) => h.id > after);
				const page = rows.slice(0, size);
				const more = rows.length > size;
				const next = `${req.baseUrl}/outreach/api/v2/webhooks?page%5Bsize%5D=${size}&page%5Bafter%5D=${page.length ? page[page.length - 1].id : 0}`;
				return {
					status: 200,
					body: { data: page.map(outreachView), ...(more ? { links: { next } } : {}) },
				};
			},
		},
		{
			method: 'POST',
			write: true,
			pattern: /^\/outreach\/api\/v2\/webhooks$/,
			handler: (/** @type {import('./core').SandboxRequest} */ req) => {
				if (env.outreachIo.refuseHooks)
					return outreachError(
						env.outreachIo.refuseHooks,
						'The token lacks the webhooks.all scope.',
					);
				const a = req.body.data.attributes;
				const hook = {
					id: env.nextId(),
					resource: a.resource ?? '*',
					action: a.action ?? '*',
					url: a.url,
					secret: a.secret,
					active: true,
					cleanupToken: randomUUID(),
					createdAt: env.now(),
					updatedAt: env.now(),
					disabledReason: null,
					disabledSince: null,
					payloadVersion: a.payloadVersion ?? 1,
				};
				hooks.outreachIo.push(hook);
				return { status: 201, body: { data: outreachView(hook) } };
			},
		},
		{
			method: 'PATCH',
			pattern: /^\/outreach\/api\/v2\/webhooks\/([^/]+)$/,
			handler: (
				/** @type {import('./core').SandboxRequest} */ req,
				/** @type {string[]} */ [id],
			) => {
				const hook = findOutreach(id);
				if (!hook) return outreachError(404, `Could not find 'webhook' with ID '${id}'.`);
				if (req.body.data.attributes.active === true)
					Object.assign(hook, { active: true, disabledReason: null, disabledSince: null });
				return { status: 200, body: { data: outreachView(hook) } };
			},
		},
		{
			method: 'DELETE',
			write: true,
			pattern: /^\/outreach\/api\/v2\/webhooks\/([^/]+)$/,
			handler: (/** @type {any} */ _req, /** @type {string[]} */ [id]) => {
				const hook = findOutreach(id);
				if (!hook) return outreachError(404, `Could not find 'webhook' with ID '${id}'.`);
				hooks.outreachIo = hooks.outreachIo.filter((h) => h !== hook);
				return { status: 204, body: '' };
			},
		},
	];

	const matches = (/** @type {any} */ h, /** @type {string} */ type) =>
		[`${h.resource}.${h.action}`, `${h.resource}.*`, `*.${h.action}`, '*.*'].includes(type) ||
		(h.resource === '*' && h.action === '*');

	/**
	 * The deliveries for one event: Reply.io to every enabled subscription of `type`; Outreach.io
	 * (`type` "resource.action") to every active webhook for it, signed with its secret.
	 * @returns {Array<{ hookId: string, url: string, headers: Record<string, string>, body: any, raw: string }>}
	 */
	function outgoing(
		/** @type {'replyIo'|'outreachIo'} */ tool,
		/** @type {string} */ type,
		/** @type {Record<string, any>} */ payload = {},
	) {
		if (tool === 'replyIo')
			return hooks.replyIo
				.filter((h) => h.enabled && h.eventType === type)
				.map((h) => {
					const body = {
						...payload,
						event: { ...(payload.event ?? {}), type, subscription_id: h.id },
					};
					const raw = JSON.stringify(body);
					return {
						hookId: String(h.id),
						url: h.url,
						headers: { 'content-type': 'application/json' },
						body,
						raw,
					};
				});
		return hooks.outreachIo
			.filter((h) => h.active && matches(h, type))
			.map((h) => {
				const body = { ...payload, meta: { ...(payload.meta ?? {}), eventName: type } };
				const raw = JSON.stringify(body);
				return {
					hookId: String(h.id),
					url: h.url,
					headers: {
						'content-type': 'application/vnd.api+json',
						'outreach-webhook-id': randomUUID(),
						'outreach-webhook-cleanup-token': h.cleanupToken,
						...(h.secret
							? {
									'outreach-webhook-signature': createHmac('sha256', h.secret)
										.update(raw)
										.digest('hex'),
								}
							: {}),
					},
					body,
					raw,
				};
			});
	}

	return {
		routes,
		reset,
		authenticateReplyIo,
		replyIoError,
		outgoing,
		/** What is registered, secrets included (for assertions). */
		list: (/** @type {'replyIo'|'outreachIo'} */ tool) => hooks[tool].map((h) => ({ ...h })),
		/** A deletion in the tool's UI. */
		remove: (/** @type {'replyIo'|'outreachIo'} */ tool, /** @type {string} */ id) => {
			hooks[tool] = hooks[tool].filter((h) => String(h.id) !== String(id));
		},
		/** The tool disabling a hook after failed deliveries (Reply.io `enabled` false, Outreach.io `active` false). */
		disable: (/** @type {'replyIo'|'outreachIo'} */ tool, /** @type {string} */ id) => {
			const hook = hooks[tool].find((h) => String(h.id) === String(id));
			if (!hook) return false;
			if (tool === 'replyIo') hook.enabled = false;
			else
				Object.assign(hook, {
					active: false,
					disabledReason: 'delivery failures',
					disabledSince: env.now(),
				});
			return true;
		},
		all: () => hooks,
	};
}

module.exports = { replyIoOutreachIoHooks };
