import { randomInt } from 'node:crypto';

/** The Luhn (mod 10) check digit of a digit string, so a mistyped number is caught at entry. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  [...digits].reverse().forEach((character, index) => {
    let digit = Number(character);
    if (index % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  });
  return (10 - (sum % 10)) % 10;
}

/** A fresh tracking number: the carrier's prefix, 12 random digits and a Luhn check digit. */
export function newTrackingNumber(prefix: string): string {
  const digits = Array.from({ length: 12 }, () => randomInt(10)).join('');
  return `${prefix}${digits}${luhnCheckDigit(digits)}`;
}

/** Whether `value` is a well-formed tracking number of the carrier with `prefix`. */
export function isTrackingNumber(value: string, prefix: string): boolean {
  if (!value.startsWith(prefix)) return false;
  const rest = value.slice(prefix.length);
  return /^\d{13}$/.test(rest) && luhnCheckDigit(rest.slice(0, 12)) === Number(rest[12]);
}
