// @ts-check
'use strict';
/**
 * Smartlead's part of the outreach-tools sandbox, under `${url}/smartlead/api/v1`: the API key in
 * the `api_key` query parameter (401 without a known one), GET /campaigns (the Campaigns picker and
 * the credential test), and the campaign webhook API the trigger registers with:
 * GET/POST/DELETE /campaigns/:id/webhooks (POST with `id: null` adds a webhook, with an id updates
 * it; DELETE takes `{id}` in the body). Requests are checked against test/contracts/smartlead.
 * Deliveries: one per webhook of the event's campaign that lists the event type, POSTed to its URL
 * with the flat help-center payload (`event_type`, `campaign_id`, ...).
 * Leads (Mark as Synced): GET /leads?email= answers the lead with its `custom_fields` and
 * `lead_campaign_data`, or `{}`; POST /campaigns/:id/leads/:leadId merges `custom_fields` into the
 * lead (404 when the lead is not in that campaign). `addLead` seeds one; `leadWrites` counts writes.
 */

const SMARTLEAD_DEFAULTS = {
	apiKeys: ['sandbox-smartlead-key'],
	/** An HTTP status POST /campaigns/:id/webhooks answers with (e.g. 400), or 0 to add normally. */
	refuseHooks: 0,
};

/**
 * @param {{ cfg: typeof SMARTLEAD_DEFAULTS, nextId: () => number }} o
 */
