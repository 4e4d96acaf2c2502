import { createHmac } from 'node:crypto';
import { shopifySignature, verifyShopifySignature } from './shopify-hmac';

describe(verifyShopifySignature.name, () => {
  const body = Buffer.from('{"id":820982911946154508,"email":"jon@example.com"}', 'utf8');
  const secret = 'shpss_0123456789abcdef';

  it('accepts the base64 HMAC-SHA256 of the raw body with the shared secret', () => {
    const header = createHmac('sha256', secret).update(body).digest('base64');
    expect(shopifySignature(body, secret)).toBe(header);
    expect(verifyShopifySignature(body, secret, header)).toBe(true);
  });

  it('refuses a signature made with another secret, over another body, or none', () => {
    const header = shopifySignature(body, secret);
    expect(verifyShopifySignature(body, 'another-secret', header)).toBe(false);
    expect(verifyShopifySignature(Buffer.from(`${body.toString()} `), secret, header)).toBe(false);
    expect(verifyShopifySignature(body, secret, undefined)).toBe(false);
    expect(verifyShopifySignature(body, secret, 'short')).toBe(false);
  });
});
