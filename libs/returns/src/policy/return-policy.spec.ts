import type { returnsV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { defaultReturnPolicy, policyLocationFields, toPolicyContract, validateReturnPolicy } from './return-policy';
import { matchesSkuPattern, skuPatternProblem } from './sku-pattern';

const VENDOR = '0b6c4d38-37a4-4c43-a2a4-3f7d1f3e2a10';

function input(overrides: Partial<returnsV1.ReturnPolicy> = {}): returnsV1.ReturnPolicy {
  return { ...toPolicyContract(defaultReturnPolicy()), ...overrides };
}

function fields(policy: returnsV1.ReturnPolicy): string[] {
  try {
    validateReturnPolicy(policy);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).violations.map((v) => v.field);
  }
  throw new Error('expected the policy to be refused');
}

describe(validateReturnPolicy.name, () => {
  it('accepts the defaults it hands out', () => {
    const { version: _v, updatedAt: _u, ...defaults } = defaultReturnPolicy();
    expect(validateReturnPolicy(input())).toEqual(defaults);
  });

  it('accepts rules by grade and SKU prefix with their targets', () => {
    const policy = validateReturnPolicy(
      input({
        finalSaleSkus: ['SALE-*', 'SALE-*'],
        dispositionRules: [{ grade: 'defective', skuPattern: 'TV-*', disposition: 'return_to_vendor', targetLocationId: VENDOR }],
      }),
    );
    expect(policy.finalSaleSkus).toEqual(['SALE-*']);
    expect(policy.dispositionRules).toEqual([{ grade: 'defective', skuPattern: 'TV-*', disposition: 'return_to_vendor', targetLocationId: VENDOR }]);
    expect(policyLocationFields({ ...defaultReturnPolicy(), ...policy })).toEqual([{ field: 'dispositionRules[0].targetLocationId', locationId: VENDOR }]);
  });

  it('names every bad field at once', () => {
    expect(
      fields(
        input({
          returnWindowDays: -1,
          restockingFeeBps: 10_001,
          shippingRefund: 'sometimes',
          defaultMailLocationId: 'WH-1',
          nonReturnableSkus: ['A*B'],
          reasons: [
            { code: 'ok', label: 'Fine', merchantFault: false },
            { code: 'ok', label: '', merchantFault: false },
          ],
          refundableGrades: ['missing'],
        }),
      ),
    ).toEqual([
      'returnWindowDays',
      'reasons[1].code',
      'reasons[1].label',
      'nonReturnableSkus[0]',
      'restockingFeeBps',
      'shippingRefund',
      'defaultMailLocationId',
      'refundableGrades[0]',
    ]);
  });

  it('refuses rules that put missing or wrong items into stock, or lack a needed target', () => {
    expect(
      fields(
        input({
          dispositionRules: [
            { grade: 'missing', skuPattern: '', disposition: 'restock', targetLocationId: '' },
            { grade: 'damaged', skuPattern: '', disposition: 'transfer', targetLocationId: '' },
            { grade: 'resellable', skuPattern: '', disposition: 'restock', targetLocationId: VENDOR },
            { grade: 'shiny', skuPattern: '', disposition: 'sell', targetLocationId: '' },
          ],
        }),
      ),
    ).toEqual([
      'dispositionRules[0].disposition',
      'dispositionRules[1].targetLocationId',
      'dispositionRules[2].targetLocationId',
      'dispositionRules[3].grade',
      'dispositionRules[3].disposition',
    ]);
  });

  it('requires a policy and at least one reason', () => {
    expect(() => validateReturnPolicy(undefined)).toThrow(ValidationError);
    expect(fields(input({ reasons: [] }))).toEqual(['reasons']);
  });
});

describe(matchesSkuPattern.name, () => {
  it.each([
    ['SHIRT-M', 'SHIRT-M', true],
    ['SHIRT-M', 'SHIRT-L', false],
    ['SHIRT-M', 'SHIRT-*', true],
    ['shirt-m', 'SHIRT-*', false],
    ['ANY', '*', true],
    ['ANY', '', true],
  ])('%s against %s → %s', (sku, pattern, expected) => {
    expect(matchesSkuPattern(sku, pattern)).toBe(expected);
  });

  it('allows * only at the end of a pattern', () => {
    expect(skuPatternProblem('A*')).toBeUndefined();
    expect(skuPatternProblem('*A')).toBe('may contain * only at the end');
  });
});
