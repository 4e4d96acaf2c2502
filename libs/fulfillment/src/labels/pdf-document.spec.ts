import { pdfStructureProblems } from '../../test/pdf-structure';
import { PdfDocument, pdfString } from './pdf-document';

describe(PdfDocument.name, () => {
  it('writes a document whose cross-reference table points at every object', () => {
    const pdf = new PdfDocument(288, 432, 'Test').text(10, 400, 12, 'Hello (world) \\ ok', true).rect(10, 10, 5.5, 50).toBuffer();
    expect(pdfStructureProblems(pdf)).toEqual([]);
    expect(pdf.toString('latin1')).toContain('(Hello \\(world\\) \\\\ ok) Tj');
    expect(pdf.toString('latin1')).toContain('10 10 5.5 50 re f');
  });

  it('notices a broken offset (the check can fail)', () => {
    const pdf = new PdfDocument(100, 100).text(1, 1, 1, 'x').toBuffer();
    const broken = Buffer.from(pdf.toString('latin1').replace('%PDF-1.4\n', '%PDF-1.4\n\n'), 'latin1');
    expect(pdfStructureProblems(broken).length).toBeGreaterThan(0);
  });

  it('escapes PDF strings and replaces what WinAnsi cannot show', () => {
    expect(pdfString('a(b)c\\')).toBe('(a\\(b\\)c\\\\)');
    expect(pdfString('Zoë')).toBe('(Zoë)');
    expect(pdfString('日本\n')).toBe('(???)');
  });
});
