import type { IDataObject } from 'n8n-workflow';

import { chain, node, outputOf, type WebhookResult, WorkflowHarness } from '../harness/runWorkflow';
import {
	outreachFixture,
	stardexExportNode,
	useToolsAndStardex,
} from '../harness/outreachSandboxes';

/**
 * Issue 4, second half: id-only or thin outreach webhooks → Enrich Missing Fields reads the lead or
 * prospect from the tool's API (the outreach-tools sandbox) inside the webhook call, through
 * n8n-core's WebhookContext and the shared transport, then the item flows on. The headline flow: a
 * lemlist reply without a LinkedIn URL becomes a Stardex person (Stardex requires linkedin_url),
 * exactly once even when lemlist redelivers.
 *
 * Outreach.io uses an OAuth2 credential. The harness's credentials helper names no parent types, so
 * n8n-core would not treat it as OAuth2; these tests tell it that outreachIoOAuth2Api extends
 * oAuth2Api, so the request goes through n8n-core's real requestOAuth2 (token signing, refresh).
 */

const sandboxes = useToolsAndStardex();

const LEMLIST_SECRET = 'lemlist-shared-secret-123';
const fixture = outreachFixture;
const emitted = (res: WebhookResult): IDataObject[] =>
	(res.response.workflowData?.[0] ?? []).map((i) => i.json);
const requests = () =>
	sandboxes.tools
		.requests()
		.map(
			(r: { method: string; path: string; query: string; status: number }) =>
				`${r.method} ${r.path}${r.query} → ${r.status}`,
		);

const LENA = {
	_id: 'lea_Pq7wErT2',
	email: 'lena.hoffmann@example.de',
	firstName: 'Lena',
	lastName: 'Hoffmann',
	linkedinUrl: 'linkedin.com/in/lena-hoffmann-dev/',
	companyName: 'Zalando SE',
	jobTitle: 'Senior Backend Engineer',
	phone: '+49 30 1234567',
	campaignId: 'cam_A1b2C3d4',
};

function lemlistTrigger(params: IDataObject = {}) {
	return node(
		'Outreach Trigger',
		'outreachTrigger',
		{
			path: 'outreach-lemlist',
			source: 'lemlist',
			events: ['replied'],
			authentication: 'bodySecret',
			secret: LEMLIST_SECRET,
			enrichMissing: true,
			...params,
		},
		{ lemlistLeadsApi: 'lemlist sandbox' },
	);
}

function lemlistOnly(params: IDataObject = {}, credentials: IDataObject = {}) {
	return new WorkflowHarness(
		{ nodes: [lemlistTrigger(params)], connections: {} },
		{ lemlistLeadsApi: { ...sandboxes.tools.credentials.lemlist, ...credentials } },
	);
}

