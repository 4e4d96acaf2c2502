import { ValidationError } from '@baton/domain';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** One page of a keyset-paginated list: the rows and the token of the next page ('' at the end). */
export interface Page<T> {
  rows: T[];
  nextPageToken: string;
}

/**
 * The page size asked for, defaulted and bounded. Lists are keyset-paginated: a token encodes the
 * key of the last row served, so a page is stable while rows are added and costs one index range.
 */
export function pageSizeOf(requested: number | undefined): number {
  if (requested === undefined || requested === 0) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(requested) || requested < 1 || requested > MAX_PAGE_SIZE) {
    throw new ValidationError([{ field: 'pageSize', message: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` }]);
  }
  return requested;
}

/** The opaque token carrying `key` (base64url JSON). */
export function encodePageToken(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The key inside a token (undefined for the first page); a malformed token is a 400 naming pageToken. */
export function decodePageToken(token: string | undefined, arity: number): (string | number)[] | undefined {
  if (!token) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((part) => typeof part === 'string' || (typeof part === 'number' && Number.isFinite(part)))
    ) {
      return key as (string | number)[];
    }
  } catch {
    // falls through to the refusal
  }
  throw new ValidationError([{ field: 'pageToken', message: 'is not a token this list handed out' }]);
}

/**
 * Cuts a page from `rows` fetched with `limit + 1`: the extra row only proves there is a next page,
 * whose token is the key of the last row served.
 */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]): Page<T> {
  if (rows.length <= limit) return { rows, nextPageToken: '' };
  const served = rows.slice(0, limit);
  return { rows: served, nextPageToken: encodePageToken(keyOf(served[served.length - 1])) };
}
