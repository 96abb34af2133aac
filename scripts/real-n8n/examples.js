'use strict';
/**
 * examples/workflows/*.json made runnable against the sandboxes, shared by the demo and the e2e suite:
 * credential references rewritten to created credentials, and the few settings an example leaves for
 * the user filled with demo values (each one reported, so the demo can print it).
 */
const fs = require('node:fs');
const path = require('node:path');

const { PKG, ROOT } = require('./n8n');

const EXAMPLES = path.join(ROOT, 'examples', 'workflows');
const DEMO_SECRET = 'demo-webhook-secret-change-me';
/** What the public API accepts under settings when creating a workflow. */
const SETTINGS_KEYS = [
	'executionOrder',
	'saveExecutionProgress',
	'saveManualExecutions',
	'saveDataErrorExecution',
	'saveDataSuccessExecution',
	'executionTimeout',
	'errorWorkflow',
	'timezone',
	'callerPolicy',
];

function exampleFiles() {
	return fs.existsSync(EXAMPLES)
		? fs
				.readdirSync(EXAMPLES)
				.filter((f) => f.endsWith('.json'))
				.sort()
		: [];
}

function loadExample(file) {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
}

/**
 * Credentials for every credential type the examples may use: the system credentials (pointing at the
 * sandboxes, from environment.createSystemCredentials) plus secret-only ones with a demo value, and the
 * outreach tools' API credentials (Mark as Synced) when the outreach-tools sandbox runs (`sandboxes`).
 * @returns {Promise<Record<string, {type: string, id: string, name: string, data: object}>>} by credential type
 */
async function exampleCredentials(client, declared, systemCreds, sandboxes = {}) {
	const byType = {};
	for (const c of Object.values(systemCreds)) byType[c.type] = c;
	for (const type of declared.credentials) {
		if (byType[type.name]) continue;
		const tools = sandboxes.outreachTools?.credentials;
		const toolKey = { lemlistLeadsApi: 'lemlist', instantlyApi: 'instantly' }[type.name];
		if (toolKey && tools?.[toolKey]) {
			const data = tools[toolKey];
			const name = `${toolKey} sandbox (demo)`;
			const created = await client.createCredential(name, type.name, data);
			byType[type.name] = { type: type.name, id: created.id, name, data };
		}
		if (type.name === 'greenhouseWebhookApi') {
			const data = { secretKey: DEMO_SECRET };
			const name = 'Greenhouse web hook secret (demo)';
			const created = await client.createCredential(name, type.name, data);
			byType[type.name] = { type: type.name, id: created.id, name, data };
		}
		if (type.name === 'outreachWebhookApi') {
			const data = { secret: DEMO_SECRET };
			const name = 'Outreach webhook secret (demo)';
			const created = await client.createCredential(name, type.name, data);
			byType[type.name] = { type: type.name, id: created.id, name, data };
		}
	}
	return byType;
}

/**
 * @returns {Promise<{ body: object, adjustments: string[], missing: string[] }>} body ready for POST /api/v1/workflows
 */
async function prepareExample(client, wf, credByType) {
	const nodes = JSON.parse(JSON.stringify(wf.nodes));
	const adjustments = [];
	const missing = [];
	for (const node of nodes) {
		for (const type of Object.keys(node.credentials || {})) {
			const c = credByType[type];
			if (c) node.credentials[type] = { id: c.id, name: c.name };
			else missing.push(type);
		}
		const p = node.parameters || (node.parameters = {});
		if (
			node.type === `${PKG.name}.outreachTrigger` &&
			p.authentication &&
			p.authentication !== 'none' &&
			!p.secret
		) {
			p.secret = DEMO_SECRET;
			adjustments.push(`${node.name}: Secret set to "${DEMO_SECRET}"`);
		}
		if (
			node.type === `${PKG.name}.intelliHr` &&
			p.operation === 'sendHired' &&
			credByType.intelliHrApi
		) {
			for (const [param, method] of [
				['businessEntity', 'getBusinessEntities'],
				['businessUnit', 'getBusinessUnits'],
				['location', 'getLocations'],
				['workClass', 'getWorkClasses'],
				['workType', 'getWorkTypes'],
			]) {
				if (p[param]) continue;
				// the same request the editor makes to fill the dropdown
				const options = await client.rest('POST', '/dynamic-node-parameters/options', {
					nodeTypeAndVersion: { name: node.type, version: node.typeVersion },
					credentials: {
						intelliHrApi: { id: credByType.intelliHrApi.id, name: credByType.intelliHrApi.name },
					},
					path: `parameters.${param}`,
					methodName: method,
					currentNodeParameters: p,
				});
				if (options?.[0]) {
					p[param] = options[0].value;
					adjustments.push(
						`${node.name}: ${param} = "${options[0].name}" (first in the sandbox's list)`,
					);
				}
			}
		}
		await pickCampaignJobs(client, node, credByType, adjustments);
	}
	const settings = Object.fromEntries(
		Object.entries(wf.settings || { executionOrder: 'v1' }).filter(([k]) =>
			SETTINGS_KEYS.includes(k),
		),
	);
	return {
		body: { name: wf.name, nodes, connections: wf.connections, settings },
		adjustments,
		missing,
	};
}

