/** A text run on the page: position in points from the bottom-left corner. */
interface TextRun {
  x: number;
  y: number;
  size: number;
  bold: boolean;
  text: string;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const HEADER = Buffer.concat([Buffer.from('%PDF-1.4\n', 'latin1'), Buffer.from([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a])]);

function number(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, '');
}

/**
 * A PDF string literal in WinAnsi (Latin-1) with `\`, `(` and `)` escaped; characters outside
 * Latin-1 and control characters become `?`, so any input gives a valid document.
 */
export function pdfString(text: string): string {
  let out = '';
  for (const character of text) {
    const code = character.codePointAt(0) ?? 63;
    if (character === '\\' || character === '(' || character === ')') out += `\\${character}`;
    else if (code < 32 || code > 255 || (code >= 127 && code < 160)) out += '?';
    else out += character;
  }
  return `(${out})`;
}

/**
 * A minimal single-page PDF 1.4 writer: text in the standard Helvetica fonts (no embedding needed)
 * and filled rectangles (barcodes, rules). The output has a correct cross-reference table (each
 * object's byte offset), trailer and `startxref`, so any reader opens it without repair.
 */
export class PdfDocument {
  private readonly texts: TextRun[] = [];
  private readonly rects: Rect[] = [];

  constructor(
    readonly widthPt: number,
    readonly heightPt: number,
    private readonly title = 'Document',
  ) {}

  text(x: number, y: number, size: number, text: string, bold = false): this {
    this.texts.push({ x, y, size, bold, text });
    return this;
  }

  rect(x: number, y: number, width: number, height: number): this {
    this.rects.push({ x, y, width, height });
    return this;
  }

  private contentStream(): string {
    const ops: string[] = ['0 g'];
    for (const r of this.rects) ops.push(`${number(r.x)} ${number(r.y)} ${number(r.width)} ${number(r.height)} re f`);
    for (const t of this.texts) {
      ops.push(`BT /${t.bold ? 'F2' : 'F1'} ${number(t.size)} Tf ${number(t.x)} ${number(t.y)} Td ${pdfString(t.text)} Tj ET`);
    }
    return ops.join('\n');
  }

  toBuffer(): Buffer {
    const content = Buffer.from(this.contentStream(), 'latin1');
    const objects: Buffer[] = [
      Buffer.from('<< /Type /Catalog /Pages 2 0 R >>', 'latin1'),
      Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>', 'latin1'),
      Buffer.from(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${number(this.widthPt)} ${number(this.heightPt)}] ` +
          '/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
        'latin1',
      ),
      Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>', 'latin1'),
      Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>', 'latin1'),
      Buffer.concat([
        Buffer.from(`<< /Length ${content.length} >>\nstream\n`, 'latin1'),
        content,
        Buffer.from('\nendstream', 'latin1'),
      ]),
      Buffer.from(`<< /Producer (Baton) /Title ${pdfString(this.title)} >>`, 'latin1'),
    ];
    const parts: Buffer[] = [HEADER];
    const offsets: number[] = [];
    let length = HEADER.length;
    objects.forEach((body, index) => {
      offsets.push(length);
      const object = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
      parts.push(object);
      length += object.length;
    });
    const xref = [
      'xref',
      `0 ${objects.length + 1}`,
      '0000000000 65535 f\r',
      ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n\r`),
      'trailer',
      `<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>`,
      'startxref',
      String(length),
      '%%EOF',
      '',
    ].join('\n');
    parts.push(Buffer.from(xref, 'latin1'));
    return Buffer.concat(parts);
  }
}
