import { FeedHeaderError, FeedParser, splitCsv } from './feed-parser';

function parseAll(parser: FeedParser, chunks: string[]) {
  return [...chunks.flatMap((chunk) => parser.push(chunk)), ...parser.end()];
}

describe(FeedParser.name, () => {
  it('reads CSV rows split anywhere across chunks, with the header columns in any order', () => {
    const text = 'quantity,location,sku,note\r\n5,ST-1,SKU-1,x\n\n7,"ST,2",SKU-2,"say ""hi"""\n0,ST-1,SKU-3,';
    const whole = parseAll(new FeedParser('csv', 'snapshot'), [text]);
    const split = parseAll(new FeedParser('csv', 'snapshot'), text.match(/.{1,3}/gs) as string[]);
    expect(split).toEqual(whole);
    expect(whole).toEqual([
      { row: { line: 2, sku: 'SKU-1', location: 'ST-1', quantity: 5 } },
      { row: { line: 4, sku: 'SKU-2', location: 'ST,2', quantity: 7 } },
      { row: { line: 5, sku: 'SKU-3', location: 'ST-1', quantity: 0 } },
    ]);
  });

  it('reports bad rows with their line and reason and keeps going', () => {
    const rows = parseAll(new FeedParser('csv', 'snapshot'), [
      'sku,location,on_hand\n',
      'SKU-1,ST-1,-3\n',
      ' ,ST-1,3\n',
      'SKU-1,,3\n',
      'SKU-1,ST-1,2.5\n',
      'SKU-1,"ST-1,4\n',
      'SKU-1,ST-1,4\n',
    ]);
    expect(rows.map((r) => ('error' in r ? [r.error.line, r.error.reason] : [r.row.line, 'ok']))).toEqual([
      [2, 'an on-hand quantity cannot be negative'],
      [3, 'sku is missing or not a valid SKU'],
      [4, 'location is missing'],
      [5, 'quantity must be a whole number'],
      [6, 'unterminated quoted field'],
      [7, 'ok'],
    ]);
  });

  it('accepts negative quantities in a delta feed', () => {
    expect(parseAll(new FeedParser('csv', 'delta'), ['sku,location,delta\nSKU-1,ST-1,-3'])).toEqual([
      { row: { line: 2, sku: 'SKU-1', location: 'ST-1', quantity: -3 } },
    ]);
  });

  it('refuses a CSV header without the required columns', () => {
    expect(() => new FeedParser('csv', 'snapshot').push('sku,qty_on_shelf\n')).toThrow(FeedHeaderError);
    expect(() => parseAll(new FeedParser('csv', 'snapshot'), [''])).toThrow(/no header/);
  });

  it('reads JSON lines, naming what is wrong with each bad one', () => {
    const rows = parseAll(new FeedParser('ndjson', 'delta'), [
      '{"sku":"SKU-1","location":"ST-1","quantity":-2}\n{"sku":"SKU-2","locationId":"x","delta":"4"}\n',
      '[1]\n{oops\n{"sku":"SKU-3","location":"ST-1","quantity":1.5}',
    ]);
    expect(rows).toEqual([
      { row: { line: 1, sku: 'SKU-1', location: 'ST-1', quantity: -2 } },
      { row: { line: 2, sku: 'SKU-2', location: 'x', quantity: 4 } },
      { error: { line: 3, reason: 'not a JSON object', sku: '', location: '' } },
      { error: { line: 4, reason: 'not valid JSON', sku: '', location: '' } },
      { error: { line: 5, reason: 'quantity must be a whole number', sku: 'SKU-3', location: 'ST-1' } },
    ]);
  });

  it('skips an overlong line without losing the rows after it', () => {
    const parser = new FeedParser('ndjson', 'delta');
    const rows = [...parser.push('{"sku":"' + 'A'.repeat(5000)), ...parser.push('"}\n{"sku":"S","location":"L","quantity":1}\n'), ...parser.end()];
    expect(rows).toEqual([
      { error: { line: 1, reason: 'line longer than 4096 characters', sku: '', location: '' } },
      { row: { line: 2, sku: 'S', location: 'L', quantity: 1 } },
    ]);
  });
});

describe(splitCsv.name, () => {
  it('splits RFC 4180 fields', () => {
    expect(splitCsv('a,"b,c","d""e",')).toEqual(['a', 'b,c', 'd"e', '']);
    expect(splitCsv('"open')).toBeNull();
  });
});
