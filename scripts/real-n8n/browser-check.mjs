#!/usr/bin/env node
/**
 * `npm run test:browser`: the n8n editor, in headless Chromium (playwright-core + Debian's /usr/bin/chromium),
 * against an n8n started like the e2e suite's (scripts/real-n8n/environment.js). Signs in through the form,
 * opens every example workflow and each of our nodes, checks that parameters render, that the Greenhouse
 * and Stardex job pickers list the sandbox jobs, that the IntelliHR dropdowns fill, and that each credential
 * form shows its fields and tests OK. Screenshots: a temp folder, or docs/screenshots/*.png with --update-screenshots.
 *
 *   ATS_E2E_CONTEXT=<context.json of `node scripts/real-n8n/serve.js`> npm run test:browser   # reuse a running n8n
 * Needs: apt-get install -y --no-install-recommends chromium
 */
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const lib = require('./n8n.js');
const { startEnvironment } = require('./environment.js');
const examples = require('./examples.js');
const { buildTriggerRequest, isTrigger } = require('./triggers.js');

// The README's screenshots are refreshed on request (--update-screenshots); a plain run (as in npm test)
// writes them to a temp folder so the working tree stays clean.
const SHOTS = process.argv.includes('--update-screenshots')
	? path.join(lib.ROOT, 'docs', 'screenshots')
	: fs.mkdtempSync(path.join(os.tmpdir(), 'ats-sync-screens-'));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
const PKG = lib.PKG.name;

/** Labels each of our nodes must show in its parameter panel (as configured in the examples). */
const NODE_LABELS = {
	[`${PKG}.greenhouse`]: [
		'Credential',
		'Resource',
		'Operation',
		'Candidate Data',
		'Job',
		'If Candidate Exists',
	],
	[`${PKG}.stardex`]: [
		'Credential',
		'Resource',
		'Operation',
		'Candidate Data',
		'Job',
		'If Candidate Exists',
	],
	[`${PKG}.intelliHr`]: [
		'Credential',
		'Resource',
		'Operation',
		'Position Title',
		'Start Date',
		'Business Entity',
		'Business Unit',
		'Work Class',
	],
	[`${PKG}.outreachTrigger`]: ['Path', 'Source', 'Events', 'Authentication', 'Conditions'],
	[`${PKG}.greenhouseTrigger`]: ['Credential', 'Events', 'Path'],
	[`${PKG}.pinpointTrigger`]: ['Credential', 'Events', 'Fetch Application Details', 'Path'],
};

if (!fs.existsSync(CHROMIUM)) {
	process.stderr.write(
		`No Chromium at ${CHROMIUM}. Install it: apt-get update && apt-get install -y --no-install-recommends chromium\n`,
	);
	process.exit(2);
}

