import { createHmac, timingSafeEqual } from 'node:crypto';

/** Version tag of the signature scheme, so it can change without ambiguity. */
export const SIGNATURE_VERSION = 'v1';

/**
 * The signature of a body sent at `timestamp` (unix seconds): hex HMAC-SHA256 with the shared
 * secret over `<timestamp>.<body>`. Signing the timestamp with the body lets a receiver refuse
 * replays of old requests.
 */
export function signBody(secret: string, timestamp: number, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** The signature header value: `v1=<hex>`. */
export function signatureHeader(secret: string, timestamp: number, body: string | Buffer): string {
  return `${SIGNATURE_VERSION}=${signBody(secret, timestamp, body)}`;
}

export type SignatureCheck = 'valid' | 'missing' | 'malformed' | 'stale' | 'mismatch';

/**
 * Checks a signature header (`v1=<hex>`, several comma-separated allowed during a secret rotation)
 * against the body, in constant time, refusing timestamps further than `toleranceMs` from now.
 */
export function checkSignature(
  secret: string,
  timestampHeader: string | undefined,
  signature: string | undefined,
  body: string | Buffer,
  now: Date,
  toleranceMs: number,
): SignatureCheck {
  if (!timestampHeader || !signature) return 'missing';
  if (!/^\d{1,12}$/.test(timestampHeader)) return 'malformed';
  const timestamp = Number(timestampHeader);
  if (Math.abs(now.getTime() - timestamp * 1000) > toleranceMs) return 'stale';
  const expected = Buffer.from(signBody(secret, timestamp, body), 'hex');
  const candidates = signature
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${SIGNATURE_VERSION}=`))
    .map((part) => part.slice(SIGNATURE_VERSION.length + 1));
  if (candidates.length === 0 || candidates.some((hex) => !/^[0-9a-f]{64}$/i.test(hex))) return 'malformed';
  return candidates.some((hex) => timingSafeEqual(Buffer.from(hex, 'hex'), expected)) ? 'valid' : 'mismatch';
}
