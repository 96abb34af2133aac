import type { ICredentialsDecrypted, ICredentialTestFunctions } from 'n8n-workflow';

import { OutreachTrigger } from '../../../nodes/OutreachTrigger/OutreachTrigger.node';
import { TOOL_AUTH } from '../../../nodes/OutreachTrigger/auth';
import { outreachWebhookSecretTest } from '../../../nodes/OutreachTrigger/methods/credentialTest';
import {
	loadSettings,
	readSettings,
	settingsProblems,
} from '../../../nodes/OutreachTrigger/settings';
import { TOOLS } from '../../../nodes/OutreachTrigger/adapters/types';

type Params = Record<string, unknown>;

function reader(typeVersion: number, params: Params, credential?: Record<string, unknown>) {
	const calls: string[] = [];
	return {
		calls,
		ctx: {
			getNode: () => ({ typeVersion }),
			getNodeParameter: (name: string, fallback?: unknown) =>
				name in params ? params[name] : fallback,
			getCredentials: async (name: string) => {
				calls.push(name);
				if (!credential) throw new Error('Node does not have any credentials set');
				return credential;
			},
		},
	};
}

describe("Outreach Trigger version 2: the secret is a credential, the default is the tool's own method", () => {
	const d = new OutreachTrigger().description;

	test('new nodes are version 2.1; the Outreach Webhook credential shows for manual setup (from version 2) unless Authentication is None', () => {
		expect(d.version).toEqual([1, 1.1, 2, 2.1]);
		expect(d.defaultVersion).toBe(2.1);
		expect(d.credentials?.[0]).toEqual({
			name: 'outreachWebhookApi',
			required: true,
			testedBy: 'outreachWebhookSecretTest',
			displayOptions: {
				show: { '@version': [2, 2.1] },
				hide: { authentication: ['none'], registration: ['auto'] },
			},
		});
	});

	test("version 2 has no Secret parameter and defaults Authentication to the tool's own method", () => {
		const auth = d.properties.filter((p) => p.name === 'authentication');
		expect(auth.map((p) => [p.default, p.displayOptions?.show?.['@version']])).toEqual([
			['toolDefault', [{ _cnd: { gte: 2 } }]],
			['none', [1, 1.1]],
		]);
		const secret = d.properties.filter((p) => p.name === 'secret');
		expect(secret).toHaveLength(1);
		expect(secret[0].displayOptions?.show?.['@version']).toEqual([1, 1.1]);
	});

	test.each(TOOLS)(
		"%s: the tool's own method is used with the credential's secret",
		async (source) => {
			const { ctx, calls } = reader(
				2,
				{ source, events: ['replied'] },
				{ secret: 'a-long-random-secret-1' },
			);
			const s = await loadSettings(ctx as never);
			expect(s.auth.mode).toBe(TOOL_AUTH[source]);
			expect(s.auth.secret).toBe('a-long-random-secret-1');
			expect(calls).toEqual(['outreachWebhookApi']);
			expect(settingsProblems(s)).toEqual([]);
		},
	);

	test('the expected methods per tool', () => {
		expect(TOOL_AUTH).toEqual({
			generic: 'hmac',
			heyreach: 'queryToken',
			instantly: 'headerToken',
			lemlist: 'bodySecret',
			outreachIo: 'hmac',
			replyIo: 'queryToken',
			smartlead: 'bodySecret',
			woodpecker: 'queryToken',
		});
	});

	test('version 2 ignores a leftover Secret parameter (imported from version 1) and reads the credential', async () => {
		const { ctx } = reader(
			2,
			{ source: 'generic', authentication: 'headerToken', secret: 'old-param-secret' },
			{ secret: 'from-the-credential-1' },
		);
		expect((await loadSettings(ctx as never)).auth).toMatchObject({
			mode: 'headerToken',
			secret: 'from-the-credential-1',
			headerName: 'X-Webhook-Token',
		});
	});

	test('version 2 without a credential: publishing fails and names the credential', async () => {
		const { ctx } = reader(2, { source: 'lemlist' });
		const s = await loadSettings(ctx as never);
		expect(s.auth).toMatchObject({ mode: 'bodySecret', secret: '' });
		expect(settingsProblems(s).join()).toMatch(/Outreach Webhook credential/);
	});

	test('version 2 with Authentication None reads no credential', async () => {
		const { ctx, calls } = reader(2, { source: 'lemlist', authentication: 'none' });
		expect((await loadSettings(ctx as never)).auth.mode).toBe('none');
		expect(calls).toEqual([]);
	});

	test('version 1 keeps its Secret parameter and its None default', async () => {
		const { ctx, calls } = reader(1, { source: 'lemlist' });
		expect((await loadSettings(ctx as never)).auth.mode).toBe('none');
		const v1 = reader(1, { source: 'lemlist', authentication: 'bodySecret', secret: 'p-secret' });
		expect((await loadSettings(v1.ctx as never)).auth).toMatchObject({
			mode: 'bodySecret',
			secret: 'p-secret',
		});
		expect([...calls, ...v1.calls]).toEqual([]);
		expect(readSettings({ getNodeParameter: (_n, f) => f }).auth.mode).toBe('none');
	});
});

describe('the Outreach Webhook credential test', () => {
	const run = async (secret: unknown) =>
		await outreachWebhookSecretTest.call(
			{} as ICredentialTestFunctions,
			{
				data: { secret },
			} as unknown as ICredentialsDecrypted,
		);

	test.each([
		['', /empty/],
		['   ', /empty/],
		[' padded-secret-value-1 ', /space/],
		['short', /at least 16/],
	])('%j is refused', async (secret, message) => {
		const r = await run(secret);
		expect(r.status).toBe('Error');
		expect(r.message).toMatch(message);
	});

	test('a long random value passes', async () => {
		expect((await run('q3N9x-long-random-value')).status).toBe('OK');
	});
});
