import { decodePageToken, encodePageToken, pageOf, pageSizeOf } from './pagination';

describe('keyset pagination', () => {
  it('defaults and bounds the page size, naming the field', () => {
    expect(pageSizeOf(undefined)).toBe(50);
    expect(pageSizeOf(0)).toBe(50);
    expect(pageSizeOf(500)).toBe(500);
    expect(() => pageSizeOf(501)).toThrow(expect.objectContaining({ violations: [expect.objectContaining({ field: 'pageSize' })] }));
  });

  it('round-trips a key and refuses tokens it did not hand out', () => {
    expect(decodePageToken(encodePageToken(['SKU-1', 'loc']), 2)).toEqual(['SKU-1', 'loc']);
    expect(decodePageToken('', 2)).toBeUndefined();
    for (const bad of ['%%%', encodePageToken(['only-one']), Buffer.from('{"a":1}').toString('base64url')]) {
      expect(() => decodePageToken(bad, 2)).toThrow(expect.objectContaining({ violations: [expect.objectContaining({ field: 'pageToken' })] }));
    }
  });

  it('cuts a page and gives the next token only when there is more', () => {
    expect(pageOf([1, 2, 3], 2, (n) => [n])).toEqual({ rows: [1, 2], nextPageToken: encodePageToken([2]) });
    expect(pageOf([1, 2], 2, (n) => [n])).toEqual({ rows: [1, 2], nextPageToken: '' });
  });
});
