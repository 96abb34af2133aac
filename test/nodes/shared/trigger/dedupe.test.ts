import {
	boundedEventId,
	CLAIM_TTL_MS,
	claimItems,
	contentKey,
	deliveryClaims,
	deliveryKey,
	MAX_EVENT_ID_LENGTH,
	remember,
} from '../../../../nodes/shared/trigger/dedupe';

describe('boundedEventId', () => {
	test('short ids are kept as they are', () => {
		const id = 'g'.repeat(MAX_EVENT_ID_LENGTH);
		expect(boundedEventId(id)).toBe(id);
	});

	test('long ids become a prefix and a hash: short, stable, and distinct', () => {
		const a = `evt-${'a'.repeat(1_000_000)}`;
		const b = `evt-${'a'.repeat(999_999)}b`;
		expect(boundedEventId(a).length).toBeLessThanOrEqual(MAX_EVENT_ID_LENGTH);
		expect(boundedEventId(a)).toBe(boundedEventId(a));
		expect(boundedEventId(a)).not.toBe(boundedEventId(b));
		expect(boundedEventId(a).startsWith('evt-aaaa')).toBe(true);
	});

	test('30 deliveries with 1 MB ids keep a few KB in the store, not 30 MB', () => {
		let seen: string[] = [];
		for (let i = 0; i < 30; i++)
			seen = remember(seen, [boundedEventId(`${i}-${'x'.repeat(1_000_000)}`)]);
		expect(JSON.stringify(seen).length).toBeLessThan(30 * MAX_EVENT_ID_LENGTH);
	});
});

describe('event keys that survive re-serialization', () => {
	const event = { event: 'application_hired', data: { application: { id: 7, tags: ['a', 'b'] } } };

	test('canonical JSON: key order, spacing and escapes do not change the key', () => {
		const again = JSON.parse(
			'{ "data" : { "application": { "tags": ["a","b"], "id": 7 } },\n "event": "application\\u005fhired" }',
		);
		expect(contentKey('pinpoint', again)).toBe(contentKey('pinpoint', event));
	});

	test('different content, or a different order inside a list, is a different key', () => {
		const other = { ...event, data: { application: { id: 8, tags: ['a', 'b'] } } };
		const reordered = { ...event, data: { application: { id: 7, tags: ['b', 'a'] } } };
		expect(contentKey('pinpoint', other)).not.toBe(contentKey('pinpoint', event));
		expect(contentKey('pinpoint', reordered)).not.toBe(contentKey('pinpoint', event));
		expect(contentKey('greenhouse', event)).not.toBe(contentKey('pinpoint', event));
	});

	test('deliveryKey joins ids, numbers and strings alike; a missing part gives no key', () => {
		expect(deliveryKey('x', 12, '34')).toBe(deliveryKey('x', '12', 34));
		expect(deliveryKey('x', 12, undefined)).toBeUndefined();
	});

	test('remember keeps the newest ids, bounded', () => {
		expect(remember(['a', 'b'], ['c'], 2)).toEqual(['b', 'c']);
	});
});

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
