import { decide } from './decide';
import { normalize, replyBody } from './email';
import {
	BUILT_IN,
	compilePhrase,
	detectLanguage,
	type Entry,
	PhraseIndex,
	REPLY_PREFIXES,
} from './match';
import { Reading } from './reading';
import { isBareStop, readSignals } from './signals';
import { labelFromTool } from './toolLabel';
import { tokenize } from './tokens';
import type { Classification, ClassifyInput, ClassifyOptions, InterestLabel } from './types';

/**
 * Decides whether a reply is interested. Pure and deterministic, no network, no state: the tool's
 * own label wins when it sent one we understand; otherwise the reply's own words (quoted history
 * and signature removed) are read with the phrase lists of lexicon/, in this order:
 * auto-reply → unsubscribe → your extra phrases → the weighed signals of signals.ts / decide.ts.
 */

const INTERESTED_LABELS: InterestLabel[] = ['interested', 'meeting_booked'];

function compileExtra(
	list: readonly string[] | undefined,
	kind: 'extraYes' | 'extraNo',
): PhraseIndex | undefined {
	const entries = (list ?? []).map((p) => compilePhrase(p, kind)).filter((e): e is Entry => !!e);
	return entries.length ? new PhraseIndex(entries) : undefined;
}

/** "Re: …", "AW: …", "RE : …": the subject of an answer. */
function isReplySubject(subject: string): boolean {
	const colon = subject.indexOf(':');
	return colon > 0 && colon <= 6 && REPLY_PREFIXES.has(subject.slice(0, colon).trim());
}

export function classifyReply(input: ClassifyInput, options: ClassifyOptions = {}): Classification {
	if (input.label) {
		const label = labelFromTool(input.label);
		if (label)
			return {
				interested: INTERESTED_LABELS.includes(label),
				label,
				reason: `tool label "${input.label.raw}"`,
			};
	}
	if (input.toolSaysInterested)
		return { interested: true, label: 'interested', reason: 'the tool sent an interested event' };

	const body = replyBody(input.text ?? '');
	const tokens = tokenize(body.text);
	if (!tokens.list.length)
		return { interested: false, label: 'unknown', reason: 'no reply text to classify' };
	const subjectText = normalize((input.subject ?? '').slice(0, 1000)).trim();
	const subjectTokens = tokenize(subjectText);
	const subject = new Reading(subjectTokens, BUILT_IN.find(subjectTokens.list), undefined);
	const r = new Reading(tokens, BUILT_IN.find(tokens.list), detectLanguage(tokens.list));

	const until = new Set(r.of('until').map((m) => r.words[m.start].sentence));
	const auto =
		r.of('autoReply')[0] ??
		subject.of('autoReply')[0] ??
		subject.of('autoReplyMaybe')[0] ??
		r.of('autoReplyMaybe').find(
			// "… until 3 March", or a title line "Out of Office: …" opening the body.
			(m) => until.has(r.words[m.start].sentence) || (m.start === 0 && r.words[m.end]?.part !== 0),
		);
	if (auto)
		return {
			interested: false,
			label: 'out_of_office',
			reason: `auto-reply phrase "${auto.entry.phrase}"`,
		};

	const stop = r.of('unsubscribe')[0]?.entry.phrase ?? (isBareStop(r) ? 'stop' : undefined);
	if (stop)
		return { interested: false, label: 'do_not_contact', reason: `unsubscribe phrase "${stop}"` };

	const extraNo = compileExtra(options.extraNotInterested, 'extraNo')?.find(tokens.list)[0];
	if (extraNo)
		return {
			interested: false,
			label: 'not_interested',
			reason: `extra not-interested phrase "${extraNo.entry.phrase}"`,
		};
	const extraYes = compileExtra(options.extraInterested, 'extraYes')?.find(tokens.list) ?? [];
	const extraHit = extraYes.find((m) => !r.negationOf(m.start, m.end));
	if (extraHit)
		return {
			interested: true,
			label: 'interested',
			reason: `extra interested phrase "${extraHit.entry.phrase}"`,
		};

	const inReply = input.inReplyToOutreach ?? (body.quoted || isReplySubject(subjectText));
	const { signals, notes } = readSignals(r, inReply);
	const decided = decide(r, signals);
	// "On holiday" may be a person's words ("on holiday this week, but happy to chat Monday"):
	// only an answer of their own keeps it from being an out-of-office note.
	const maybeAuto = r.of('autoReplyMaybe')[0];
	const answers = signals.some(
		(s) => s.kind === 'yes' || s.kind === 'no' || s.kind === 'wrongPerson',
	);
	if (maybeAuto && !answers)
		return {
			interested: false,
			label: 'out_of_office',
			reason: `auto-reply phrase "${maybeAuto.entry.phrase}"`,
		};
	if (decided) return decided;
	if (extraYes.length)
		return {
			interested: false,
			label: 'not_interested',
			reason: `negated interested phrase "${extraYes[0].entry.phrase}"`,
		};
	return {
		interested: false,
		label: 'neutral',
		reason: notes[0]?.text ?? 'no interested phrase found',
	};
}
