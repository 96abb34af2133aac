import type { Reading } from './reading';
import type { Signal, SignalKind } from './signals';
import type { Classification, InterestLabel } from './types';

/**
 * Weighing the signals of one reply:
 * 1. Within a segment (no contrast word between): wrong person > refusal > yes > status or
 *    undecided > compliment. "No thanks, happy to chat" refuses; "not looking, open to a call" agrees.
 * 2. Across segments, the last one with a signal decides: "I'm not looking, but I'd be open to a
 *    conversation" agrees; "sounds great, but I just started a new job" declines. A compliment after
 *    "but" does not undo an earlier decline ("I'm not looking, but it sounds interesting").
 * 3. Signals inside an "although …" part count only when nothing else in the reply decides.
 */

const RANK: Record<SignalKind, number> = {
	wrongPerson: 5,
	no: 4,
	yes: 3,
	softNo: 2,
	undecided: 2,
	weakYes: 1,
};
const LABEL: Record<SignalKind, InterestLabel> = {
	yes: 'interested',
	weakYes: 'interested',
	no: 'not_interested',
	softNo: 'not_interested',
	undecided: 'neutral',
	wrongPerson: 'wrong_person',
};

const positive = (s: Signal) => s.kind === 'yes' || s.kind === 'weakYes';

/** The heaviest signal; the first one in the text among equals. */
function strongest(signals: Signal[]): Signal {
	return signals.reduce((best, s) => (RANK[s.kind] > RANK[best.kind] ? s : best));
}

function result(winner: Signal, reason: string): Classification {
	return { interested: positive(winner), label: LABEL[winner.kind], reason };
}

export function decide(r: Reading, all: Signal[]): Classification | undefined {
	const main = all.filter((s) => !s.aside);
	const signals = main.length ? main : all;
	if (!signals.length) return undefined;

	const segments = new Map<number, Signal[]>();
	for (const s of signals) {
		const list = segments.get(s.segment);
		if (list) list.push(s);
		else segments.set(s.segment, [s]);
	}
	const winners = [...segments.keys()]
		.sort((a, b) => a - b)
		.map((k) => strongest(segments.get(k)!));
	const last = winners[winners.length - 1];
	const earlier = winners.slice(0, -1).reverse();
	const earlierOpposite = earlier.find((w) => positive(w) !== positive(last));

	if (last.kind === 'weakYes' && earlierOpposite)
		return result(
			earlierOpposite,
			`${earlierOpposite.says} stands: ${last.says} after "${r.segmentWord[last.segment]}" is only a compliment`,
		);
	// "Sounds great, but …" with nothing we know after "but": the polite opening of a decline.
	const lastSegment = r.segmentWord.length - 1;
	if (last.compliment && !earlierOpposite && last.segment < lastSegment)
		return {
			interested: false,
			label: 'neutral',
			reason: `${last.says} is followed by "${r.segmentWord[last.segment + 1]}": a compliment, not a yes`,
		};
	if (earlierOpposite)
		return result(
			last,
			`${last.says} after "${r.segmentWord[last.segment]}" outweighs ${earlierOpposite.says}`,
		);
	const sameSegment = segments.get(last.segment)!.filter((s) => positive(s) !== positive(last));
	if (sameSegment.length)
		return result(last, `${last.says} outweighs ${strongest(sameSegment).says}`);
	// Nothing says otherwise: the first phrase in the text that leads to the same label.
	const first =
		signals.find((s) => s.kind === last.kind || (positive(s) && positive(last))) ?? last;
	return result(last, first.says);
}