const results = [];
async function check(name, fn) {
	const t0 = Date.now();
	try {
		await fn();
		results.push({ name, ok: true, ms: Date.now() - t0 });
		process.stdout.write(`  ✓ ${name} (${Date.now() - t0} ms)\n`);
	} catch (err) {
		results.push({
			name,
			ok: false,
			ms: Date.now() - t0,
			error: String(err.message || err).split('\n')[0],
		});
		process.stdout.write(
			`  ✗ ${name} (${Date.now() - t0} ms)\n      ${String(err.message || err)
				.split('\n')
				.slice(0, 3)
				.join('\n      ')}\n`,
		);
	}
}
function assert(cond, message) {
	if (!cond) throw new Error(message);
}
const slug = (s) =>
	s
		.toLowerCase()
		.replace(/\.json$/, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

async function main() {
	const t0 = Date.now();
	let env;
	let context;
	if (process.env.ATS_E2E_CONTEXT) {
		context = JSON.parse(fs.readFileSync(process.env.ATS_E2E_CONTEXT, 'utf8'));
		process.stdout.write(`reusing the n8n of ${process.env.ATS_E2E_CONTEXT}\n`);
	} else {
		env = await startEnvironment();
		context = env.context;
	}
	const stop = async () => {
		if (env) {
			await env.stop();
			fs.rmSync(context.workDir, { recursive: true, force: true });
		}
	};
	process.on('SIGINT', () => stop().finally(() => process.exit(130)));
	process.on('SIGTERM', () => stop().finally(() => process.exit(143)));

	let browser;
	try {
		fs.mkdirSync(SHOTS, { recursive: true });
		const client = lib.N8nClient.from(context.client);
		const credByType = await examples.exampleCredentials(
			client,
			context.declared,
			context.credentials,
			context.sandboxes,
		);

		// Every example, created through the public API (not activated: opening them is what is checked here).
		const workflows = [];
		for (const file of examples.exampleFiles()) {
			const wf = examples.loadExample(file);
			const { body } = await examples.prepareExample(client, wf, credByType);
			const created = await client.createWorkflow({ ...body, name: `${wf.name}` });
			workflows.push({
				file,
				id: created.id,
				name: wf.name,
				nodes: body.nodes,
				wf: { ...wf, nodes: body.nodes },
			});
		}

		browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		const editorRequests = [];
		page.on('request', (r) => {
			if (/\/rest\/(dynamic-node-parameters|credentials\/test)/.test(r.url()))
				editorRequests.push({ url: new URL(r.url()).pathname, body: r.postDataJSON() });
		});
		// a short pause first, so modal and dropdown animations have finished
		const shot = async (name) => {
			await page.waitForTimeout(700);
			await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
		};
		const closeNdv = async () => {
			await page.keyboard.press('Escape');
			await page
				.waitForSelector('[data-test-id="ndv"]', { state: 'hidden', timeout: 5000 })
				.catch(() => undefined);
		};
		process.stdout.write(
			`\nbrowser checks (Chromium ${browser.version()}, n8n ${context.n8n.url})\n`,
		);

		await check('sign in through the login form', async () => {
			await page.goto(`${context.n8n.url}/signin`);
			await page.fill('#emailOrLdapLoginId', context.owner.email);
			await page.fill('#password', context.owner.password);
			await page.click('button:has-text("Sign in")');
			await page.waitForURL((u) => !u.pathname.includes('signin'), { timeout: 30_000 });
		});

		const openedTypes = new Set();
		const testedCredentials = new Set();
		for (const w of workflows) {
			await check(`example "${w.name}" opens with every node rendered`, async () => {
				await page.goto(`${context.n8n.url}/workflow/${w.id}`);
				await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 30_000 });
				await page.waitForTimeout(800);
				const rendered = await page.$$eval('[data-test-id="canvas-node"]', (els) =>
					els.map((e) => ({
						name: e.getAttribute('data-node-name'),
						type: e.getAttribute('data-node-type'),
					})),
				);
				assert(
					rendered.length === w.nodes.length,
					`${rendered.length} of ${w.nodes.length} nodes on the canvas`,
				);
				for (const n of w.nodes)
					assert(
						rendered.some((r) => r.name === n.name && r.type === n.type),
						`node ${n.name} (${n.type}) missing`,
					);
				const text = await page.textContent('[data-test-id="canvas"]');
				assert(
					!/install this node|not installed|unknown node/i.test(text ?? ''),
					'the canvas says a node is not installed',
				);
				await shot(`workflow-${slug(w.file)}`);
			});

			for (const node of w.nodes.filter(
				(n) => n.type.startsWith(`${PKG}.`) && !openedTypes.has(n.type),
			)) {
				openedTypes.add(node.type);
				const short = node.type.slice(PKG.length + 1);
				await check(`node ${short}: parameters render`, async () => {
					await page.dblclick(`[data-test-id="canvas-node"][data-node-name="${node.name}"]`);
					await page.waitForSelector('[data-test-id="ndv"] [data-test-id="node-parameters"]', {
						timeout: 15_000,
					});
					await page.waitForTimeout(500);
					const text = (await page.textContent('[data-test-id="node-parameters"]')) ?? '';
					for (const label of NODE_LABELS[node.type] ?? [])
						assert(text.includes(label), `label "${label}" not shown`);
					assert(
						(await page.$$('[data-test-id="node-parameters"] [data-test-id="parameter-item"]'))
							.length >= 2,
						'fewer than 2 parameters rendered',
					);
					await shot(`node-${short}`);
				});
				await check(
					`node ${short}: no parameter is flagged with an issue as configured in ${w.file}`,
					async () => {
						const flagged = await page.$$eval(
							'[data-test-id="node-parameters"] [data-test-id="parameter-issues"]',
							(els) =>
								els.map(
									(e) =>
										e
											.closest('[data-test-id="parameter-item"]')
											?.querySelector('[data-test-id="input-label"]')
											?.textContent?.trim() ?? '?',
								),
						);
						assert(
							flagged.length === 0,
							`flagged (red triangle; for an optional dropdown left empty n8n says 'The value "" is not supported!'): ${flagged.join(', ')}`,
						);
					},
				);

				if (short === 'greenhouse' || short === 'stardex') {
					await check(`node ${short}: the job picker lists the sandbox jobs`, async () => {
						await page.click('[data-test-id="resource-locator-job"] [data-test-id="rlc-input"]');
						await page.waitForSelector('[data-test-id="rlc-item"]', { timeout: 15_000 });
						const items = await page.$$eval('[data-test-id="rlc-item"]', (els) =>
							els.map((e) => e.textContent.trim()),
						);
						const expected =
							short === 'greenhouse'
								? [
										'Data Scientist (REQ-102)',
										'Product Designer (REQ-101)',
										'Senior Backend Engineer (REQ-100)',
									]
								: null;
						if (expected)
							assert(
								JSON.stringify(items) === JSON.stringify(expected),
								`job list: ${JSON.stringify(items)}`,
							);
						else assert(items.length === 3, `job list: ${JSON.stringify(items)}`);
						await shot(`${short}-job-picker`);
						await page.keyboard.press('Escape');
					});
				}
				if (short === 'intelliHr') {
					for (const [param, expectFirst] of [
						['businessEntity', 'Acme Holdings'],
						['businessUnit', 'Engineering'],
						['workClass', 'Casual'],
						['location', 'Brisbane'],
					]) {
						await check(`node intelliHr: dropdown ${param} fills from the sandbox`, async () => {
							await page.click(`[data-test-id="parameter-input-${param}"]`);
							const list = page.locator('.el-select-dropdown:visible .el-select-dropdown__item');
							await list.first().waitFor({ timeout: 15_000 });
							const items = await list.allTextContents();
							assert(
								items.length >= 2 && items[0].trim().startsWith(expectFirst),
								`options: ${JSON.stringify(items)}`,
							);
							if (param === 'businessUnit') await shot('intellihr-dropdown');
							await page.keyboard.press('Escape');
							// element-plus keeps each dropdown in the DOM; wait until this one is hidden again
							await page
								.waitForFunction(
									() =>
										// eslint-disable-next-line no-undef -- runs in the page, where document exists
										![...document.querySelectorAll('.el-select-dropdown')].some(
											(e) => e.offsetParent !== null,
										),
									undefined,
									{ timeout: 5000 },
								)
								.catch(async () => {
									await page.click('[data-test-id="node-title-container"]');
								});
						});
					}
				}
				for (const credType of Object.keys(node.credentials ?? {})) {
					if (testedCredentials.has(credType)) continue;
					testedCredentials.add(credType);
					const declared = context.declared.credentials.find((c) => c.name === credType);
					await check(
						`credential ${credType}: the form shows its fields and the test passes`,
						async () => {
							await page.click('[data-test-id="credential-edit-button"]');
							await page.waitForSelector('[data-test-id="credential-edit-dialog"]', {
								timeout: 15_000,
							});
							await page.waitForSelector(
								'[data-test-id="credentials-config-container-test-success"]',
								{ timeout: 20_000 },
							);
							const inputs = await page.$$eval(
								'[data-test-id="credential-edit-dialog"] [data-test-id^="parameter-input-"]',
								(els) =>
									els.map((e) => e.getAttribute('data-test-id').slice('parameter-input-'.length)),
							);
							// every field but hidden ones (tokens the credential keeps) and notices
							const visible = declared.shown;
							for (const p of visible)
								assert(inputs.includes(p), `field ${p} missing (shown: ${inputs.join(', ')})`);
							await shot(`credential-${credType}`);
							await page.keyboard.press('Escape');
							await page
								.waitForSelector('[data-test-id="credential-edit-dialog"]', {
									state: 'hidden',
									timeout: 5000,
								})
								.catch(() => undefined);
						},
					);
				}
				await closeNdv();
			}
		}

		// Feature pictures for docs/nodes/greenhouse.md: a copy of the Greenhouse example set to Job Routing
		// "By Campaign", Options › Dry Run and one Custom Field, each cropped to the parameter panel.
		// (the By Campaign example first: its rows already carry jobs picked from the sandbox's list)
		const isGh = (n) => n.type === `${PKG}.greenhouse`;
		const gh =
			workflows.find((w) =>
				w.nodes.some((n) => isGh(n) && n.parameters.jobRouting === 'byCampaign'),
			) ?? workflows.find((w) => w.nodes.some(isGh));
		if (gh) {
			const panelShot = async (name, extra) => {
				await page.waitForTimeout(700);
				const boxes = [
					await page.locator('[data-test-id="ndv"] [data-test-id="node-parameters"]').boundingBox(),
				];
				if (extra) boxes.push(await extra.boundingBox());
				const x = Math.min(...boxes.map((b) => b.x));
				const y = Math.min(...boxes.map((b) => b.y));
				const right = Math.max(...boxes.map((b) => b.x + b.width));
				const bottom = Math.max(...boxes.map((b) => b.y + b.height));
				await page.screenshot({
					path: path.join(SHOTS, `${name}.png`),
					clip: { x, y, width: right - x, height: Math.min(bottom, 900) - y },
				});
			};
			await check(
				'node greenhouse: Job Routing "By Campaign", Dry Run and Custom Fields render',
				async () => {
					const nodes = JSON.parse(JSON.stringify(gh.nodes));
					const node = nodes.find(isGh);
					const job = node.parameters.job;
					Object.assign(node.parameters, {
						jobRouting: 'byCampaign',
						campaignJobs: node.parameters.campaignJobs?.routes?.length
							? node.parameters.campaignJobs
							: {
									routes: [
										{ campaign: 'Senior Backend Q3', job },
										{ campaign: 'Design Q3', job },
									],
								},
						options: { ...(node.parameters.options ?? {}), dryRun: true },
						customFields: { field: [{ fieldId: '', value: '' }] },
					});
					const copy = await client.createWorkflow({
						...gh.wf,
						nodes,
						name: `${gh.name} (features)`,
					});
					await page.goto(`${context.n8n.url}/workflow/${copy.id}`);
					await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 30_000 });
					await page.dblclick(`[data-test-id="canvas-node"][data-node-name="${node.name}"]`);
					await page.waitForSelector('[data-test-id="ndv"] [data-test-id="node-parameters"]', {
						timeout: 15_000,
					});
					const params = page.locator('[data-test-id="node-parameters"]');
					const text = (await params.textContent()) ?? '';
					for (const label of ['Job Routing', 'Campaigns', 'Fallback', 'Dry Run', 'Custom Fields'])
						assert(text.includes(label), `label "${label}" not shown`);
					await params
						.getByText('Job Routing', { exact: true })
						.first()
						.evaluate((el) => el.scrollIntoView({ block: 'start' }));
					await panelShot('greenhouse-job-routing-by-campaign');
					await params.getByText('Dry Run', { exact: true }).first().scrollIntoViewIfNeeded();
					await panelShot('greenhouse-dry-run');
					await page.click(
						'[data-test-id="node-parameters"] [data-test-id="parameter-input-fieldId"]',
					);
					const list = page.locator('.el-select-dropdown:visible .el-select-dropdown__item');
					await list.first().waitFor({ timeout: 15_000 });
					assert((await list.count()) >= 1, 'the custom field picker is empty');
					await panelShot(
						'greenhouse-custom-fields-picker',
						page.locator('.el-select-dropdown:visible').first(),
					);
					await page.keyboard.press('Escape');
					await closeNdv();
				},
			);
		}

		await check(
			'the editor calls the dynamic-parameter and credential-test endpoints the way the e2e suite does',
			async () => {
				const rl = editorRequests.find((r) => r.url.endsWith('/resource-locator-results'));
				assert(
					rl &&
						rl.body.path === 'parameters.job' &&
						rl.body.methodName === 'searchJobs' &&
						rl.body.credentials,
					'no resource-locator-results request with path parameters.job',
				);
				const opts = editorRequests.find((r) => r.url.endsWith('/options'));
				if (openedTypes.has(`${PKG}.intelliHr`))
					assert(
						opts && /^parameters\./.test(opts.body.path) && opts.body.methodName,
						'no options request',
					);
				const ct = editorRequests.find((r) => r.url.endsWith('/credentials/test'));
				assert(
					ct && ct.body.credentials.id && ct.body.credentials.data,
					'no credential test with id and data',
				);
			},
		);

		// One run of the main use case, shown as n8n shows a finished execution.
		const main = workflows.find(
			(w) =>
				w.nodes.some((n) => n.type === `${PKG}.outreachTrigger`) &&
				w.nodes.some((n) => n.type === `${PKG}.greenhouse`),
		);
		if (main) {
			await check(`an execution of "${main.name}" shows every node succeeded`, async () => {
				// a copy on its own path, so it cannot clash with an active example of a reused n8n
				const nodes = JSON.parse(JSON.stringify(main.nodes));
				const trigger = nodes.find(isTrigger);
				trigger.parameters.path = `${trigger.parameters.path}-browser-${Date.now()}`;
				const copy = await client.createWorkflow({ ...main.wf, nodes, name: main.name });
				await client.activate(copy.id);
				main.id = copy.id;
				const req = buildTriggerRequest({
					workflow: { ...main.wf, nodes },
					node: trigger,
					baseUrl: context.n8n.url,
					credentialData: (t) => credByType[t]?.data,
				});
				assert(!req.skip, req.skip);
				const u = new URL(req.url);
				const res = await client.webhook(
					u.pathname.replace(/^\/webhook\//, '') + u.search,
					req.body,
					{ headers: req.headers },
				);
				assert(res.status === 200, `webhook answered ${res.status}`);
				const [exec] = await client.waitForExecutions(main.id, 1);
				assert(exec.status === 'success', `execution ${exec.status}`);
				await page.goto(`${context.n8n.url}/workflow/${main.id}/executions/${exec.id}`);
				await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 30_000 });
				await page.waitForTimeout(2000);
				// n8n's "Production Checklist" popover covers the executions list on first visit
				const close = page.locator('[data-test-id="suggested-actions-close"]');
				if (await close.isVisible().catch(() => false)) await close.click();
				const green = await page.$$(
					'[data-test-id="canvas-node"] [data-test-id="canvas-node-status-success"]',
				);
				assert(
					green.length >= 2 || (await page.textContent('body')).includes('Succeeded'),
					'the execution view does not show success',
				);
				await shot('execution-outreach-to-greenhouse');
			});
		}
	} finally {
		if (browser) await browser.close();
		await stop();
	}
	const failed = results.filter((r) => !r.ok);
	process.stdout.write(
		`\n${results.length - failed.length}/${results.length} browser checks passed in ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${path.relative(process.cwd(), SHOTS)}/\n`,
	);
	process.exit(failed.length ? 1 : 0);
}

main().catch((err) => {
	process.stderr.write(`${err.stack || err}\n`);
	process.exit(1);
});
