import type { returnsV1 } from '@baton/contracts';
import { ReturnsHarness, location, peers, refusal } from './returns-test-kit';

describe('returns: tenant policy over gRPC', () => {
  const harness = new ReturnsHarness();

  beforeAll(() => harness.start('returns policy'));
  afterAll(() => harness.stop());
  beforeEach(() => peers.reset());

  const policy = (overrides: Partial<returnsV1.ReturnPolicy> = {}): returnsV1.ReturnPolicy => ({
    returnWindowDays: 60,
    reasons: [{ code: 'changed_mind', label: 'Changed my mind', merchantFault: false }],
    nonReturnableSkus: ['GIFT-*'],
    finalSaleSkus: [],
    restockingFeeBps: 500,
    shippingRefund: 'full_return',
    defaultMailLocationId: '',
    dispositionRules: [],
    refundableGrades: ['resellable'],
    version: 0,
    updatedAt: '',
    ...overrides,
  });

  it('hands out the documented defaults until a tenant sets its own, then versions each change', async () => {
    const defaults = (await harness.call('getReturnPolicy', {})).policy as returnsV1.ReturnPolicy;
    expect(defaults).toMatchObject({ returnWindowDays: 30, restockingFeeBps: 0, shippingRefund: 'merchant_fault', version: 0 });
    expect(defaults.reasons.map((r) => r.code)).toContain('changed_mind');

    const vendor = location({ type: 'supplier', capabilities: [] });
    const dc = location({ type: 'warehouse', capabilities: ['accept_returns'] });
    const first = (await harness.call('setReturnPolicy', {
      policy: policy({
        defaultMailLocationId: dc.id,
        dispositionRules: [{ grade: 'defective', skuPattern: 'TV-*', disposition: 'return_to_vendor', targetLocationId: vendor.id }],
      }),
    })).policy as returnsV1.ReturnPolicy;
    expect(first).toMatchObject({ version: 1, returnWindowDays: 60, defaultMailLocationId: dc.id, refundableGrades: ['resellable'] });
    const second = (await harness.call('setReturnPolicy', { policy: policy({ returnWindowDays: 10 }) })).policy as returnsV1.ReturnPolicy;
    expect(second).toMatchObject({ version: 2, returnWindowDays: 10, dispositionRules: [] });
    expect((await harness.call('getReturnPolicy', {})).policy).toEqual(second);
    expect((await harness.call('getReturnPolicy', {}, 'globex')).policy?.version).toBe(0);
  });

  it('refuses a bad policy naming every field, and unknown locations, keeping the stored one', async () => {
    const before = (await harness.call('getReturnPolicy', {})).policy;
    const bad = await refusal(harness.call('setReturnPolicy', { policy: policy({ returnWindowDays: -5, shippingRefund: 'maybe' }) }));
    expect(bad.violations.map((v) => v.field)).toEqual(['returnWindowDays', 'shippingRefund']);
    const unknown = await refusal(
      harness.call('setReturnPolicy', {
        policy: policy({
          dispositionRules: [{ grade: 'resellable', skuPattern: '', disposition: 'transfer', targetLocationId: '00000000-0000-4000-8000-000000000000' }],
        }),
      }),
    );
    expect(unknown.violations).toEqual([{ field: 'dispositionRules[0].targetLocationId', message: 'is not a known location (00000000-0000-4000-8000-000000000000)' }]);
    expect((await harness.call('getReturnPolicy', {})).policy).toEqual(before);
  });
});
