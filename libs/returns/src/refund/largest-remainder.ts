/**
 * Splits `total` minor units into integer parts proportional to `weights` by the largest-remainder
 * method: each part gets the floor of its exact share, and the units left over go one each to the
 * parts with the largest remainders (ties: the earlier part first). The parts always sum to
 * `total` exactly. All-zero weights split evenly. Exact for any safe integers (BigInt inside).
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`total must be a non-negative safe integer, got ${total}`);
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError('cannot split a non-zero total into no parts');
    return [];
  }
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0) throw new RangeError(`weights must be non-negative safe integers, got ${weight}`);
  }
  const effective = weights.every((w) => w === 0) ? weights.map(() => 1) : weights;
  const sum = effective.reduce((acc, w) => acc + BigInt(w), 0n);
  const big = BigInt(total);
  const parts = effective.map((w) => (big * BigInt(w)) / sum);
  const remainders = effective.map((w, index) => ({ index, remainder: (big * BigInt(w)) % sum }));
  let leftover = Number(big - parts.reduce((acc, p) => acc + p, 0n));
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (leftover === 0) break;
    parts[index] += 1n;
    leftover -= 1;
  }
  return parts.map(Number);
}

/**
 * The amount of units `[from, from + count)` when `amount` is spread over `units` equal units by
 * largest remainder (the first `amount mod units` units carry one minor unit more). Returning a
 * line in several parts therefore adds up to exactly the line's amount, never more.
 */
export function unitsShare(amount: number, units: number, from: number, count: number): number {
  if (!Number.isSafeInteger(units) || units <= 0) throw new RangeError(`units must be a positive integer, got ${units}`);
  if (from < 0 || count < 0 || from + count > units) {
    throw new RangeError(`units ${from}..${from + count} are outside a line of ${units}`);
  }
  const cumulative = (n: number): number => {
    const big = BigInt(amount);
    const n_ = BigInt(n);
    const base = big / BigInt(units);
    const extra = big % BigInt(units);
    return Number(n_ * base + (n_ < extra ? n_ : extra));
  };
  return cumulative(from + count) - cumulative(from);
}
