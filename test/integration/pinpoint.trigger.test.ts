import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { PinpointApi } from '../../credentials/PinpointApi.credentials';
import { node, type WebhookResult, WorkflowHarness } from '../harness/runWorkflow';
const { startPinpointSandbox } = require('../sandbox/pinpoint');

/**
 * The Pinpoint Trigger in n8n-core's WebhookContext against the Pinpoint sandbox: what it reads from
 * the API for a thin webhook, and how it answers when that read fails, is slow or is rate-limited.
 * Pinpoint counts only a 2xx within 5 s as delivered, so every answer here must come fast.
 */

type Sandbox = Awaited<ReturnType<typeof startPinpointSandbox>>;
let pp: Sandbox;

beforeAll(async () => {
	pp = await startPinpointSandbox({ rateLimit: { limit: 1000, windowMs: 10_000 } });
});
afterAll(async () => pp.close());
beforeEach(() => {
	pp.reset();
	pp.configure({
		format: 'jsonapi',
		supportedIncludes: ['job', 'stage', 'offers'],
		contactOnApplication: true,
	});
	pp.setRateLimit({ limit: 1000, windowMs: 10_000 });
});

function trigger(params: IDataObject = {}, credentials: IDataObject = {}) {
	return new WorkflowHarness(
		{
			nodes: [
				node(
					'Pinpoint Trigger',
					'pinpointTrigger',
					{ events: ['application_hired'], ...params },
					{ pinpointApi: 'Pinpoint' },
				),
			],
			connections: {},
		},
		{ pinpointApi: { ...pp.credentials, ...credentials } },
	);
}

/** The query every application read sends: relationships and the CV. */
const FULL_QUERY = 'include=job%2Cstage%2Coffers&extra_fields%5Bapplications%5D=attachments';

const emitted = (res: WebhookResult): IDataObject[] =>
	(res.response.workflowData?.[0] ?? []).map((i) => i.json);
const reads = () =>
	pp
		.requests()
		.map(
			(r: { method: string; path: string; query: string; status: number }) =>
				`${r.method} ${r.path}${r.query} → ${r.status}`,
		);

function hired(extra: IDataObject = {}) {
	const { application } = pp.addApplication({
		firstName: 'Katherine',
		lastName: 'Johnson',
		email: 'katherine@example.com',
		stage: 'Hired',
		startDate: '2027-01-04',
		...extra,
	});
	return application.id as string;
}

async function deliverHired(
	wf: WorkflowHarness,
	id: string,
	opts: { secret?: string; event?: string; triggeredAt?: string } = {},
) {
	const d = opts.secret
		? pp.signedDelivery(opts.event ?? 'application_hired', id, opts.secret, opts)
		: pp.signedDelivery(opts.event ?? 'application_hired', id, undefined, opts);
	return await wf.deliver('Pinpoint Trigger', { rawBody: d.rawBody, headers: d.headers });
}

