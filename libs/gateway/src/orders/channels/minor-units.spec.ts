import fc from 'fast-check';
import { currencyExponent, toMinorUnits } from './minor-units';

describe('minor units', () => {
  it.each([
    ['EUR', 2],
    ['USD', 2],
    ['JPY', 0],
    ['BHD', 3],
  ])('knows %s has %i decimals', (currency, exponent) => {
    expect(currencyExponent(currency)).toBe(exponent);
  });

  it('knows no exponent for something that is not a currency code', () => {
    expect(currencyExponent('euro')).toBeUndefined();
  });

  it.each([
    ['199.00', 2, 19900],
    ['199', 2, 19900],
    ['0.5', 2, 50],
    ['1999', 0, 1999],
    ['1.000', 0, 1],
    ['12.345', 3, 12345],
  ])('reads %s with %i decimals as %i', (amount, exponent, minor) => {
    expect(toMinorUnits(amount, exponent)).toBe(minor);
  });

  it.each([['1.999', 2], ['-1.00', 2], ['1e3', 2], ['', 2], ['1.5', 0], ['abc', 2]])('refuses %s with %i decimals', (amount, exponent) => {
    expect(toMinorUnits(amount, exponent)).toBeUndefined();
  });

  it('is exact for every cent amount (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (cents) => {
        const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        return toMinorUnits(text, 2) === cents;
      }),
    );
  });
});
