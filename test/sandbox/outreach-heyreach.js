// @ts-check
'use strict';
/**
 * HeyReach's part of the outreach-tools sandbox, under `${url}/heyreach/api`: the `X-API-KEY`
 * header (401 without a known one), GET /public/auth/CheckApiKey (the credential test), and the
 * webhook API the trigger registers with: POST /public/webhooks/GetAllWebhooks `{offset, limit}`,
 * POST /public/webhooks/CreateWebhook (one event type per webhook; the answer carries no id, since
 * what HeyReach answers is not in the sources) and DELETE /public/webhooks/DeleteWebhook?webhookId=.
 * Requests are checked against test/contracts/heyreach. Deliveries: one per active webhook of the
 * event type, POSTed to its URL with the payload and `eventType`.
 */

const HEYREACH_DEFAULTS = {
	apiKeys: ['sandbox-heyreach-key'],
};

/**
 * @param {{ cfg: typeof HEYREACH_DEFAULTS, nextId: () => number }} o
 */
function heyreachTool(o) {
	/** @type {{ hooks: any[] }} */
	const db = { hooks: [] };
	const error = (/** @type {number} */ status, /** @type {string} */ message) => ({
		status,
		body: { errorMessage: message },
	});
	const reset = () => {
		db.hooks = [];
	};

	function authenticate(/** @type {import('./core').SandboxRequest} */ req) {
		const key = String(req.headers['x-api-key'] || '');
		if (!o.cfg.apiKeys.includes(key)) return error(401, 'Unauthorized');
		return { auth: { tool: 'heyreach' } };
	}

	/** @type {import('./core').Route[]} */
	const routes = [
		{
			method: 'GET',
			pattern: /^\/heyreach\/api\/public\/auth\/CheckApiKey$/,
			handler: () => ({ status: 200 }),
		},
		{
			method: 'POST',
			pattern: /^\/heyreach\/api\/public\/webhooks\/GetAllWebhooks$/,
			handler: (req) => {
				const { offset = 0, limit = 100 } = req.body || {};
				return {
					status: 200,
					body: {
						totalCount: db.hooks.length,
						items: db.hooks.slice(offset, offset + limit).map((h) => ({ ...h })),
					},
				};
			},
		},
		{
			method: 'POST',
			write: true,
			pattern: /^\/heyreach\/api\/public\/webhooks\/CreateWebhook$/,
			handler: (req) => {
				const b = req.body;
				db.hooks.push({
					id: o.nextId(),
					webhookName: b.webhookName,
					webhookUrl: b.webhookUrl,
					eventType: b.eventType,
					campaignIds: [...(b.campaignIds ?? [])],
					isActive: b.isActive !== false,
				});
				return { status: 200 };
			},
		},
		{
			method: 'DELETE',
			write: true,
			pattern: /^\/heyreach\/api\/public\/webhooks\/DeleteWebhook$/,
			handler: (req) => {
				const id = Number(req.query.get('webhookId'));
				const before = db.hooks.length;
				db.hooks = db.hooks.filter((h) => h.id !== id);
				return db.hooks.length === before ? error(404, 'Webhook not found') : { status: 200 };
			},
		},
	];

	/** A webhook deleted in HeyReach's UI. */
	const removeHook = (/** @type {string} */ id) => {
		db.hooks = db.hooks.filter((h) => String(h.id) !== String(id));
	};

	/**
	 * The deliveries HeyReach sends for one event: one per active webhook of that event type.
	 * @returns {Array<{ hookId: string, url: string, headers: Record<string, string>, body: any }>}
	 */
	function outgoing(/** @type {string} */ type, /** @type {Record<string, any>} */ payload = {}) {
		return db.hooks
			.filter((h) => h.isActive && h.eventType === type)
			.map((h) => ({
				hookId: String(h.id),
				url: h.webhookUrl,
				headers: { 'content-type': 'application/json' },
				body: { ...payload, eventType: type },
			}));
	}

	return {
		db,
		reset,
		authenticate,
		routes,
		error,
		removeHook,
		outgoing,
		hooks: () => db.hooks.map((h) => ({ ...h })),
	};
}

module.exports = { heyreachTool, HEYREACH_DEFAULTS };
