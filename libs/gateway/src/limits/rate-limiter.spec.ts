import { RateLimiter } from './rate-limiter';

describe(RateLimiter.name, () => {
  it('keeps one bucket per caller, so one exhausted caller does not limit another', () => {
    const limiter = new RateLimiter();
    expect(limiter.take('key:a', 2, 0).allowed).toBe(true);
    expect(limiter.take('key:a', 2, 0).allowed).toBe(true);
    expect(limiter.take('key:a', 2, 0).allowed).toBe(false);
    expect(limiter.take('key:b', 2, 0).allowed).toBe(true);
  });

  it('forgets idle buckets when it holds many, and they come back full', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 10_000; i++) limiter.take(`ip:${i}`, 1, 0);
    expect(limiter.take('ip:0', 1, 1).allowed).toBe(false);
    expect(limiter.take('ip:new', 1, 60_000).allowed).toBe(true);
    // ip:1 … ip:9999 were idle for a minute and are gone; ip:0 was used at t=1, so it stays.
    expect((limiter as unknown as { buckets: Map<string, unknown> }).buckets.size).toBe(2);
    expect(limiter.take('ip:0', 1, 60_000).allowed).toBe(true);
  });
});
