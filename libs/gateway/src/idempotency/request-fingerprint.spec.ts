import fc from 'fast-check';
import { canonicalJson, requestFingerprint } from './request-fingerprint';

describe(requestFingerprint.name, () => {
  it('is the same for the same JSON value whatever the key order', () => {
    expect(requestFingerprint('POST', '/v1/orders', { a: 1, b: { c: [1, 2], d: 'x' } })).toBe(
      requestFingerprint('post', '/v1/orders', { b: { d: 'x', c: [1, 2] }, a: 1 }),
    );
  });

  it('differs when the body, the path or the method differs', () => {
    const base = requestFingerprint('POST', '/v1/orders', { quantity: 1 });
    expect(requestFingerprint('POST', '/v1/orders', { quantity: 2 })).not.toBe(base);
    expect(requestFingerprint('POST', '/v1/orders/import', { quantity: 1 })).not.toBe(base);
    expect(requestFingerprint('PUT', '/v1/orders', { quantity: 1 })).not.toBe(base);
    expect(requestFingerprint('POST', '/v1/orders', [{ quantity: 1 }])).not.toBe(base);
  });

  it('tells text from the JSON string with the same characters', () => {
    expect(requestFingerprint('POST', '/x', '"a"')).not.toBe(requestFingerprint('POST', '/x', 'a'));
    expect(requestFingerprint('POST', '/x', undefined)).not.toBe(requestFingerprint('POST', '/x', ''));
  });

  it('canonical JSON parses back to the same value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
