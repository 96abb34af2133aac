import { runState } from './runState';

/**
 * The router works on a few items of an export at a time (router.ts, Parallel Candidates). Once an
 * item's candidate exists in the ATS (looked up, created, checked for a same-moment duplicate), what
 * is left are follow-up writes naming the new record: employments, the resume, the note. Those wait
 * on each other, so with slow answers one item would hold its slot while the rate allowance goes
 * unused. The item hands its slot to the next candidate instead; its follow-ups still go through
 * the one pacer, it keeps its person lock until it ends, and the router bounds how many items may
 * be finishing at once.
 */
type Slots = Map<number, () => void>;

const slotsOf = (ctx: object) => runState<Slots>(ctx, 'itemSlots', () => new Map());

/** Called by an operation when only follow-up writes are left. A no-op when items run one at a time. */
export function releaseItemSlot(ctx: object, itemIndex: number): void {
	const release = slotsOf(ctx).get(itemIndex);
	slotsOf(ctx).delete(itemIndex);
	release?.();
}

/** For the router: settles when the item releases its slot (it may never, which is fine). */
export function slotReleased(ctx: object, itemIndex: number): Promise<void> {
	return new Promise<void>((resolve) => slotsOf(ctx).set(itemIndex, resolve));
}

/** For the router: the item ended, so its slot entry goes. */
export function forgetSlot(ctx: object, itemIndex: number): void {
	slotsOf(ctx).delete(itemIndex);
}