describe('lemlist reply without LinkedIn URL → enriched → Stardex export', () => {
	function flow() {
		const nodes = [lemlistTrigger(), stardexExportNode(sandboxes.job)];
		return new WorkflowHarness(
			{ nodes, connections: chain('Outreach Trigger', 'Stardex') },
			{
				lemlistLeadsApi: { ...sandboxes.tools.credentials.lemlist },
				stardexApi: { ...sandboxes.sdx.credentials } as never,
			},
		);
	}

	test('the LinkedIn URL comes from the lemlist API; the person is created once, redelivery included', async () => {
		sandboxes.tools.addLemlistLead({
			...LENA,
			campaignId: 'cam_other',
			_id: 'lea_other',
			linkedinUrl: 'https://www.linkedin.com/in/not-this-one',
		});
		sandboxes.tools.addLemlistLead(LENA);
		const wf = flow();
		const body = fixture('lemlist-emailsReplied-no-linkedin.json');

		const first = await wf.deliver('Outreach Trigger', { body });
		expect(first.status).toBe(200);
		const [item] = emitted(first);
		expect(item).toMatchObject({
			fullName: 'Lena Hoffmann',
			emails: [{ value: 'lena.hoffmann@example.de', type: 'other' }],
			linkedinUrl: 'https://www.linkedin.com/in/lena-hoffmann-dev',
			currentCompany: 'Zalando SE',
			currentTitle: 'Senior Backend Engineer',
			phones: [{ value: '+49 30 1234567', type: 'other' }],
			enrichment: {
				ok: true,
				source: 'lemlist API',
				filled: ['phone', 'linkedinUrl', 'currentTitle', 'currentCompany'],
			},
		});
		expect(JSON.stringify(item)).not.toContain(LEMLIST_SECRET);
		expect(requests()).toEqual([
			'GET /lemlist/api/leads/lena.hoffmann%40example.de?version=v2 → 200',
		]);
		const exported = outputOf(first.run!, 'Stardex');
		expect(exported).toEqual([expect.objectContaining({ status: 'created' })]);

		// lemlist sends the same event again: the trigger knows its id, nothing starts, no API call.
		const again = await wf.deliver('Outreach Trigger', { body });
		expect(again.status).toBe(200);
		expect(again.run).toBeUndefined();
		expect(requests()).toHaveLength(1);

		// A second workflow without the trigger's memory gets it too: Stardex's own lookup skips it.
		const other = await flow().deliver('Outreach Trigger', { body });
		expect(outputOf(other.run!, 'Stardex')).toEqual([
			expect.objectContaining({ status: 'skipped' }),
		]);

		const s = sandboxes.sdx.state();
		expect(s.counts).toMatchObject({ persons: 1, candidates: 1 });
		expect(s.persons[0]).toMatchObject({
			name: 'Lena Hoffmann',
			linkedin_public_id: 'lena-hoffmann-dev',
			current_job_title: 'Senior Backend Engineer',
			current_company_name: 'Zalando SE',
		});
	});

	test('the same reply delivered again while the first is still reading the lemlist API starts 1 run, 1 API call', async () => {
		sandboxes.tools.addLemlistLead(LENA);
		const wf = lemlistOnly();
		const body = fixture('lemlist-emailsReplied-no-linkedin.json');
		sandboxes.tools.setFaults({ latencyMs: 300 });
		const answers = await Promise.all([
			wf.deliver('Outreach Trigger', { body }),
			wf.deliver('Outreach Trigger', { body }),
		]);
		sandboxes.tools.setFaults({});
		expect(answers.map((a) => a.status)).toEqual([200, 200]);
		expect(answers.map((a) => emitted(a).length).sort()).toEqual([0, 1]);
		expect(requests()).toHaveLength(1);
	});

	test('without enrichment the same reply cannot reach Stardex: it has no LinkedIn URL', async () => {
		sandboxes.tools.addLemlistLead(LENA);
		const nodes = [lemlistTrigger({ enrichMissing: false }), stardexExportNode(sandboxes.job)];
		const wf = new WorkflowHarness(
			{ nodes, connections: chain('Outreach Trigger', 'Stardex') },
			{
				lemlistLeadsApi: { ...sandboxes.tools.credentials.lemlist },
				stardexApi: { ...sandboxes.sdx.credentials } as never,
			},
		);
		const res = await wf.deliver('Outreach Trigger', {
			body: fixture('lemlist-emailsReplied-no-linkedin.json'),
		});
		expect(emitted(res)[0].linkedinUrl).toBeUndefined();
		expect(emitted(res)[0].enrichment).toBeUndefined();
		expect(requests()).toEqual([]);
		expect(sandboxes.sdx.state().counts).toMatchObject({ persons: 0 });
	});
});

describe('lemlist lookups that fail still start the workflow', () => {
	const body = () => fixture('lemlist-emailsReplied-no-linkedin.json');

	test('a wrong API key: ok:false naming the credential, never the key', async () => {
		sandboxes.tools.addLemlistLead(LENA);
		const res = await lemlistOnly({}, { apiKey: 'wrong-lemlist-key-0000' }).deliver(
			'Outreach Trigger',
			{ body: body() },
		);
		expect(res.status).toBe(200);
		const [item] = emitted(res);
		expect(item).toMatchObject({ fullName: 'Lena Hoffmann', eventId: 'lemlist:act_5Tn8wQzR2mLk' });
		expect(item.linkedinUrl).toBeUndefined();
		const enrichment = item.enrichment as IDataObject;
		expect(enrichment.ok).toBe(false);
		expect(enrichment.error).toMatch(
			/^lemlist API refused the Lemlist Leads API credential \(HTTP 401\) when looking up email lena\.hoffmann@example\.de\. Check the API key in the Lemlist Leads API credential/,
		);
		expect(enrichment.hint).toContain('api.lemlist.com/api/leads/<email>?version=v2');
		const all = JSON.stringify(res);
		expect(all).not.toContain('wrong-lemlist-key-0000');
		expect(all).not.toContain(Buffer.from(':wrong-lemlist-key-0000').toString('base64'));
	});

	test('no such lead: ok:false saying so', async () => {
		const [item] = emitted(await lemlistOnly().deliver('Outreach Trigger', { body: body() }));
		expect(item.enrichment).toMatchObject({
			ok: false,
			error:
				'lemlist API has no record for email lena.hoffmann@example.de, so nothing was filled in',
		});
		expect(requests()).toEqual([
			'GET /lemlist/api/leads/lena.hoffmann%40example.de?version=v2 → 404',
		]);
	});

	test('an API slower than the time limit: the webhook still answers 200 with the item, in time', async () => {
		sandboxes.tools.addLemlistLead(LENA);
		sandboxes.tools.setFaults({ stallRate: 1, stallMs: 1200, only: ['GET /lemlist/'] });
		const started = Date.now();
		const res = await lemlistOnly({ options: { enrichTimeLimitMs: 600 } }).deliver(
			'Outreach Trigger',
			{ body: body() },
		);
		const took = Date.now() - started;
		expect(res.status).toBe(200);
		const [item] = emitted(res);
		expect(item).toMatchObject({ fullName: 'Lena Hoffmann', event: 'interested' });
		expect(item.enrichment).toMatchObject({
			ok: false,
			error:
				'No answer from lemlist API within the enrichment time limit of 600 ms (Options › Enrichment Time Limit), so email lena.hoffmann@example.de was not looked up',
		});
		expect(took).toBeLessThan(1500);
	});

	test('rate-limited: no waiting, ok:false', async () => {
		sandboxes.tools.addLemlistLead(LENA);
		sandboxes.tools.setFaults({ burst429: 5 });
		const started = Date.now();
		const [item] = emitted(await lemlistOnly().deliver('Outreach Trigger', { body: body() }));
		expect(Date.now() - started).toBeLessThan(1500);
		expect(item.enrichment).toMatchObject({
			ok: false,
			error: expect.stringContaining('lemlist API is rate-limiting requests (HTTP 429)'),
		});
	});
});

