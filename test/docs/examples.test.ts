/**
 * The example workflows users import: credentials referenced by name only, and every trigger wired to a
 * documented request the demo and the e2e suite can send. The lemlist → Greenhouse example in detail
 * (lemlist is the outreach tool our users use most).
 */
import { readdirSync } from 'fs';
import { join } from 'path';

import { TOOL_AUTH } from '../../nodes/OutreachTrigger/auth';
import { OutreachTrigger } from '../../nodes/OutreachTrigger/OutreachTrigger.node';
import { read, ROOT } from './markdown';

 
const {
	buildTriggerRequest,
	isTrigger,
	TOOL_AUTH: SCRIPT_TOOL_AUTH,
} = require('../../scripts/real-n8n/triggers');
 

type Node = {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
};
type Workflow = { nodes: Node[]; connections: Record<string, { main: Array<Array<{ node: string }>> }> };

const files = readdirSync(join(ROOT, 'examples/workflows')).filter((f) => f.endsWith('.json'));
const load = (f: string): Workflow => JSON.parse(read(`examples/workflows/${f}`));

describe.each(files)('%s', (file) => {
	const wf = load(file);

	it('references credentials by name only (no ids from someone else\'s n8n)', () => {
		for (const node of wf.nodes)
			for (const ref of Object.values(node.credentials ?? {})) {
				expect(ref.id).toBe('');
				expect(ref.name.length).toBeGreaterThan(0);
			}
	});

	it('has a trigger the demo and the e2e suite can start with a documented request', () => {
		const trigger: Node | undefined = wf.nodes.find(isTrigger);
		expect(trigger).toBeDefined();
		// as scripts/real-n8n/examples.js prepares it: an empty Outreach Trigger secret gets a demo value
		const p = trigger!.parameters;
		const secret = p.authentication && p.authentication !== 'none' && !p.secret ? 'demo' : p.secret;
		const request = buildTriggerRequest({
			workflow: wf,
			node: { ...trigger, parameters: { ...p, secret } },
			baseUrl: 'http://127.0.0.1:5678',
			// the demo fills empty secrets; any values do for building the request
			credentialData: () => ({ secretKey: 's', webhookSigningSecret: 's', secret: 's' }),
			pinpointApplicationId: '1',
			sampleCsv: join(ROOT, 'package.json'),
		});
		expect(request.skip).toBeUndefined();
		expect(request.url).toMatch(/^http:\/\/127\.0\.0\.1:5678\/webhook\/[a-z0-9-]+/);
	});
});

describe('lemlist-interested-greenhouse.json', () => {
	const wf = load('lemlist-interested-greenhouse.json');
	const trigger = wf.nodes.find((n) => n.type === 'n8n-nodes-ats-sync.outreachTrigger')!;
	const greenhouse = wf.nodes.find((n) => n.type === 'n8n-nodes-ats-sync.greenhouse')!;

	it('starts on lemlist replies that are interested, checking lemlist\'s body secret from a credential', () => {
		expect(trigger.typeVersion).toBe(2);
		expect(trigger.parameters).toMatchObject({
			source: 'lemlist',
			events: ['interested'],
			authentication: 'toolDefault',
		});
		expect(trigger.parameters.secret).toBeUndefined();
		expect(trigger.credentials).toEqual({
			outreachWebhookApi: { id: '', name: 'Outreach webhook secret' },
		});
		const known = new Set(new OutreachTrigger().description.properties.map((p) => p.name));
		for (const key of Object.keys(trigger.parameters)) expect(known).toContain(key);
	});

	it('exports the trigger item to Greenhouse, skipping people already there', () => {
		expect(wf.connections[trigger.name].main).toEqual([[{ node: greenhouse.name, type: 'main', index: 0 }]]);
		expect(greenhouse.parameters).toMatchObject({
			resource: 'candidate',
			operation: 'export',
			candidateInput: 'input',
			ifExists: 'skip',
		});
		expect(greenhouse.credentials).toEqual({ greenhouseHarvestApi: { id: '', name: 'Greenhouse account' } });
	});

	it('then marks the lemlist lead as synced (the Greenhouse link as custom variables), with a lemlist API credential', () => {
		const mark = wf.nodes.find((n) => n.type === 'n8n-nodes-ats-sync.outreach')!;
		expect(wf.connections[greenhouse.name].main).toEqual([[{ node: mark.name, type: 'main', index: 0 }]]);
		expect(mark.parameters).toEqual({ tool: 'lemlist', resource: 'lead', operation: 'markSynced', options: {} });
		expect(mark.credentials).toEqual({ lemlistLeadsApi: { id: '', name: 'lemlist account' } });
	});

	it('is started by a signed lemlist reply fixture that reads as interested', () => {
		const request = buildTriggerRequest({
			workflow: wf,
			node: trigger,
			baseUrl: 'http://127.0.0.1:5678',
			credentialData: (type: string) =>
				type === 'outreachWebhookApi' ? { secret: 'lemlist-secret' } : undefined,
		});
		expect(request.url).toBe('http://127.0.0.1:5678/webhook/lemlist-interested-greenhouse');
		const body = JSON.parse(request.body.toString());
		expect(body.secret).toBe('lemlist-secret');
		expect(body.type).toBe('emailsReplied');
		expect(body.text).toMatch(/sounds interesting/i);
	});
});

test("the demo's copy of each tool's own authentication matches the trigger's", () => {
	expect(SCRIPT_TOOL_AUTH).toEqual(TOOL_AUTH);
});
