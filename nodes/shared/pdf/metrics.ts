/**
 * Glyph widths of Helvetica (the standard Type 1 font's AFM, in 1/1000 em) for ASCII 32–126, so
 * lines can be wrapped before they run off the page. Bytes above 126 use the width of "n", and
 * Helvetica-Bold text is measured 5 % wider: wrapping only needs to stay inside the margin.
 */
const ASCII_WIDTHS = [
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
	556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
	611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
	667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
	222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

export function byteWidth(byte: number): number {
	return byte >= 32 && byte <= 126 ? ASCII_WIDTHS[byte - 32] : 556;
}

/** Width in points of WinAnsi bytes at a font size. */
export function textWidth(bytes: readonly number[], size: number, bold: boolean): number {
	let units = 0;
	for (const b of bytes) units += byteWidth(b);
	return (units * size * (bold ? 1.05 : 1)) / 1000;
}

/**
 * Greedy word wrap: breaks at spaces, and inside a word only when the word alone is wider than
 * the line. Linear in the input.
 */
export function wrap(
	bytes: readonly number[],
	size: number,
	bold: boolean,
	maxWidth: number,
): number[][] {
	const lines: number[][] = [];
	let line: number[] = [];
	let width = 0;
	const scale = (size * (bold ? 1.05 : 1)) / 1000;
	const push = () => {
		while (line.length && line[line.length - 1] === 0x20) line.pop();
		lines.push(line);
		line = [];
		width = 0;
	};
	let i = 0;
	while (i < bytes.length) {
		if (bytes[i] === 0x0a) {
			push();
			i++;
			continue;
		}
		let end = i;
		let w = 0;
		while (end < bytes.length && bytes[end] !== 0x20 && bytes[end] !== 0x0a)
			w += byteWidth(bytes[end++]) * scale;
		if (end < bytes.length && bytes[end] === 0x20) {
			w += byteWidth(0x20) * scale;
			end++;
		}
		if (width + w > maxWidth && line.length) push();
		for (let j = i; j < end; j++) {
			const cw = byteWidth(bytes[j]) * scale;
			if (width + cw > maxWidth && line.length) push();
			if (line.length === 0 && bytes[j] === 0x20) continue;
			line.push(bytes[j]);
			width += cw;
		}
		i = end;
	}
	if (line.length) push();
	return lines;
}
