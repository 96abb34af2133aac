import { normalize, replyBody } from '../../../nodes/OutreachTrigger/classifier';
import { tokenize } from '../../../nodes/OutreachTrigger/classifier/tokens';

/**
 * A reason is truthful when every phrase it quotes is in the reply (body or subject), as whole words.
 * Returns the quoted phrases that are not.
 */
export function untruthfulQuotes(reason: string, text: string, subject = ''): string[] {
	if (reason.startsWith('tool label')) return [];
	const words = [
		...tokenize(normalize(subject)).list.map((t) => t.w),
		'\u0000',
		...tokenize(replyBody(text).text).list.map((t) => t.w),
	];
	const quoted = [...reason.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
	return quoted.filter((q) => {
		const phrase = tokenize(normalize(q)).list.map((t) => t.w);
		if (!phrase.length) return true;
		for (let i = 0; i + phrase.length <= words.length; i++)
			if (phrase.every((w, j) => words[i + j] === w)) return false;
		return true;
	});
}