describe('Instantly', () => {
	function instantly(params: IDataObject = {}, credentials: IDataObject = {}) {
		const trigger = node(
			'Outreach Trigger',
			'outreachTrigger',
			{
				path: 'outreach-instantly',
				source: 'instantly',
				events: ['replied'],
				enrichMissing: true,
				...params,
			},
			{ instantlyApi: 'Instantly sandbox' },
		);
		return new WorkflowHarness(
			{ nodes: [trigger], connections: {} },
			{ instantlyApi: { ...sandboxes.tools.credentials.instantly, ...credentials } },
		);
	}
	const MARCO = {
		email: 'marco.rossi@example.org',
		first_name: 'Marco',
		last_name: 'Rossi',
		company_name: 'Other Name GmbH',
		job_title: 'Data Engineer',
		payload: { linkedIn: 'https://de.linkedin.com/in/marco-rossi-data' },
	};

	test("reads the lead by email; the webhook's own company stays", async () => {
		sandboxes.tools.addInstantlyLead({ ...MARCO, email: 'someone.else@example.org' });
		sandboxes.tools.addInstantlyLead(MARCO);
		const [item] = emitted(
			await instantly().deliver('Outreach Trigger', {
				body: fixture('instantly-reply_received.json'),
			}),
		);
		expect(item).toMatchObject({
			fullName: 'Marco Rossi',
			currentCompany: 'Datafabrik',
			currentTitle: 'Data Engineer',
			linkedinUrl: 'https://www.linkedin.com/in/marco-rossi-data',
			enrichment: { ok: true, source: 'Instantly API', filled: ['linkedinUrl', 'currentTitle'] },
		});
		expect(requests()).toEqual(['POST /instantly/api/v2/leads/list → 200']);
	});

	test('an API that rejects the contacts filter (400) is asked again with search', async () => {
		sandboxes.tools.configure({ instantly: { rejectContacts: true } });
		sandboxes.tools.addInstantlyLead(MARCO);
		const [item] = emitted(
			await instantly().deliver('Outreach Trigger', {
				body: fixture('instantly-reply_received.json'),
			}),
		);
		expect(item.enrichment).toMatchObject({ ok: true, filled: ['linkedinUrl', 'currentTitle'] });
		expect(requests()).toEqual([
			'POST /instantly/api/v2/leads/list → 400',
			'POST /instantly/api/v2/leads/list → 200',
		]);
		sandboxes.tools.configure({ instantly: { rejectContacts: false } });
	});

	test('a key without the leads:read scope: ok:false saying which scope', async () => {
		const [item] = emitted(
			await instantly({}, { apiKey: 'sandbox-instantly-campaigns-only-key' }).deliver(
				'Outreach Trigger',
				{ body: fixture('instantly-reply_received.json') },
			),
		);
		expect(item.enrichment).toMatchObject({
			ok: false,
			error: expect.stringContaining(
				'Instantly API refused the Instantly API credential (HTTP 403) when looking up email marco.rossi@example.org. The API key needs the leads:read scope',
			),
		});
		expect(JSON.stringify(item)).not.toContain('sandbox-instantly-campaigns-only-key');
	});
});

