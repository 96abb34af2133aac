import { readFileSync } from 'fs';
import { join } from 'path';

import { GENERIC_JSON_SCHEMA } from '../../nodes/OutreachTrigger/adapters/genericSchema';
import {
	AUTO_REPLY_PHRASES,
	INTERESTED_PHRASES,
	NOT_INTERESTED_PHRASES,
	UNSUBSCRIBE_PHRASES,
	WRONG_PERSON_PHRASES,
} from '../../nodes/OutreachTrigger/classifier';
import { OutreachTrigger } from '../../nodes/OutreachTrigger/OutreachTrigger.node';

const ROOT = join(__dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');


describe('published documentation stays in sync with the code', () => {
	it('docs/outreach-generic-schema.json is the exported GENERIC_JSON_SCHEMA', () => {
		expect(JSON.parse(read('docs/outreach-generic-schema.json'))).toEqual(
			JSON.parse(JSON.stringify(GENERIC_JSON_SCHEMA)),
		);
	});

	it('docs/nodes/outreach-trigger.md lists every built-in phrase', () => {
		const doc = read('docs/nodes/outreach-trigger.md');
		const lists = [
			INTERESTED_PHRASES,
			NOT_INTERESTED_PHRASES,
			WRONG_PERSON_PHRASES,
			AUTO_REPLY_PHRASES,
			UNSUBSCRIBE_PHRASES,
		];
		const missing = lists
			.flatMap((list) => Object.values(list).flat())
			.filter((p) => !doc.includes(`\`${p}\``));
		expect(missing).toEqual([]);
	});
});


describe('example workflows', () => {
	const names = [
		'outreach-added-to-sequence.json',
		'outreach-replied.json',
		'outreach-replied-interested.json',
	];
	const properties = new OutreachTrigger().description.properties;
	const known = new Set(properties.map((p) => p.name));

	it.each(names)('%s is an importable workflow using the Outreach Trigger', (name) => {
		const wf = JSON.parse(read(`examples/workflows/${name}`));
		expect(wf.id.length).toBeLessThanOrEqual(21);
		expect(wf.settings).toEqual({ executionOrder: 'v1' });
		const trigger = wf.nodes.find(
			(n: { type: string }) => n.type === 'n8n-nodes-ats-sync.outreachTrigger',
		);
		// version 2: the secret is in the Outreach Webhook credential, not in the exported parameters
		expect(trigger.typeVersion).toBe(2);
		expect(trigger.parameters.secret).toBeUndefined();
		expect(Object.keys(trigger.credentials)).toEqual(['outreachWebhookApi']);
		for (const key of Object.keys(trigger.parameters)) expect(known).toContain(key);
		for (const [from, conn] of Object.entries(wf.connections) as Array<
			[string, { main: Array<Array<{ node: string }>> }]
		>) {
			const nodeNames = wf.nodes.map((n: { name: string }) => n.name);
			expect(nodeNames).toContain(from);
			for (const target of conn.main.flat()) expect(nodeNames).toContain(target.node);
		}
	});

	it('interested goes to Greenhouse export, added to sequence to Stardex export', () => {
		const interested = JSON.parse(read('examples/workflows/outreach-replied-interested.json'));
		const gh = interested.nodes.find(
			(n: { type: string }) => n.type === 'n8n-nodes-ats-sync.greenhouse',
		);
		expect(gh.parameters).toMatchObject({
			resource: 'candidate',
			operation: 'export',
			candidateInput: 'input',
		});
		expect(gh.credentials).toEqual({
			greenhouseHarvestApi: { id: '', name: 'Greenhouse account' },
		});
		const added = JSON.parse(read('examples/workflows/outreach-added-to-sequence.json'));
		expect(added.nodes.map((n: { type: string }) => n.type)).toContain(
			'n8n-nodes-ats-sync.stardex',
		);
	});
});
