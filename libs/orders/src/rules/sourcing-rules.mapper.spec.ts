import { ValidationError } from '@baton/domain';
import { DEFAULT_SOURCING_RULES } from './sourcing-rules';
import { rulesFromContract, rulesToContract } from './sourcing-rules.mapper';

function violations(mutate: (rules: ReturnType<typeof rulesToContract>) => void): string[] {
  const contract = rulesToContract(DEFAULT_SOURCING_RULES);
  mutate(contract);
  try {
    rulesFromContract(contract);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).violations.map((v) => v.field);
  }
  return [];
}

describe(rulesFromContract.name, () => {
  it('reads back exactly what it wrote, carrier tables included', () => {
    expect(rulesFromContract(rulesToContract(DEFAULT_SOURCING_RULES))).toEqual(DEFAULT_SOURCING_RULES);
  });

  it('names every bad field of a carrier table', () => {
    expect(
      violations((r) => {
        const s = r.carrierServices[0];
        s.id = 'Parcel';
        s.cutoff = '25:00';
        s.zones.push({ code: 'domestic', countries: [], maxDistanceKm: undefined });
        s.rates.push({ zone: 'mars', maxWeightGrams: 0, priceMinor: -1 });
      }),
    ).toEqual([
      'rules.carrierServices[0].id',
      'rules.carrierServices[0].zones[3].code',
      'rules.carrierServices[0].zones[3]',
      'rules.carrierServices[0].rates[10].zone',
      'rules.carrierServices[0].rates[10].maxWeightGrams',
      'rules.carrierServices[0].rates[10].priceMinor',
      'rules.carrierServices[0].cutoff',
    ]);
  });

  it('names bad method rules, weights, policies and limits', () => {
    expect(
      violations((r) => {
        r.methods = [
          { deliveryMethod: 'teleport', allowedLocationTypes: [], requiredCapabilities: [] },
          { deliveryMethod: 'same_day', allowedLocationTypes: ['Store!'], requiredCapabilities: ['fly'] },
        ];
        r.weights = { cost: -1, etaDay: 1, split: 1, uninsured: 1, distanceKm: 1 };
        r.whenNothingLeft = 'panic';
        r.holds = { fraudScoreThreshold: 101, holdOnAddressMismatch: false };
        r.backorderHorizonDays = 0;
      }),
    ).toEqual([
      'rules.weights.cost',
      'rules.whenNothingLeft',
      'rules.holds.fraudScoreThreshold',
      'rules.methods[0].deliveryMethod',
      'rules.methods[1].allowedLocationTypes[0]',
      'rules.methods[1].requiredCapabilities[0]',
      'rules.backorderHorizonDays',
    ]);
  });
});