function smartleadTool(o) {
	/** @type {{ campaigns: any[], hooks: any[], leads: any[], leadWrites: number }} */
	const db = { campaigns: [], hooks: [], leads: [], leadWrites: 0 };
	const error = (/** @type {number} */ status, /** @type {string} */ message) => ({
		status,
		body: { error: message },
	});

	function reset() {
		db.campaigns = [
			{ id: 1001, name: 'Backend engineers Q1', status: 'ACTIVE' },
			{ id: 1002, name: 'Design leads Berlin', status: 'PAUSED' },
			{ id: 1003, name: 'Data team outreach', status: 'ACTIVE' },
		];
		db.hooks = [];
		db.leads = [];
		db.leadWrites = 0;
	}
	reset();

	/** A lead in the given campaigns (ids), with custom fields. */
	function addLead(/** @type {any} */ l = {}) {
		const lead = {
			id: l.id ?? o.nextId(),
			email: l.email ?? 'lead@example.com',
			first_name: l.first_name ?? 'Lead',
			custom_fields: { ...(l.custom_fields || {}) },
			campaigns: [...(l.campaigns || [1001])],
		};
		db.leads.push(lead);
		return lead;
	}
	const leadView = (/** @type {any} */ l) => ({
		id: l.id,
		email: l.email,
		first_name: l.first_name,
		custom_fields: { ...l.custom_fields },
		lead_campaign_data: l.campaigns.map((/** @type {number} */ c) => ({
			campaign_lead_map_id: l.id * 10 + c,
			campaign_id: c,
			campaign_name: campaignOf(String(c))?.name ?? '',
		})),
	});

	function authenticate(/** @type {import('./core').SandboxRequest} */ req) {
		const key = req.query.get('api_key') || '';
		if (!o.cfg.apiKeys.includes(key)) return error(401, 'Invalid API key');
		return { auth: { tool: 'smartlead' } };
	}

	const campaignOf = (/** @type {string} */ id) =>
		db.campaigns.find((c) => String(c.id) === String(id));
	const view = (/** @type {any} */ h) => ({
		id: h.id,
		name: h.name,
		webhook_url: h.webhook_url,
		event_types: [...h.event_types],
		categories: [...h.categories],
		email_campaign_id: h.campaignId,
	});

	/** @type {import('./core').Route[]} */
	const routes = [
		{
			method: 'GET',
			pattern: /^\/smartlead\/api\/v1\/leads\/?$/,
			handler: (req) => {
				const email = String(req.query.get('email') || '').toLowerCase();
				const lead = db.leads.find((l) => l.email.toLowerCase() === email);
				return { status: 200, body: lead ? leadView(lead) : {} };
			},
		},
		{
			method: 'POST',
			write: true,
			pattern: /^\/smartlead\/api\/v1\/campaigns\/([^/]+)\/leads\/([^/]+)$/,
			handler: (req, [campaignId, leadId]) => {
				const lead = db.leads.find((l) => String(l.id) === String(leadId));
				if (!campaignOf(campaignId) || !lead || !lead.campaigns.includes(Number(campaignId)))
					return error(404, 'Campaign or lead not found');
				Object.assign(lead.custom_fields, req.body.custom_fields || {});
				db.leadWrites++;
				return { status: 200, body: { ok: true } };
			},
		},
		{
			method: 'GET',
			pattern: /^\/smartlead\/api\/v1\/campaigns$/,
			handler: () => ({ status: 200, body: db.campaigns.map((c) => ({ ...c })) }),
		},
		{
			method: 'GET',
			pattern: /^\/smartlead\/api\/v1\/campaigns\/([^/]+)\/webhooks$/,
			handler: (_req, [id]) =>
				campaignOf(id)
					? {
							status: 200,
							body: db.hooks.filter((h) => String(h.campaignId) === String(id)).map(view),
						}
					: error(404, 'Campaign not found'),
		},
		{
			method: 'POST',
			write: true,
			pattern: /^\/smartlead\/api\/v1\/campaigns\/([^/]+)\/webhooks$/,
			handler: (req, [id]) => {
				if (!campaignOf(id)) return error(404, 'Campaign not found');
				if (o.cfg.refuseHooks) return error(o.cfg.refuseHooks, 'Webhook could not be saved');
				const b = req.body;
				const existing = b.id != null ? db.hooks.find((h) => h.id === b.id) : undefined;
				if (b.id != null && !existing) return error(404, 'Webhook not found');
				const hook = existing ?? { id: o.nextId(), campaignId: Number(id) };
				Object.assign(hook, {
					name: b.name,
					webhook_url: b.webhook_url,
					event_types: [...b.event_types],
					categories: Array.isArray(b.categories) ? [...b.categories] : [],
				});
				if (!existing) db.hooks.push(hook);
				return {
					status: 200,
					body: { ok: true, id: hook.id, message: 'Webhook saved successfully' },
				};
			},
		},
		{
			method: 'DELETE',
			write: true,
			pattern: /^\/smartlead\/api\/v1\/campaigns\/([^/]+)\/webhooks$/,
			handler: (req, [id]) => {
				if (!campaignOf(id)) return error(404, 'Campaign not found');
				const hook = db.hooks.find(
					(h) => h.id === Number(req.body.id) && String(h.campaignId) === String(id),
				);
				if (!hook) return error(404, 'Webhook not found');
				db.hooks = db.hooks.filter((h) => h !== hook);
				return { status: 200, body: { ok: true } };
			},
		},
	];

	/** A webhook deleted in Smartlead's UI (our id: "campaignId:webhookId", or the webhook id). */
	function removeHook(/** @type {string} */ id) {
		const webhookId = Number(String(id).split(':').pop());
		db.hooks = db.hooks.filter((h) => h.id !== webhookId);
	}

	/**
	 * The deliveries Smartlead sends for one event of one campaign (`payload.campaign_id`).
	 * @returns {Array<{ hookId: string, url: string, headers: Record<string, string>, body: any }>}
	 */
	function outgoing(/** @type {string} */ type, /** @type {Record<string, any>} */ payload = {}) {
		return db.hooks
			.filter((h) => h.event_types.includes(type))
			.filter((h) => String(h.campaignId) === String(payload.campaign_id))
			.map((h) => ({
				hookId: `${h.campaignId}:${h.id}`,
				url: h.webhook_url,
				headers: { 'content-type': 'application/json' },
				body: { ...payload, event_type: type, webhook_id: h.id, webhook_name: h.name },
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
		addLead,
		leads: () => db.leads.map(leadView),
		hooks: () => db.hooks.map((h) => ({ ...h, event_types: [...h.event_types] })),
	};
}

module.exports = { smartleadTool, SMARTLEAD_DEFAULTS };
