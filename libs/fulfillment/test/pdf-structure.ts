/** Checks a PDF's skeleton the way a reader does: header, every xref offset, trailer, startxref, EOF. */
export function pdfStructureProblems(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const problems: string[] = [];
  if (!text.startsWith('%PDF-1.')) problems.push('no %PDF- header');
  if (!text.endsWith('%%EOF\n')) problems.push('does not end with %%EOF');
  const startxref = /startxref\n(\d+)\n%%EOF\n$/.exec(text);
  if (!startxref) return [...problems, 'no startxref'];
  const xrefAt = Number(startxref[1]);
  if (text.slice(xrefAt, xrefAt + 5) !== 'xref\n') return [...problems, `startxref ${xrefAt} does not point at xref`];
  const header = /^xref\n0 (\d+)\n/.exec(text.slice(xrefAt));
  if (!header) return [...problems, 'malformed xref header'];
  const count = Number(header[1]);
  const entriesAt = xrefAt + header[0].length;
  for (let i = 0; i < count; i++) {
    const entry = text.slice(entriesAt + i * 20, entriesAt + (i + 1) * 20);
    if (!/^\d{10} \d{5} [nf]\r\n$/.test(entry)) problems.push(`xref entry ${i} malformed: ${JSON.stringify(entry)}`);
    if (i === 0) continue;
    const offset = Number(entry.slice(0, 10));
    if (!text.startsWith(`${i} 0 obj\n`, offset)) problems.push(`object ${i} is not at offset ${offset}`);
  }
  const trailer = text.slice(entriesAt + count * 20);
  if (!new RegExp(`^trailer\\n<< /Size ${count} /Root 1 0 R`).test(trailer)) problems.push('trailer does not name /Size and /Root');
  const stream = /<< \/Length (\d+) >>\nstream\n/.exec(text);
  if (stream) {
    const start = (stream.index ?? 0) + stream[0].length;
    if (text.slice(start + Number(stream[1]), start + Number(stream[1]) + 10) !== '\nendstream') problems.push('stream /Length is wrong');
  } else problems.push('no content stream');
  return problems;
}
