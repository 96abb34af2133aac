import nock from 'nock';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import {
	clampBudget,
	needsLookup,
	readEnrichSettings,
	withContact,
	withFailure,
} from '../../../../nodes/OutreachTrigger/enrich';

import { OutreachTrigger } from '../../../../nodes/OutreachTrigger/OutreachTrigger.node';
import { node, type WebhookResult, WorkflowHarness } from '../../../harness/runWorkflow';
import { runWebhook } from '../webhookHarness';

/**
 * Enrich Missing Fields, without a sandbox: the credentials, the request each tool gets (nock on the
 * real API hosts, through n8n-core's WebhookContext and the shared transport), the merge rules, and
 * that nothing is requested when the option is off or no credential is chosen.
 * Outreach.io's OAuth2 credential: the harness's credentials helper is told that it extends
 * oAuth2Api, so n8n-core's own requestOAuth2 signs the request, as in n8n.
 */

const fixture = (name: string) =>
	JSON.parse(
		readFileSync(join(__dirname, '../../../fixtures/outreach', name), 'utf8'),
	) as IDataObject;
const emitted = (res: WebhookResult): IDataObject[] =>
	(res.response.workflowData?.[0] ?? []).map((i) => i.json);

const LEMLIST_KEY = 'lemlist-unit-key-5d9f';
const INSTANTLY_KEY = 'instantly-unit-key-77aa';
const OUTREACH_TOKEN = 'outreach-unit-access-token-1234';

function trigger(
	source: string,
	params: IDataObject,
	credentials: Record<string, ICredentialDataDecryptedObject>,
) {
	const credentialNames = Object.fromEntries(
		Object.keys(credentials).map((k) => [k, `${k} account`]),
	);
	const n = node(
		'Outreach Trigger',
		'outreachTrigger',
		{ path: 'outreach', source, events: ['replied', 'addedToSequence'], ...params },
		Object.keys(credentials).length ? credentialNames : undefined,
	);
	const wf = new WorkflowHarness({ nodes: [n], connections: {} }, credentials);
	Object.assign(wf.credentialsHelper, {
		getParentTypes: (type: string) => (type === 'outreachIoOAuth2Api' ? ['oAuth2Api'] : []),
	});
	return wf;
}

const lemlist = (params: IDataObject = {}, withCredential = true) =>
	trigger(
		'lemlist',
		{ enrichMissing: true, ...params },
		withCredential ? { lemlistLeadsApi: { apiKey: LEMLIST_KEY } } : {},
	);
const instantly = (params: IDataObject = {}) =>
	trigger(
		'instantly',
		{ enrichMissing: true, ...params },
		{ instantlyApi: { apiKey: INSTANTLY_KEY } },
	);
const OUTREACH_CREDENTIALS = {
	grantType: 'authorizationCode',
	authUrl: 'https://api.outreach.io/oauth/authorize',
	accessTokenUrl: 'https://api.outreach.io/oauth/token',
	clientId: 'client-id',
	clientSecret: 'client-secret',
	scope: 'prospects.read mailings.read sequences.read',
	authentication: 'body',
	oauthTokenData: { access_token: OUTREACH_TOKEN, refresh_token: 'refresh', token_type: 'Bearer' },
} as unknown as ICredentialDataDecryptedObject;
const outreachIo = (params: IDataObject = {}) =>
	trigger(
		'outreachIo',
		{ enrichMissing: true, ...params },
		{ outreachIoOAuth2Api: OUTREACH_CREDENTIALS },
	);

