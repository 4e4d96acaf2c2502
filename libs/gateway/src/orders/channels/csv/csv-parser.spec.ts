import fc from 'fast-check';
import { CsvSyntaxError, parseCsv } from './csv-parser';

describe(parseCsv.name, () => {
  it('reads plain, quoted and escaped fields with their line numbers', () => {
    const text = 'a,b,c\r\n1,"two, three","say ""hi"""\n\n"multi\nline",,x\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'two, three', 'say "hi"'] },
      { line: 4, fields: ['multi\nline', '', 'x'] },
    ]);
  });

  it('skips a byte order mark and reads a last line without a line break', () => {
    expect(parseCsv('\ufeffa,b\n1,2')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it.each([
    ['a,"open\n', 1],
    ['a,b\n"x"y,z\n', 2],
  ])('refuses malformed CSV %j naming line %i', (text, line) => {
    expect(() => parseCsv(text)).toThrow(CsvSyntaxError);
    try {
      parseCsv(text);
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(line);
    }
  });

  it('reads back what a writer quoting every field wrote (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map((row) => row.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        expect(parseCsv(text).map((r) => r.fields)).toEqual(rows);
      }),
    );
  });
});
