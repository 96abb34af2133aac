import { wrap } from './metrics';
import { toWinAnsi } from './winAnsi';

/**
 * A one-page PDF with the standard fonts Helvetica and Helvetica-Bold, which every PDF reader has
 * (PDF 1.7, 9.6.2.2), so nothing is embedded and no dependency is needed. The file is built by hand:
 * objects, one content stream, and a cross-reference table with exact byte offsets (7.5).
 */

export interface Block {
	text: string;
	size?: number;
	bold?: boolean;
	/** Extra space above, in points. */
	gap?: number;
}

export interface PdfResult {
	buffer: Buffer;
	/** Some characters had no glyph in the standard fonts and were transliterated or replaced. */
	transliterated: boolean;
	/** The page was full and later blocks were cut. */
	truncated: boolean;
}

const PAGE = { width: 595, height: 842, margin: 50 }; // A4 in points
const FOOTER_SPACE = 40;

/** A PDF string literal: bytes as they are, with \ ( ) escaped (7.3.4.2). */
function literal(bytes: readonly number[]): string {
	let out = '(';
	for (const b of bytes) {
		if (b === 0x5c || b === 0x28 || b === 0x29) out += '\\';
		out += String.fromCharCode(b);
	}
	return out + ')';
}

interface Layout {
	ops: string[];
	transliterated: boolean;
	truncated: boolean;
}

function layout(blocks: readonly Block[], footer: string): Layout {
	const ops: string[] = [];
	const maxWidth = PAGE.width - 2 * PAGE.margin;
	let y = PAGE.height - PAGE.margin;
	let transliterated = false;
	let truncated = false;
	const line = (bytes: readonly number[], size: number, bold: boolean, at: number) =>
		ops.push(
			`BT /${bold ? 'F2' : 'F1'} ${size} Tf ${PAGE.margin} ${at.toFixed(2)} Td ${literal(bytes)} Tj ET`,
		);
	outer: for (const block of blocks) {
		const size = block.size ?? 10;
		const bold = block.bold ?? false;
		const { bytes, changed } = toWinAnsi(block.text);
		transliterated ||= changed;
		y -= block.gap ?? 0;
		for (const l of wrap(bytes, size, bold, maxWidth)) {
			y -= size * 1.3;
			if (y < PAGE.margin + FOOTER_SPACE) {
				truncated = true;
				break outer;
			}
			line(l, size, bold, y);
		}
	}
	const foot = toWinAnsi(footer).bytes;
	const footLines = wrap(foot, 7, false, maxWidth);
	footLines.forEach((l, k) => line(l, 7, false, PAGE.margin + (footLines.length - 1 - k) * 9));
	return { ops, transliterated, truncated };
}

/** Title and producer for the document information dictionary, in WinAnsi. */
function info(title: string): string {
	return `<< /Title ${literal(toWinAnsi(title).bytes)} /Producer (n8n-nodes-ats-sync) >>`;
}

export function writePdf(title: string, blocks: readonly Block[], footer = ''): PdfResult {
	const { ops, transliterated, truncated } = layout(blocks, footer);
	const content = Buffer.from(ops.join('\n'), 'latin1');
	const font = (name: string) =>
		`<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding /WinAnsiEncoding >>`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>`,
		font('Helvetica'),
		font('Helvetica-Bold'),
		`<< /Length ${content.length} >>\nstream\n${content.toString('latin1')}\nendstream`,
		info(title),
	];
	let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
	const offsets: number[] = [];
	objects.forEach((o, k) => {
		offsets.push(Buffer.byteLength(body, 'latin1'));
		body += `${k + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = Buffer.byteLength(body, 'latin1');
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return { buffer: Buffer.from(body, 'latin1'), transliterated, truncated };
}
