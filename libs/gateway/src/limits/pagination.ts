import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ValidationError } from '@baton/domain';

/** The largest page any list route returns; a larger `limit` is refused with 400. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Query parameters of every list route: `?limit=20&cursor=<nextCursor of the previous page>`. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({
    description: 'Opaque cursor: the nextCursor of the previous page',
    example: 'eyJrIjpbIjIwMjYtMTEtMDFUMTA6MDA6MDAuMDAwWiIsImFjbWUiXX0',
  })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a cursor returned by a previous page' })
  cursor?: string;
}

/** One page of a list: the items and the cursor of the next page (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The position after the last item of a page: the values of the list's sort key, in order. */
export type CursorKey = (string | number)[];

/** An opaque cursor for a keyset position (so pages stay stable while rows are added). */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify({ k: key }), 'utf8').toString('base64url');
}

/**
 * The keyset position in a cursor from a client; a cursor that was not made by
 * {@link encodeCursor} with `arity` values answers 400 naming the `cursor` field.
 */
export function decodeCursor(cursor: string | undefined, arity: number): CursorKey | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown };
    const key = parsed.k;
    if (Array.isArray(key) && key.length === arity && key.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return key;
    }
  } catch {
    // falls through to the refusal
  }
  throw new ValidationError([{ field: 'cursor', message: 'cursor must be a cursor returned by a previous page' }]);
}

/**
 * Builds a page from `limit + 1` rows fetched in sort order: the extra row only says there is a
 * next page, whose cursor is the key of the last row returned.
 */
export function toPage<Row, T>(rows: Row[], limit: number, keyOf: (row: Row) => CursorKey, view: (row: Row) => T): Page<T> {
  const items = rows.slice(0, limit);
  const hasMore = rows.length > limit;
  return {
    items: items.map(view),
    nextCursor: hasMore && items.length > 0 ? encodeCursor(keyOf(items[items.length - 1])) : null,
  };
}

/** The page size of a query: its limit, or the default. */
export function pageSize(query: PageQueryDto): number {
  return query.limit ?? DEFAULT_PAGE_SIZE;
}

/**
 * SQL for a row's creation time at the millisecond precision of a cursor (Postgres keeps
 * microseconds, a cursor holds an ISO string), so keyset pages neither repeat nor skip rows.
 */
export function msCreated(alias: string): string {
  return `date_trunc('milliseconds', ${alias}.created_at)`;
}
