import fc from 'fast-check';
import { backoffDelay } from './backoff';

describe(backoffDelay.name, () => {
  const policy = { initialMs: 100, maxMs: 1000 };

  it('starts at the initial delay and doubles with every attempt', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, policy))).toEqual([100, 200, 400, 800]);
  });

  it('never exceeds the cap', () => {
    expect(backoffDelay(5, policy)).toBe(1000);
    expect(backoffDelay(10_000, policy)).toBe(1000);
  });

  it('treats attempts below one as the first attempt', () => {
    expect(backoffDelay(0, policy)).toBe(100);
    expect(backoffDelay(-3, policy)).toBe(100);
  });

  it('is monotonic and bounded for any policy', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 200 }),
        (initialMs, extra, attempt) => {
          const p = { initialMs, maxMs: initialMs + extra };
          const delay = backoffDelay(attempt, p);
          expect(delay).toBeGreaterThanOrEqual(initialMs);
          expect(delay).toBeLessThanOrEqual(p.maxMs);
          expect(backoffDelay(attempt + 1, p)).toBeGreaterThanOrEqual(delay);
        },
      ),
    );
  });
});
