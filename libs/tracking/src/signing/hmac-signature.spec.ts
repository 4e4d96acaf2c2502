import { createHmac } from 'node:crypto';
import { checkSignature, signatureHeader, signBody } from './hmac-signature';

describe(signBody.name, () => {
  it('is HMAC-SHA256 over "<timestamp>.<body>"', () => {
    const expected = createHmac('sha256', 'secret').update('1700000000.{"a":1}').digest('hex');
    expect(signBody('secret', 1700000000, '{"a":1}')).toBe(expected);
    expect(signatureHeader('secret', 1700000000, '{"a":1}')).toBe(`v1=${expected}`);
  });
});

describe(checkSignature.name, () => {
  const now = new Date(1700000000 * 1000);
  const body = Buffer.from('{"scans":[]}');
  const header = signatureHeader('s3cret', 1700000000, body);
  const check = (secret: string, timestamp: string | undefined, signature: string | undefined, at = now) =>
    checkSignature(secret, timestamp, signature, body, at, 300_000);

  it('accepts the right signature', () => {
    expect(check('s3cret', '1700000000', header)).toBe('valid');
  });

  it('accepts any of several signatures (secret rotation)', () => {
    expect(check('s3cret', '1700000000', `v1=${'0'.repeat(64)}, ${header}`)).toBe('valid');
  });

  it('refuses another secret, another body or another timestamp', () => {
    expect(check('other', '1700000000', header)).toBe('mismatch');
    expect(checkSignature('s3cret', '1700000000', header, Buffer.from('{"scans":[1]}'), now, 300_000)).toBe('mismatch');
    expect(check('s3cret', '1700000001', header)).toBe('mismatch');
  });

  it('refuses a missing, malformed or stale signature', () => {
    expect(check('s3cret', undefined, header)).toBe('missing');
    expect(check('s3cret', '1700000000', undefined)).toBe('missing');
    expect(check('s3cret', 'yesterday', header)).toBe('malformed');
    expect(check('s3cret', '1700000000', 'sha1=abc')).toBe('malformed');
    expect(check('s3cret', '1700000000', 'v1=zz')).toBe('malformed');
    expect(check('s3cret', '1700000000', header, new Date(now.getTime() + 301_000))).toBe('stale');
  });
});
