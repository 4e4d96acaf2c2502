import { createHash } from 'node:crypto';

/**
 * What makes two requests "the same" for an idempotency key: method, path with query, and the
 * body — JSON compared by value (key order and whitespace do not matter), text and bytes exactly.
 */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256').update(`${method.toUpperCase()} ${url}\n`).update(canonicalBody(body)).digest('hex');
}

function canonicalBody(body: unknown): string | Buffer {
  if (body === undefined || body === null) return 'empty:';
  if (Buffer.isBuffer(body)) return Buffer.concat([Buffer.from('bytes:'), body]);
  if (typeof body === 'string') return `text:${body}`;
  return `json:${canonicalJson(body)}`;
}

/** JSON with object keys sorted at every level, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
