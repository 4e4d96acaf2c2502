import { createHmac, timingSafeEqual } from 'node:crypto';

export const SHOPIFY_HMAC_HEADER = 'x-shopify-hmac-sha256';

/** Shopify's webhook signature: base64 of HMAC-SHA256 over the raw request body with the shared secret. */
export function shopifySignature(rawBody: Buffer, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/** Whether `signature` (the header value) signs `rawBody` with `secret`; compared in constant time. */
export function verifyShopifySignature(rawBody: Buffer, secret: string, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(shopifySignature(rawBody, secret), 'utf8');
  const given = Buffer.from(signature.trim(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
