import { holdFindings } from './hold-rules';

const address = (country: string) => ({ name: 'A', line1: 'B', city: 'C', postalCode: '1', country });
const order = { totalMinor: 10_000, currency: 'EUR', fraudScore: 40, shipTo: address('NL'), billingAddress: address('NL') };

describe(holdFindings.name, () => {
  it('holds nothing without rules', () => {
    expect(holdFindings(order, { holdOnAddressMismatch: false })).toEqual([]);
  });

  it('reports every rule an order meets', () => {
    const findings = holdFindings(
      { ...order, fraudScore: 80, billingAddress: address('DE') },
      { valueLimitMinor: 9_999, fraudScoreThreshold: 80, holdOnAddressMismatch: true },
    );
    expect(findings.map((f) => f.code)).toEqual(['VALUE_LIMIT', 'FRAUD_SCORE', 'ADDRESS_MISMATCH']);
  });

  it('does not hold at the limit itself, below the threshold, or without a billing address', () => {
    expect(
      holdFindings({ ...order, billingAddress: null, fraudScore: 79 }, { valueLimitMinor: 10_000, fraudScoreThreshold: 80, holdOnAddressMismatch: true }),
    ).toEqual([]);
  });
});
