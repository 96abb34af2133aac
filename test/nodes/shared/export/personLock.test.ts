import type { Candidate } from '../../../../nodes/shared/candidate/schema';
import {
	heldPersonKeys,
	PersonBusyError,
	personKeys,
	withPersonLock,
} from '../../../../nodes/shared/export/personLock';

const person = (emails: string[], linkedinUrl?: string) =>
	({ emails: emails.map((value) => ({ value, type: 'personal' })), linkedinUrl }) as Candidate;
const tick = () => new Promise((r) => setImmediate(r));

describe('withPersonLock', () => {
	test('keys: system + each email (lower-cased) + LinkedIn slug, sorted and unique', () => {
		expect(
			personKeys('Greenhouse', person(['B@x.com', 'a@x.com', 'b@x.com'], 'linkedin.com/in/Jane-D')),
		).toEqual([
			'Greenhouse:email:a@x.com',
			'Greenhouse:email:b@x.com',
			'Greenhouse:linkedin:jane-d',
		]);
	});

	test('exports of one person run one after the other; other people and systems do not wait', async () => {
		const log: string[] = [];
		const job = (name: string, system: string, p: Candidate) =>
			withPersonLock(system, p, async () => {
				log.push(`${name} start`);
				await tick();
				await tick();
				log.push(`${name} end`);
				return name;
			});
		const results = await Promise.all([
			job('a1', 'Greenhouse', person(['a@x.com'])),
			job('a2', 'Greenhouse', person(['A@x.com'])),
			job('b', 'Greenhouse', person(['b@x.com'])),
			job('a-other-system', 'Stardex', person(['a@x.com'])),
			job('a3', 'Greenhouse', person(['z@x.com'], 'https://www.linkedin.com/in/ann')),
			job('a4', 'Greenhouse', person(['y@x.com'], 'linkedin.com/in/ANN/')),
		]);
		expect(results).toEqual(['a1', 'a2', 'b', 'a-other-system', 'a3', 'a4']);
		const between = (x: string) => [log.indexOf(`${x} start`), log.indexOf(`${x} end`)];
		const [s1, e1] = between('a1');
		const [s2] = between('a2');
		expect(s2).toBeGreaterThan(e1);
		expect(between('b')[0]).toBeLessThan(e1);
		expect(between('a-other-system')[0]).toBeLessThan(e1);
		expect(s1).toBe(0);
		expect(between('a4')[0]).toBeGreaterThan(between('a3')[1]);
		expect(heldPersonKeys()).toBe(0);
	});

	test('items of one run wait for each other too, but only another run counts as "waited"', async () => {
		const run = {};
		const other = {};
		const waitedOf = (owner: object) =>
			withPersonLock(
				'Greenhouse',
				person(['o@x.com']),
				async (waited) => {
					await tick();
					return waited;
				},
				5000,
				owner,
			);
		const order: string[] = [];
		const results = await Promise.all([
			waitedOf(run).then((w) => (order.push('first'), w)),
			waitedOf(run).then((w) => (order.push('same run'), w)),
			waitedOf(other).then((w) => (order.push('other run'), w)),
		]);
		expect(order).toEqual(['first', 'same run', 'other run']);
		expect(results).toEqual([false, false, true]);
		expect(heldPersonKeys()).toBe(0);
	});

	test('a failing export releases its keys', async () => {
		await expect(
			withPersonLock('Greenhouse', person(['f@x.com']), async () => {
				throw new Error('boom');
			}),
		).rejects.toThrow('boom');
		expect(heldPersonKeys()).toBe(0);
		await expect(withPersonLock('Greenhouse', person(['f@x.com']), async () => 1)).resolves.toBe(1);
	});

	test('the wait is bounded: past it the item fails with a clear message, and the holder is unharmed', async () => {
		let finish = () => {};
		const holder = withPersonLock(
			'IntelliHR',
			person(['w@x.com']),
			() => new Promise<string>((r) => (finish = () => r('holder'))),
		);
		await tick();
		const waiter = withPersonLock('IntelliHR', person(['w@x.com']), async () => 'waiter', 120);
		await expect(waiter).rejects.toBeInstanceOf(PersonBusyError);
		await expect(waiter).rejects.toThrow(
			/exporting the same person to IntelliHR for over 0 s, so this item did not start/,
		);
		finish();
		await expect(holder).resolves.toBe('holder');
		expect(heldPersonKeys()).toBe(0);
	});
});