describe('Pinpoint Trigger against the sandbox', () => {
	test('one read with includes and the CV gives candidate, job, stage and start date', async () => {
		const id = hired();
		const res = await deliverHired(trigger(), id);
		expect(res.status).toBe(200);
		expect(emitted(res)[0]).toMatchObject({
			fullName: 'Katherine Johnson',
			emails: [{ value: 'katherine@example.com' }],
			job: { name: 'Senior Backend Engineer' },
			stage: { name: 'Hired' },
			startDate: '2027-01-04',
			enrichment: { ok: true, fetched: ['application'] },
		});
		expect(reads()).toEqual([`GET /api/v1/applications/${id}?${FULL_QUERY} → 200`]);
	});

	test('includes the API does not know (400) → read again without them', async () => {
		pp.configure({ supportedIncludes: [] });
		const id = hired();
		const res = await deliverHired(trigger(), id);
		expect(emitted(res)[0]).toMatchObject({
			fullName: 'Katherine Johnson',
			emails: [{ value: 'katherine@example.com' }],
			job: { id: '101' },
			enrichment: { ok: true, fetched: ['application'] },
		});
		expect(reads()).toEqual([
			`GET /api/v1/applications/${id}?${FULL_QUERY} → 400`,
			`GET /api/v1/applications/${id} → 200`,
		]);
	});

	test('a hire on a confidential job is read with filter[job_visibility]=confidential', async () => {
		const id = hired({ confidential: true });
		const res = await deliverHired(trigger(), id);
		expect(emitted(res)[0]).toMatchObject({
			fullName: 'Katherine Johnson',
			stage: { name: 'Hired' },
			enrichment: { ok: true, fetched: ['application'] },
		});
		expect(reads()).toEqual([
			`GET /api/v1/applications/${id}?${FULL_QUERY} → 404`,
			`GET /api/v1/applications/${id}?${FULL_QUERY}&filter%5Bjob_visibility%5D=confidential → 200`,
		]);
	});

	test("the CV (context pdf_cv) and Pinpoint's address fields reach the item", async () => {
		const id = hired({
			address1: '12 Harbour Road',
			address2: 'Flat 3',
			town: 'Bristol',
			postcode: 'BS1 5TX',
			country: 'United Kingdom',
			cvFilename: 'katherine-cv.pdf',
		});
		const [item] = emitted(await deliverHired(trigger(), id));
		expect(item.location).toEqual({ city: 'Bristol', country: 'United Kingdom' });
		expect(item.extra).toMatchObject({
			address: '12 Harbour Road, Flat 3',
			postcode: 'BS1 5TX',
			resumeFilename: 'katherine-cv.pdf',
			resumeUrl: expect.stringMatching(
				new RegExp(`^${pp.url}/__files/applications/${id}/katherine-cv\\.pdf$`),
			),
		});
		expect(pp.contractReport().violations).toEqual([]);
	});

	test('unsigned, wrongly signed or not-selected deliveries never reach the API', async () => {
		const id = hired();
		const wf = trigger();
		expect((await deliverHired(wf, id, { secret: 'not-the-secret' })).status).toBe(401);
		const d = pp.signedDelivery('application_hired', id);
		expect(
			(
				await wf.deliver('Pinpoint Trigger', {
					rawBody: d.rawBody,
					headers: { 'Content-Type': 'application/json' },
				})
			).status,
		).toBe(401);
		const other = await deliverHired(wf, id, { event: 'application_moved' });
		expect(other.status).toBe(200);
		expect(emitted(other)).toHaveLength(0);
		expect(reads()).toEqual([]);
	});

	test('a wrong API key: the event still starts the workflow, saying why, and the key is nowhere in it', async () => {
		const id = hired();
		const res = await deliverHired(trigger({}, { apiKey: 'wrong-key-123456' }), id);
		const [item] = emitted(res);
		expect(item).toMatchObject({
			applicationId: id,
			enrichment: { ok: false, error: expect.stringMatching(/HTTP 401.*API key is not valid/) },
		});
		expect(JSON.stringify(item)).not.toContain('wrong-key-123456');
		expect(JSON.stringify(item)).not.toContain(pp.credentials.webhookSigningSecret);
	});

	test('"Ask Pinpoint to Retry": a failing read answers 503 and remembers nothing; the redelivery runs once', async () => {
		const id = hired();
		const wf = trigger({ options: { onFetchFailure: 'retry' } });
		pp.setFaults({ error5xxRate: 1, only: ['GET /api/v1/applications'] });
		const failed = await deliverHired(wf, id, { triggeredAt: '2026-11-20T09:15:02.123Z' });
		expect(failed.status).toBe(503);
		expect(emitted(failed)).toHaveLength(0);
		pp.setFaults({});
		const retried = await deliverHired(wf, id, { triggeredAt: '2026-11-20T09:15:02.123Z' });
		expect(emitted(retried)).toHaveLength(1);
		const again = await deliverHired(wf, id, { triggeredAt: '2026-11-20T09:15:02.123Z' });
		expect(again.status).toBe(200);
		expect(emitted(again)).toHaveLength(0);
	});

	test('the same event delivered again while the first delivery is still reading the API starts 1 run', async () => {
		const id = hired();
		const wf = trigger();
		pp.setFaults({ latencyMs: 300 });
		const at = { triggeredAt: '2026-11-21T10:00:00.000Z' };
		const answers = await Promise.all([
			deliverHired(wf, id, at),
			deliverHired(wf, id, at),
			deliverHired(wf, id, at),
		]);
		pp.setFaults({});
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
		expect(answers.map((a) => emitted(a).length).sort()).toEqual([0, 0, 1]);
		// One read of the application: the copies were refused before any API call.
		expect(
			reads().filter((r: string) => r.startsWith(`GET /api/v1/applications/${id}`)),
		).toHaveLength(1);
	});

	test("a slow API: the answer still comes within the time limit, well under Pinpoint's 5 s", async () => {
		const id = hired();
		pp.setFaults({ latencyMs: 1800 });
		const started = Date.now();
		const res = await deliverHired(trigger({ options: { fetchTimeLimitMs: 600 } }), id);
		const took = Date.now() - started;
		pp.setFaults({});
		expect(took).toBeLessThan(1500);
		expect(emitted(res)[0]).toMatchObject({
			enrichment: { ok: false, error: expect.stringContaining(`application ${id}`) },
		});
		// Let the sandbox finish the abandoned request, so no timer outlives the test file.
		await new Promise((resolve) => setTimeout(resolve, 1800 - took + 100));
	});

	test('rate-limited: no waiting for Retry-After inside a webhook', async () => {
		const id = hired();
		pp.setFaults({ burst429: 5 });
		const started = Date.now();
		const res = await deliverHired(trigger(), id);
		pp.setFaults({});
		expect(Date.now() - started).toBeLessThan(1500);
		expect(emitted(res)[0]).toMatchObject({
			enrichment: { ok: false, error: expect.stringContaining('HTTP 429') },
		});
	});

	test('a deleted application (404) is reported with what it means', async () => {
		const res = await deliverHired(trigger(), '9999999');
		expect(emitted(res)[0]).toMatchObject({
			applicationId: '9999999',
			enrichment: { ok: false, error: expect.stringMatching(/HTTP 404.*may have been deleted/) },
		});
	});

	test('Fetch Application Details off: no API call, the thin event only', async () => {
		const id = hired();
		const res = await deliverHired(trigger({ fetchDetails: false }), id);
		expect(emitted(res)[0]).toMatchObject({ event: 'application_hired', applicationId: id });
		expect(reads()).toEqual([]);
	});

	test('Other Event Names and Any Event', async () => {
		const id = hired();
		const custom = await deliverHired(
			trigger({
				events: ['application_hired'],
				options: { otherEvents: 'application_rejected, candidate.created' },
			}),
			id,
			{ event: 'candidate.created' },
		);
		expect(emitted(custom)[0]).toMatchObject({
			event: 'candidate_created',
			toolEvent: 'candidate.created',
		});
		const any = await deliverHired(trigger({ events: ['*'], fetchDetails: false }), id, {
			event: 'interview_scheduled',
		});
		expect(emitted(any)[0]).toMatchObject({ event: 'interview_scheduled' });
	});
});

describe('Pinpoint API credential against the sandbox', () => {
	/** What n8n does for the credential's Test button: the test request, through authenticate. */
	async function credentialTest(credentials: ICredentialDataDecryptedObject): Promise<number> {
		const cred = new PinpointApi();
		const opts = await cred.authenticate(credentials, {
			method: 'GET',
			...cred.test.request,
			headers: { ...cred.test.request.headers },
		} as IHttpRequestOptions);
		const url = new URL(`${opts.baseURL}${opts.url}`);
		for (const [k, v] of Object.entries(opts.qs ?? {})) url.searchParams.set(k, String(v));
		return (await fetch(url, { headers: opts.headers as Record<string, string> })).status;
	}

	test('Test succeeds with the sandbox key and fails with another', async () => {
		expect(await credentialTest(pp.credentials)).toBe(200);
		expect(await credentialTest({ ...pp.credentials, apiKey: 'nope' })).toBe(401);
		expect(reads()).toEqual([
			'GET /api/v1/jobs?page%5Bsize%5D=1 → 200',
			'GET /api/v1/jobs?page%5Bsize%5D=1 → 401',
		]);
	});
});