describe('node description', () => {
	const d = new OutreachTrigger().description;

	test('each credential shows only for its source (lemlist, Instantly, Woodpecker, Smartlead and HeyReach also register webhooks with it; Outreach.io only with Enrich Missing Fields on); none is required', () => {
		expect(d.credentials?.slice(1)).toEqual([
			{
				name: 'lemlistLeadsApi',
				required: false,
				displayOptions: { show: { source: ['lemlist'] } },
			},
			{
				name: 'instantlyApi',
				required: false,
				displayOptions: { show: { source: ['instantly'] } },
			},
			{
				name: 'woodpeckerApi',
				required: false,
				displayOptions: { show: { source: ['woodpecker'] } },
			},
			{
				name: 'smartleadApi',
				required: false,
				displayOptions: { show: { source: ['smartlead'] } },
			},
			{
				name: 'heyReachApi',
				required: false,
				displayOptions: { show: { source: ['heyreach'] } },
			},
			{
				name: 'outreachIoOAuth2Api',
				required: false,
				displayOptions: { show: { source: ['outreachIo'], enrichMissing: [true] } },
			},
		]);
	});

	test('Enrich Missing Fields is off by default and offered for lemlist, Instantly and Outreach.io; the time limit is an option', () => {
		const p = d.properties.find((x) => x.name === 'enrichMissing');
		expect(p).toMatchObject({
			type: 'boolean',
			default: false,
			displayOptions: { show: { source: ['lemlist', 'instantly', 'outreachIo'] } },
		});
		const options = d.properties.find((x) => x.name === 'options');
		expect(options?.options).toContainEqual(
			expect.objectContaining({
				name: 'enrichTimeLimitMs',
				default: 3000,
				typeOptions: { minValue: 500, maxValue: 4500 },
			}),
		);
		expect([
			clampBudget(undefined),
			clampBudget(10),
			clampBudget(99_999),
			clampBudget('1200'),
		]).toEqual([3000, 500, 4500, 1200]);
	});

	test('settings: off, an unsupported source or no chosen credential mean no enrich step', () => {
		const reader = (params: IDataObject, credentials?: IDataObject) => ({
			getNodeParameter: (name: string, fallback?: unknown) =>
				name in params ? params[name] : fallback,
			getNode: () => ({ credentials }) as never,
		});
		expect(
			readEnrichSettings(
				reader(
					{ source: 'lemlist', enrichMissing: false },
					{ lemlistLeadsApi: { id: '1', name: 'x' } },
				),
			),
		).toBeUndefined();
		expect(readEnrichSettings(reader({ source: 'lemlist', enrichMissing: true }))).toBeUndefined();
		expect(
			readEnrichSettings(
				reader(
					{ source: 'smartlead', enrichMissing: true },
					{ lemlistLeadsApi: { id: '1', name: 'x' } },
				),
			),
		).toBeUndefined();
		expect(
			readEnrichSettings(
				reader(
					{ source: 'instantly', enrichMissing: true },
					{ lemlistLeadsApi: { id: '1', name: 'x' } },
				),
			),
		).toBeUndefined();
		expect(
			readEnrichSettings(
				reader(
					{ source: 'lemlist', enrichMissing: true, options: { enrichTimeLimitMs: 2000 } },
					{ lemlistLeadsApi: { id: '1', name: 'x' } },
				),
			),
		).toMatchObject({ budgetMs: 2000, source: { system: 'lemlist API' } });
	});
});

