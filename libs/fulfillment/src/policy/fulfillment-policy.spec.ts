import { DEFAULT_FULFILLMENT_POLICY, carrierStrategyOf, policyViolations } from './fulfillment-policy';

describe('fulfilment policy', () => {
  it('accepts the defaults and names every bad field', () => {
    expect(policyViolations(DEFAULT_FULFILLMENT_POLICY)).toEqual([]);
    expect(
      policyViolations({ startWithinMinutes: 0, onLate: 'shout', pickupExpiryHours: 1.5, onPickupExpiry: 'keep', pickupPrepMinutes: -1, defaultCarrierStrategy: 'weighted' }).map(
        (v) => v.field,
      ),
    ).toEqual(['startWithinMinutes', 'pickupExpiryHours', 'pickupPrepMinutes', 'onLate', 'onPickupExpiry', 'defaultCarrierStrategy']);
    expect(policyViolations({}).length).toBe(6);
  });

  it('knows orders\' name for best insurance', () => {
    expect(carrierStrategyOf('best_coverage')).toBe('best_insurance');
    expect(carrierStrategyOf('fastest')).toBe('fastest');
    expect(carrierStrategyOf('weighted')).toBeUndefined();
    expect(carrierStrategyOf('')).toBeUndefined();
  });
});
