/**
 * The number of decimals of a currency's minor unit (EUR 2, JPY 0, BHD 3), from the runtime's ICU
 * data; undefined for a code that is not a currency.
 */
export function currencyExponent(currency: string): number | undefined {
  if (!/^[A-Z]{3}$/.test(currency)) return undefined;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  } catch {
    return undefined;
  }
}

/**
 * A decimal amount as a string ("199.00") in integer minor units, exactly (never through a float).
 * Undefined when it is not a non-negative decimal or has more decimals than the currency allows.
 */
export function toMinorUnits(amount: string, exponent: number): number | undefined {
  const match = /^(\d{1,13})(?:\.(\d{1,6}))?$/.exec(amount.trim());
  if (!match) return undefined;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > exponent) return undefined;
  return Number(match[1]) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
}