describe('request shapes', () => {
	test("lemlist: GET /api/leads/{email}?version=v2 with Basic auth; the lead of the event's own lead id wins", async () => {
		const basic = `Basic ${Buffer.from(`:${LEMLIST_KEY}`).toString('base64')}`;
		const scope = nock('https://api.lemlist.com', {
			reqheaders: { authorization: basic, accept: 'application/json' },
		})
			.get('/api/leads/lena.hoffmann%40example.de')
			.query({ version: 'v2' })
			.reply(200, [
				{
					_id: 'lea_other',
					email: 'lena.hoffmann@example.de',
					linkedinUrl: 'https://www.linkedin.com/in/wrong',
					campaignId: 'cam_A1b2C3d4',
				},
				{
					_id: 'lea_Pq7wErT2',
					email: 'lena.hoffmann@example.de',
					linkedinUrl: 'https://www.linkedin.com/in/lena-h',
					companyName: 'Zalando SE',
					variables: { jobTitle: 'Backend Engineer' },
				},
			]);
		const [item] = emitted(
			await lemlist().deliver('Outreach Trigger', {
				body: fixture('lemlist-emailsReplied-no-linkedin.json'),
			}),
		);
		scope.done();
		expect(item).toMatchObject({
			linkedinUrl: 'https://www.linkedin.com/in/lena-h',
			currentCompany: 'Zalando SE',
			currentTitle: 'Backend Engineer',
			enrichment: {
				ok: true,
				source: 'lemlist API',
				filled: ['linkedinUrl', 'currentTitle', 'currentCompany'],
			},
		});
	});

	test('Instantly: POST /api/v2/leads/list {contacts: [email], limit} with the Bearer key; only a lead with that email counts', async () => {
		const seen: IDataObject[] = [];
		const scope = nock('https://api.instantly.ai', {
			reqheaders: { authorization: `Bearer ${INSTANTLY_KEY}` },
		})
			.post('/api/v2/leads/list', (b) => (seen.push(b), true))
			.reply(200, {
				items: [
					{ email: 'someone@else.example', job_title: 'Wrong' },
					{
						email: 'Marco.Rossi@example.org',
						job_title: 'Data Engineer',
						phone: '+39 02 1234 5678',
						payload: { linkedin_url: 'linkedin.com/in/marco-rossi' },
					},
				],
			});
		const [item] = emitted(
			await instantly().deliver('Outreach Trigger', {
				body: fixture('instantly-reply_received.json'),
			}),
		);
		scope.done();
		expect(seen).toEqual([{ contacts: ['marco.rossi@example.org'], limit: 10 }]);
		expect(item).toMatchObject({
			currentTitle: 'Data Engineer',
			linkedinUrl: 'https://www.linkedin.com/in/marco-rossi',
			phones: [{ value: '+39 02 1234 5678' }],
			enrichment: { ok: true, filled: ['phone', 'linkedinUrl', 'currentTitle'] },
		});
	});

	test('Outreach.io: GET /api/v2/prospects/{id} with the OAuth2 access token (JSON:API)', async () => {
		const scope = nock('https://api.outreach.io', {
			reqheaders: { authorization: `Bearer ${OUTREACH_TOKEN}` },
		})
			.get('/api/v2/prospects/5511')
			.reply(200, {
				data: {
					type: 'prospect',
					id: 5511,
					attributes: {
						firstName: 'Priya',
						lastName: 'Natarajan',
						emails: ['priya@example.com', 'p.n@initech.example'],
						title: 'Staff Engineer',
						company: 'Initech',
						linkedInUrl: 'https://www.linkedin.com/in/priya-n',
						workPhones: ['+1 415 555 0100'],
						addressCity: 'Austin',
						addressState: 'Texas',
						addressCountry: 'United States',
					},
				},
			});
		const [item] = emitted(
			await outreachIo().deliver('Outreach Trigger', {
				body: fixture('outreachio-sequenceState.created.json'),
			}),
		);
		scope.done();
		expect(item).toMatchObject({
			fullName: 'Priya Natarajan',
			emails: [{ value: 'priya@example.com' }, { value: 'p.n@initech.example' }],
			phones: [{ value: '+1 415 555 0100', type: 'work' }],
			location: { city: 'Austin', state: 'Texas', country: 'United States' },
			enrichment: {
				ok: true,
				source: 'Outreach.io API',
				filled: [
					'name',
					'email',
					'phone',
					'linkedinUrl',
					'currentTitle',
					'currentCompany',
					'location',
				],
			},
		});
		expect(item.missing).toEqual(['sequence.name']);
	});

	test('a 401 whose body echoes the key: ok:false names the credential; the key appears nowhere', async () => {
		nock('https://api.lemlist.com')
			.get(/\/api\/leads\/.*/)
			.times(2)
			.reply(401, { message: `Invalid API key ${LEMLIST_KEY}` });
		const res = await lemlist().deliver('Outreach Trigger', {
			body: fixture('lemlist-emailsReplied-no-linkedin.json'),
		});
		expect(res.status).toBe(200);
		const [item] = emitted(res);
		expect(item.enrichment).toMatchObject({
			ok: false,
			error: expect.stringContaining('refused the Lemlist Leads API credential (HTTP 401)'),
		});
		expect(JSON.stringify(res)).not.toContain(LEMLIST_KEY);
	});
});

describe('no request unless asked', () => {
	const body = () => fixture('lemlist-emailsReplied-no-linkedin.json');

	test('option off, or on without a credential: no request, and the same output as before', async () => {
		const scope = nock('https://api.lemlist.com').get(/.*/).reply(200, []);
		const off = emitted(
			await lemlist({ enrichMissing: false }).deliver('Outreach Trigger', { body: body() }),
		);
		const noCredential = emitted(
			await lemlist({}, false).deliver('Outreach Trigger', { body: body() }),
		);
		const plain = emitted(
			await trigger('lemlist', {}, {}).deliver('Outreach Trigger', { body: body() }),
		);
		expect(scope.isDone()).toBe(false);
		const stable = (items: IDataObject[]) => items.map(({ receivedAt: _r, ...rest }) => rest);
		expect(stable(off)).toEqual(stable(plain));
		expect(stable(noCredential)).toEqual(stable(plain));
		expect(plain[0].enrichment).toBeUndefined();
	});

	test('items that already have everything are not looked up', async () => {
		const scope = nock('https://api.lemlist.com').get(/.*/).reply(200, []);
		const full = {
			...body(),
			linkedinUrl: 'https://www.linkedin.com/in/lena',
			companyName: 'Acme',
			jobTitle: 'CTO',
		};
		const [item] = emitted(await lemlist().deliver('Outreach Trigger', { body: full }));
		expect(scope.isDone()).toBe(false);
		expect(item.enrichment).toBeUndefined();
	});

	test('the node in a bare webhook context (no credentials at all) behaves as before', async () => {
		const run = await runWebhook(
			{ source: 'outreachIo', events: ['addedToSequence'], enrichMissing: true },
			{ rawBody: JSON.stringify(fixture('outreachio-sequenceState.created.json')) },
		);
		expect(run.items[0]).toMatchObject({
			enrichment: {
				needed: true,
				hint: expect.stringContaining('api.outreach.io/api/v2/prospects'),
			},
		});
		expect((run.items[0].enrichment as IDataObject).ok).toBeUndefined();
	});
});

