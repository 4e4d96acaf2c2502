import { hashPickupCode, newPickupCode, pickupCodeMatches } from './pickup-code';

describe('pickup codes', () => {
  it('are six digits and match only the fulfilment they were issued for', () => {
    const code = newPickupCode();
    expect(code).toMatch(/^\d{6}$/);
    const hash = hashPickupCode('f-1', code);
    expect(hash).not.toContain(code);
    expect(pickupCodeMatches('f-1', code, hash)).toBe(true);
    expect(pickupCodeMatches('f-1', ` ${code} `, hash)).toBe(true);
    expect(pickupCodeMatches('f-2', code, hash)).toBe(false);
    const other = code === '000000' ? '000001' : '000000';
    expect(pickupCodeMatches('f-1', other, hash)).toBe(false);
    expect(pickupCodeMatches('f-1', 'abc', hash)).toBe(false);
    expect(pickupCodeMatches('f-1', code, null)).toBe(false);
  });
});
