import {
	CLAIM_TTL_MS,
	claimItems,
	deliveryClaims,
	remember,
} from '../../../../nodes/shared/trigger/dedupe';

describe('delivery claims', () => {
	test('an event is claimed once per trigger; another trigger has its own claims', () => {
		const a = deliveryClaims('wf-1:node-a');
		const b = deliveryClaims('wf-1:node-b');
		expect(a.claim('ev-1')).toBe(true);
		expect(a.claim('ev-1')).toBe(false);
		expect(deliveryClaims('wf-1:node-a').claim('ev-1')).toBe(false);
		expect(b.claim('ev-1')).toBe(true);
	});

	test('a released claim (the delivery failed) can be claimed again by the retry', () => {
		const c = deliveryClaims('wf-2:node');
		expect(c.claim('ev-1')).toBe(true);
		c.release('ev-1');
		expect(c.claim('ev-1')).toBe(true);
	});

	test('claims are forgotten after CLAIM_TTL_MS (by then the static data has the id)', () => {
		let now = Date.now();
		const c = deliveryClaims('wf-3:node', () => now);
		expect(c.claim('ev-1')).toBe(true);
		now += CLAIM_TTL_MS - 1;
		expect(c.claim('ev-1')).toBe(false);
		now += 2;
		expect(c.claim('ev-2')).toBe(true);
		expect(c.claim('ev-1')).toBe(true);
	});

	test('claimItems keeps the items whose event it could claim, and gives them back on release', () => {
		const c = deliveryClaims('wf-4:node');
		expect(c.claim('taken')).toBe(true);
		const items = [{ eventId: 'taken' }, { eventId: 'new-1' }, { eventId: 'new-2' }, { x: 1 }];
		const claimed = claimItems(c, items);
		expect(claimed.items).toEqual([{ eventId: 'new-1' }, { eventId: 'new-2' }, { x: 1 }]);
		expect(claimItems(c, items).items).toEqual([{ x: 1 }]);
		claimed.release();
		expect(claimItems(c, items).items).toEqual([
			{ eventId: 'new-1' },
			{ eventId: 'new-2' },
			{ x: 1 },
		]);
	});

	test('remember keeps the newest ids only', () => {
		expect(remember(['a', 'b'], ['c', 'd'], 3)).toEqual(['b', 'c', 'd']);
	});
});
