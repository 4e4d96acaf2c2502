import fc from 'fast-check';
import { isIdle, takeToken, type BucketState } from './token-bucket';

const fresh = (perMinute: number, at = 0): BucketState => ({ tokens: perMinute, refilledAt: at });

describe(takeToken.name, () => {
  it('allows a burst of the limit, then refuses with the seconds until the next token', () => {
    const state = fresh(3);
    expect([1, 2, 3].map(() => takeToken(state, 3, 0).allowed)).toEqual([true, true, true]);
    expect(takeToken(state, 3, 0)).toEqual({ allowed: false, retryAfterSeconds: 20 });
  });

  it('refills continuously at the limit per minute', () => {
    const state = fresh(60);
    for (let i = 0; i < 60; i++) takeToken(state, 60, 0);
    expect(takeToken(state, 60, 500).allowed).toBe(false);
    expect(takeToken(state, 60, 1_000).allowed).toBe(true);
    expect(takeToken(state, 60, 1_000).allowed).toBe(false);
  });

  it('never grants more than limit + elapsed × rate over any run of requests', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000 }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 300 }),
        (perMinute, gaps) => {
          const state = fresh(perMinute);
          let now = 0;
          let granted = 0;
          for (const gap of gaps) {
            now += gap;
            if (takeToken(state, perMinute, now).allowed) granted += 1;
          }
          return granted <= perMinute + Math.floor((now * perMinute) / 60_000);
        },
      ),
    );
  });

  it('forgets only buckets left alone for a minute', () => {
    expect(isIdle(fresh(5, 0), 59_999)).toBe(false);
    expect(isIdle(fresh(5, 0), 60_000)).toBe(true);
  });
});
