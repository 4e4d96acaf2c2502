import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainError } from '@baton/domain';
import { MAX_PAGE_SIZE, PageQueryDto, decodeCursor, encodeCursor, toPage } from './pagination';

describe('cursor pagination', () => {
  it('round-trips a keyset position through an opaque cursor', () => {
    const cursor = encodeCursor(['2026-11-01T10:00:00.000Z', 'acme']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 2)).toEqual(['2026-11-01T10:00:00.000Z', 'acme']);
  });

  it.each(['garbage', encodeCursor(['only-one']), Buffer.from('{"k":[{}, 1]}').toString('base64url')])(
    'refuses a cursor it did not make (%s) as invalid, naming the field',
    (cursor) => {
      let thrown: unknown;
      try {
        decodeCursor(cursor, 2);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect(thrown).toMatchObject({ kind: 'invalid', violations: [{ field: 'cursor' }] });
    },
  );

  it('gives a next cursor only when one more row than the limit was fetched', () => {
    const rows = [1, 2, 3];
    expect(toPage(rows, 2, (n) => [n], (n) => n * 10)).toEqual({ items: [10, 20], nextCursor: encodeCursor([2]) });
    expect(toPage(rows, 3, (n) => [n], (n) => n)).toEqual({ items: [1, 2, 3], nextCursor: null });
  });

  it(`refuses a page size above ${MAX_PAGE_SIZE} and below 1`, () => {
    const errors = (limit: string) => validateSync(plainToInstance(PageQueryDto, { limit })).map((e) => e.property);
    expect(errors(String(MAX_PAGE_SIZE))).toEqual([]);
    expect(errors(String(MAX_PAGE_SIZE + 1))).toEqual(['limit']);
    expect(errors('0')).toEqual(['limit']);
    expect(errors('ten')).toEqual(['limit']);
  });
});
