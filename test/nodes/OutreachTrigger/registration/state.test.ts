import type { IDataObject } from 'n8n-workflow';

import {
	newSecret,
	readRegistration,
	writeRegistration,
} from '../../../../nodes/OutreachTrigger/registration/state';

const ctx = (data: IDataObject = {}) => ({ data, getWorkflowStaticData: () => data });

describe('the registration in the node static data', () => {
	test('written and read back; cleared with undefined', () => {
		const c = ctx();
		const reg = {
			tool: 'lemlist' as const,
			url: 'https://n8n.example.com/webhook/p',
			secret: newSecret(),
			hooks: [{ id: 'hoo_1', event: 'emailsReplied' }],
		};
		writeRegistration(c, reg);
		expect(readRegistration(c)).toEqual(reg);
		writeRegistration(c, undefined);
		expect(readRegistration(c)).toBeUndefined();
		expect(c.data).toEqual({});
	});

	test('anything malformed reads as no registration (so publishing registers afresh)', () => {
		const bad: unknown[] = [
			undefined,
			'x',
			{ tool: 'lemlist', url: 'u', secret: 's' },
			{ tool: 'nope', url: 'u', secret: 's', hooks: [] },
			{ tool: 'lemlist', url: '', secret: 's', hooks: [] },
			{ tool: 'lemlist', url: 'u', secret: '', hooks: [] },
		];
		for (const registration of bad)
			expect(readRegistration(ctx({ registration } as IDataObject))).toBeUndefined();
		expect(readRegistration({})).toBeUndefined();
		expect(
			readRegistration(
				ctx({
					registration: { tool: 'lemlist', url: 'u', secret: 's', hooks: [{ event: 'x' }, 1] },
				}),
			)?.hooks,
		).toEqual([]);
	});

	test('each secret is 32 random bytes in hex, never the same twice', () => {
		const secrets = new Set(Array.from({ length: 50 }, newSecret));
		expect(secrets.size).toBe(50);
		for (const s of secrets) expect(s).toMatch(/^[0-9a-f]{64}$/);
	});
});