/** Job Routing › By Campaign rows with no job get one from the job picker's list (one job per row), as a user would pick. */
async function pickCampaignJobs(client, node, credByType, adjustments) {
	const p = node.parameters;
	const system = {
		[`${PKG.name}.greenhouse`]: 'greenhouseHarvestApi',
		[`${PKG.name}.stardex`]: 'stardexApi',
	}[node.type];
	const rows = p.campaignJobs?.routes ?? [];
	if (!system || p.jobRouting !== 'byCampaign' || !credByType[system] || !rows.length) return;
	const { results } = await client.rest(
		'POST',
		'/dynamic-node-parameters/resource-locator-results',
		{
			nodeTypeAndVersion: { name: node.type, version: node.typeVersion },
			credentials: { [system]: { id: credByType[system].id, name: credByType[system].name } },
			path: 'parameters.job',
			methodName: 'searchJobs',
			currentNodeParameters: p,
		},
	);
	rows.forEach((row, n) => {
		const job = results?.[n];
		if (row.job?.value || !job) return;
		row.job = { __rl: true, mode: 'list', value: job.value, cachedResultName: job.name };
		adjustments.push(
			`${node.name}: campaign "${row.campaign}" → job "${job.name}" (the sandbox's list)`,
		);
	});
}

/** A sample CSV for the csv-backfill examples: three good rows and one without email or LinkedIn. */
function writeSampleCsv(dir) {
	const file = path.join(dir, 'candidates.csv');
	const rows = [
		['Full Name', 'Email', 'LinkedIn', 'Title', 'Company', 'City', 'Country', 'Phone', 'Tags'],
		[
			'Grace Hopper',
			'grace.hopper@example.com',
			'https://www.linkedin.com/in/grace-hopper-demo',
			'Rear Admiral',
			'US Navy',
			'Arlington',
			'United States',
			'+1 555 0101',
			'backfill,compilers',
		],
		[
			'Alan Turing',
			'alan.turing@example.com',
			'https://www.linkedin.com/in/alan-turing-demo',
			'Mathematician',
			'Bletchley Park',
			'London',
			'United Kingdom',
			'+44 20 7946 0001',
			'backfill',
		],
		[
			'Katherine Johnson',
			'katherine.johnson@example.com',
			'https://www.linkedin.com/in/katherine-johnson-demo',
			'Research Mathematician',
			'NASA',
			'Hampton',
			'United States',
			'',
			'backfill',
		],
		['No Email Person', '', '', 'Engineer', 'Nowhere Inc', '', '', '', ''],
	];
	fs.writeFileSync(
		file,
		rows
			.map((r) => r.map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(','))
			.join('\n') + '\n',
	);
	return file;
}

/** Seeds a hired applicant into the Pinpoint sandbox, for the Pinpoint Trigger's request. */
async function seedPinpointHire(sandboxUrl) {
	const r = await fetch(`${sandboxUrl}/__sandbox/seed`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			applications: [
				{
					firstName: 'Mary',
					lastName: 'Jackson',
					email: 'mary.jackson@example.com',
					stage: 'Hired',
					startDate: '2027-01-11',
				},
			],
		}),
	});
	return String((await r.json()).applications?.[0] ?? '');
}

/**
 * Seeds the lemlist lead the lemlist reply fixture is about (test/fixtures/outreach/lemlist-emailsReplied.json),
 * so the example's Mark as Synced step has a lead to write the ATS link onto.
 */
async function seedOutreachLeads(sandboxUrl) {
	const r = await fetch(`${sandboxUrl}/__sandbox/seed`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			lemlist: [
				{
					_id: 'lea_Qw3rTy',
					email: 'jane.doe@example.com',
					firstName: 'Jane',
					lastName: 'Doe',
					campaignId: 'cam_A1b2C3d4',
				},
			],
		}),
	});
	return (await r.json()).lemlist ?? [];
}

module.exports = {
	seedOutreachLeads,
	EXAMPLES,
	DEMO_SECRET,
	exampleFiles,
	loadExample,
	exampleCredentials,
	prepareExample,
	writeSampleCsv,
	seedPinpointHire,
};