describe('merge rules (pure)', () => {
	const base: IDataObject = {
		fullName: 'Jane Doe',
		firstName: 'Jane',
		lastName: 'Doe',
		emails: [{ value: 'jane@example.com', type: 'other' }],
		phones: [],
		location: {},
		currentCompany: 'Acme GmbH',
		previousJobs: [],
		source: 'lemlist: Backend',
		tags: [],
		extra: { lemlistLeadId: 'lea_1' },
		event: 'replied',
		tool: 'lemlist',
		eventId: 'lemlist:act_1',
		missing: ['reply.text'],
		raw: { type: 'emailsReplied' },
	};

	test('fetched fields fill gaps only: name, email and company from the webhook stay', () => {
		const out = withContact(
			base,
			{
				firstName: 'Janet',
				lastName: 'Smith',
				emails: [{ value: 'other@example.com' }],
				currentCompany: 'Other Co',
				linkedinUrl: 'de.linkedin.com/in/Jane-Doe/',
				currentTitle: 'CTO',
			},
			'lemlist API',
		);
		expect(out).toMatchObject({
			fullName: 'Jane Doe',
			emails: [{ value: 'jane@example.com', type: 'other' }],
			currentCompany: 'Acme GmbH',
			currentTitle: 'CTO',
			linkedinUrl: 'https://www.linkedin.com/in/jane-doe',
			extra: { lemlistLeadId: 'lea_1' },
		});
		expect(out.enrichment).toEqual({
			ok: true,
			source: 'lemlist API',
			filled: ['linkedinUrl', 'currentTitle'],
		});
		expect(out.missing).toEqual(['reply.text']);
		expect(Object.keys(out).slice(-1)).toEqual(['raw']);
	});

	test('a one-word name gets its last name; a LinkedIn link that is not a profile is left out and reported', () => {
		const oneWord = { ...base, fullName: 'Jane', lastName: '-', missing: [] };
		const out = withContact(
			oneWord,
			{ lastName: 'Doe', linkedinUrl: 'https://www.linkedin.com/company/acme' },
			'Instantly API',
		);
		expect(out).toMatchObject({ fullName: 'Jane Doe', firstName: 'Jane', lastName: 'Doe' });
		expect(out.linkedinUrl).toBeUndefined();
		expect(out.enrichment).toEqual({ ok: true, source: 'Instantly API', filled: ['name'] });
		expect(out.candidateErrors).toEqual([
			'linkedin "https://www.linkedin.com/company/acme" left out: not a LinkedIn profile URL',
		]);
		expect(out.missing).toBeUndefined();
	});

	test('needsLookup: an id-only event, or any of name, email, LinkedIn, title, company missing', () => {
		expect(
			needsLookup({ ...base, linkedinUrl: 'https://www.linkedin.com/in/x', currentTitle: 'CTO' }),
		).toBe(false);
		expect(needsLookup(base)).toBe(true);
		expect(
			needsLookup({ ...base, linkedinUrl: 'x', currentTitle: 'CTO', enrichment: { needed: true } }),
		).toBe(true);
		expect(needsLookup({ ...base, linkedinUrl: 'x', currentTitle: 'CTO', emails: [] })).toBe(true);
	});

	test("a failure keeps the item and adds ok:false, error and the hint it had (or the tool's)", () => {
		const idOnly = {
			...base,
			enrichment: { needed: true, missing: ['name'], hint: 'Outreach.io sends only ids.' },
		};
		expect(withFailure(idOnly, 'boom', { hint: 'tool hint' }).enrichment).toEqual({
			ok: false,
			error: 'boom',
			needed: true,
			missing: ['name'],
			hint: 'Outreach.io sends only ids.',
		});
		expect(
			withFailure(base, 'Bearer abcdefghijkl failed', { hint: 'tool hint' }).enrichment,
		).toEqual({ ok: false, error: 'Bearer [redacted] failed', hint: 'tool hint' });
	});
});
