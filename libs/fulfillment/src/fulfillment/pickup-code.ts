import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** A fresh 6-digit pickup code. */
export function newPickupCode(): string {
  return String(randomInt(1_000_000)).padStart(6, '0');
}

/** What is stored instead of the code: a hash bound to the fulfilment, so a database read reveals no code. */
export function hashPickupCode(fulfillmentId: string, code: string): string {
  return createHash('sha256').update(`${fulfillmentId}:${code.trim()}`, 'utf8').digest('hex');
}

/** Whether `code` is the one issued for the fulfilment (constant-time comparison). */
export function pickupCodeMatches(fulfillmentId: string, code: string, storedHash: string | null): boolean {
  if (!storedHash || !/^\d{6}$/.test(code.trim())) return false;
  const presented = Buffer.from(hashPickupCode(fulfillmentId, code), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