describe('Outreach.io (OAuth2 through n8n-core)', () => {
	function outreachIo(params: IDataObject = {}, credentials: IDataObject = {}) {
		const trigger = node(
			'Outreach Trigger',
			'outreachTrigger',
			{
				path: 'outreach-io',
				source: 'outreachIo',
				events: ['replied', 'addedToSequence'],
				enrichMissing: true,
				...params,
			},
			{ outreachIoOAuth2Api: 'Outreach.io sandbox' },
		);
		const wf = new WorkflowHarness(
			{ nodes: [trigger], connections: {} },
			{
				outreachIoOAuth2Api: { ...sandboxes.tools.credentials.outreachIo, ...credentials } as never,
			},
		);
		Object.assign(wf.credentialsHelper, {
			getParentTypes: (type: string) => (type === 'outreachIoOAuth2Api' ? ['oAuth2Api'] : []),
		});
		return wf;
	}

	test('the id-only mailing.replied becomes a full candidate', async () => {
		sandboxes.tools.addProspect({
			id: 5511,
			firstName: 'Priya',
			lastName: 'Natarajan',
			emails: ['Priya.N@example.com'],
			title: 'Staff Engineer',
			company: 'Initech',
			linkedInUrl: 'https://www.linkedin.com/in/priya-natarajan',
			mobilePhones: ['+1 415 555 0134'],
		});
		const res = await outreachIo().deliver('Outreach Trigger', {
			body: fixture('outreachio-mailing.replied.json'),
		});
		expect(res.status).toBe(200);
		const [item] = emitted(res);
		expect(item).toMatchObject({
			fullName: 'Priya Natarajan',
			emails: [{ value: 'priya.n@example.com', type: 'other' }],
			phones: [{ value: '+1 415 555 0134', type: 'mobile' }],
			currentTitle: 'Staff Engineer',
			currentCompany: 'Initech',
			linkedinUrl: 'https://www.linkedin.com/in/priya-natarajan',
			extra: { outreachProspectId: '5511', outreachMailingId: '123456' },
			missing: ['sequence.name', 'reply.text'],
			enrichment: {
				ok: true,
				source: 'Outreach.io API',
				filled: ['name', 'email', 'phone', 'linkedinUrl', 'currentTitle', 'currentCompany'],
			},
		});
		expect(item.candidateErrors).toBeUndefined();
		expect(requests()).toEqual(['GET /outreach/api/v2/prospects/5511 → 200']);
	});

	test('a deleted prospect (404): ok:false, the ids and the original hint stay', async () => {
		const [item] = emitted(
			await outreachIo().deliver('Outreach Trigger', {
				body: fixture('outreachio-sequenceState.created.json'),
			}),
		);
		expect(item.enrichment).toMatchObject({
			ok: false,
			error: 'Outreach.io API has no record for prospect 5511, so nothing was filled in',
			needed: true,
			missing: expect.arrayContaining(['name', 'email']),
			hint: expect.stringContaining('api.outreach.io/api/v2/prospects'),
		});
		expect(item.extra).toMatchObject({ outreachProspectId: '5511' });
	});

	test('an expired access token is refreshed by n8n and the lookup succeeds', async () => {
		sandboxes.tools.addProspect({
			id: 5511,
			firstName: 'Priya',
			lastName: 'Natarajan',
			emails: ['priya.n@example.com'],
		});
		sandboxes.tools.expireOutreachTokens();
		const [item] = emitted(
			await outreachIo().deliver('Outreach Trigger', {
				body: fixture('outreachio-mailing.replied.json'),
			}),
		);
		expect(item).toMatchObject({ fullName: 'Priya Natarajan', enrichment: { ok: true } });
		expect(requests()).toEqual([
			'GET /outreach/api/v2/prospects/5511 → 401',
			'POST /outreach/oauth/token → 200',
			'GET /outreach/api/v2/prospects/5511 → 200',
		]);
	});

	test('a revoked connection (refresh refused): ok:false naming the credential, no token in the output', async () => {
		sandboxes.tools.addProspect({
			id: 5511,
			firstName: 'Priya',
			lastName: 'Natarajan',
			emails: ['priya.n@example.com'],
		});
		sandboxes.tools.expireOutreachTokens();
		const revoked = {
			oauthTokenData: {
				access_token: 'sandbox-outreach-access-token',
				refresh_token: 'revoked-refresh-token',
				token_type: 'Bearer',
			},
		};
		const res = await outreachIo({}, revoked).deliver('Outreach Trigger', {
			body: fixture('outreachio-mailing.replied.json'),
		});
		expect(res.status).toBe(200);
		const [item] = emitted(res);
		expect(item).toMatchObject({
			eventId: expect.any(String),
			extra: { outreachProspectId: '5511' },
			enrichment: { ok: false, needed: true },
		});
		expect((item.enrichment as IDataObject).error).toMatch(
			/^Could not look up prospect 5511 with the Outreach\.io OAuth2 API credential: .*reconnected/,
		);
		const all = JSON.stringify(res);
		expect(all).not.toContain('sandbox-outreach-access-token');
		expect(all).not.toContain('revoked-refresh-token');
	});
});
