import {
	boundedEventId,
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
