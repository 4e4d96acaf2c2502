import type { DispositionRule } from '../policy/return-policy';
import { defaultDisposition, resolveDispositions, type GradedUnit } from './disposition-rules';

const VENDOR = '0b6c4d38-37a4-4c43-a2a4-3f7d1f3e2a10';
const HUB = '5a0f6f5e-0d35-4b8e-9b39-3f1b9e0d3c21';

const unit = (overrides: Partial<GradedUnit> = {}): GradedUnit => ({ id: 'u1', sku: 'TV-55', grade: 'resellable', unexpected: false, ...overrides });

const rules: DispositionRule[] = [
  { grade: 'defective', skuPattern: 'TV-*', disposition: 'return_to_vendor', targetLocationId: VENDOR },
  { grade: 'resellable', skuPattern: 'TV-55', disposition: 'transfer', targetLocationId: HUB },
];

describe(defaultDisposition.name, () => {
  it('uses the built-in default by grade when no rule matches', () => {
    expect(defaultDisposition(unit({ sku: 'SHIRT' }), rules)).toEqual({ disposition: 'restock', targetLocationId: null });
    expect(defaultDisposition(unit({ sku: 'SHIRT', grade: 'damaged' }), rules)).toEqual({ disposition: 'write_off', targetLocationId: null });
  });

  it('takes the first rule matching grade and item', () => {
    expect(defaultDisposition(unit({ grade: 'defective' }), rules)).toEqual({ disposition: 'return_to_vendor', targetLocationId: VENDOR });
    expect(defaultDisposition(unit(), rules)).toEqual({ disposition: 'transfer', targetLocationId: HUB });
  });

  it('puts missing, wrong and unexpected items nowhere', () => {
    expect(defaultDisposition(unit({ grade: 'missing' }), rules).disposition).toBe('none');
    expect(defaultDisposition(unit({ grade: 'wrong_item' }), rules).disposition).toBe('none');
    expect(defaultDisposition(unit({ unexpected: true }), rules).disposition).toBe('none');
  });
});

describe(resolveDispositions.name, () => {
  const units = [unit({ id: 'a', sku: 'SHIRT' }), unit({ id: 'b', grade: 'missing' }), unit({ id: 'c', sku: 'X', unexpected: true })];

  it('applies explicit choices and defaults the rest', () => {
    const { decisions, violations } = resolveDispositions(units, [{ unitId: 'c', disposition: 'restock', targetLocationId: '' }], rules);
    expect(violations).toEqual([]);
    expect(Object.fromEntries(decisions)).toEqual({
      a: { disposition: 'restock', targetLocationId: null },
      b: { disposition: 'none', targetLocationId: null },
      c: { disposition: 'restock', targetLocationId: null },
    });
  });

  it('names every bad unit choice', () => {
    const { violations } = resolveDispositions(
      units,
      [
        { unitId: 'zzz', disposition: 'restock', targetLocationId: '' },
        { unitId: 'b', disposition: 'restock', targetLocationId: '' },
        { unitId: 'a', disposition: 'transfer', targetLocationId: '' },
        { unitId: 'c', disposition: 'write_off', targetLocationId: HUB },
      ],
      rules,
    );
    expect(violations.map((v) => v.field)).toEqual(['units[0].unitId', 'units[1].disposition', 'units[2].targetLocationId', 'units[3].targetLocationId']);
  });
});
